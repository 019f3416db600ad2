// engine/event_validation.h
//
// The checks on one event that need no other event: dates in order (an exception's `from`
// before its `to`, a plan made on or before it is recorded), year groups in range, names not
// empty, a correction naming exactly one event. Cross-event checks (the case exists, an id's
// content, an event the workflow cannot take) belong to the import and the machines. Pure;
// thread-safe.
#pragma once

#include <optional>
#include <string>

#include "engine/event.h"

namespace ehcp::engine {

inline constexpr int kMinYearGroup = -1;  // nursery
inline constexpr int kMaxYearGroup = 14;

// Why `event` cannot be accepted on its own, naming the field, or nullopt when it can.
std::optional<std::string> event_problem(const Event& event);

// Why `event` cannot be imported as of `as_of`: it is dated after it, or says something happened
// after it (a move the LA became aware of later, in `aware_on`). Nullopt when it can.
std::optional<std::string> after_as_of_problem(const Event& event, Date as_of);

}  // namespace ehcp::engine
