// adapters/record/clock_changes.h
//
// What recording some events did to a case's clocks, for the page a caseworker sees after
// saving: the clocks they met, started and ended. The case's whole history is evaluated with
// those events and without them (the one evaluation path, workflows::case_as_of), and the two
// compared clock by clock (by workflow, name and start). Pure.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/calendar.h"
#include "engine/clock.h"
#include "engine/event.h"
#include "engine/rule_pack.h"

namespace ehcp::adapters::record {

struct ClockChanges {
  std::vector<engine::Clock> met;
  std::vector<engine::Clock> started;
  std::vector<engine::Clock> ended;  // stopped applying (a refusal, a withdrawal)
  bool empty() const { return met.empty() && started.empty() && ended.empty(); }
};

// The changes made by the events with seq first..last (inclusive) of `events`.
ClockChanges clock_changes(const std::vector<engine::RecordedEvent>& events, std::int64_t first,
                           std::int64_t last, const engine::RuleBook& rules,
                           const engine::Calendar& calendar);

}  // namespace ehcp::adapters::record
