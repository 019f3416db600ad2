// adapters/sqlite/clock_query.h
//
// The one read the tick, the queues and the breach report share: clocks still running on a
// date (not met or ended before it) that fall due by another, joined with their case's
// caseworker, team and child, optionally filtered. Two indexes serve it: unfinished clocks by
// due date, and finished ones by the day they finished, so a night at national scale reads only
// the clocks near their deadlines. Read-only; callers may run it inside any transaction.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "engine/civil_date.h"
#include "engine/clock.h"

namespace ehcp::adapters::sqlite {

struct ClockQuery {
  engine::Date running_on;  // not met or ended before this day
  engine::Date due_by;      // due on or before this day
  bool statutory_only = false;
  std::optional<std::string> team;
  std::optional<std::string> caseworker;
  std::optional<std::string> clock;     // a name ("advice:ep") or a family ("advice")
  std::optional<std::string> workflow;  // "assessment"
  bool with_names = false;              // read the child's name
  bool with_stage = false;              // read the state of the clock's workflow on running_on
  bool with_rungs = false;              // read the escalation rungs recorded for the clock
  std::optional<engine::Date> reported_before;  // read whether a report before this day showed it
};

struct ClockRow {
  std::string case_ref;
  engine::Clock clock;
  std::string caseworker;  // empty when none
  std::string team;
  std::string child;               // "Given Family" when with_names
  std::string stage;               // the workflow's state when with_stage
  std::vector<std::string> rungs;  // when with_rungs
  bool reported = false;           // when reported_before
};

// True when `row` (a clock with its case's caseworker and team) passes the query's filters:
// the same test the SQL applies, for clocks derived in memory (a case as it stood on a past
// date, adapters/report/as_it_stood.h).
bool matches(const ClockQuery& query, const ClockRow& row);

// Calls `visit` for each matching clock, in no particular order.
void for_each_clock(SQLite::Database& db, const ClockQuery& query,
                    const std::function<void(ClockRow&&)>& visit);

std::vector<ClockRow> find_clocks(SQLite::Database& db, const ClockQuery& query);

}  // namespace ehcp::adapters::sqlite
