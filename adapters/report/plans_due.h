// adapters/report/plans_due.h
//
// The board pack's "plans due to pass 20 weeks next month": the needs assessments whose final
// plan is still to be issued on the as-of date and whose 20-week limit (final_plan) falls in
// the calendar month after the as-of date's month, so the board sees a month ahead what the
// 20-week rate will meet. Each case as it stood on the date (as_it_stood.h). The board sees the
// count; a manager, their team's case references (never a child's name: none is read).
// Read-only.
#pragma once

#include <string>
#include <vector>

#include "adapters/config/la_config.h"
#include "adapters/sqlite/database.h"
#include "engine/civil_date.h"
#include "engine/status.h"

namespace ehcp::adapters::report {

struct PlanDue {
  std::string case_ref;
  std::string team;  // empty: none
  engine::Date due;
  bool excepted = false;  // a statutory exception applies: it passes 20 weeks, lawfully
};

struct PlansDue {
  engine::Date from;           // the first day of next month
  engine::Date to;             // its last day
  std::vector<PlanDue> plans;  // by due date, then case
};

// The first and last day of the calendar month after `as_of`'s.
std::pair<engine::Date, engine::Date> next_month(engine::Date as_of);

engine::Result<PlansDue> load_plans_due(sqlite::Database& db, const config::LaConfig& config,
                                        engine::Date as_of);

}  // namespace ehcp::adapters::report
