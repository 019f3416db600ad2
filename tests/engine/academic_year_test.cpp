// tests/engine/academic_year_test.cpp
//
// engine/academic_year.h: the academic year, cohort year groups across the 31 August /
// 1 September boundary, nursery and Reception, and out-of-cohort overrides.
#include "engine/academic_year.h"

#include <optional>

#include <catch2/catch.hpp>

namespace ehcp::engine {
namespace {

Date d(int y, unsigned m, unsigned day) { return make_date(y, m, day); }

TEST_CASE("the academic year starts on 1 September", "[academic_year]") {
  CHECK(academic_year_of(d(2026, 8, 31)) == 2025);
  CHECK(academic_year_of(d(2026, 9, 1)) == 2026);
  CHECK(academic_year_of(d(2027, 1, 1)) == 2026);
  CHECK(academic_year_start(2026) == d(2026, 9, 1));
  CHECK(academic_year_end(2026) == d(2027, 8, 31));
}

TEST_CASE("a child born on 31 August is a year above one born on 1 September", "[academic_year]") {
  const Date youngest = d(2015, 8, 31);  // academic year of birth 2014
  const Date oldest = d(2015, 9, 1);     // academic year of birth 2015
  // 2025/26: Year 6 and Year 5.
  CHECK(cohort_year_group(youngest, d(2026, 3, 1)) == 6);
  CHECK(cohort_year_group(oldest, d(2026, 3, 1)) == 5);
  // 2026/27: Year 7 and Year 6.
  CHECK(cohort_year_group(youngest, d(2026, 9, 1)) == 7);
  CHECK(cohort_year_group(oldest, d(2026, 9, 1)) == 6);
  // The change happens overnight from 31 August to 1 September.
  CHECK(cohort_year_group(oldest, d(2026, 8, 31)) == 5);
}

TEST_CASE("a child turning 4 during the academic year is in nursery, then Reception",
          "[academic_year]") {
  const Date dob = d(2022, 3, 10);  // academic year of birth 2021
  CHECK(cohort_year_group(dob, d(2024, 10, 1)) == -2);
  CHECK(cohort_year_group(dob, d(2025, 10, 1)) == -1);
  CHECK(cohort_year_group(dob, d(2026, 10, 1)) == 0);
  CHECK(cohort_year_group(dob, d(2027, 10, 1)) == 1);
  CHECK(year_group_name(cohort_year_group(dob, d(2025, 10, 1))) == "Nursery");
  CHECK(year_group_name(cohort_year_group(dob, d(2026, 10, 1))) == "Reception");
}

TEST_CASE("with no override the year group is the cohort's", "[academic_year]") {
  CHECK(year_group(d(2015, 10, 10), d(2026, 1, 15), std::nullopt) == 5);
}

TEST_CASE("an override sets the year group for its academic year and advances each year",
          "[academic_year]") {
  const Date dob = d(2015, 10, 10);  // cohort: Year 5 in 2025/26
  const std::optional<YearGroupOverride> held_back = YearGroupOverride{4, d(2025, 11, 3)};
  CHECK(year_group(dob, d(2025, 11, 3), held_back) == 4);
  CHECK(year_group(dob, d(2025, 9, 1), held_back) == 4);  // same academic year
  CHECK(year_group(dob, d(2026, 8, 31), held_back) == 4);
  CHECK(year_group(dob, d(2026, 9, 1), held_back) == 5);
  CHECK(year_group(dob, d(2027, 9, 1), held_back) == 6);
  CHECK(year_group(dob, d(2031, 9, 1), held_back) == 10);
  // Before the override's academic year the child was in cohort.
  CHECK(year_group(dob, d(2025, 6, 1), held_back) == 4);
  CHECK(year_group(dob, d(2024, 6, 1), held_back) == 3);
}

TEST_CASE("an override set on 31 August belongs to the academic year that is ending",
          "[academic_year]") {
  const Date dob = d(2016, 1, 20);  // cohort: Year 5 in 2025/26
  const std::optional<YearGroupOverride> kept_down = YearGroupOverride{4, d(2026, 8, 31)};
  CHECK(year_group(dob, d(2026, 8, 31), kept_down) == 4);
  CHECK(year_group(dob, d(2026, 9, 1), kept_down) == 5);
  CHECK(cohort_year_group(dob, d(2026, 9, 1)) == 6);
}

TEST_CASE("year groups have their school names", "[academic_year]") {
  CHECK(year_group_name(-3) == "Early years");
  CHECK(year_group_name(-2) == "Early years");
  CHECK(year_group_name(-1) == "Nursery");
  CHECK(year_group_name(0) == "Reception");
  CHECK(year_group_name(1) == "Year 1");
  CHECK(year_group_name(6) == "Year 6");
  CHECK(year_group_name(11) == "Year 11");
  CHECK(year_group_name(14) == "Year 14");
}

}  // namespace
}  // namespace ehcp::engine
