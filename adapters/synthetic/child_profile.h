// adapters/synthetic/child_profile.h
//
// A synthetic child as case_opened records it: invented name, date of birth, gender, DfE
// ethnicity code, sometimes a UPN, and the year group that follows from the date of birth (for
// a few, a year below their cohort, as for a child taught out of cohort). Values.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/synthetic/json_object.h"
#include "adapters/synthetic/random.h"
#include "engine/academic_year.h"
#include "engine/civil_date.h"

namespace ehcp::adapters::synthetic {

struct ChildProfile {
  std::string given_name;
  std::string family_name;
  engine::Date dob;
  std::string_view gender;     // "M" or "F"
  std::string_view ethnicity;  // a DfE main code
  std::optional<std::string> upn;
  std::optional<engine::YearGroupOverride> out_of_cohort;

  // The year group on `on`, as the engine reckons it (the override included).
  int year_group(engine::Date on) const { return engine::year_group(dob, on, out_of_cohort); }
  // Whole years of age on `on`.
  int age(engine::Date on) const;
};

// A child whose age on `opened` falls in a band drawn with `age_weights` (over
// shape::kAgeBands). `case_number` makes the UPN unique.
ChildProfile make_child(Random& rng, engine::Date opened, const std::array<double, 6>& age_weights,
                        std::uint64_t case_number);

// The case_opened `child` object.
JsonObject child_json(const ChildProfile& child);

// The case_opened `year_group` to record on `opened`, or nullopt outside nursery to Year 14.
std::optional<int> recorded_year_group(const ChildProfile& child, engine::Date opened);

}  // namespace ehcp::adapters::synthetic
