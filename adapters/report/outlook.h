// adapters/report/outlook.h
//
// `ehcp report outlook`: a look ahead for the board. From the statutory clocks open on the
// as-of date (each case as it stood then, as_it_stood.h), the deadlines falling due in each of
// the next N weeks, by team and clock, and how many of them will breach unless the next action
// happens: every one not yet met and not excepted, since a clock open today is met only by an
// event still to come. A week is 7 days from the as-of date (week 1: the as-of date and the six
// days after it), so the first week is never a part week. Clocks overdue already are breaches,
// not the outlook's (the breach report lists them); the family's windows are never the LA's.
// Read-only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "adapters/config/la_config.h"
#include "adapters/sqlite/database.h"
#include "engine/civil_date.h"
#include "engine/status.h"

namespace ehcp::adapters::report {

// One open statutory clock as the outlook counts it.
struct OutlookClock {
  std::string team;  // empty: no team
  std::string clock;
  std::string detail;
  engine::Date due;
  bool excepted = false;
};

// The clocks of one team and one clock name due in one week.
struct OutlookRow {
  std::string team;
  std::string clock;
  std::string title;  // the clock in words (adapters/render/words.h)
  int due = 0;
  int will_breach = 0;  // due, not excepted
};

struct OutlookWeek {
  int number = 0;  // 1 = the week starting on the as-of date
  engine::Date from;
  engine::Date to;  // from + 6
  int due = 0;
  int will_breach = 0;
  std::vector<OutlookRow> rows;  // by team (no team last), then clock
};

struct Outlook {
  engine::Date as_of;
  std::optional<std::string> team;  // the filter, when given
  std::vector<OutlookWeek> weeks;   // every week, empty ones too
};

// The outlook of `clocks` over `weeks` weeks from `as_of`; clocks due before `as_of` or after
// the last week are left out. Pure.
Outlook compose_outlook(const std::vector<OutlookClock>& clocks, engine::Date as_of, int weeks);

// The statutory clocks open on `as_of` (of `team`'s cases, when given), due within `weeks`
// weeks, composed.
engine::Result<Outlook> load_outlook(sqlite::Database& db, const config::LaConfig& config,
                                     engine::Date as_of, int weeks,
                                     const std::optional<std::string>& team);

}  // namespace ehcp::adapters::report
