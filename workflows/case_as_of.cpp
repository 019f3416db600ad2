#include "workflows/case_as_of.h"

#include <algorithm>

#include "workflows/corrections.h"

namespace ehcp::workflows {
namespace {

bool after(const engine::RecordedEvent& e, const std::optional<engine::Date>& as_of) {
  return as_of && e.event.on > *as_of;
}

// The evaluator's reason without its "type on date: " opening, to be worded around.
std::string bare_reason(const Rejection& rejection, const engine::RecordedEvent& rejected) {
  const std::string opening = std::string(engine::to_string(rejected.event.type())) + " on " +
                              engine::format_date(rejected.event.on) + ": ";
  return rejection.reason.starts_with(opening) ? rejection.reason.substr(opening.size())
                                               : rejection.reason;
}

// When the history is refused at an event that a voided one made possible (a decision on a
// voided request), the refusal is the void's: it names the voided event and the one left
// without it. Tried by putting each voided event back in turn; only on the refused path.
void blame_a_void(CaseAsOf& out, const engine::RuleBook& rules, const engine::Calendar& calendar,
                  const std::optional<engine::Date>& as_of) {
  const auto rejected =
      std::find_if(out.known.begin(), out.known.end(),
                   [&](const engine::RecordedEvent& e) { return e.seq == out.rejection->seq; });
  if (rejected == out.known.end()) {
    return;
  }
  for (const auto& c : out.corrections) {
    if (after(c.voided, as_of)) {
      continue;
    }
    auto restored = out.known;
    restored.push_back(c.voided);
    engine::sort_for_replay(restored);
    const auto trial = evaluate_case(restored, rules, calendar);
    if (trial.rejection && trial.rejection->seq == out.rejection->seq) {
      continue;
    }
    out.rejection =
        Rejection{c.correction.seq, "voiding " + describe_event(c.voided) + " leaves " +
                                        describe_event(*rejected) + " that cannot be taken (" +
                                        bare_reason(*out.rejection, *rejected) +
                                        "): void it as well, in the same import"};
    return;
  }
}

}  // namespace

CaseAsOf case_as_of(std::vector<engine::RecordedEvent> events, const engine::RuleBook& rules,
                    const engine::Calendar& calendar, std::optional<engine::Date> as_of) {
  CaseAsOf out;
  // Voids first, whatever their date or the date asked for: a voided event never happened.
  Corrected corrected = apply_corrections(std::move(events));
  events = std::move(corrected.events);
  out.corrections = std::move(corrected.corrections);
  for (const auto& c : out.corrections) {
    out.later_events += (after(c.voided, as_of) ? 1 : 0) + (after(c.correction, as_of) ? 1 : 0);
  }
  engine::sort_for_replay(events);
  if (as_of) {
    // Replay order is by date first, so the later events are a tail.
    const auto later =
        std::find_if(events.begin(), events.end(),
                     [&](const engine::RecordedEvent& e) { return after(e, as_of); });
    out.later_events += static_cast<std::size_t>(events.end() - later);
    events.erase(later, events.end());
  }
  out.known = std::move(events);
  if (out.known.empty()) {
    out.rejection = std::move(corrected.rejection);
    return out;
  }
  out.record = engine::fold_case_record(out.known);
  auto evaluation = evaluate_case(out.known, rules, calendar);
  out.view = std::move(evaluation.view);
  out.rejection = std::move(evaluation.rejection);
  if (corrected.rejection) {
    out.rejection = std::move(corrected.rejection);  // a void that cannot be taken comes first
  } else if (out.rejection && !out.corrections.empty()) {
    blame_a_void(out, rules, calendar, as_of);
  }
  if (as_of) {
    std::erase_if(out.view.clocks, [&](const engine::Clock& c) { return c.start > *as_of; });
    std::erase_if(out.view.workflows, [&](const WorkflowView& w) { return w.opened > *as_of; });
  }
  return out;
}

}  // namespace ehcp::workflows
