// engine/counting.h
//
// How the law counts a period, and the last compliant day that follows (rules.md §1). A
// counting convention is vocabulary, not a flag: each enumerator says which phrase of the law
// it reads and how. A due date never rolls: a last compliant day on a Saturday, a bank holiday
// or in a school holiday stays there; only the working-day counts skip days. Which convention
// and amount a clock uses is rule-pack data. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/calendar.h"
#include "engine/civil_date.h"

namespace ehcp::engine {

enum class Counting {
  kWeeksAfter,                // "within N weeks of E": E excluded, E + 7N
  kDaysAfter,                 // "within N days of E": E excluded, E + N
  kMonthsAfter,               // "within N months after D": same day N months on, else month end
  kDaysBeginningWith,         // "N days beginning with E": E is day 1, E + N − 1
  kMonthsStartingWith,        // "period of N months starting with D": D is day 1 (see below)
  kWorkingDaysBeginningWith,  // "N working days beginning with E": the Nth, counting E if working
  kWorkingDaysAfter,          // "within N working days of E": the Nth working day after E
  kDayBeforeFixedDate,        // "before 15 February": the day before a fixed date (14 Feb)
  kDaysBefore,                // "at least N days before E": E − N (notice of a meeting on E)
  kMonthsBefore,  // "at least N months before E": same day N months back, else month end
  kImmediately,   // "immediately" on E: E itself (N is ignored)
};

// The name in data: "weeks_after", "days_after", "months_after", "days_beginning_with",
// "months_starting_with", "working_days_beginning_with", "working_days_after",
// "day_before_fixed_date", "days_before", "months_before", "immediately".
std::string_view to_string(Counting counting);

// The convention named by `text`, exactly as to_string writes it, or nullopt.
std::optional<Counting> parse_counting(std::string_view text);

// "weeks_after, days_after ... or day_before_fixed_date": the accepted names, for messages.
std::string accepted_counting();

// The same day of the month `months` months on (or back, if negative); where that month has no
// such day, its last day: 2026-01-31 + 1 → 2026-02-28, 2028-02-29 + 12 → 2029-02-28.
Date add_months_clamped(Date d, int months);

// The day before the fixed date year-month-day: day_before(2027, 2, 15) is 2027-02-14.
// Precondition: the fixed date exists.
Date day_before(int year, unsigned month, unsigned day);

// The last day on which something counted from `start` by `counting` and `amount` is in time.
//  - kMonthsStartingWith: add_months_clamped(start, amount) − 1 day, except when the target
//    month has no day `start.day()` (31st, 29 Feb): then that month's last day, nothing taken off.
//  - kDayBeforeFixedDate: `start` is the fixed date itself ("15 February" in the year of
//    transfer); the answer is start − 1 day and `amount` is ignored.
//  - kMonthsBefore: add_months_clamped(start, −amount): 2027-01-31 less 5 months is 2026-08-31.
//  - count_event_day (the DfE reading, a rule-pack option) counts E as day 1 for kWeeksAfter
//    (E + 7N − 1) and kDaysAfter (E + N − 1); the other conventions ignore it.
// Working-day counts use `calendar`; the rest never read it. Expects amount >= 0.
Date last_compliant_day(Counting counting, Date start, int amount, const Calendar& calendar,
                        bool count_event_day = false);

// A short phrase for the basis text of a due date: "6 weeks", "1 week", "12 months",
// "15 days", "15 working days", "5 months"; kDayBeforeFixedDate gives "the day before a fixed
// date", kImmediately "immediately".
std::string describe_period(Counting counting, int amount);

}  // namespace ehcp::engine
