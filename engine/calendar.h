// engine/calendar.h
//
// The working-day calendar of one local authority. A working day is Monday to Friday, not a
// bank holiday in England and Wales, and not a day the LA's offices are closed. Bank holidays
// come from the rules in bank_holidays.h (1995–2100, computed once at construction); the LA
// adds one-off holidays, removes holidays and adds closure periods at run time, as data, with
// no rebuild. School holidays are recorded too but never make a day non-working: they matter
// only to the school-closure exception limbs (rules.md §1, §2). Reading files is the adapters'
// job; a Calendar holds values only.
//
// A Calendar is a copyable value. Const methods only read, so one Calendar may be shared by any
// number of threads once built; the mutators (add_holiday, remove_holiday, add_closure) need
// exclusive access.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/civil_date.h"
#include "engine/status.h"

namespace ehcp::engine {

// What an LA closure period closes.
enum class ClosureKind {
  kSchoolHoliday,  // a school or setting is closed; working days are unchanged
  kOfficeClosure,  // the LA's offices are closed; the days are not working days
};

// "school_holiday", "office_closure".
std::string_view to_string(ClosureKind kind);

// The kind named by `text` (exactly as to_string writes it), or nullopt.
std::optional<ClosureKind> parse_closure_kind(std::string_view text);
// "school_holiday or office_closure", for messages.
std::string accepted_closure_kind();

// A period, both ends included, during which a school or the LA's offices are closed.
struct Closure {
  ClosureKind kind = ClosureKind::kSchoolHoliday;
  Date from;
  Date to;  // inclusive
  std::string name;
  std::optional<std::string> setting;  // the setting it closes; nullopt: every setting / the LA

  // Number of days from `from` to `to`, both included (0 if to < from).
  int days() const;
  // True when from <= d <= to.
  bool covers(Date d) const;

  friend bool operator==(const Closure&, const Closure&) = default;
};

class Calendar {
 public:
  // England and Wales bank holidays 1995–2100, no extra holidays and no closures.
  Calendar();

  // Makes `d` a holiday named `name` (e.g. a new proclamation). Replaces the name if `d` is
  // already a holiday. A weekend day may be added: it is then a holiday, as it was non-working.
  void add_holiday(Date d, std::string name);

  // Makes `d` an ordinary day if it was a holiday, rule-based or added; true if it was one.
  // Office closures covering `d` are untouched.
  bool remove_holiday(Date d);

  // Records a closure period. Fails with kInvalidInput when closure.to < closure.from or the
  // name is empty; the calendar is then unchanged.
  Status add_closure(Closure closure);

  // True if `d` is a holiday: by rule (within 1995–2100) or added, and not removed.
  bool is_bank_holiday(Date d) const;

  // The holiday's name, or nullopt if `d` is not a holiday. The view is valid while this
  // Calendar lives and is not modified.
  std::optional<std::string_view> holiday_name(Date d) const;

  // True when `d` is Monday–Friday, not a holiday and not in an office closure. School
  // holidays never change the answer. O(1) for dates in 1995–2100.
  bool is_working_day(Date d) const;

  // The nth working day after `d` (n > 0), or the |n|th working day before `d` (n < 0); `d`
  // itself is never counted. n == 0 returns `d`, working day or not.
  Date add_working_days(Date d, int n) const;

  // How many working days lie after `from` up to and including `to` (0 when to <= from).
  int working_days_between(Date from, Date to) const;

  // True if the office is closed on `d` by a kOfficeClosure period.
  bool is_office_closed(Date d) const;

  // Every closure in the order added.
  const std::vector<Closure>& closures() const { return closures_; }

  // The closures (of either kind) with from <= d <= to, in the order added.
  std::vector<Closure> closures_covering(Date d) const;

  // The school holidays of at least `min_days` continuous days, for the closure exception
  // limbs (which need 28). School-holiday periods of the same setting that overlap or touch
  // are first joined into one (names joined with " + "). Sorted by setting, then `from`.
  std::vector<Closure> school_closures_of_at_least(int min_days) const;

 private:
  struct Holiday {
    Date date;
    std::string name;
  };

  // Index into day_flags_, or nullopt outside 1995-01-01..2100-12-31.
  std::optional<std::size_t> index_of(Date d) const;
  std::vector<Holiday>::const_iterator find_holiday(Date d) const;
  void set_flag(Date d, std::uint8_t flag, bool on);

  std::vector<Holiday> holidays_;        // sorted by date, one per date
  std::vector<Closure> closures_;        // in the order added
  std::vector<std::uint8_t> day_flags_;  // per day of 1995–2100: weekend/holiday/office bits
};

}  // namespace ehcp::engine
