#include "adapters/synthetic/sen2_codes.h"

#include <array>
#include <cstdint>
#include <utility>

namespace ehcp::adapters::synthetic {
namespace {

// FNV-1a: stable across builds and platforms, unlike std::hash.
std::uint64_t fnv(std::string_view text, std::uint64_t h = 14695981039346656037ULL) {
  constexpr std::uint64_t kPrime = 1099511628211ULL;
  for (const char c : text) {
    h = (h ^ static_cast<unsigned char>(c)) * kPrime;
  }
  return h;
}

std::uint64_t child_hash(const ChildProfile& child) {
  return fnv(child.family_name, fnv(child.given_name)) ^
         static_cast<std::uint64_t>(child.dob.time_since_epoch().count());
}

bool has(std::string_view name, std::string_view part) {
  return name.find(part) != std::string_view::npos;
}

}  // namespace

std::string_view primary_need_for(const ChildProfile& child) {
  // Shares per thousand of plans, near England's (SEN2 2024): autism the most common need.
  static constexpr std::array<std::pair<std::string_view, int>, 12> kShares = {{{"ASD", 330},
                                                                                {"SLCN", 210},
                                                                                {"SEMH", 140},
                                                                                {"MLD", 80},
                                                                                {"SLD", 70},
                                                                                {"PD", 40},
                                                                                {"SPLD", 35},
                                                                                {"OTH", 30},
                                                                                {"HI", 20},
                                                                                {"PMLD", 20},
                                                                                {"VI", 15},
                                                                                {"MSI", 10}}};
  auto at = static_cast<int>((child_hash(child) >> 7) % 1000);
  for (const auto& [code, share] : kShares) {
    if (at < share) {
      return code;
    }
    at -= share;
  }
  return "ASD";
}

std::string_view placement_for(std::string_view name) {
  const auto h = fnv(name) % 100;
  if (has(name, "Special School")) {
    return h < 18 ? "independent_special" : "special";
  }
  if (has(name, "Nursery") || has(name, "Pre-school") || has(name, "Children's Centre")) {
    return "early_years";
  }
  if (has(name, "College")) {
    return h < 8 ? "specialist_post16" : "further_education";
  }
  if (has(name, "otherwise")) {
    return "otherwise";
  }
  if (has(name, "internship")) {
    return "other";
  }
  if (h < 6) {
    return "sen_unit";
  }
  if (h < 11) {
    return "resourced_provision";
  }
  return "mainstream";
}

std::string_view cease_reason_for(const ChildProfile& child, bool adult) {
  if (!adult) {
    return "needs_met";
  }
  static constexpr std::array<std::string_view, 4> kAdult = {"higher_education", "paid_employment",
                                                             "not_engaging", "max_age"};
  return kAdult[(child_hash(child) >> 3) % kAdult.size()];
}

}  // namespace ehcp::adapters::synthetic
