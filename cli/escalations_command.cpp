// `ehcp escalations [--case REF]`: every escalation rung recorded, when it fell due, the tick
// that recorded it, whether it notified or was skipped, and who was told.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "adapters/render/table.h"
#include "adapters/sqlite/escalation_store.h"
#include "cli/commands.h"

namespace ehcp::cli {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    out += (out.empty() ? "" : "; ") + item;
  }
  return out;
}

engine::Status run_escalations(const Context& context, const std::string& case_ref) {
  auto db = context.open_database(Access::kRead);
  if (!db.ok()) {
    return db.status();
  }
  std::vector<adapters::sqlite::EscalationRecord> records;
  try {
    adapters::sqlite::EscalationStore store(db.value()->sql());
    records = store.list(case_ref.empty() ? std::nullopt : std::optional<std::string>(case_ref));
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("escalations", e.what());
  }
  if (context.format() == Format::kJson) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& r : records) {
      out.push_back({{"case", r.case_ref},
                     {"clock", r.clock},
                     {"start", engine::format_date(r.start)},
                     {"rung", r.rung},
                     {"due", engine::format_date(r.due)},
                     {"fires_on", engine::format_date(r.fires_on)},
                     {"ticked_on", engine::format_date(r.ticked_on)},
                     {"outcome", r.notified ? "notified" : "skipped"},
                     {"told", r.told}});
    }
    std::cout << out.dump() << "\n";
    return {};
  }
  adapters::render::Table table;
  table.headers = {"case", "clock", "due", "rung", "fires_on", "ticked_on", "outcome", "told"};
  for (const auto& r : records) {
    table.rows.push_back({r.case_ref, r.clock, engine::format_date(r.due), r.rung,
                          engine::format_date(r.fires_on), engine::format_date(r.ticked_on),
                          r.notified ? "notified" : "skipped", joined(r.told)});
  }
  std::cout << (context.format() == Format::kCsv ? adapters::render::to_csv(table)
                                                 : adapters::render::to_text(table));
  return {};
}

}  // namespace

void add_escalations_command(CLI::App& app, Context& context, Run& run) {
  auto* cmd = app.add_subcommand(
      "escalations",
      "Every escalation recorded: when it fell due, whether it notified, who was told");
  auto case_ref = std::make_shared<std::string>();
  cmd->add_option("--case", *case_ref, "Only this case");
  cmd->callback([&context, &run, case_ref] {
    run = [&context, case_ref] { return run_escalations(context, *case_ref); };
  });
}

}  // namespace ehcp::cli
