// tests/engine/counting_test.cpp
//
// engine/counting.h: every counting convention of rules.md §1, month ends and leap days, and
// working-day counts across Christmas, Easter and substitute days.
#include "engine/counting.h"

#include <string>

#include <catch2/catch.hpp>

namespace ehcp::engine {
namespace {

Date d(int y, unsigned m, unsigned day) { return make_date(y, m, day); }

// The last compliant day as text, for readable failures.
std::string due(Counting counting, Date start, int amount, bool count_event_day = false) {
  static const Calendar calendar;
  return format_date(last_compliant_day(counting, start, amount, calendar, count_event_day));
}

TEST_CASE("within 6 weeks of a request received on 5 January ends on 16 February", "[counting]") {
  CHECK(due(Counting::kWeeksAfter, d(2026, 1, 5), 6) == "2026-02-16");
  CHECK(due(Counting::kWeeksAfter, d(2026, 1, 5), 20) == "2026-05-25");
}

TEST_CASE("counting the event day as day 1 ends weeks and days one day sooner", "[counting]") {
  CHECK(due(Counting::kWeeksAfter, d(2026, 1, 5), 6, true) == "2026-02-15");
  CHECK(due(Counting::kDaysAfter, d(2026, 1, 5), 15, true) == "2026-01-19");
  // The other conventions already say where day 1 is, and ignore it.
  CHECK(due(Counting::kMonthsAfter, d(2026, 1, 5), 2, true) == "2026-03-05");
  CHECK(due(Counting::kDaysBeginningWith, d(2026, 1, 5), 15, true) == "2026-01-19");
  CHECK(due(Counting::kMonthsStartingWith, d(2026, 1, 5), 12, true) == "2027-01-04");
  CHECK(due(Counting::kWorkingDaysAfter, d(2026, 1, 5), 5, true) == "2026-01-12");
}

TEST_CASE("a due date on a bank holiday or weekend stays there", "[counting]") {
  CHECK(due(Counting::kWeeksAfter, d(2026, 11, 13), 6) == "2026-12-25");
  CHECK(due(Counting::kDaysAfter, d(2026, 12, 12), 14) == "2026-12-26");
}

TEST_CASE("within 15 days of an event excludes the event day", "[counting]") {
  CHECK(due(Counting::kDaysAfter, d(2026, 1, 5), 15) == "2026-01-20");
  CHECK(due(Counting::kDaysAfter, d(2028, 2, 14), 15) == "2028-02-29");
}

TEST_CASE("15 days beginning with the day of service ends 14 days later", "[counting]") {
  CHECK(due(Counting::kDaysBeginningWith, d(2026, 1, 5), 15) == "2026-01-19");
  CHECK(due(Counting::kDaysBeginningWith, d(2026, 1, 5), 1) == "2026-01-05");
}

TEST_CASE("within N months after a date falls on the same day, or the month's last day",
          "[counting]") {
  CHECK(due(Counting::kMonthsAfter, d(2026, 3, 15), 2) == "2026-05-15");
  CHECK(due(Counting::kMonthsAfter, d(2026, 1, 31), 1) == "2026-02-28");
  CHECK(due(Counting::kMonthsAfter, d(2028, 1, 31), 1) == "2028-02-29");
  CHECK(due(Counting::kMonthsAfter, d(2028, 2, 29), 12) == "2029-02-28");
  CHECK(due(Counting::kMonthsAfter, d(2027, 2, 28), 12) == "2028-02-28");
  CHECK(due(Counting::kMonthsAfter, d(2026, 11, 30), 3) == "2027-02-28");
  CHECK(due(Counting::kMonthsAfter, d(2026, 8, 31), 1) == "2026-09-30");
  CHECK(due(Counting::kMonthsAfter, d(2026, 12, 31), 2) == "2027-02-28");
}

TEST_CASE("a 12-month review period starting 31 January ends on 30 January", "[counting]") {
  CHECK(due(Counting::kMonthsStartingWith, d(2026, 1, 31), 12) == "2027-01-30");
  CHECK(due(Counting::kMonthsStartingWith, d(2026, 3, 1), 12) == "2027-02-28");
  CHECK(due(Counting::kMonthsStartingWith, d(2026, 4, 30), 1) == "2026-05-29");
}

TEST_CASE("a period of months starting on a day the end month lacks ends on its last day",
          "[counting]") {
  // 2026-01-31 + 1 month: February has no 31st, so 28 February with no day taken off.
  CHECK(due(Counting::kMonthsStartingWith, d(2026, 1, 31), 1) == "2026-02-28");
  CHECK(due(Counting::kMonthsStartingWith, d(2026, 1, 30), 1) == "2026-02-28");
  CHECK(due(Counting::kMonthsStartingWith, d(2026, 1, 29), 1) == "2026-02-28");
  CHECK(due(Counting::kMonthsStartingWith, d(2026, 1, 28), 1) == "2026-02-27");
  CHECK(due(Counting::kMonthsStartingWith, d(2026, 3, 31), 1) == "2026-04-30");
  // Leap years: 29 February exists in 2028, so a day is taken off.
  CHECK(due(Counting::kMonthsStartingWith, d(2028, 1, 29), 1) == "2028-02-28");
  CHECK(due(Counting::kMonthsStartingWith, d(2028, 1, 31), 1) == "2028-02-29");
}

TEST_CASE("12 months starting with 29 February 2028 end on 28 February 2029", "[counting]") {
  CHECK(due(Counting::kMonthsStartingWith, d(2028, 2, 29), 12) == "2029-02-28");
  // Four years on, 29 February exists again: the day before it.
  CHECK(due(Counting::kMonthsStartingWith, d(2028, 2, 29), 48) == "2032-02-28");
  CHECK(due(Counting::kMonthsStartingWith, d(2027, 3, 1), 12) == "2028-02-29");
}

TEST_CASE("add_months_clamped keeps the day or falls back to the month's end", "[counting]") {
  CHECK(add_months_clamped(d(2026, 1, 31), 1) == d(2026, 2, 28));
  CHECK(add_months_clamped(d(2028, 2, 29), 12) == d(2029, 2, 28));
  CHECK(add_months_clamped(d(2026, 5, 31), -1) == d(2026, 4, 30));
  CHECK(add_months_clamped(d(2026, 10, 15), 5) == d(2027, 3, 15));
  CHECK(add_months_clamped(d(2026, 10, 15), 0) == d(2026, 10, 15));
}

TEST_CASE("N working days beginning with E count E when it is a working day", "[counting]") {
  CHECK(due(Counting::kWorkingDaysBeginningWith, d(2026, 1, 5), 15) == "2026-01-23");
  CHECK(due(Counting::kWorkingDaysBeginningWith, d(2026, 1, 5), 1) == "2026-01-05");
  // A Saturday is not counted: day 1 is the Monday after.
  CHECK(due(Counting::kWorkingDaysBeginningWith, d(2026, 1, 3), 15) == "2026-01-23");
  CHECK(due(Counting::kWorkingDaysBeginningWith, d(2026, 1, 3), 1) == "2026-01-05");
}

TEST_CASE("3 working days from 23 December 2026 skip Christmas and the Boxing Day substitute",
          "[counting]") {
  // 25 Dec is a Friday; Boxing Day (Saturday) is replaced by Monday 28 Dec.
  CHECK(due(Counting::kWorkingDaysBeginningWith, d(2026, 12, 23), 3) == "2026-12-29");
  CHECK(due(Counting::kWorkingDaysAfter, d(2026, 12, 23), 3) == "2026-12-30");
}

TEST_CASE("working days skip Good Friday, Easter Monday and jubilee days", "[counting]") {
  // Easter 2026 is 5 April: Good Friday 3 April, Easter Monday 6 April.
  CHECK(due(Counting::kWorkingDaysAfter, d(2026, 4, 2), 3) == "2026-04-09");
  CHECK(due(Counting::kWorkingDaysBeginningWith, d(2026, 4, 3), 1) == "2026-04-07");
  // 2022: spring bank holiday Thursday 2 June, Platinum Jubilee Friday 3 June.
  CHECK(due(Counting::kWorkingDaysAfter, d(2022, 5, 31), 3) == "2022-06-07");
  // 2023: substitute New Year's Day Monday 2 January.
  CHECK(due(Counting::kWorkingDaysAfter, d(2022, 12, 23), 1) == "2022-12-28");
  CHECK(due(Counting::kWorkingDaysAfter, d(2022, 12, 30), 1) == "2023-01-03");
}

TEST_CASE("working-day counts honour the calendar they are given", "[counting]") {
  Calendar calendar;
  REQUIRE(calendar
              .add_closure(Closure{ClosureKind::kOfficeClosure, d(2026, 12, 29), d(2026, 12, 31),
                                   "Christmas shutdown", std::nullopt})
              .ok());
  CHECK(last_compliant_day(Counting::kWorkingDaysAfter, d(2026, 12, 23), 3, calendar) ==
        d(2027, 1, 5));
  // Calendar-day counts never read it.
  CHECK(last_compliant_day(Counting::kDaysAfter, d(2026, 12, 23), 7, calendar) == d(2026, 12, 30));
}

TEST_CASE("before 15 February means 14 February of the year of transfer", "[counting]") {
  CHECK(due(Counting::kDayBeforeFixedDate, d(2027, 2, 15), 0) == "2027-02-14");
  CHECK(day_before(2027, 2, 15) == d(2027, 2, 14));
  CHECK(day_before(2027, 3, 31) == d(2027, 3, 30));
  CHECK(day_before(2028, 3, 1) == d(2028, 2, 29));
}

TEST_CASE("every counting convention round-trips through its data name", "[counting]") {
  const Counting all[] = {
      Counting::kWeeksAfter,         Counting::kDaysAfter,
      Counting::kMonthsAfter,        Counting::kDaysBeginningWith,
      Counting::kMonthsStartingWith, Counting::kWorkingDaysBeginningWith,
      Counting::kWorkingDaysAfter,   Counting::kDayBeforeFixedDate,
      Counting::kDaysBefore,         Counting::kImmediately,
  };
  for (const Counting counting : all) {
    INFO(to_string(counting));
    CHECK(parse_counting(to_string(counting)) == counting);
  }
  CHECK(to_string(Counting::kWeeksAfter) == "weeks_after");
  CHECK(to_string(Counting::kWorkingDaysBeginningWith) == "working_days_beginning_with");
  CHECK(to_string(Counting::kDayBeforeFixedDate) == "day_before_fixed_date");
  CHECK_FALSE(parse_counting("WeeksAfter").has_value());
  CHECK_FALSE(parse_counting("weeks").has_value());
  CHECK_FALSE(parse_counting("").has_value());
}

TEST_CASE("a period reads as a short phrase, singular for one", "[counting]") {
  CHECK(describe_period(Counting::kWeeksAfter, 6) == "6 weeks");
  CHECK(describe_period(Counting::kWeeksAfter, 1) == "1 week");
  CHECK(describe_period(Counting::kDaysAfter, 15) == "15 days");
  CHECK(describe_period(Counting::kDaysBeginningWith, 1) == "1 day");
  CHECK(describe_period(Counting::kMonthsStartingWith, 12) == "12 months");
  CHECK(describe_period(Counting::kMonthsAfter, 1) == "1 month");
  CHECK(describe_period(Counting::kWorkingDaysBeginningWith, 15) == "15 working days");
  CHECK(describe_period(Counting::kWorkingDaysAfter, 1) == "1 working day");
  CHECK(describe_period(Counting::kDayBeforeFixedDate, 0) == "the day before a fixed date");
  CHECK(describe_period(Counting::kImmediately, 0) == "immediately");
}

TEST_CASE("immediately on an order means the day of the order, whatever the convention",
          "[counting]") {
  CHECK(due(Counting::kImmediately, d(2026, 12, 25), 0) == "2026-12-25");
  CHECK(due(Counting::kImmediately, d(2026, 3, 2), 0, true) == "2026-03-02");
}

}  // namespace
}  // namespace ehcp::engine
