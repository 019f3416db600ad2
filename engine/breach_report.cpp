#include "engine/breach_report.h"

#include <algorithm>
#include <tuple>

namespace ehcp::engine {
namespace {

constexpr const char* kNoTeam = "(no team)";

BreachEntry entry_of(const BreachCandidate& c, Date as_of) {
  BreachEntry e;
  e.case_ref = c.case_ref;
  e.clock = c.clock.name;
  e.detail = c.clock.detail;
  e.workflow = c.clock.workflow;
  e.start = c.clock.start;
  e.due = c.clock.due;
  e.days_overdue = c.clock.days_overdue(as_of);
  e.caseworker = c.caseworker;
  e.team = c.team;
  e.child = c.child;
  e.exception = c.clock.excepted_on(as_of);
  return e;
}

bool most_overdue_first(const BreachEntry& a, const BreachEntry& b) {
  return std::tie(b.days_overdue, a.case_ref, a.clock, a.start) <
         std::tie(a.days_overdue, b.case_ref, b.clock, b.start);
}

bool soonest_first(const BreachEntry& a, const BreachEntry& b) {
  return std::tie(a.due, a.case_ref, a.clock, a.start) <
         std::tie(b.due, b.case_ref, b.clock, b.start);
}

// Where a clock stands on `d` for the report: which of the four lists it is in.
struct Standing {
  bool overdue = false;  // overdue and not excepted: a breach
  bool is_new = false;
  bool due_soon = false;
  bool excepted = false;
};

Standing standing_of(const BreachCandidate& c, Date d, Date horizon, bool previous_report) {
  Standing s;
  if (!c.clock.statutory || d < c.clock.start) {
    return s;
  }
  const ClockStatus status = c.clock.status_on(d);
  if (status == ClockStatus::kOverdue) {
    if (c.clock.excepted_on(d)) {
      s.excepted = true;
    } else {
      s.overdue = true;
      s.is_new = c.clock.due + date::days{1} == d || (previous_report && !c.reported_before);
    }
  } else if (status == ClockStatus::kOpen && d < c.clock.due && c.clock.due <= horizon) {
    s.due_soon = true;
  }
  return s;
}

void tally(BreachTally& t, const Standing& s) {
  t.overdue += s.overdue ? 1 : 0;
  t.new_breaches += s.is_new ? 1 : 0;
  t.due_soon += s.due_soon ? 1 : 0;
  t.excepted += s.excepted ? 1 : 0;
}

bool counts(const Standing& s) { return s.overdue || s.due_soon || s.excepted; }

}  // namespace

Date due_soon_horizon(Date as_of, const Calendar& calendar) {
  return calendar.add_working_days(as_of, kDueSoonWorkingDays);
}

BreachReport compose_breach_report(std::span<const BreachCandidate> candidates, Date as_of,
                                   const Calendar& calendar, bool previous_report) {
  BreachReport report;
  report.as_of = as_of;
  report.previous_report = previous_report;
  const Date horizon = due_soon_horizon(as_of, calendar);
  const Date yesterday = as_of - date::days{1};
  const Date previous_horizon = due_soon_horizon(yesterday, calendar);
  for (const auto& c : candidates) {
    const std::string& team = c.team.empty() ? std::string(kNoTeam) : c.team;
    // The night before: "new" there is not shown, so whether a report preceded it is moot.
    const Standing before = standing_of(c, yesterday, previous_horizon, false);
    if (counts(before)) {
      tally(report.previous_total, before);
      tally(report.previous_by_clock[c.clock.name], before);
      tally(report.previous_by_team[team], before);
    }
    const Standing now = standing_of(c, as_of, horizon, previous_report);
    if (!counts(now)) {
      continue;
    }
    tally(report.total, now);
    tally(report.by_clock[c.clock.name], now);
    tally(report.by_team[team], now);
    BreachEntry e = entry_of(c, as_of);
    if (now.due_soon) {
      e.working_days_left = calendar.working_days_between(as_of, c.clock.due);
      report.due_soon.push_back(std::move(e));
    } else if (now.excepted) {
      report.excepted.push_back(std::move(e));
    } else {
      if (now.is_new) {
        report.new_breaches.push_back(e);
      }
      report.overdue.push_back(std::move(e));
    }
  }
  std::sort(report.new_breaches.begin(), report.new_breaches.end(), most_overdue_first);
  std::sort(report.overdue.begin(), report.overdue.end(), most_overdue_first);
  std::sort(report.excepted.begin(), report.excepted.end(), most_overdue_first);
  std::sort(report.due_soon.begin(), report.due_soon.end(), soonest_first);
  return report;
}

}  // namespace ehcp::engine
