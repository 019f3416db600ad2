// engine/bank_holidays.h
//
// The bank holidays of England and Wales, computed by rule for the years 1995–2100:
//   New Year's Day      1 January; on a Saturday or Sunday, the Monday after (substitute day)
//   Good Friday         Easter Sunday − 2 (Easter by the Gregorian computus)
//   Easter Monday       Easter Sunday + 1
//   Early May           first Monday in May
//   Spring              last Monday in May
//   Summer              last Monday in August
//   Christmas Day       25 December }  a weekend day moves to the next weekday not already a
//   Boxing Day          26 December }  holiday: Sat 25 → Mon 27 + Tue 28; Sun 25 → Mon 26 + Tue 27
// plus the one-off moves and extra days proclaimed by the Sovereign (1995, 1999, 2002, 2011,
// 2012, 2020, 2022, 2023), kept as a commented table in bank_holidays.cpp, each line naming its
// source. Source of the list: https://www.gov.uk/bank-holidays (Banking and Financial Dealings
// Act 1971, Sch 1). Later one-offs, and LA closures, are added at run time through Calendar.
// Pure functions of the year; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "engine/civil_date.h"

namespace ehcp::engine {

// The years whose bank holidays these rules are known to give. Outside them there is no list:
// the one-off table may be incomplete before 1995, and no one knows the proclamations after 2100.
inline constexpr int kFirstBankHolidayYear = 1995;
inline constexpr int kLastBankHolidayYear = 2100;

// One bank holiday: the day off and its name as gov.uk writes it ("Christmas Day (substitute
// day)"). `name` views static storage and never dangles.
struct BankHoliday {
  Date date;
  std::string_view name;

  friend bool operator==(const BankHoliday&, const BankHoliday&) = default;
};

// True when `year` is in [kFirstBankHolidayYear, kLastBankHolidayYear], the years the functions
// below give a list for.
bool bank_holidays_known(int year);

// Easter Sunday of `year` by the Gregorian computus (the anonymous algorithm of Meeus, Jones and
// Butcher). Valid for any year from 1583.
Date easter_sunday(int year);

// The bank holidays of England and Wales in `year`, one-offs included, in date order, with
// names. Empty when !bank_holidays_known(year): callers must check that, not read "no holidays".
std::vector<BankHoliday> england_and_wales_named_bank_holidays(int year);

// The same days without names, sorted ascending. Empty when !bank_holidays_known(year).
std::vector<Date> england_and_wales_bank_holidays(int year);

}  // namespace ehcp::engine
