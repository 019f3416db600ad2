#include "web/pages/plans_due_section.h"

#include "adapters/report/plans_due.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/url.h"

namespace ehcp::web::pages {

std::string plans_due_section(PageContext& context) {
  auto loaded = adapters::report::load_plans_due(context.db, context.options.config, context.today);
  std::string out =
      "<h2 class=\"govuk-heading-m\" id=\"plans-due\">Plans due to pass 20 weeks next "
      "month</h2>";
  if (!loaded.ok()) {
    return out +
           "<p class=\"govuk-body\">These cannot be counted: " + escape(loaded.status().message()) +
           "</p>";
  }
  const auto& due = loaded.value();
  const auto n = due.plans.size();
  out += "<p class=\"govuk-body\">" + std::to_string(n) + (n == 1 ? " plan" : " plans") +
         " still to be issued will pass 20 weeks in " +
         escape(engine::format_month_words(due.from)) + " unless issued first (as of " +
         escape(engine::format_date_long(context.today)) + ").</p>";
  if (!context.has_role("manager")) {
    return out;
  }
  const auto& team = context.user->team;
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : due.plans) {
    if (team && p.team == *team) {
      rows.push_back({link("/cases/" + percent_encode(p.case_ref), p.case_ref),
                      escape(engine::format_date_long(p.due)), p.excepted ? "Yes" : "No"});
    }
  }
  if (rows.empty()) {
    return out + "<p class=\"govuk-body\">None of them is your team's.</p>";
  }
  return out + table("Your team's plans due to pass 20 weeks next month",
                     {"Case", "20 weeks on", "Exception applies"}, rows, true);
}

}  // namespace ehcp::web::pages
