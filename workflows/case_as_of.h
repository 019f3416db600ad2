// workflows/case_as_of.h
//
// The one evaluation path: the case as it stood on a date, from its events, the rule pack and
// the LA calendar. It takes out the corrections (event_voided) and the events they void, whatever
// the date (a voided event never happened), sorts the rest into replay order, leaves out those
// dated after the date, folds the case record, runs the statutory machines, and drops the clocks
// and workflows that the history implies only for later dates (next year's phase transfer). A
// history refused at an event only a voided one made possible is refused as that void's. Import
// (with no date: the whole history), `case show`, and the queues and reports as of a past date all
// come through here, so they cannot disagree. Pure: no I/O, no clock; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "engine/calendar.h"
#include "engine/case_record.h"
#include "engine/event.h"
#include "engine/rule_pack.h"
#include "workflows/case_evaluator.h"
#include "workflows/case_view.h"
#include "workflows/corrections.h"

namespace ehcp::workflows {

struct CaseAsOf {
  engine::CaseRecord record;                 // as the Case events up to the date leave it
  std::vector<engine::RecordedEvent> known;  // the events that shaped it, in replay order
  std::vector<Correction> corrections;       // every void, whatever its date, in arrival order
  std::size_t later_events = 0;              // recorded but dated after the date (voids too)
  CaseView view;                             // workflows and clocks that exist on the date
  std::optional<Rejection> rejection;        // set: the history is not valid; view is partial
};

// The case as its `events` (in any order; at least its case_opened) left it on `as_of`, or at
// the end of its history when `as_of` is nullopt. When nothing is dated on or before `as_of`
// the record is empty and the view has nothing in it.
CaseAsOf case_as_of(std::vector<engine::RecordedEvent> events, const engine::RuleBook& rules,
                    const engine::Calendar& calendar, std::optional<engine::Date> as_of);

}  // namespace ehcp::workflows
