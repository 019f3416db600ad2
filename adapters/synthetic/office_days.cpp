#include "adapters/synthetic/office_days.h"

#include <algorithm>

#include "engine/calendar.h"

namespace ehcp::adapters::synthetic::office_days {
namespace {

constexpr int kWorkingDaysPerWeek = 5;
constexpr int kDaysPerWeek = 7;

const engine::Calendar& calendar() {
  static const engine::Calendar kCalendar;  // built once: bank holidays 1995-2100
  return kCalendar;
}

}  // namespace

bool is_open(engine::Date d) { return calendar().is_working_day(d); }

engine::Date on_or_after(engine::Date d) {
  while (!is_open(d)) {
    d += date::days{1};
  }
  return d;
}

engine::Date on_or_before(engine::Date d) {
  while (!is_open(d)) {
    d -= date::days{1};
  }
  return d;
}

engine::Date after(Random& rng, engine::Date d, int lo, int hi) {
  const int working = rng.between(lo, hi) * kWorkingDaysPerWeek / kDaysPerWeek;
  const engine::Date start = on_or_after(d);
  return working == 0 ? start : calendar().add_working_days(start, working);
}

engine::Date plus_working_days(engine::Date d, int n) { return calendar().add_working_days(d, n); }

engine::Date within_or_late(Random& rng, engine::Date from, bool on_time, int earliest, int limit,
                            int latest) {
  if (on_time) {
    return std::min(after(rng, from, earliest, limit), on_or_before(from + date::days{limit}));
  }
  return after(rng, from, limit + 1, latest);
}

}  // namespace ehcp::adapters::synthetic::office_days
