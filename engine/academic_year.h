// engine/academic_year.h
//
// The school year in England and a child's national curriculum year group (rules.md §4). The
// academic year Y runs from 1 September Y to 31 August Y+1. A child's cohort year group in
// academic year Y is Y − A − 5, where A is the academic year of the child's date of birth
// (Reception = 0, nursery = −1): a child born on 31 August is the youngest of one cohort, one
// born on 1 September the oldest of the next. A case may carry an override for a child taught
// out of cohort. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "engine/civil_date.h"

namespace ehcp::engine {

// A year group recorded for a child taught out of cohort: `year_group` in the academic year
// containing `set_on`, advancing by one each academic year after (an offset from the cohort).
struct YearGroupOverride {
  int year_group = 0;
  Date set_on;

  friend bool operator==(const YearGroupOverride&, const YearGroupOverride&) = default;
};

// The academic year of `d`: the year Y of the 1 September on or before `d`
// (2026-08-31 → 2025, 2026-09-01 → 2026).
int academic_year_of(Date d);

// 1 September of academic year `year`.
Date academic_year_start(int year);

// 31 August that ends academic year `year` (in calendar year year + 1).
Date academic_year_end(int year);

// The year group of a child born on `dob` by age alone, on the date `on`: Y − A − 5 with
// Y = academic_year_of(on), A = academic_year_of(dob). Below −1 before nursery age.
int cohort_year_group(Date dob, Date on);

// The year group on `on`, honouring `out_of_cohort` from the academic year of its set_on:
// out_of_cohort.year_group + (academic years since then). In academic years before that one, and
// with no override, the cohort year group.
int year_group(Date dob, Date on, const std::optional<YearGroupOverride>& out_of_cohort);

// "Nursery" (−1), "Reception" (0), "Year 1" … "Year 14"; "Early years" below −1.
std::string year_group_name(int group);

}  // namespace ehcp::engine
