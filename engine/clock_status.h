// engine/clock_status.h
//
// Where a clock stands on a date (contract.md §3): open (not met, not yet due), overdue (not
// met, past due), met (on or before due), late (met after due), not_applicable (the clock
// stopped applying, e.g. the assessment ended). Plain enum; thread-safe.
#pragma once

#include <optional>
#include <string_view>

namespace ehcp::engine {

enum class ClockStatus { kOpen, kOverdue, kMet, kLate, kNotApplicable };

std::string_view to_string(ClockStatus status);
std::optional<ClockStatus> parse_clock_status(std::string_view text);

}  // namespace ehcp::engine
