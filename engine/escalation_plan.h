// engine/escalation_plan.h
//
// Which rungs of its escalation ladder a clock reaches by a date, and which of those to record
// now (architecture.md, "Tick"). Each (clock, rung) is recorded once. When a tick finds several
// rungs reached that it has not recorded (after downtime), only the highest notifies; the ones
// it overtook are recorded as skipped, so nobody gets four messages about one clock in a morning.
// A clock met, ended or excepted by the date escalates no further. Pure; thread-safe.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "engine/calendar.h"
#include "engine/civil_date.h"
#include "engine/clock.h"
#include "engine/escalation.h"

namespace ehcp::engine {

struct RungDecision {
  const EscalationRung* rung = nullptr;  // into the ladder passed in
  Date fires_on;
  bool notify = false;  // false: recorded as skipped, overtaken by a higher rung
};

// The rungs of `ladder` that `clock` has reached on `as_of` (fires_on <= as_of) and whose names
// are not in `recorded`, in ladder order. The highest reached rung notifies unless a rung above
// it is already recorded; every other one is skipped. Empty once the clock is met, ended or
// excepted on `as_of`. A ladder's rungs are ordered by the day they fire (the rule pack's order
// breaks ties). A guidance clock (a target, never a breach) climbs only the rungs that reach
// the caseworker: nobody above is told that a target slipped.
std::vector<RungDecision> plan_escalation(const Clock& clock,
                                          std::span<const EscalationRung> ladder,
                                          const Calendar& calendar, Date as_of,
                                          std::span<const std::string> recorded);

// The roles a rung tells about `clock`: its own list, except that a guidance clock reaches only
// the caseworker.
std::vector<std::string> recipients_of(const EscalationRung& rung, const Clock& clock);

}  // namespace ehcp::engine
