#include "adapters/import/case_rebuilder.h"

#include "workflows/case_as_of.h"

namespace ehcp::adapters {

DerivedCase derive_case(std::string case_ref, std::vector<engine::RecordedEvent> events,
                        const engine::RuleBook& rules, const engine::Calendar& calendar) {
  DerivedCase out;
  out.case_ref = std::move(case_ref);
  auto derived = workflows::case_as_of(std::move(events), rules, calendar, std::nullopt);
  if (derived.rejection) {
    out.rejection = std::move(derived.rejection);
    return out;
  }
  out.record = std::move(derived.record);
  out.clocks = std::move(derived.view.clocks);
  out.workflows = std::move(derived.view.workflows);
  return out;
}

void CaseRebuilder::write(const DerivedCase& derived) {
  cases_.put(derived.record);
  clocks_.replace(derived.case_ref, derived.clocks);
  workflows_.replace(derived.case_ref, derived.workflows);
}

void CaseRebuilder::write_new(const DerivedCase& derived) {
  cases_.put(derived.record);
  clocks_.insert(derived.case_ref, derived.clocks);
  workflows_.insert(derived.case_ref, derived.workflows);
}

CaseRebuilder::CaseRebuilder(sqlite::Database& db, const engine::RuleBook& rules,
                             const engine::Calendar& calendar)
    : db_(db),
      events_(db.sql()),
      cases_(db.sql()),
      clocks_(db.sql()),
      workflows_(db.sql()),
      rules_(rules),
      calendar_(calendar) {}

engine::Result<std::optional<workflows::Rejection>> CaseRebuilder::rebuild(
    const std::string& case_ref) {
  auto history = events_.load_case(case_ref);
  if (!history.ok()) {
    return history.status();
  }
  DerivedCase derived = derive_case(case_ref, std::move(history).value(), rules_, calendar_);
  if (derived.rejection) {
    return derived.rejection;
  }
  write(derived);
  return std::optional<workflows::Rejection>();
}

engine::Result<std::optional<workflows::Rejection>> CaseRebuilder::rebuild_all(std::size_t& cases) {
  std::vector<std::string> refs;
  SQLite::Statement q(db_.sql(), "SELECT DISTINCT case_ref FROM events ORDER BY case_ref");
  while (q.executeStep()) {
    refs.push_back(q.getColumn(0).getString());
  }
  for (const auto& ref : refs) {
    auto result = rebuild(ref);
    if (!result.ok() || result.value()) {
      return result;
    }
    ++cases;
  }
  return std::optional<workflows::Rejection>();
}

}  // namespace ehcp::adapters
