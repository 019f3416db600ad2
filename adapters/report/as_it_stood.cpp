#include "adapters/report/as_it_stood.h"

#include <algorithm>

#include "engine/case_record.h"
#include "workflows/case_evaluator.h"

namespace ehcp::adapters::report {

AsItStood::AsItStood(sqlite::Database& db, const engine::RuleBook& rules,
                     const engine::Calendar& calendar, engine::Date as_of)
    : events_(db.sql()),
      later_(db.sql(), "SELECT EXISTS (SELECT 1 FROM events WHERE case_ref = ? AND on_date > ?)"),
      rules_(rules),
      calendar_(calendar),
      as_of_(as_of) {
  const auto latest = events_.latest_on();
  history_goes_on_ = latest && as_of < *latest;
}

const std::optional<AsItStood::Standing>& AsItStood::standing_of(const std::string& case_ref) {
  if (const auto it = cache_.find(case_ref); it != cache_.end()) {
    return it->second;
  }
  auto& slot = cache_[case_ref];
  later_.reset();
  later_.bind(1, case_ref);
  later_.bind(2, engine::format_date(as_of_));
  later_.executeStep();
  if (later_.getColumn(0).getInt() == 0) {
    return slot;
  }
  auto history = events_.load_case(case_ref);
  if (!history.ok()) {
    return slot;  // the stored row stands; the store error will surface elsewhere
  }
  auto events = std::move(history).value();
  std::erase_if(events, [&](const engine::RecordedEvent& e) { return e.event.on > as_of_; });
  engine::sort_for_replay(events);
  if (events.empty()) {
    return slot;
  }
  const engine::CaseRecord record = engine::fold_case_record(events);
  Standing s;
  s.caseworker = record.caseworker.value_or("");
  s.team = record.team.value_or("");
  s.child = record.child.given_name + " " + record.child.family_name;
  for (const auto& w : workflows::evaluate_case(events, rules_, calendar_).view.workflows) {
    s.states[w.workflow] = w.state;  // in opening order: the latest of each name wins
  }
  slot = std::move(s);
  return slot;
}

void AsItStood::correct(sqlite::ClockRow& row) {
  if (!history_goes_on_) {
    return;  // every case stands today as it stood on the date
  }
  const auto& standing = standing_of(row.case_ref);
  if (!standing) {
    return;
  }
  row.caseworker = standing->caseworker;
  row.team = standing->team;
  if (!row.child.empty()) {
    row.child = standing->child;
  }
  if (!row.stage.empty()) {
    const auto it = standing->states.find(row.clock.workflow);
    row.stage = it != standing->states.end() ? it->second : "";
  }
}

}  // namespace ehcp::adapters::report
