#include "engine/calendar.h"

#include <algorithm>
#include <cstddef>
#include <tuple>
#include <utility>

#include "engine/bank_holidays.h"
#include "engine/detail/enum_names.h"

namespace ehcp::engine {
namespace {

constexpr std::uint8_t kWeekendFlag = 1;
constexpr std::uint8_t kHolidayFlag = 2;
constexpr std::uint8_t kOfficeFlag = 4;

constexpr detail::EnumNames<ClosureKind, 2> kClosureKinds{
    {{ClosureKind::kSchoolHoliday, "school_holiday"},
     {ClosureKind::kOfficeClosure, "office_closure"}}};

// The days that day_flags_ covers: every year with rule-based bank holidays.
constexpr Date kFirstDay{date::year{kFirstBankHolidayYear} / date::January / 1};
constexpr Date kLastDay{date::year{kLastBankHolidayYear} / date::December / 31};

bool is_weekend(Date d) {
  const date::weekday wd{d};
  return wd == date::Saturday || wd == date::Sunday;
}

}  // namespace

std::string_view to_string(ClosureKind kind) { return detail::name_of(kClosureKinds, kind); }

std::optional<ClosureKind> parse_closure_kind(std::string_view text) {
  return detail::value_of(kClosureKinds, text);
}

std::string accepted_closure_kind() { return detail::list_names(kClosureKinds); }

int Closure::days() const { return to < from ? 0 : static_cast<int>((to - from).count()) + 1; }

bool Closure::covers(Date d) const { return from <= d && d <= to; }

// Sized at construction rather than by resize(): GCC 12 at -O3 reports a false
// -Warray-bounds/-Wstringop-overflow inside vector::resize here.
Calendar::Calendar()
    : day_flags_(static_cast<std::size_t>((kLastDay - kFirstDay).count()) + 1, std::uint8_t{0}) {
  for (Date d = kFirstDay; d <= kLastDay; d += date::days{1}) {
    if (is_weekend(d)) {
      set_flag(d, kWeekendFlag, true);
    }
  }
  for (int year = kFirstBankHolidayYear; year <= kLastBankHolidayYear; ++year) {
    for (const BankHoliday& holiday : england_and_wales_named_bank_holidays(year)) {
      holidays_.push_back({holiday.date, std::string(holiday.name)});
      set_flag(holiday.date, kHolidayFlag, true);
    }
  }
}

void Calendar::add_holiday(Date d, std::string name) {
  const auto it = std::lower_bound(holidays_.begin(), holidays_.end(), d,
                                   [](const Holiday& h, Date day) { return h.date < day; });
  if (it != holidays_.end() && it->date == d) {
    it->name = std::move(name);
  } else {
    holidays_.insert(it, Holiday{d, std::move(name)});
  }
  set_flag(d, kHolidayFlag, true);
}

bool Calendar::remove_holiday(Date d) {
  const auto it = find_holiday(d);
  if (it == holidays_.end()) {
    return false;
  }
  holidays_.erase(it);
  set_flag(d, kHolidayFlag, false);
  return true;
}

Status Calendar::add_closure(Closure closure) {
  if (closure.to < closure.from) {
    return Status::invalid_input("closure '" + closure.name + "' ends " + format_date(closure.to) +
                                 ", before it starts " + format_date(closure.from));
  }
  if (closure.name.empty()) {
    return Status::invalid_input("closure from " + format_date(closure.from) + " has no name");
  }
  if (closure.kind == ClosureKind::kOfficeClosure) {
    const Date from = std::max(closure.from, kFirstDay);
    const Date to = std::min(closure.to, kLastDay);
    for (Date d = from; d <= to; d += date::days{1}) {
      set_flag(d, kOfficeFlag, true);
    }
  }
  closures_.push_back(std::move(closure));
  return {};
}

bool Calendar::is_bank_holiday(Date d) const {
  if (const auto i = index_of(d)) {
    return (day_flags_[*i] & kHolidayFlag) != 0;
  }
  return find_holiday(d) != holidays_.end();
}

std::optional<std::string_view> Calendar::holiday_name(Date d) const {
  const auto it = find_holiday(d);
  if (it == holidays_.end()) {
    return std::nullopt;
  }
  return std::string_view(it->name);
}

bool Calendar::is_working_day(Date d) const {
  if (const auto i = index_of(d)) {
    return day_flags_[*i] == 0;
  }
  return !is_weekend(d) && !is_bank_holiday(d) && !is_office_closed(d);
}

Date Calendar::add_working_days(Date d, int n) const {
  const date::days step{n < 0 ? -1 : 1};
  for (int left = n < 0 ? -n : n; left > 0;) {
    d += step;
    if (is_working_day(d)) {
      --left;
    }
  }
  return d;
}

int Calendar::working_days_between(Date from, Date to) const {
  int n = 0;
  for (Date d = from + date::days{1}; d <= to; d += date::days{1}) {
    n += is_working_day(d) ? 1 : 0;
  }
  return n;
}

bool Calendar::is_office_closed(Date d) const {
  if (const auto i = index_of(d)) {
    return (day_flags_[*i] & kOfficeFlag) != 0;
  }
  return std::any_of(closures_.begin(), closures_.end(), [d](const Closure& c) {
    return c.kind == ClosureKind::kOfficeClosure && c.covers(d);
  });
}

std::vector<Closure> Calendar::closures_covering(Date d) const {
  std::vector<Closure> out;
  for (const Closure& closure : closures_) {
    if (closure.covers(d)) {
      out.push_back(closure);
    }
  }
  return out;
}

std::vector<Closure> Calendar::school_closures_of_at_least(int min_days) const {
  std::vector<Closure> school;
  for (const Closure& closure : closures_) {
    if (closure.kind == ClosureKind::kSchoolHoliday) {
      school.push_back(closure);
    }
  }
  std::sort(school.begin(), school.end(), [](const Closure& a, const Closure& b) {
    return std::tie(a.setting, a.from, a.to) < std::tie(b.setting, b.from, b.to);
  });
  std::vector<Closure> joined;
  for (Closure& closure : school) {
    if (!joined.empty() && joined.back().setting == closure.setting &&
        closure.from <= joined.back().to + date::days{1}) {
      Closure& last = joined.back();
      last.to = std::max(last.to, closure.to);
      last.name += " + " + closure.name;
    } else {
      joined.push_back(std::move(closure));
    }
  }
  std::erase_if(joined, [min_days](const Closure& c) { return c.days() < min_days; });
  return joined;
}

std::optional<std::size_t> Calendar::index_of(Date d) const {
  if (d < kFirstDay || d > kLastDay) {
    return std::nullopt;
  }
  return static_cast<std::size_t>((d - kFirstDay).count());
}

std::vector<Calendar::Holiday>::const_iterator Calendar::find_holiday(Date d) const {
  const auto it = std::lower_bound(holidays_.begin(), holidays_.end(), d,
                                   [](const Holiday& h, Date day) { return h.date < day; });
  return it != holidays_.end() && it->date == d ? it : holidays_.end();
}

void Calendar::set_flag(Date d, std::uint8_t flag, bool on) {
  if (const auto i = index_of(d)) {
    day_flags_[*i] = static_cast<std::uint8_t>(on ? day_flags_[*i] | flag : day_flags_[*i] & ~flag);
  }
}

}  // namespace ehcp::engine
