// engine/civil_date.h
//
// A civil date in England: a day, with no time of day and no zone. Dates in events, clocks and
// reports are all of this type. Parsing is strict (YYYY-MM-DD, a day that exists), so
// "2026-02-30" is an error, never a silent roll to March. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace ehcp::engine {

using Date = date::sys_days;

// The date written YYYY-MM-DD, or nullopt if the text is not exactly that shape or the day
// does not exist (2026-02-30, 2025-02-29, 2026-13-01).
std::optional<Date> parse_date(std::string_view text);

// YYYY-MM-DD.
std::string format_date(Date d);
// The same, appended to `out`: basis texts are built in one buffer.
void append_date(std::string& out, Date d);

// "Mon 25 May 2026": how dates read in sentences shown to caseworkers.
std::string format_date_long(Date d);

// "5 Jan": the short form used inside a sentence when the year is plain from context.
std::string format_date_short(Date d);

// "15 February 2027": dates in legal text (the basis of a transfer) and in report periods.
std::string format_date_words(Date d);

// "September 2027".
std::string format_month_words(Date d);

inline Date make_date(int y, unsigned m, unsigned d) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}};
}

}  // namespace ehcp::engine
