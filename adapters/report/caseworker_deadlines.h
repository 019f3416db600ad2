// adapters/report/caseworker_deadlines.h
//
// What a caseworker's calendar feed lists: every clock still open on their cases (as
// caseworker) on the date, overdue ones too, due within the year ahead, each with its next
// action as the queue words it (work_queue.h). Guidance targets are listed, marked; the
// family's windows are not the LA's and are left out. Never the child's name: the feed leaves
// the council's systems for a phone's calendar. Each case as it stood on the date
// (as_it_stood.h). Read-only.
#pragma once

#include <string>
#include <vector>

#include "adapters/config/la_config.h"
#include "adapters/report/work_queue.h"
#include "adapters/sqlite/database.h"
#include "engine/civil_date.h"
#include "engine/status.h"

namespace ehcp::adapters::report {

// Days ahead a feed lists: a year, so that an annual review is there once it has started.
inline constexpr int kFeedDaysAhead = 366;

// `caseworker`'s open clocks on `as_of`, earliest due first, with `child` always empty.
engine::Result<std::vector<QueueItem>> load_caseworker_deadlines(sqlite::Database& db,
                                                                 const config::LaConfig& config,
                                                                 engine::Date as_of,
                                                                 const std::string& caseworker);

}  // namespace ehcp::adapters::report
