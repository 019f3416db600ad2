// engine/escalation.h
//
// An escalation rung: who is told about a clock, and when relative to its due date (rules are
// data: the rule pack holds the ladder). Default ladder (issue 4): due_soon 10 working days
// before due (caseworker), due on the day (caseworker and team manager), overdue the day after
// (team manager), escalated 10 working days after due (head of service). Values; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/calendar.h"
#include "engine/civil_date.h"

namespace ehcp::engine {

struct EscalationRung {
  std::string name;                 // "due_soon"
  int offset = 0;                   // from the due date: negative before, positive after
  bool working_days = false;        // count the offset in working days (else calendar days)
  std::vector<std::string> notify;  // roles: "caseworker", "team_manager", "head_of_service"
  bool operator==(const EscalationRung&) const = default;
};

// The roles a rung can notify; the LA configuration maps each to people.
inline constexpr std::string_view kEscalationRoles = "caseworker, team_manager, head_of_service";
bool is_escalation_role(std::string_view role);

// The day the rung fires for a clock due on `due`. A working-day offset counts working days
// only; an offset of 0 is the due date itself, working day or not.
Date fires_on(const EscalationRung& rung, Date due, const Calendar& calendar);

}  // namespace ehcp::engine
