#include "adapters/report/caseworker_deadlines.h"

#include <algorithm>
#include <tuple>

namespace ehcp::adapters::report {

engine::Result<std::vector<QueueItem>> load_caseworker_deadlines(sqlite::Database& db,
                                                                 const config::LaConfig& config,
                                                                 engine::Date as_of,
                                                                 const std::string& caseworker) {
  // The caseworker's own queue, a year ahead, names never read.
  QueueFilter filter;
  filter.caseworker = caseworker;
  filter.names = false;
  filter.due_by = as_of + date::days{kFeedDaysAhead};
  auto queue = load_work_queue(db, config, as_of, filter);
  if (!queue.ok()) {
    return queue.status();
  }
  auto items = std::move(queue.value().items);
  // A calendar lists by date, not by urgency.
  std::sort(items.begin(), items.end(), [](const QueueItem& a, const QueueItem& b) {
    return std::tie(a.due, a.case_ref, a.clock, a.start) <
           std::tie(b.due, b.case_ref, b.clock, b.start);
  });
  return items;
}

}  // namespace ehcp::adapters::report
