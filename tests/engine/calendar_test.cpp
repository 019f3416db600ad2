// tests/engine/calendar_test.cpp
//
// engine/calendar.h: working days around bank holidays, office closures that stop them, school
// holidays that do not, and holidays added and removed at run time.
#include "engine/calendar.h"

#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

namespace ehcp::engine {
namespace {

Date d(int y, unsigned m, unsigned day) { return make_date(y, m, day); }

Closure closure(ClosureKind kind, Date from, Date to, std::string name,
                std::optional<std::string> setting = std::nullopt) {
  return Closure{kind, from, to, std::move(name), std::move(setting)};
}

TEST_CASE("weekends and bank holidays are not working days", "[calendar]") {
  const Calendar calendar;
  CHECK(calendar.is_working_day(d(2026, 12, 24)));        // Thursday
  CHECK_FALSE(calendar.is_working_day(d(2026, 12, 25)));  // Christmas, Friday
  CHECK_FALSE(calendar.is_working_day(d(2026, 12, 26)));  // Saturday
  CHECK_FALSE(calendar.is_working_day(d(2026, 12, 27)));  // Sunday
  CHECK_FALSE(calendar.is_working_day(d(2026, 12, 28)));  // Boxing Day substitute
  CHECK(calendar.is_working_day(d(2026, 12, 29)));
  CHECK(calendar.is_bank_holiday(d(2026, 12, 28)));
  CHECK_FALSE(calendar.is_bank_holiday(d(2026, 12, 26)));  // a Saturday, not the holiday
  CHECK(calendar.holiday_name(d(2026, 12, 28)) == "Boxing Day (substitute day)");
  CHECK_FALSE(calendar.holiday_name(d(2026, 12, 29)).has_value());
}

TEST_CASE("working days skip Christmas and its substitute days", "[calendar]") {
  const Calendar calendar;
  // Wed 23 Dec 2026 + 1 → Thu 24; + 2 → Tue 29 (25 Fri, 28 Mon substitute); + 3 → Wed 30.
  CHECK(calendar.add_working_days(d(2026, 12, 23), 1) == d(2026, 12, 24));
  CHECK(calendar.add_working_days(d(2026, 12, 23), 2) == d(2026, 12, 29));
  CHECK(calendar.add_working_days(d(2026, 12, 23), 3) == d(2026, 12, 30));
  // 2021: Christmas on a Saturday, substitutes Mon 27 and Tue 28.
  CHECK(calendar.add_working_days(d(2021, 12, 24), 1) == d(2021, 12, 29));
  // Across the new year: Thu 31 Dec 2026 + 1 → Mon 4 Jan 2027 (1 Jan a Friday).
  CHECK(calendar.add_working_days(d(2026, 12, 31), 1) == d(2027, 1, 4));
}

TEST_CASE("working days skip Good Friday and Easter Monday", "[calendar]") {
  const Calendar calendar;
  // Easter 2027 is 28 March: Thu 25 March + 1 working day → Tue 30 March.
  CHECK(calendar.add_working_days(d(2027, 3, 25), 1) == d(2027, 3, 30));
  CHECK(calendar.add_working_days(d(2027, 3, 30), -1) == d(2027, 3, 25));
}

TEST_CASE("add_working_days with zero returns the day itself, working or not", "[calendar]") {
  const Calendar calendar;
  CHECK(calendar.add_working_days(d(2026, 12, 25), 0) == d(2026, 12, 25));
  CHECK(calendar.add_working_days(d(2026, 12, 27), 1) == d(2026, 12, 29));
  CHECK(calendar.add_working_days(d(2026, 12, 29), -1) == d(2026, 12, 24));
}

TEST_CASE("working days between two dates count those after the first up to the second",
          "[calendar]") {
  const Calendar calendar;
  // None when the second is not after the first.
  CHECK(calendar.working_days_between(d(2026, 4, 1), d(2026, 4, 1)) == 0);
  CHECK(calendar.working_days_between(d(2026, 4, 2), d(2026, 4, 1)) == 0);
  // The first day itself is not counted, the second is.
  CHECK(calendar.working_days_between(d(2026, 4, 1), d(2026, 4, 2)) == 1);
  // Fri 10 Apr to Mon 13 Apr 2026: the weekend is not counted.
  CHECK(calendar.working_days_between(d(2026, 4, 10), d(2026, 4, 13)) == 1);
  CHECK(calendar.working_days_between(d(2026, 4, 10), d(2026, 4, 12)) == 0);
  // Thu 2 Apr to Tue 7 Apr 2026: Good Friday, the weekend and Easter Monday are not counted.
  CHECK(calendar.working_days_between(d(2026, 4, 2), d(2026, 4, 7)) == 1);
  CHECK(calendar.working_days_between(d(2026, 4, 1), d(2026, 4, 6)) == 1);
  // Wed 1 Apr to Fri 17 Apr 2026: 2, 7-10 and 13-17 Apr.
  CHECK(calendar.working_days_between(d(2026, 4, 1), d(2026, 4, 17)) == 10);
  // From a non-working day.
  CHECK(calendar.working_days_between(d(2026, 4, 4), d(2026, 4, 8)) == 2);
}

TEST_CASE("working days between counts back what add_working_days counted on", "[calendar]") {
  Calendar calendar;
  REQUIRE(calendar
              .add_closure(closure(ClosureKind::kOfficeClosure, d(2026, 12, 29), d(2026, 12, 31),
                                   "Christmas shutdown"))
              .ok());
  // Wed 23 Dec 2026 + 3 working days: 24 Dec, then 4 and 5 Jan 2027.
  CHECK(calendar.working_days_between(d(2026, 12, 23), d(2027, 1, 5)) == 3);
  for (const int n : {1, 2, 5, 10, 20}) {
    const Date from = d(2026, 12, 18);
    CHECK(calendar.working_days_between(from, calendar.add_working_days(from, n)) == n);
  }
}

TEST_CASE("an office closure stops working days, and only office closures do", "[calendar]") {
  Calendar calendar;
  // Offices shut between Christmas and New Year 2026: 29–31 December.
  REQUIRE(calendar
              .add_closure(closure(ClosureKind::kOfficeClosure, d(2026, 12, 29), d(2026, 12, 31),
                                   "Christmas shutdown"))
              .ok());
  CHECK(calendar.is_office_closed(d(2026, 12, 30)));
  CHECK_FALSE(calendar.is_working_day(d(2026, 12, 30)));
  CHECK_FALSE(calendar.is_bank_holiday(d(2026, 12, 30)));
  CHECK(calendar.add_working_days(d(2026, 12, 24), 1) == d(2027, 1, 4));
  CHECK(calendar.closures_covering(d(2026, 12, 31)).size() == 1);
  CHECK(calendar.closures_covering(d(2027, 1, 1)).empty());
}

TEST_CASE("school holidays never change working days", "[calendar]") {
  Calendar with_holiday;
  const Calendar without;
  REQUIRE(with_holiday
              .add_closure(closure(ClosureKind::kSchoolHoliday, d(2026, 7, 22), d(2026, 9, 2),
                                   "Summer holiday", "Oak Primary"))
              .ok());
  for (Date day = d(2026, 7, 1); day <= d(2026, 9, 30); day += date::days{1}) {
    CHECK(with_holiday.is_working_day(day) == without.is_working_day(day));
  }
  CHECK(with_holiday.add_working_days(d(2026, 7, 20), 10) ==
        without.add_working_days(d(2026, 7, 20), 10));
  const auto covering = with_holiday.closures_covering(d(2026, 8, 3));
  REQUIRE(covering.size() == 1);
  CHECK(covering[0].setting == "Oak Primary");
  CHECK(covering[0].days() == 43);
}

TEST_CASE("a holiday added at run time stops working days; a removed one no longer does",
          "[calendar]") {
  Calendar calendar;
  const Date proclaimed = d(2027, 6, 7);  // a Monday, not a bank holiday by rule
  CHECK(calendar.is_working_day(proclaimed));
  calendar.add_holiday(proclaimed, "Proclaimed bank holiday");
  CHECK(calendar.is_bank_holiday(proclaimed));
  CHECK_FALSE(calendar.is_working_day(proclaimed));
  CHECK(calendar.holiday_name(proclaimed) == "Proclaimed bank holiday");
  CHECK(calendar.add_working_days(d(2027, 6, 4), 1) == d(2027, 6, 8));

  CHECK(calendar.remove_holiday(proclaimed));
  CHECK(calendar.is_working_day(proclaimed));
  CHECK_FALSE(calendar.remove_holiday(proclaimed));

  // A rule-based holiday can be removed too.
  CHECK(calendar.remove_holiday(d(2027, 5, 31)));
  CHECK(calendar.is_working_day(d(2027, 5, 31)));
}

TEST_CASE("days outside 1995 to 2100 count weekends, added holidays and closures only",
          "[calendar]") {
  Calendar calendar;
  CHECK(calendar.is_working_day(d(2101, 12, 26)));  // Monday; no rules that far out
  calendar.add_holiday(d(2101, 12, 26), "Boxing Day");
  CHECK(calendar.is_bank_holiday(d(2101, 12, 26)));
  CHECK_FALSE(calendar.is_working_day(d(2101, 12, 26)));
  REQUIRE(calendar
              .add_closure(
                  closure(ClosureKind::kOfficeClosure, d(2100, 12, 30), d(2101, 1, 4), "Shutdown"))
              .ok());
  CHECK_FALSE(calendar.is_working_day(d(2100, 12, 31)));
  CHECK_FALSE(calendar.is_working_day(d(2101, 1, 3)));
  CHECK(calendar.is_working_day(d(2101, 1, 5)));
}

TEST_CASE("a closure that ends before it starts, or has no name, is rejected", "[calendar]") {
  Calendar calendar;
  const Status backwards = calendar.add_closure(
      closure(ClosureKind::kOfficeClosure, d(2026, 5, 2), d(2026, 5, 1), "Backwards"));
  CHECK(backwards.code() == ErrorCode::kInvalidInput);
  const Status unnamed =
      calendar.add_closure(closure(ClosureKind::kOfficeClosure, d(2026, 5, 1), d(2026, 5, 1), ""));
  CHECK(unnamed.code() == ErrorCode::kInvalidInput);
  CHECK(calendar.closures().empty());
  CHECK(calendar.is_working_day(d(2026, 5, 1)));
}

TEST_CASE("school closures of at least 28 days are found, touching periods joined", "[calendar]") {
  Calendar calendar;
  const auto add = [&](Closure c) {
    const Status status = calendar.add_closure(std::move(c));
    REQUIRE(status.ok());
  };
  add(closure(ClosureKind::kSchoolHoliday, d(2026, 10, 26), d(2026, 10, 30), "Half term", "Oak"));
  add(closure(ClosureKind::kSchoolHoliday, d(2026, 7, 22), d(2026, 8, 31), "Summer", "Oak"));
  add(closure(ClosureKind::kSchoolHoliday, d(2026, 9, 1), d(2026, 9, 2), "INSET", "Oak"));
  add(closure(ClosureKind::kSchoolHoliday, d(2026, 7, 24), d(2026, 8, 19), "Summer", "Elm"));
  add(closure(ClosureKind::kOfficeClosure, d(2026, 1, 1), d(2026, 3, 1), "Refit"));

  const auto long_ones = calendar.school_closures_of_at_least(28);
  REQUIRE(long_ones.size() == 1);
  CHECK(long_ones[0].setting == "Oak");
  CHECK(long_ones[0].from == d(2026, 7, 22));
  CHECK(long_ones[0].to == d(2026, 9, 2));
  CHECK(long_ones[0].name == "Summer + INSET");
  CHECK(long_ones[0].days() == 43);

  // Elm's summer is 27 days: one short of the limb's 4 weeks.
  CHECK(calendar.school_closures_of_at_least(27).size() == 2);
  CHECK(calendar.closures().size() == 5);
}

TEST_CASE("every closure kind round-trips through its data name", "[calendar]") {
  for (const auto kind : {ClosureKind::kSchoolHoliday, ClosureKind::kOfficeClosure}) {
    CHECK(parse_closure_kind(to_string(kind)) == kind);
  }
  CHECK(to_string(ClosureKind::kSchoolHoliday) == "school_holiday");
  CHECK(to_string(ClosureKind::kOfficeClosure) == "office_closure");
  CHECK_FALSE(parse_closure_kind("School_Holiday").has_value());
  CHECK_FALSE(parse_closure_kind("").has_value());
}

TEST_CASE("a built calendar answers the same from many threads at once", "[calendar]") {
  const Calendar calendar;
  std::vector<int> counts(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&calendar, &counts, t] {
      for (Date day = d(2020, 1, 1); day <= d(2029, 12, 31); day += date::days{1}) {
        counts[t] += calendar.is_working_day(day) ? 1 : 0;
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  for (const int count : counts) {
    CHECK(count == counts[0]);
  }
}

}  // namespace
}  // namespace ehcp::engine
