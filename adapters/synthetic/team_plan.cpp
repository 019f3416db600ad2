#include "adapters/synthetic/team_plan.h"

#include <algorithm>
#include <cctype>

#include "adapters/synthetic/names.h"

namespace ehcp::adapters::synthetic {
namespace {

// "Mossgrove Borough"; past every stem and kind, numbered ("Mossgrove Borough 2").
std::string council_name(std::size_t council) {
  const std::size_t stems = names::kFamilies.size();
  const std::size_t kinds = names::kCouncilKinds.size();
  std::string name = std::string(names::kFamilies[council % stems]) + " " +
                     std::string(names::kCouncilKinds[(council / stems) % kinds]);
  if (const std::size_t round = council / (stems * kinds); round > 0) {
    name += " " + std::to_string(round + 1);
  }
  return name;
}

// Caseworker k's given name cycles through both lists; the family name shifts with the given
// name, so neighbours differ and no pair repeats until all are used; then they are numbered
// ("Kai Mossgrove 2").
std::string caseworker_name(std::size_t k) {
  constexpr std::size_t kShift = 17;  // coprime with the number of family names
  const std::size_t given_count = names::kGirls.size() + names::kBoys.size();
  const std::size_t i = k % given_count;
  const std::string_view given = i % 2 == 0 ? names::kGirls[i / 2] : names::kBoys[i / 2];
  const std::size_t pairs = given_count * names::kFamilies.size();
  const std::size_t family = (k / given_count + kShift * i) % names::kFamilies.size();
  std::string name = std::string(given) + " " + std::string(names::kFamilies[family]);
  if (const std::size_t round = k / pairs; round > 0) {
    name += " " + std::to_string(round + 1);
  }
  return name;
}

std::string intake_name(const std::string& team) {
  std::string out = "intake.";
  for (const char c : team) {
    out += c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

TeamPlan::TeamPlan(std::uint64_t cases)
    : councils_(static_cast<std::size_t>(
          std::max<std::uint64_t>(1, (cases + kCasesPerCouncil / 2) / kCasesPerCouncil))) {
  for (std::size_t council = 0; council < councils_; ++council) {
    for (const auto area : names::kAreas) {
      teams_.push_back(councils_ == 1 ? std::string(area)
                                      : council_name(council) + " " + std::string(area));
      intakes_.push_back(intake_name(teams_.back()));
    }
  }
  caseworkers_.reserve(teams_.size() * kCaseworkersPerTeam);
  for (std::size_t k = 0; k < teams_.size() * kCaseworkersPerTeam; ++k) {
    caseworkers_.push_back(caseworker_name(k));
  }
}

const std::string& TeamPlan::caseworker(std::size_t team, int index) const {
  return caseworkers_[team * kCaseworkersPerTeam + static_cast<std::size_t>(index)];
}

}  // namespace ehcp::adapters::synthetic
