// workflows/detail/assessment_steps.h
//
// The steps an EHC needs assessment and a re-assessment share (regs 6-8 and 13(1), applied to
// re-assessments by regs 26 and 27): asking for advice and receiving it, consulting a school
// and its answer, and the family's 15 days from a draft. Each opens or meets clocks of the
// given workflow in the case's ClockBook and returns why it cannot, or nullopt. Only the
// machines include this.
#pragma once

#include <optional>
#include <string>

#include "engine/event.h"
#include "workflows/case_view.h"
#include "workflows/clock_book.h"

namespace ehcp::workflows::detail {

// advice_requested: opens advice:<id> from the day the adviser received the request, recording
// its service. Fails while the same advice is still awaited.
std::optional<std::string> ask_advice(ClockBook& book, const char* workflow,
                                      const engine::Event& event,
                                      const engine::AdviceRequested& body);

// advice_received: meets advice:<id>. Fails when none is awaited.
std::optional<std::string> receive_advice(ClockBook& book, const engine::Event& event,
                                          const engine::AdviceReceived& body);

// school_consulted: opens consultation:<setting>.
std::optional<std::string> consult_school(ClockBook& book, const char* workflow,
                                          const engine::Event& event,
                                          const engine::SchoolConsulted& body);

// consultation_response: meets consultation:<setting>. Fails when it was not consulted.
std::optional<std::string> answer_consultation(ClockBook& book, const engine::Event& event,
                                               const engine::ConsultationResponse& body);

// The family has at least 15 days from service of the draft (day 1 = service) to comment (reg
// 13(1)): a `what` ("final plan") issued on `issued` inside them is a procedural breach, unless
// the family said it had no more to say. The warning, or nullopt.
std::optional<Warning> inside_representations(engine::Date draft_served, engine::Date issued,
                                              bool no_further_representations,
                                              const std::string& what);

}  // namespace ehcp::workflows::detail
