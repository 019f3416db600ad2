// cli/time_source.h
//
// The only place ehcp reads the system clock. "Today" is the civil date in London (so a
// command run at 00:30 BST on 1 June is on 1 June, not 31 May in UTC); recorded times are UTC.
// Each command asks once and passes the answer down as a value.
#pragma once

#include <chrono>
#include <string>

#include "engine/civil_date.h"

namespace ehcp::cli {

engine::Date london_today();

// The civil date in London at instant `t` (the pure half of london_today, for tests).
engine::Date london_date_at(std::chrono::system_clock::time_point t);

// Now, to the second: what `ehcp run` compares with its schedule.
std::chrono::sys_seconds now_to_the_second();

// Now in UTC, ISO 8601 to the millisecond: "2026-11-25T04:40:33.120Z".
std::string utc_timestamp_now();

}  // namespace ehcp::cli
