// engine/breach_report.h
//
// The nightly deadline-breach report (contract.md §4), composed from clock rows: every statutory
// clock overdue on D, those newly so, those due within 10 working days, and the overdue ones a
// statutory exception covers, with counts by clock and by team for D and for the night before.
// A breach is *new* on D when D is its first overdue day (due = D - 1), or when a report was made
// before D and none of them showed it (it became overdue since, e.g. through a backdated event).
// Guidance clocks are targets, never breaches: they are not here. Pure; thread-safe.
#pragma once

#include <map>
#include <span>
#include <string>
#include <vector>

#include "engine/breach_trend.h"
#include "engine/calendar.h"
#include "engine/civil_date.h"
#include "engine/clock.h"

namespace ehcp::engine {

// A statutory clock with what the report says about its case.
struct BreachCandidate {
  std::string case_ref;
  Clock clock;
  std::string caseworker;  // empty when none is assigned
  std::string team;
  std::string child;             // "Given Family"; empty in an anonymised report
  bool reported_before = false;  // shown as overdue by a report made before D
};

struct BreachEntry {
  std::string case_ref;
  std::string clock;
  std::string detail;  // the clock's detail: an advice clock's service, for its title
  std::string workflow;
  Date start;
  Date due;
  int days_overdue = 0;       // 0 for due_soon
  int working_days_left = 0;  // due_soon only: working days from D to due (1..10)
  std::string caseworker;
  std::string team;
  std::string child;
  bool exception = false;
};

struct BreachTally {
  int overdue = 0;  // excepted ones are not breaches: counted apart
  int new_breaches = 0;
  int due_soon = 0;
  int excepted = 0;
  bool operator==(const BreachTally&) const = default;
};

struct BreachReport {
  Date as_of;
  bool previous_report = false;           // whether "new" could look at an earlier report
  std::vector<BreachEntry> new_breaches;  // most days overdue first, then case, then clock
  std::vector<BreachEntry> overdue;       // the same order; new ones included
  std::vector<BreachEntry> due_soon;      // soonest due first
  std::vector<BreachEntry> excepted;      // most days overdue first
  BreachTally total;
  BreachTally previous_total;                   // on D - 1, from the same clock rows
  std::map<std::string, BreachTally> by_clock;  // "advice:ep" counts apart from "advice:health"
  std::map<std::string, BreachTally> previous_by_clock;
  std::map<std::string, BreachTally> by_team;  // "(no team)" for cases without one
  std::map<std::string, BreachTally> previous_by_team;
  // Filled by the report's source (engine/breach_trend.h), not by compose_breach_report: the
  // overdue count on each night the nightly run recorded in the kTrendNights to D, oldest first,
  // D last; and the statutory clocks met late in those days (D - kTrendNights .. D - 1).
  std::vector<BreachNight> trend;
  int met_late = 0;
};

// How many working days ahead "due soon" looks.
inline constexpr int kDueSoonWorkingDays = 10;

// The report on `as_of` from `candidates`: statutory clocks not met or ended before as_of - 1
// (others are ignored). `previous_report`: a report was made before as_of.
BreachReport compose_breach_report(std::span<const BreachCandidate> candidates, Date as_of,
                                   const Calendar& calendar, bool previous_report);

// The last due date that counts as due soon on `as_of`.
Date due_soon_horizon(Date as_of, const Calendar& calendar);

}  // namespace ehcp::engine
