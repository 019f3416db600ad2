#include "workflows/case_as_of.h"

#include <algorithm>

namespace ehcp::workflows {

CaseAsOf case_as_of(std::vector<engine::RecordedEvent> events, const engine::RuleBook& rules,
                    const engine::Calendar& calendar, std::optional<engine::Date> as_of) {
  CaseAsOf out;
  engine::sort_for_replay(events);
  if (as_of) {
    // Replay order is by date first, so the later events are a tail.
    const auto later =
        std::find_if(events.begin(), events.end(),
                     [&](const engine::RecordedEvent& e) { return e.event.on > *as_of; });
    out.later_events = static_cast<std::size_t>(events.end() - later);
    events.erase(later, events.end());
  }
  out.known = std::move(events);
  if (out.known.empty()) {
    return out;
  }
  out.record = engine::fold_case_record(out.known);
  auto evaluation = evaluate_case(out.known, rules, calendar);
  out.view = std::move(evaluation.view);
  out.rejection = std::move(evaluation.rejection);
  if (as_of) {
    std::erase_if(out.view.clocks, [&](const engine::Clock& c) { return c.start > *as_of; });
    std::erase_if(out.view.workflows, [&](const WorkflowView& w) { return w.opened > *as_of; });
  }
  return out;
}

}  // namespace ehcp::workflows
