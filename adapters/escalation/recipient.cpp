#include "adapters/escalation/recipient.h"

#include <cctype>

namespace ehcp::adapters::escalation {
namespace {

Recipient head_of_service(std::string_view role, const config::NotifyConfig& notify) {
  const std::string address =
      notify.head_of_service.empty() ? "head-of-service@" + notify.domain : notify.head_of_service;
  return {std::string(role), "Head of service", address, role != "head_of_service"};
}

Recipient team_manager(std::string_view role, const std::string& team,
                       const config::NotifyConfig& notify) {
  if (team.empty()) {
    return head_of_service(role, notify);
  }
  const auto it = notify.team_managers.find(team);
  const std::string address = it != notify.team_managers.end()
                                  ? it->second
                                  : "team-manager." + address_slug(team) + "@" + notify.domain;
  return {std::string(role), "Team manager, " + team, address, role != "team_manager"};
}

}  // namespace

std::string address_slug(std::string_view name) {
  std::string out;
  bool gap = false;
  for (const char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 && c < 0x80) {
      if (gap && !out.empty()) {
        out += '.';
      }
      out += static_cast<char>(std::tolower(c));
      gap = false;
    } else if (ch == ' ' || ch == '-' || ch == '.' || ch == '_') {
      gap = true;
    }
  }
  return out.empty() ? "unnamed" : out;
}

Recipient recipient_for(std::string_view role, const std::string& caseworker,
                        const std::string& team, const config::NotifyConfig& notify) {
  if (role == "caseworker") {
    if (caseworker.empty()) {
      return team_manager(role, team, notify);
    }
    const auto it = notify.caseworkers.find(caseworker);
    const std::string address = it != notify.caseworkers.end()
                                    ? it->second
                                    : address_slug(caseworker) + "@" + notify.domain;
    return {std::string(role), caseworker, address, false};
  }
  if (role == "team_manager") {
    return team_manager(role, team, notify);
  }
  return head_of_service(role, notify);
}

}  // namespace ehcp::adapters::escalation
