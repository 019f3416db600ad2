// engine/breach_trend.h
//
// The breach report's trend: how many statutory clocks were overdue on each of the last nights,
// and how many were met late, from clock rows (a clock's status on any day is a function of its
// row, engine/clock.h). The report's source chooses the nights: those the nightly run recorded
// in the 30 before D, and D. Excepted clocks are not breaches and are not counted. Pure;
// thread-safe.
#pragma once

#include <span>
#include <vector>

#include "engine/civil_date.h"
#include "engine/clock.h"

namespace ehcp::engine {

// How many nights back the trend and "met late" look, D included.
inline constexpr int kTrendNights = 30;

struct BreachNight {
  Date night;
  int overdue = 0;  // statutory clocks overdue on the night, not excepted
  bool operator==(const BreachNight&) const = default;
};

// One entry per night of `nights` (ascending), counting the statutory clocks of `clocks` that
// were overdue and not excepted on it.
std::vector<BreachNight> breach_trend(std::span<const Clock> clocks, std::span<const Date> nights);

// Statutory clocks of `clocks` met after their due date on a day in [from, to].
int met_late_between(std::span<const Clock> clocks, Date from, Date to);

}  // namespace ehcp::engine
