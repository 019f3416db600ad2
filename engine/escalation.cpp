#include "engine/escalation.h"

namespace ehcp::engine {

bool is_escalation_role(std::string_view role) {
  return role == "caseworker" || role == "team_manager" || role == "head_of_service";
}

Date fires_on(const EscalationRung& rung, Date due, const Calendar& calendar) {
  if (rung.working_days) {
    return calendar.add_working_days(due, rung.offset);
  }
  return due + date::days{rung.offset};
}

}  // namespace ehcp::engine
