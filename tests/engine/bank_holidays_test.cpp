// tests/engine/bank_holidays_test.cpp
//
// engine/bank_holidays.h against the published England-and-Wales list
// (https://www.gov.uk/bank-holidays), year by year, as QuantLib's test-suite/calendars.cpp does.
#include "engine/bank_holidays.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace ehcp::engine {
namespace {

std::vector<std::string> as_text(const std::vector<Date>& dates) {
  std::vector<std::string> out;
  for (const Date d : dates) {
    out.push_back(format_date(d));
  }
  return out;
}

std::vector<std::string> computed(int year) {
  return as_text(england_and_wales_bank_holidays(year));
}

using Dates = std::vector<std::string>;

TEST_CASE("bank holidays 2014 to 2027 match the gov.uk England and Wales list", "[bank_holidays]") {
  CHECK(computed(2014) == Dates{"2014-01-01", "2014-04-18", "2014-04-21", "2014-05-05",
                                "2014-05-26", "2014-08-25", "2014-12-25", "2014-12-26"});
  // Boxing Day on a Saturday: substitute Monday 28 December.
  CHECK(computed(2015) == Dates{"2015-01-01", "2015-04-03", "2015-04-06", "2015-05-04",
                                "2015-05-25", "2015-08-31", "2015-12-25", "2015-12-28"});
  // Christmas on a Sunday: Boxing Day Monday 26, Christmas substitute Tuesday 27.
  CHECK(computed(2016) == Dates{"2016-01-01", "2016-03-25", "2016-03-28", "2016-05-02",
                                "2016-05-30", "2016-08-29", "2016-12-26", "2016-12-27"});
  // New Year's Day on a Sunday: substitute Monday 2 January.
  CHECK(computed(2017) == Dates{"2017-01-02", "2017-04-14", "2017-04-17", "2017-05-01",
                                "2017-05-29", "2017-08-28", "2017-12-25", "2017-12-26"});
  CHECK(computed(2018) == Dates{"2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07",
                                "2018-05-28", "2018-08-27", "2018-12-25", "2018-12-26"});
  CHECK(computed(2019) == Dates{"2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06",
                                "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26"});
  // Early May moved to Friday 8 May (VE day); Boxing Day substitute 28 December.
  CHECK(computed(2020) == Dates{"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08",
                                "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"});
  // Christmas on a Saturday: substitutes Monday 27 and Tuesday 28 December.
  CHECK(computed(2021) == Dates{"2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03",
                                "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"});
  // New Year's Day substitute 3 January; spring moved to Thursday 2 June, Platinum Jubilee
  // Friday 3 June; the State Funeral 19 September; Christmas substitute 27 December.
  CHECK(computed(2022) == Dates{"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02",
                                "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19",
                                "2022-12-26", "2022-12-27"});
  // New Year's Day substitute 2 January; the coronation Monday 8 May.
  CHECK(computed(2023) == Dates{"2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01",
                                "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25",
                                "2023-12-26"});
  CHECK(computed(2024) == Dates{"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06",
                                "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"});
  CHECK(computed(2025) == Dates{"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05",
                                "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"});
  CHECK(computed(2026) == Dates{"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04",
                                "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"});
  CHECK(computed(2027) == Dates{"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03",
                                "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"});
}

TEST_CASE("the one-off holidays before 2014 are in their years", "[bank_holidays]") {
  // 1995: early May moved to Monday 8 May for VE day's 50th anniversary.
  CHECK(computed(1995) == Dates{"1995-01-02", "1995-04-14", "1995-04-17", "1995-05-08",
                                "1995-05-29", "1995-08-28", "1995-12-25", "1995-12-26"});
  // 1999: the millennium holiday on Friday 31 December, after Christmas substitutes 27 and 28.
  CHECK(computed(1999) == Dates{"1999-01-01", "1999-04-02", "1999-04-05", "1999-05-03",
                                "1999-05-31", "1999-08-30", "1999-12-27", "1999-12-28",
                                "1999-12-31"});
  // 2002: Golden Jubilee Monday 3 June, spring moved to Tuesday 4 June.
  CHECK(computed(2002) == Dates{"2002-01-01", "2002-03-29", "2002-04-01", "2002-05-06",
                                "2002-06-03", "2002-06-04", "2002-08-26", "2002-12-25",
                                "2002-12-26"});
  // 2011: the royal wedding Friday 29 April.
  CHECK(computed(2011) == Dates{"2011-01-03", "2011-04-22", "2011-04-25", "2011-04-29",
                                "2011-05-02", "2011-05-30", "2011-08-29", "2011-12-26",
                                "2011-12-27"});
  // 2012: spring moved to Monday 4 June, Diamond Jubilee Tuesday 5 June.
  CHECK(computed(2012) == Dates{"2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07",
                                "2012-06-04", "2012-06-05", "2012-08-27", "2012-12-25",
                                "2012-12-26"});
}

TEST_CASE("2100 is computed by rule alone", "[bank_holidays]") {
  // Easter 28 March; Christmas on a Saturday.
  CHECK(computed(2100) == Dates{"2100-01-01", "2100-03-26", "2100-03-29", "2100-05-03",
                                "2100-05-31", "2100-08-30", "2100-12-27", "2100-12-28"});
}

TEST_CASE("years outside 1995 to 2100 have no list", "[bank_holidays]") {
  CHECK(bank_holidays_known(1995));
  CHECK(bank_holidays_known(2100));
  CHECK_FALSE(bank_holidays_known(1994));
  CHECK_FALSE(bank_holidays_known(2101));
  CHECK(england_and_wales_bank_holidays(1994).empty());
  CHECK(england_and_wales_named_bank_holidays(2101).empty());
}

TEST_CASE("Easter Sunday follows the Gregorian computus", "[bank_holidays]") {
  CHECK(format_date(easter_sunday(1818)) == "1818-03-22");  // earliest possible
  CHECK(format_date(easter_sunday(1943)) == "1943-04-25");  // latest possible
  CHECK(format_date(easter_sunday(2000)) == "2000-04-23");
  CHECK(format_date(easter_sunday(2008)) == "2008-03-23");
  CHECK(format_date(easter_sunday(2019)) == "2019-04-21");
  CHECK(format_date(easter_sunday(2024)) == "2024-03-31");
  CHECK(format_date(easter_sunday(2038)) == "2038-04-25");
  CHECK(format_date(easter_sunday(2285)) == "2285-03-22");
}

TEST_CASE("bank holidays carry their gov.uk names, substitute days marked", "[bank_holidays]") {
  const auto holidays = england_and_wales_named_bank_holidays(2022);
  REQUIRE(holidays.size() == 10);
  CHECK(holidays[0] == BankHoliday{make_date(2022, 1, 3), "New Year's Day (substitute day)"});
  CHECK(holidays[4] == BankHoliday{make_date(2022, 6, 2), "Spring bank holiday"});
  CHECK(holidays[5] == BankHoliday{make_date(2022, 6, 3), "Platinum Jubilee bank holiday"});
  CHECK(holidays[7].name == "Bank Holiday for the State Funeral of Queen Elizabeth II");
  CHECK(holidays[8] == BankHoliday{make_date(2022, 12, 26), "Boxing Day"});
  CHECK(holidays[9] == BankHoliday{make_date(2022, 12, 27), "Christmas Day (substitute day)"});

  const auto y2020 = england_and_wales_named_bank_holidays(2020);
  CHECK(y2020[3] == BankHoliday{make_date(2020, 5, 8), "Early May bank holiday (VE day)"});
  CHECK(y2020[7] == BankHoliday{make_date(2020, 12, 28), "Boxing Day (substitute day)"});

  const auto y2021 = england_and_wales_named_bank_holidays(2021);
  CHECK(y2021[6].name == "Christmas Day (substitute day)");
  CHECK(y2021[7].name == "Boxing Day (substitute day)");
}

TEST_CASE("every year from 1995 to 2100 has sorted weekday holidays, at least eight",
          "[bank_holidays]") {
  for (int year = kFirstBankHolidayYear; year <= kLastBankHolidayYear; ++year) {
    INFO("year " << year);
    const auto dates = england_and_wales_bank_holidays(year);
    REQUIRE(dates.size() >= 8);
    for (std::size_t i = 0; i < dates.size(); ++i) {
      const date::weekday wd{dates[i]};
      CHECK((wd != date::Saturday && wd != date::Sunday));
      CHECK(static_cast<int>(date::year_month_day{dates[i]}.year()) == year);
      if (i > 0) {
        CHECK(dates[i - 1] < dates[i]);
      }
    }
  }
}

}  // namespace
}  // namespace ehcp::engine
