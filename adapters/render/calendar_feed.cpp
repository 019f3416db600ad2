#include "adapters/render/calendar_feed.h"

#include "adapters/render/ics.h"
#include "adapters/render/words.h"

namespace ehcp::adapters::render {

std::string deadlines_to_ics(const std::vector<report::QueueItem>& items, const std::string& la,
                             const std::string& person, const std::string& now_utc) {
  IcsCalendar calendar;
  calendar.name = "EHC deadlines: " + person + (la.empty() ? "" : " (" + la + ")");
  calendar.dtstamp = ics_timestamp(now_utc);
  for (const auto& item : items) {
    IcsEvent e;
    // The clock's identity (case, clock, start): the same event in every fetch of the feed.
    e.uid = item.case_ref + "/" + item.clock + "/" + engine::format_date(item.start) + "@ehcp";
    e.day = item.due;
    const std::string title =
        item.title.empty() ? clock_title(item.clock, item.detail) : item.title;
    e.summary = std::string(item.days_overdue > 0 ? "Overdue: " : "") + title + ", " +
                item.case_ref + (item.statutory ? "" : " (guidance)");
    e.description = "Case " + item.case_ref + ": " + workflow_title(item.workflow) + ", " +
                    state_title(item.workflow, item.stage) + ".\n" +
                    (item.next_action.empty() ? "" : "Next action: " + item.next_action + ".\n") +
                    (item.statutory ? "Statutory deadline" : "Guidance target") + ": " +
                    engine::format_date_long(item.due) +
                    (item.exception ? " (an exception applies)" : "") +
                    ".\nThis calendar is a reminder only: the queue and the escalations are the "
                    "alerts.";
    calendar.events.push_back(std::move(e));
  }
  return to_ics(calendar);
}

}  // namespace ehcp::adapters::render
