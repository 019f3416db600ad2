// adapters/escalation/recipient.h
//
// Who an escalation role is for one case: the case's caseworker, its team's manager, the head
// of service, with addresses from the LA configuration's "notify" section or derived from the
// name. Nobody is left untold: an unassigned case's caseworker message goes to the team
// manager, and a case with no team to the head of service. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "adapters/config/la_config.h"

namespace ehcp::adapters::escalation {

struct Recipient {
  std::string role;       // the role the rung named: caseworker, team_manager, head_of_service
  std::string name;       // "Omar Quillfeather", "Team manager, East"
  std::string address;    // "omar.quillfeather@council.invalid"
  bool stand_in = false;  // told in place of the role's holder (none assigned)
};

Recipient recipient_for(std::string_view role, const std::string& caseworker,
                        const std::string& team, const config::NotifyConfig& notify);

// "Omar Quillfeather" -> "omar.quillfeather": lower case letters and digits, words joined by dots.
std::string address_slug(std::string_view name);

}  // namespace ehcp::adapters::escalation
