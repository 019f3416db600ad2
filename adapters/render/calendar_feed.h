// adapters/render/calendar_feed.h
//
// A caseworker's deadlines (adapters/report/caseworker_deadlines.h) as the iCalendar feed
// `GET /calendar/<token>.ics` serves: one all-day event a clock on its due date, titled in
// words with the case reference (never the child's name), the next action in its description.
// Pure.
#pragma once

#include <string>
#include <vector>

#include "adapters/report/work_queue.h"

namespace ehcp::adapters::render {

// `person`: whose feed it is (the calendar's name); `now_utc`: ISO 8601, the feed's DTSTAMP.
std::string deadlines_to_ics(const std::vector<report::QueueItem>& items, const std::string& la,
                             const std::string& person, const std::string& now_utc);

}  // namespace ehcp::adapters::render
