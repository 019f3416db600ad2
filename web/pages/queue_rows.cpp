#include "web/pages/queue_rows.h"

#include "adapters/render/words.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/url.h"

namespace ehcp::web::pages {

std::string queue_standing(const adapters::report::QueueItem& item) {
  std::string out;
  if (item.days_overdue > 0) {
    out = tag("Overdue by " + std::to_string(item.days_overdue) +
                  (item.days_overdue == 1 ? " day" : " days"),
              "red");
  } else if (item.working_days_left == 0) {
    out = tag("Due today", "orange");
  } else {
    out = tag("Due in " + std::to_string(item.working_days_left) +
                  (item.working_days_left == 1 ? " working day" : " working days"),
              "blue");
  }
  if (!item.statutory) {
    out += " " + tag("Guidance target", "grey");
  }
  if (item.exception) {
    out += " " + tag("Exception applies", "yellow");
  }
  return out;
}

std::string queue_table(const std::string& caption,
                        const std::vector<adapters::report::QueueItem>& items, bool show_caseworker,
                        const std::string& none) {
  if (items.empty()) {
    return "<h2 class=\"govuk-heading-m\">" + escape(caption) + "</h2><p class=\"govuk-body\">" +
           escape(none) + "</p>";
  }
  std::vector<std::string> head = {"Case", "Clock", "Stage", "Due", "Standing", "Next action"};
  if (show_caseworker) {
    head.insert(head.begin() + 1, "Caseworker");
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& item : items) {
    std::string label = item.case_ref + (item.child.empty() ? "" : ": " + item.child);
    std::vector<std::string> row = {
        link("/cases/" + percent_encode(item.case_ref), label),
        escape(item.title.empty() ? adapters::render::clock_title(item.clock, item.detail)
                                  : item.title) +
            " <span class=\"govuk-body-s\">(" +
            escape(adapters::render::workflow_title(item.workflow)) + ")</span>",
        escape(adapters::render::state_title(item.workflow, item.stage)),
        escape(engine::format_date_long(item.due)),
        queue_standing(item),
        escape(item.next_action)};
    if (show_caseworker) {
      row.insert(row.begin() + 1, escape(item.caseworker.empty() ? "(none)" : item.caseworker));
    }
    rows.push_back(std::move(row));
  }
  return table(caption, head, rows);
}

}  // namespace ehcp::web::pages
