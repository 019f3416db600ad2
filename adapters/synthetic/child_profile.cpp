#include "adapters/synthetic/child_profile.h"

#include <algorithm>
#include <cstdio>

#include "adapters/synthetic/caseload_shape.h"
#include "adapters/synthetic/names.h"
#include "engine/event_validation.h"

namespace ehcp::adapters::synthetic {
namespace {

constexpr int kDaysPerYear = 365;
constexpr int kLeapYearEvery = 4;
constexpr int kYoungestDays = 30;  // a request for a newborn is still weeks after the birth

}  // namespace

int ChildProfile::age(engine::Date on) const {
  const date::year_month_day born{dob};
  const date::year_month_day now{on};
  int years = static_cast<int>(now.year()) - static_cast<int>(born.year());
  if (now.month() < born.month() || (now.month() == born.month() && now.day() < born.day())) {
    --years;
  }
  return years;
}

ChildProfile make_child(Random& rng, engine::Date opened, const std::array<double, 6>& age_weights,
                        std::uint64_t case_number) {
  ChildProfile child;
  const bool boy = rng.chance(shape::kBoysShare);
  child.gender = boy ? "M" : "F";
  child.given_name = std::string(boy ? rng.pick(names::kBoys) : rng.pick(names::kGirls));
  child.family_name = std::string(rng.pick(names::kFamilies));
  const auto band = shape::kAgeBands[rng.weighted(age_weights)];
  const int age = rng.between(band.first, band.last);
  const int days_old = age * kDaysPerYear + age / kLeapYearEvery + rng.between(0, kDaysPerYear - 1);
  child.dob = opened - date::days{std::max(days_old, kYoungestDays)};
  child.ethnicity = shape::kEthnicities[rng.weighted(shape::kEthnicityWeights)];
  const int cohort = engine::cohort_year_group(child.dob, opened);
  if (cohort >= 0 && rng.chance(shape::kUpnShare)) {
    char upn[24];
    std::snprintf(upn, sizeof upn, "Z%012llu", static_cast<unsigned long long>(case_number));
    child.upn = upn;
  }
  if (cohort > engine::kMinYearGroup && cohort <= engine::kMaxYearGroup &&
      rng.chance(shape::kOutOfCohortShare)) {
    child.out_of_cohort = engine::YearGroupOverride{cohort - 1, opened};
  }
  return child;
}

JsonObject child_json(const ChildProfile& child) {
  JsonObject json;
  json.text("given_name", child.given_name)
      .text("family_name", child.family_name)
      .date("dob", child.dob)
      .text("gender", child.gender)
      .text("ethnicity", child.ethnicity);
  if (child.upn) {
    json.text("upn", *child.upn);
  }
  return json;
}

std::optional<int> recorded_year_group(const ChildProfile& child, engine::Date opened) {
  const int group = child.year_group(opened);
  if (group < engine::kMinYearGroup || group > engine::kMaxYearGroup) {
    return std::nullopt;
  }
  return group;
}

}  // namespace ehcp::adapters::synthetic
