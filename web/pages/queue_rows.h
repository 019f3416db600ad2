// web/pages/queue_rows.h
//
// A work queue as a GOV.UK table, as My work and the team queue show it: each row a link to
// its case, the clock and stage, the due date, how it stands (overdue by N days, or due in N
// working days), the next action; most urgent first, as the queue gives them.
#pragma once

#include <string>
#include <vector>

#include "adapters/report/work_queue.h"

namespace ehcp::web::pages {

// The rows under a heading `caption`; `none` says in a sentence that the list is empty.
std::string queue_table(const std::string& caption,
                        const std::vector<adapters::report::QueueItem>& items, bool show_caseworker,
                        const std::string& none);

// "Overdue by 3 days" (red), "Due today", "Due in 4 working days".
std::string queue_standing(const adapters::report::QueueItem& item);

}  // namespace ehcp::web::pages
