#include "engine/bank_holidays.h"

#include <algorithm>
#include <array>

namespace ehcp::engine {
namespace {

// The rule-based holidays a one-off may move. Christmas and Boxing Day have never moved.
enum class Rule { kNewYear, kGoodFriday, kEasterMonday, kEarlyMay, kSpring, kSummer, kDecember };

// A rule's day in one year replaced by another day (and name).
struct Moved {
  int year;
  Rule rule;
  unsigned month;
  unsigned day;
  std::string_view name;
};

// A day added to one year's list.
struct Extra {
  int year;
  unsigned month;
  unsigned day;
  std::string_view name;
};

// One-off moves, each with its source. The moved day keeps the rule's place in the list.
constexpr std::array kMoved = {
    // 1995: early May from Mon 1 May to Mon 8 May, 50th anniversary of VE day (Royal proclamation)
    Moved{1995, Rule::kEarlyMay, 5, 8, "Early May bank holiday (VE day)"},
    // 2002: spring from Mon 27 May to Tue 4 June, Golden Jubilee (Royal proclamation)
    Moved{2002, Rule::kSpring, 6, 4, "Spring bank holiday"},
    // 2012: spring from Mon 28 May to Mon 4 June, Diamond Jubilee (Royal proclamation; gov.uk)
    Moved{2012, Rule::kSpring, 6, 4, "Spring bank holiday"},
    // 2020: early May from Mon 4 May to Fri 8 May, 75th anniversary of VE day (gov.uk)
    Moved{2020, Rule::kEarlyMay, 5, 8, "Early May bank holiday (VE day)"},
    // 2022: spring from Mon 30 May to Thu 2 June, Platinum Jubilee (Royal proclamation; gov.uk)
    Moved{2022, Rule::kSpring, 6, 2, "Spring bank holiday"},
};

// One-off extra days, each with its source.
constexpr std::array kExtra = {
    // 1999: Fri 31 December, the millennium (Royal proclamation)
    Extra{1999, 12, 31, "Millennium celebrations"},
    // 2002: Mon 3 June, the Queen's Golden Jubilee (Royal proclamation)
    Extra{2002, 6, 3, "Golden Jubilee bank holiday"},
    // 2011: Fri 29 April, the wedding of Prince William and Catherine Middleton (gov.uk)
    Extra{2011, 4, 29, "Royal wedding"},
    // 2012: Tue 5 June, the Queen's Diamond Jubilee (Royal proclamation; gov.uk)
    Extra{2012, 6, 5, "Queen's Diamond Jubilee (extra bank holiday)"},
    // 2022: Fri 3 June, the Queen's Platinum Jubilee (Royal proclamation; gov.uk)
    Extra{2022, 6, 3, "Platinum Jubilee bank holiday"},
    // 2022: Mon 19 September, the State Funeral of Queen Elizabeth II (Royal proclamation; gov.uk)
    Extra{2022, 9, 19, "Bank Holiday for the State Funeral of Queen Elizabeth II"},
    // 2023: Mon 8 May, the coronation of King Charles III (Royal proclamation; gov.uk)
    Extra{2023, 5, 8, "Bank holiday for the coronation of King Charles III"},
};

constexpr std::string_view kNewYear = "New Year's Day";
constexpr std::string_view kNewYearSubstitute = "New Year's Day (substitute day)";
constexpr std::string_view kChristmas = "Christmas Day";
constexpr std::string_view kChristmasSubstitute = "Christmas Day (substitute day)";
constexpr std::string_view kBoxing = "Boxing Day";
constexpr std::string_view kBoxingSubstitute = "Boxing Day (substitute day)";

struct RuleDay {
  Rule rule;
  BankHoliday holiday;
};

Date first_monday(int year, date::month month) {
  return Date{date::year{year} / month / date::Monday[1]};
}

Date last_monday(int year, date::month month) {
  return Date{date::year{year} / month / date::Monday[date::last]};
}

// Christmas and Boxing Day with their substitutes (Banking and Financial Dealings Act 1971,
// Sch 1 para 1: a weekend day is replaced by the next weekday not already a holiday).
void add_christmas(int year, std::vector<RuleDay>& out) {
  const Date christmas = make_date(year, 12, 25);
  const date::weekday wd{christmas};
  const auto add = [&](Date d, std::string_view name) {
    out.push_back({Rule::kDecember, {d, name}});
  };
  if (wd == date::Saturday) {
    add(christmas + date::days{2}, kChristmasSubstitute);
    add(christmas + date::days{3}, kBoxingSubstitute);
  } else if (wd == date::Sunday) {
    add(christmas + date::days{1}, kBoxing);
    add(christmas + date::days{2}, kChristmasSubstitute);
  } else if (wd == date::Friday) {
    add(christmas, kChristmas);
    add(christmas + date::days{3}, kBoxingSubstitute);
  } else {
    add(christmas, kChristmas);
    add(christmas + date::days{1}, kBoxing);
  }
}

std::vector<RuleDay> rule_days(int year) {
  std::vector<RuleDay> out;
  const Date new_year = make_date(year, 1, 1);
  const date::weekday wd{new_year};
  if (wd == date::Saturday) {
    out.push_back({Rule::kNewYear, {new_year + date::days{2}, kNewYearSubstitute}});
  } else if (wd == date::Sunday) {
    out.push_back({Rule::kNewYear, {new_year + date::days{1}, kNewYearSubstitute}});
  } else {
    out.push_back({Rule::kNewYear, {new_year, kNewYear}});
  }
  const Date easter = easter_sunday(year);
  out.push_back({Rule::kGoodFriday, {easter - date::days{2}, "Good Friday"}});
  out.push_back({Rule::kEasterMonday, {easter + date::days{1}, "Easter Monday"}});
  out.push_back({Rule::kEarlyMay, {first_monday(year, date::May), "Early May bank holiday"}});
  out.push_back({Rule::kSpring, {last_monday(year, date::May), "Spring bank holiday"}});
  out.push_back({Rule::kSummer, {last_monday(year, date::August), "Summer bank holiday"}});
  add_christmas(year, out);
  return out;
}

}  // namespace

bool bank_holidays_known(int year) {
  return year >= kFirstBankHolidayYear && year <= kLastBankHolidayYear;
}

Date easter_sunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return make_date(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::vector<BankHoliday> england_and_wales_named_bank_holidays(int year) {
  if (!bank_holidays_known(year)) {
    return {};
  }
  std::vector<RuleDay> days = rule_days(year);
  for (const Moved& moved : kMoved) {
    if (moved.year != year) {
      continue;
    }
    for (RuleDay& day : days) {
      if (day.rule == moved.rule) {
        day.holiday = {make_date(year, moved.month, moved.day), moved.name};
      }
    }
  }
  std::vector<BankHoliday> out;
  out.reserve(days.size() + 2);
  for (const RuleDay& day : days) {
    out.push_back(day.holiday);
  }
  for (const Extra& extra : kExtra) {
    if (extra.year == year) {
      out.push_back({make_date(year, extra.month, extra.day), extra.name});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const BankHoliday& a, const BankHoliday& b) { return a.date < b.date; });
  return out;
}

std::vector<Date> england_and_wales_bank_holidays(int year) {
  std::vector<Date> out;
  for (const BankHoliday& holiday : england_and_wales_named_bank_holidays(year)) {
    out.push_back(holiday.date);
  }
  return out;
}

}  // namespace ehcp::engine
