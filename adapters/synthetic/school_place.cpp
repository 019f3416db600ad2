#include "adapters/synthetic/school_place.h"

#include <algorithm>

#include "adapters/synthetic/caseload_shape.h"
#include "adapters/synthetic/names.h"
#include "adapters/synthetic/sen2_codes.h"

namespace ehcp::adapters::synthetic {
namespace {

using engine::Phase;

constexpr int kNursery = -1;
constexpr int kLastInfantYear = 2;
constexpr int kLastPrimaryYear = 6;
constexpr int kLastSecondaryYear = 11;
constexpr int kLastSchoolYear = 14;
constexpr double kHalf = 0.5;
constexpr int kTriesForAnother = 4;

SchoolPlace named(Random& rng, std::string_view kind, Phase phase) {
  return {std::string(rng.pick(names::kPlaces)) + " " + std::string(kind), phase};
}

SchoolPlace early_years(Random& rng) {
  static constexpr std::array<std::string_view, 3> kKinds = {"Nursery", "Pre-school",
                                                             "Children's Centre"};
  return named(rng, rng.pick(kKinds), Phase::kEarlyYears);
}

SchoolPlace primary(Random& rng, int year_group) {
  if (rng.chance(shape::kSeparateInfantJunior)) {
    return year_group <= kLastInfantYear ? named(rng, "Infant School", Phase::kInfant)
                                         : named(rng, "Junior School", Phase::kJunior);
  }
  return named(rng, rng.chance(kHalf) ? "Primary School" : "Primary Academy", Phase::kPrimary);
}

SchoolPlace secondary(Random& rng) {
  static constexpr std::array<std::string_view, 3> kKinds = {"Academy", "High School", "School"};
  return named(rng, rng.pick(kKinds), Phase::kSecondary);
}

SchoolPlace special(Random& rng) { return named(rng, "Special School", Phase::kSpecial); }

SchoolPlace college(Random& rng) {
  return named(rng, rng.chance(kHalf) ? "College" : "Sixth Form College", Phase::kPost16);
}

SchoolPlace not_at_school(bool adult) {
  return {adult ? "Supported internship" : "Education otherwise than at school", Phase::kNone};
}

}  // namespace

JsonObject place_json(const SchoolPlace& place) {
  JsonObject json;
  json.text("name", place.name)
      .text("phase", engine::to_string(place.phase))
      .text("placement", placement_for(place.name));
  return json;
}

std::optional<SchoolPlace> place_for(Random& rng, int year_group) {
  if (year_group < kNursery) {
    return rng.chance(kHalf) ? std::optional(early_years(rng)) : std::nullopt;
  }
  if (year_group == kNursery) {
    return early_years(rng);
  }
  if (year_group <= kLastPrimaryYear) {
    return rng.chance(shape::kSpecialPrimaryAge) ? special(rng) : primary(rng, year_group);
  }
  if (year_group <= kLastSecondaryYear) {
    if (rng.chance(shape::kNoSettingSchoolAge)) {
      return not_at_school(false);
    }
    return rng.chance(shape::kSpecialSecondaryAge) ? special(rng) : secondary(rng);
  }
  if (rng.chance(shape::kNoSettingPost16)) {
    return not_at_school(true);
  }
  if (year_group <= kLastSchoolYear && rng.chance(shape::kSpecialPost16)) {
    return special(rng);
  }
  return college(rng);
}

SchoolPlace another_place(Random& rng, int year_group, const std::string& other) {
  for (int i = 0; i < kTriesForAnother; ++i) {
    auto place = place_for(rng, year_group);
    if (place && place->name != other) {
      return *place;
    }
  }
  // Rare: the same name four times over. A new school of the same kind.
  auto place = place_for(rng, std::max(year_group, kNursery)).value_or(early_years(rng));
  place.name = "New " + place.name;
  return place;
}

SchoolPlace place_after_transfer(Random& rng, int next_year_group, Phase from) {
  switch (from) {
    case Phase::kEarlyYears:
      return rng.chance(shape::kSpecialPrimaryAge) ? special(rng) : primary(rng, next_year_group);
    case Phase::kInfant:
      return rng.chance(shape::kSpecialPrimaryAge) ? special(rng)
                                                   : named(rng, "Junior School", Phase::kJunior);
    case Phase::kPrimary:
    case Phase::kJunior:
      return rng.chance(shape::kSpecialSecondaryAge) ? special(rng) : secondary(rng);
    default:
      break;
  }
  // Leaving school at 16: college mostly, a special school's sixth form or work for some.
  if (rng.chance(shape::kNoSettingPost16)) {
    return not_at_school(true);
  }
  return rng.chance(shape::kSpecialPost16) && from != Phase::kPost16 ? special(rng) : college(rng);
}

}  // namespace ehcp::adapters::synthetic
