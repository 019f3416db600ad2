// adapters/record/offered_events.h
//
// What a case can take next, asked of the statutory machines themselves rather than restated:
// each form's event is tried, in a few plausible variants (each outcome of a decision, each
// advice the case awaits), as if recorded on the day, after the case's whole history; the
// event types some variant of which the machines accept are the ones offered. The same trial
// says what a refused event needed first ("record the decision whether to issue a plan first").
// Also the case's own choices for a form (the advice it awaits, the settings not yet answered).
// Pure: the caller loads the history; no I/O, no clock.
#pragma once

#include <optional>
#include <vector>

#include "adapters/record/event_forms.h"
#include "engine/calendar.h"
#include "engine/event.h"
#include "engine/rule_pack.h"
#include "workflows/case_view.h"

namespace ehcp::adapters::record {

struct CaseHistory {
  const std::vector<engine::RecordedEvent>& events;  // every event of the case, voids included
  const engine::RuleBook& rules;
  const engine::Calendar& calendar;
};

// The forms whose events the case can take on `on`, in event_forms() order. None when the
// history itself cannot be evaluated (its problem is shown; only a correction can mend it).
std::vector<const EventForm*> offered_forms(const CaseHistory& history, engine::Date on);

// `refused` (not yet stored) was refused by the machines: the first form, in event_forms()
// order, some variant of whose event recorded the same day just before it would let the
// machines take it. Nullopt when no single event would.
const EventForm* needed_first(const CaseHistory& history, const engine::Event& refused);

// The options of a field whose choices are the case's own (FormField::case_choices), from the
// case's view: the advice it awaits and the settings consulted and not yet answered.
std::vector<Choice> case_choices(const workflows::CaseView& view, CaseChoices which);

}  // namespace ehcp::adapters::record
