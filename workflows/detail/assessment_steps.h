// workflows/detail/assessment_steps.h
//
// The steps an EHC needs assessment and a re-assessment share (regs 6-8 and 13(1), applied to
// re-assessments by regs 26 and 27): asking for advice and receiving it, consulting a school
// and its answer, and the family's 15 days from a draft. The steps open or meet clocks of the
// given workflow in the case's ClockBook. Only the machines include this.
#pragma once

#include <optional>
#include <string>

#include "engine/event.h"
#include "engine/status.h"
#include "workflows/case_view.h"
#include "workflows/clock_book.h"

namespace ehcp::workflows::detail {

// One of the steps both take, in `workflow`'s clocks:
//  - advice_requested opens advice:<id> from the day the adviser received the request, with its
//    service; refused while the same advice is still awaited;
//  - advice_received meets advice:<id>; refused when none is awaited (naming the day it was
//    received, when it was);
//  - school_consulted opens consultation:<setting>;
//  - consultation_response meets it; refused when the setting was not consulted (or, naming
//    the day, already answered).
// InvalidTransition saying why, or ok. Any other event is a programmer's error (Internal).
engine::Status take_step(ClockBook& book, const char* workflow, const engine::Event& event);

// The family has at least 15 days from service of the draft (day 1 = service) to comment (reg
// 13(1); the rule pack's `draft_representations`, as `book` reads it): a `what` ("final plan")
// issued on `issued` inside them is a procedural breach, unless the family said it had no more
// to say. The warning, or nullopt; a warning that the check could not be made when no pack in
// force has the rule.
std::optional<Warning> inside_representations(const ClockBook& book, engine::Date draft_served,
                                              engine::Date issued, bool no_further_representations,
                                              const std::string& what);

}  // namespace ehcp::workflows::detail
