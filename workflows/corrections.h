// workflows/corrections.h
//
// Corrections: an event_voided takes a mistaken event out of a case's history. The voided event
// stays stored and exported; what is derived is derived as if it had never happened, whatever
// the date. This finds which events of a case are voided and by which correction, and refuses
// a void that names no earlier event of the case, names a correction (a void is not undone by
// voiding it: the event is recorded again), names a case_opened (a case is closed, not voided),
// or names an event already voided. workflows::case_as_of evaluates only what is left, so the
// machines never see a correction. Pure: no I/O; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/event.h"
#include "workflows/case_evaluator.h"

namespace ehcp::workflows {

// One void and the event it took out.
struct Correction {
  engine::RecordedEvent voided;      // the mistaken event
  engine::RecordedEvent correction;  // the event_voided that took it out
};

struct Corrected {
  std::vector<engine::RecordedEvent> events;  // the history without the voids and what they void
  std::vector<Correction> corrections;        // in arrival order of the voids
  std::optional<Rejection> rejection;         // set: a void that cannot be taken (its seq)
};

// Takes the voids and the events they void out of one case's `events` (any order; the order of
// what is left is kept). On a rejection, `events` holds every event but the voids and
// `corrections` is empty.
Corrected apply_corrections(std::vector<engine::RecordedEvent> events);

// Why an event of `type` can never be voided, worded to follow the event's description
// ("cannot be voided: close the case instead ..."), or nullopt when it can be.
std::optional<std::string> why_not_voidable(engine::EventType type);

// "assessment_requested on 2026-01-05 (#12)": an event as an error message names it.
std::string describe_event(const engine::RecordedEvent& recorded);

}  // namespace ehcp::workflows
