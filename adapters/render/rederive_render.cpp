#include "adapters/render/rederive_render.h"

namespace ehcp::adapters::render {
namespace {

std::string date_or(const std::optional<engine::Date>& d, const char* none) {
  return d ? engine::format_date(*d) : none;
}

nlohmann::json date_json(const std::optional<engine::Date>& d) {
  return d ? nlohmann::json(engine::format_date(*d)) : nlohmann::json(nullptr);
}

std::string exception_note(const derivation::MovedClock& m) {
  if (m.was_excepted == m.now_excepted) {
    return "";
  }
  return m.now_excepted ? " (an exception now applies)" : " (the exception no longer applies)";
}

}  // namespace

Table moved_clocks_table(const derivation::Rederived& r) {
  Table t;
  t.headers = {"case", "clock", "start", "was due", "now due", "why"};
  for (const auto& m : r.moved) {
    t.rows.push_back({m.case_ref, m.clock, engine::format_date(m.start),
                      date_or(m.was_due, "(new)"), date_or(m.now_due, "(gone)"),
                      m.why + exception_note(m)});
  }
  return t;
}

nlohmann::json rederived_json(const derivation::Rederived& r, bool dry_run) {
  nlohmann::json changes = nlohmann::json::array();
  for (const auto& c : r.changes) {
    changes.push_back(c.text);
  }
  nlohmann::json moved = nlohmann::json::array();
  for (const auto& m : r.moved) {
    moved.push_back({{"case", m.case_ref},
                     {"clock", m.clock},
                     {"workflow", m.workflow},
                     {"start", engine::format_date(m.start)},
                     {"was_due", date_json(m.was_due)},
                     {"now_due", date_json(m.now_due)},
                     {"was_excepted", m.was_excepted},
                     {"now_excepted", m.now_excepted},
                     {"why", m.why}});
  }
  return {{"dry_run", dry_run},
          {"cases", r.cases},
          {"cases_changed", r.cases_changed},
          {"changes", changes},
          {"moved", moved}};
}

std::string rederived_summary(const derivation::Rederived& r, bool dry_run) {
  std::string out = std::string(dry_run ? "would re-derive " : "re-derived ") +
                    std::to_string(r.cases) + " case(s): " + std::to_string(r.moved.size()) +
                    " clock(s) moved in " + std::to_string(r.cases_changed) + " case(s)";
  if (dry_run) {
    out += " (dry run: nothing was written)";
  }
  return out;
}

}  // namespace ehcp::adapters::render
