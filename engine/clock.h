// engine/clock.h
//
// A Clock is one statutory time limit on one case: the rule that set it, the day it started,
// its last compliant day, and how it ended. It is a small, complete record (architecture.md,
// principle 2): its status on any date is a pure function of the row and that date, so "the
// breach report as it stood on 3 March" needs no replay. Clocks are values built from events
// and a rule pack; nothing here reads the time or storage. Immutable once built; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "engine/civil_date.h"
#include "engine/clock_status.h"

namespace ehcp::engine {

struct Clock {
  std::string name;      // exactly as rules.md names it: "decision_to_assess", "advice:ep"
  std::string workflow;  // "assessment", "review", ...
  Date start;
  Date due;                          // the last compliant day; an exception never moves it
  std::optional<Date> met_on;        // the day the event that meets it happened
  std::optional<Date> ended_on;      // from this day the clock no longer applies
  std::optional<Date> exception_on;  // from this day a statutory exception applies to it
  bool statutory = true;             // false: guidance (a target, never a breach)
  std::string basis;                 // why the due date is what it is, citing the law
  std::string exception_basis;       // why an exception applies, when one does
  // What the board's measures group it by: an advice clock's service ("health"), a phase
  // transfer's limb of reg 18 ("school", "post16", "post16_to_post16"). Empty for the rest.
  std::string detail;

  // Status on `as_of`. Met or Late once met on or before as_of (Met when met_on <= due);
  // otherwise NotApplicable once ended on or before as_of; otherwise Open while as_of <= due,
  // Overdue after. So a clock overdue the day before its assessment ended was overdue then.
  // Precondition: start <= as_of (a clock does not exist before it starts).
  ClockStatus status_on(Date as_of) const;

  // True when a statutory exception applies on `as_of`: reports count the clock as excepted,
  // not as a breach.
  bool excepted_on(Date as_of) const { return exception_on && *exception_on <= as_of; }

  // Whole days past due on `as_of` (0 when not overdue then).
  int days_overdue(Date as_of) const;

  bool operator==(const Clock&) const = default;
};

}  // namespace ehcp::engine
