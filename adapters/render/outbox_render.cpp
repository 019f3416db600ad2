#include "adapters/render/outbox_render.h"

#include <string>

namespace ehcp::adapters::render {
namespace {

using json = nlohmann::json;

json optional_json(const std::optional<std::string>& text) {
  return text ? json(*text) : json(nullptr);
}

}  // namespace

Table outbox_table(const std::vector<sqlite::OutboxMessage>& messages) {
  Table table{{"id", "created_on", "case", "clock", "rung", "role", "recipient", "address",
               "subject", "delivered_at", "delivered_to"},
              {}};
  for (const auto& m : messages) {
    table.rows.push_back({std::to_string(m.id), engine::format_date(m.created_on), m.case_ref,
                          m.clock, m.rung, m.role, m.recipient, m.address, m.subject,
                          m.delivered_at.value_or(""), m.delivered_to.value_or("")});
  }
  return table;
}

json outbox_json(const std::vector<sqlite::OutboxMessage>& messages) {
  json out = json::array();
  for (const auto& m : messages) {
    out.push_back({{"id", m.id},
                   {"created_on", engine::format_date(m.created_on)},
                   {"case", m.case_ref},
                   {"clock", m.clock},
                   {"rung", m.rung},
                   {"role", m.role},
                   {"recipient", m.recipient},
                   {"address", m.address},
                   {"subject", m.subject},
                   {"delivered_at", optional_json(m.delivered_at)},
                   {"delivered_to", optional_json(m.delivered_to)}});
  }
  return out;
}

}  // namespace ehcp::adapters::render
