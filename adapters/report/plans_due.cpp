#include "adapters/report/plans_due.h"

#include <algorithm>
#include <tuple>

#include "adapters/report/as_it_stood.h"
#include "adapters/sqlite/clock_query.h"
#include "workflows/clock_names.h"

namespace ehcp::adapters::report {

std::pair<engine::Date, engine::Date> next_month(engine::Date as_of) {
  const date::year_month_day ymd{as_of};
  const auto next = date::year_month{ymd.year(), ymd.month()} + date::months{1};
  return {date::sys_days{next / date::day{1}}, date::sys_days{next / date::last}};
}

engine::Result<PlansDue> load_plans_due(sqlite::Database& db, const config::LaConfig& config,
                                        engine::Date as_of) {
  PlansDue out;
  std::tie(out.from, out.to) = next_month(as_of);
  sqlite::ClockQuery query;
  query.running_on = as_of;
  query.due_by = out.to;
  query.statutory_only = true;
  query.clock = workflows::clocks::kFinalPlan;
  AsItStood as_it_stood(db, config.rules, config.calendar, as_of);
  auto status = as_it_stood.for_each_clock(query, [&](sqlite::ClockRow&& row) {
    const engine::Clock& c = row.clock;
    if (c.name != workflows::clocks::kFinalPlan || as_of < c.start || c.due < out.from ||
        c.status_on(as_of) != engine::ClockStatus::kOpen) {
      return;
    }
    out.plans.push_back(
        {std::move(row.case_ref), std::move(row.team), c.due, c.excepted_on(as_of)});
  });
  if (!status.ok()) {
    return status;
  }
  std::sort(out.plans.begin(), out.plans.end(), [](const PlanDue& a, const PlanDue& b) {
    return std::tie(a.due, a.case_ref) < std::tie(b.due, b.case_ref);
  });
  return out;
}

}  // namespace ehcp::adapters::report
