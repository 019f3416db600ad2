#include "engine/counting.h"

#include <array>
#include <utility>

#include "engine/detail/enum_names.h"

namespace ehcp::engine {
namespace {

constexpr int kDaysInWeek = 7;

constexpr detail::EnumNames<Counting, 11> kNames = {{
    {Counting::kWeeksAfter, "weeks_after"},
    {Counting::kDaysAfter, "days_after"},
    {Counting::kMonthsAfter, "months_after"},
    {Counting::kDaysBeginningWith, "days_beginning_with"},
    {Counting::kMonthsStartingWith, "months_starting_with"},
    {Counting::kWorkingDaysBeginningWith, "working_days_beginning_with"},
    {Counting::kWorkingDaysAfter, "working_days_after"},
    {Counting::kDayBeforeFixedDate, "day_before_fixed_date"},
    {Counting::kDaysBefore, "days_before"},
    {Counting::kMonthsBefore, "months_before"},
    {Counting::kImmediately, "immediately"},
}};

// "1 week", "6 weeks".
std::string count_of(int amount, std::string_view unit) {
  std::string text = std::to_string(amount) + " " + std::string(unit);
  if (amount != 1) {
    text += "s";
  }
  return text;
}

// True when the month `months` on from `d` has the day-of-month of `d`.
bool target_has_same_day(Date d, int months) {
  const date::year_month_day ymd{d};
  const date::year_month target = date::year_month{ymd.year(), ymd.month()} + date::months{months};
  return (target / ymd.day()).ok();
}

}  // namespace

std::string_view to_string(Counting counting) { return detail::name_of(kNames, counting); }

std::optional<Counting> parse_counting(std::string_view text) {
  return detail::value_of(kNames, text);
}

std::string accepted_counting() { return detail::list_names(kNames); }

Date add_months_clamped(Date d, int months) {
  const date::year_month_day ymd{d};
  const date::year_month target = date::year_month{ymd.year(), ymd.month()} + date::months{months};
  const date::year_month_day same_day = target / ymd.day();
  if (same_day.ok()) {
    return Date{same_day};
  }
  return Date{target / date::last};
}

Date day_before(int year, unsigned month, unsigned day) {
  return make_date(year, month, day) - date::days{1};
}

Date last_compliant_day(Counting counting, Date start, int amount, const Calendar& calendar,
                        bool count_event_day) {
  const date::days event_day{count_event_day ? 1 : 0};
  switch (counting) {
    case Counting::kWeeksAfter:
      return start + date::days{kDaysInWeek * amount} - event_day;
    case Counting::kDaysAfter:
      return start + date::days{amount} - event_day;
    case Counting::kMonthsAfter:
      return add_months_clamped(start, amount);
    case Counting::kDaysBeginningWith:
      return start + date::days{amount - 1};
    case Counting::kMonthsStartingWith: {
      const Date end = add_months_clamped(start, amount);
      return target_has_same_day(start, amount) ? end - date::days{1} : end;
    }
    case Counting::kWorkingDaysBeginningWith:
      // The Nth working day counting E is the Nth working day after the day before E.
      return calendar.add_working_days(start - date::days{1}, amount);
    case Counting::kWorkingDaysAfter:
      return calendar.add_working_days(start, amount);
    case Counting::kDayBeforeFixedDate:
      return start - date::days{1};
    case Counting::kDaysBefore:
      return start - date::days{amount};
    case Counting::kMonthsBefore:
      return add_months_clamped(start, -amount);
    case Counting::kImmediately:
      return start;
  }
  return start;
}

std::string describe_period(Counting counting, int amount) {
  switch (counting) {
    case Counting::kWeeksAfter:
      return count_of(amount, "week");
    case Counting::kDaysAfter:
    case Counting::kDaysBeginningWith:
    case Counting::kDaysBefore:
      return count_of(amount, "day");
    case Counting::kMonthsAfter:
    case Counting::kMonthsStartingWith:
    case Counting::kMonthsBefore:
      return count_of(amount, "month");
    case Counting::kWorkingDaysBeginningWith:
    case Counting::kWorkingDaysAfter:
      return count_of(amount, "working day");
    case Counting::kDayBeforeFixedDate:
      return "the day before a fixed date";
    case Counting::kImmediately:
      return "immediately";
  }
  return "";
}

}  // namespace ehcp::engine
