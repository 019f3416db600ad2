// workflows/case_evaluator.h
//
// Folds one case's events, in replay order, through the statutory machines and returns what
// they add up to: workflows, clocks and warnings (CaseView). The machines are the assessment
// (and a detained person's, while a detention lasts), re-assessment, review, phase transfer,
// disagreement, moves out of and into the area, and custody; the evaluator routes each event to
// the one it belongs to and starts reviews and transfers itself. The same path serves a fresh
// import and a rebuild. Exceptions are applied after the fold, since an exception may be
// recorded after the clocks it flags: each limb only to the clocks the rule pack lists it
// for, and the school- and early-years-closure limbs found by the engine itself from the
// LA's closure calendar. A due date never moves. Pure: no I/O, no clock.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "engine/calendar.h"
#include "engine/event.h"
#include "engine/rule_pack.h"
#include "workflows/case_view.h"

namespace ehcp::workflows {

// Why an event could not be taken where it falls, and which event (its arrival seq).
struct Rejection {
  std::int64_t seq = 0;
  std::string reason;
};

struct Evaluation {
  CaseView view;
  std::optional<Rejection> rejection;  // set: the history is not valid; view is partial
};

// Evaluates `events` (sorted by engine::sort_for_replay), which hold no correction: an
// event_voided is refused here; workflows::case_as_of takes the voids and what they void out.
Evaluation evaluate_case(std::span<const engine::RecordedEvent> events,
                         const engine::RuleBook& rules, const engine::Calendar& calendar);

}  // namespace ehcp::workflows
