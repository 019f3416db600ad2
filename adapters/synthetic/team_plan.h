// adapters/synthetic/team_plan.h
//
// Who works a synthetic caseload. Councils of about 6,500 cases (England's 1,000,000-odd
// children with plans or requests across its 153 councils), each with four area teams (North,
// South, East, West) of eight caseworkers. One council's teams are named by area alone, as the
// example LA configuration expects ("North"); with several councils each team name starts with
// its council's invented name ("Mossgrove Borough North"). Caseworker names are unique across
// the whole run. Built once per run; read-only after, so safe to share.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ehcp::adapters::synthetic {

class TeamPlan {
 public:
  static constexpr std::uint64_t kCasesPerCouncil = 6500;
  static constexpr int kCaseworkersPerTeam = 8;

  explicit TeamPlan(std::uint64_t cases);

  std::size_t councils() const { return councils_; }
  std::size_t teams() const { return teams_.size(); }
  const std::string& team(std::size_t index) const { return teams_[index]; }
  // Who records a new case for the team: "intake.north".
  const std::string& intake(std::size_t index) const { return intakes_[index]; }
  // Caseworker `index` (0 to kCaseworkersPerTeam - 1) of team `team`.
  const std::string& caseworker(std::size_t team, int index) const;

 private:
  std::size_t councils_ = 1;
  std::vector<std::string> teams_;
  std::vector<std::string> intakes_;
  std::vector<std::string> caseworkers_;
};

}  // namespace ehcp::adapters::synthetic
