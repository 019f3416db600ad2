// workflows/detail/repeated_event.h
//
// The events that happen once in a workflow: a decision, a final plan, a meeting held, a
// mediation held, a certificate, an appeal decided, a plan shared or sent. A second one is
// refused naming the first and its day ("the decision whether to assess was already made on
// 3 December 2026"), which says what went wrong, rather than the state the first left the
// workflow in. Events that may come again where a workflow stands (a re-issued draft, a
// re-arranged meeting, advice asked for again) are not among them; those that happen once per
// thing (advice received from one adviser, a setting's answer) are refused by the step that
// takes them, from the clock the first met. Only the machines include this.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/civil_date.h"
#include "engine/event.h"

namespace ehcp::workflows::detail {

// What a second event of `type` in one workflow (named `noun`: "re-assessment") would repeat,
// "the final plan was already issued"; nullopt when the type may come more than once.
std::optional<std::string> already_done(engine::EventType type, std::string_view noun);

// "<what> on 3 December 2026": the repeated thing and the day it happened.
std::string already_on(const std::string& what, engine::Date on);

}  // namespace ehcp::workflows::detail
