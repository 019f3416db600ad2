// My work: the signed-in caseworker's overdue clocks and those due in the next 10 working
// days, most urgent first, as `ehcp queue --team T --caseworker NAME` gives them.
#include "web/html.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/pages/queue_rows.h"

namespace ehcp::web::pages {

Response my_work(PageContext& context) {
  const auto& user = *context.user;
  adapters::report::QueueFilter filter{user.team, user.name, std::nullopt, std::nullopt, true};
  auto queue =
      adapters::report::load_work_queue(context.db, context.options.config, context.today, filter);
  if (!queue.ok()) {
    return error_page(context, 500, queue.status().message());
  }
  context.audit(std::nullopt, "shown");
  int overdue = 0;
  for (const auto& item : queue.value().items) {
    overdue += item.days_overdue > 0 ? 1 : 0;
  }
  const auto due_soon = static_cast<int>(queue.value().items.size()) - overdue;
  std::string body = "<h1 class=\"govuk-heading-l\">My work</h1><p class=\"govuk-body\">" +
                     escape(engine::format_date_long(context.today)) + ": " +
                     std::to_string(overdue) + " overdue, " + std::to_string(due_soon) +
                     " due by " + escape(engine::format_date_long(queue.value().horizon)) + ".</p>";
  body += queue_table("Overdue and due in the next 10 working days", queue.value().items, false,
                      "Nothing is overdue or due in the next 10 working days.");
  return html_response(page(context, "My work", "/my-work", body));
}

}  // namespace ehcp::web::pages
