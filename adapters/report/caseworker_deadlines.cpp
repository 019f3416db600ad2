#include "adapters/report/caseworker_deadlines.h"

#include <algorithm>
#include <tuple>

#include "adapters/render/words.h"
#include "adapters/report/as_it_stood.h"
#include "adapters/sqlite/clock_query.h"

namespace ehcp::adapters::report {

engine::Result<std::vector<QueueItem>> load_caseworker_deadlines(sqlite::Database& db,
                                                                 const config::LaConfig& config,
                                                                 engine::Date as_of,
                                                                 const std::string& caseworker) {
  sqlite::ClockQuery query;
  query.running_on = as_of;
  query.due_by = as_of + date::days{kFeedDaysAhead};
  query.caseworker = caseworker;
  query.with_stage = true;  // names are never read
  std::vector<QueueItem> items;
  AsItStood as_it_stood(db, config.rules, config.calendar, as_of);
  auto status = as_it_stood.for_each_clock(query, [&](sqlite::ClockRow&& row) {
    const engine::Clock& c = row.clock;
    if (!awaited_on(c, as_of)) {
      return;
    }
    const engine::ClockRule* rule = config.rules.rule_for(c.name, c.start, c.detail);
    if (rule != nullptr && rule->family) {
      return;
    }
    QueueItem item;
    item.case_ref = std::move(row.case_ref);
    item.clock = c.name;
    item.detail = c.detail;
    item.workflow = c.workflow;
    item.stage = std::move(row.stage);
    item.start = c.start;
    item.due = c.due;
    item.days_overdue = c.days_overdue(as_of);
    item.next_action = next_action(c.name, item.stage, rule != nullptr ? rule->action : "");
    item.caseworker = std::move(row.caseworker);
    item.team = std::move(row.team);
    item.statutory = c.statutory;
    item.exception = c.excepted_on(as_of);
    items.push_back(std::move(item));
  });
  if (!status.ok()) {
    return status;
  }
  std::sort(items.begin(), items.end(), [](const QueueItem& a, const QueueItem& b) {
    return std::tie(a.due, a.case_ref, a.clock, a.start) <
           std::tie(b.due, b.case_ref, b.clock, b.start);
  });
  std::vector<render::ClockLabel> labels;
  labels.reserve(items.size());
  for (const auto& item : items) {
    labels.push_back({item.clock, item.detail, item.case_ref});
  }
  auto titles = render::clock_titles(labels);
  for (std::size_t i = 0; i < items.size(); ++i) {
    items[i].title = std::move(titles[i]);
  }
  return items;
}

}  // namespace ehcp::adapters::report
