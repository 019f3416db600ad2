#include "adapters/report/outlook.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "adapters/render/words.h"
#include "adapters/report/as_it_stood.h"
#include "adapters/sqlite/clock_query.h"

namespace ehcp::adapters::report {

Outlook compose_outlook(const std::vector<OutlookClock>& clocks, engine::Date as_of, int weeks) {
  Outlook out;
  out.as_of = as_of;
  for (int w = 0; w < weeks; ++w) {
    OutlookWeek week;
    week.number = w + 1;
    week.from = as_of + date::days{7 * w};
    week.to = week.from + date::days{6};
    out.weeks.push_back(std::move(week));
  }
  // Keyed by week, then (no team last) team, then clock.
  std::map<std::tuple<int, bool, std::string, std::string>, OutlookRow> rows;
  for (const auto& c : clocks) {
    const auto offset = (c.due - as_of).count();
    if (offset < 0 || offset >= 7L * weeks) {
      continue;
    }
    const int w = static_cast<int>(offset / 7);
    auto& row = rows[{w, c.team.empty(), c.team, c.clock}];
    if (row.due == 0) {
      row.team = c.team;
      row.clock = c.clock;
      row.title = render::clock_title(c.clock, c.detail);
    }
    ++row.due;
    row.will_breach += c.excepted ? 0 : 1;
  }
  for (auto& [key, row] : rows) {
    auto& week = out.weeks[static_cast<std::size_t>(std::get<0>(key))];
    week.due += row.due;
    week.will_breach += row.will_breach;
    week.rows.push_back(std::move(row));
  }
  return out;
}

engine::Result<Outlook> load_outlook(sqlite::Database& db, const config::LaConfig& config,
                                     engine::Date as_of, int weeks,
                                     const std::optional<std::string>& team) {
  sqlite::ClockQuery query;
  query.running_on = as_of;
  query.due_by = as_of + date::days{7 * weeks - 1};
  query.statutory_only = true;
  query.team = team;
  std::vector<OutlookClock> clocks;
  AsItStood as_it_stood(db, config.rules, config.calendar, as_of);
  auto status = as_it_stood.for_each_clock(query, [&](sqlite::ClockRow&& row) {
    const engine::Clock& c = row.clock;
    // Open on the as-of date: started, not met or ended, not yet past its due date.
    if (as_of < c.start || c.status_on(as_of) != engine::ClockStatus::kOpen || !c.statutory ||
        config.rules.family_deadline(c.name, c.start)) {
      return;
    }
    clocks.push_back({std::move(row.team), c.name, c.detail, c.due, c.excepted_on(as_of)});
  });
  if (!status.ok()) {
    return status;
  }
  auto outlook = compose_outlook(clocks, as_of, weeks);
  outlook.team = team;
  return outlook;
}

}  // namespace ehcp::adapters::report
