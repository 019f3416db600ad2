// The team queue (managers): counts by caseworker and stage, the overdue list and what falls
// due in the next 10 working days, filtered by clock (or family), workflow and caseworker, and
// the same as CSV (`ehcp queue --team T --format csv`). A caseworker nobody is known by is an
// error naming the nearest known names, as `ehcp queue --caseworker` says (known_people.h).
#include "adapters/render/queue_render.h"
#include "adapters/render/words.h"
#include "adapters/report/known_people.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/pages/queue_rows.h"

namespace ehcp::web::pages {
namespace {

std::optional<std::string> given(const Params& query, const std::string& name) {
  auto it = query.find(name);
  if (it == query.end() || it->second.empty()) {
    return std::nullopt;
  }
  return it->second;
}

adapters::report::QueueFilter team_filter(const PageContext& context) {
  return {context.user->team, given(context.query, "caseworker"), given(context.query, "clock"),
          given(context.query, "workflow"), true};
}

// The filter with its caseworker made the known name it is; the status says why not.
engine::Status resolve_caseworker(PageContext& context, adapters::report::QueueFilter& filter) {
  return adapters::report::resolve_filter(context.db, context.options.config,
                                          adapters::report::PersonKind::kCaseworker,
                                          filter.caseworker);
}

std::string error_summary(const std::string& id, const std::string& message) {
  return "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div "
         "role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>"
         "<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list "
         "govuk-error-summary__list\"><li><a href=\"#" +
         id + "\">" + escape(message) + "</a></li></ul></div></div></div>";
}

std::string text_input(const std::string& id, const std::string& label,
                       const std::optional<std::string>& value, const std::string& hint,
                       const std::string& error = "") {
  const bool wrong = !error.empty();
  return std::string("<div class=\"govuk-form-group") + (wrong ? " govuk-form-group--error" : "") +
         "\"><label class=\"govuk-label\" for=\"" + id + "\">" + escape(label) +
         "</label><div id=\"" + id + "-hint\" class=\"govuk-hint\">" + escape(hint) + "</div>" +
         (wrong ? "<p id=\"" + id +
                      "-error\" class=\"govuk-error-message\"><span "
                      "class=\"govuk-visually-hidden\">Error:</span> " +
                      escape(error) + "</p>"
                : std::string()) +
         "<input class=\"govuk-input govuk-input--width-20" + (wrong ? " govuk-input--error" : "") +
         "\" id=\"" + id + "\" name=\"" + id + "\" type=\"text\" aria-describedby=\"" + id +
         "-hint" + (wrong ? " " + id + "-error" : "") + "\" value=\"" + escape(value.value_or("")) +
         "\"></div>";
}

// The filter form, showing `caseworker` as given; `error`: why the caseworker is refused.
std::string filter_form(const adapters::report::QueueFilter& filter,
                        const std::optional<std::string>& caseworker, const std::string& error) {
  return "<form method=\"get\" action=\"/team\" novalidate><fieldset class=\"govuk-fieldset\">"
         "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">Filter</legend>" +
         text_input("clock", "Clock or family", filter.clock,
                    "For example advice, or decision_to_assess") +
         text_input("workflow", "Workflow", filter.workflow,
                    "For example assessment, review, transfer") +
         text_input("caseworker", "Caseworker", caseworker,
                    "Their name, as the case records give it", error) +
         "<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" "
         "data-module=\"govuk-button\">Apply filters</button></fieldset></form>";
}

std::string heading(const PageContext& context) {
  return "<h1 class=\"govuk-heading-l\">Team queue: " +
         escape(context.user->team.value_or("(no team)")) + "</h1>";
}

}  // namespace

Response team_queue(PageContext& context) {
  auto filter = team_filter(context);
  const auto given_caseworker = filter.caseworker;
  if (auto known = resolve_caseworker(context, filter); !known.ok()) {
    if (known.code() != engine::ErrorCode::kInvalidInput) {
      return error_page(context, 500, known.message());
    }
    // The form again, saying why; no queue.
    const std::string body = error_summary("caseworker", known.message()) + heading(context) +
                             filter_form(filter, given_caseworker, known.message());
    return html_response(page(context, "Error: Team queue", "/team", body), 400);
  }
  auto queue =
      adapters::report::load_work_queue(context.db, context.options.config, context.today, filter);
  if (!queue.ok()) {
    return error_page(context, 400, queue.status().message());
  }
  context.audit(std::nullopt, "shown");
  const auto& q = queue.value();
  std::vector<std::vector<std::string>> tallies;
  for (const auto& t : q.by_caseworker_and_stage) {
    tallies.push_back({escape(t.caseworker.empty() ? "(none)" : t.caseworker),
                       escape(adapters::render::state_title("", t.stage)),
                       std::to_string(t.overdue), std::to_string(t.due_soon)});
  }
  std::vector<adapters::report::QueueItem> overdue;
  std::vector<adapters::report::QueueItem> due_soon;
  for (const auto& item : q.items) {
    (item.days_overdue > 0 ? overdue : due_soon).push_back(item);
  }
  std::string csv = "/team.csv";
  std::string sep = "?";
  for (const char* name : {"clock", "workflow", "caseworker"}) {
    if (auto v = given(context.query, name)) {
      csv += sep + name + "=" + percent_encode(*v);
      sep = "&";
    }
  }
  std::string body = heading(context) + "<p class=\"govuk-body\">As of " +
                     escape(engine::format_date_long(context.today)) + "; due soon means by " +
                     escape(engine::format_date_long(q.horizon)) + ".</p>";
  body += filter_form(filter, filter.caseworker, "");
  body += "<p class=\"govuk-body\">" + link(csv, "Download this queue as CSV") + "</p>";
  body += tallies.empty() ? std::string()
                          : table("Counts by caseworker and stage",
                                  {"Caseworker", "Stage", "Overdue", "Due soon"}, tallies, true);
  body += queue_table("Overdue", overdue, true, "Nothing is overdue.");
  body += queue_table("Due in the next 10 working days", due_soon, true,
                      "Nothing is due in the next 10 working days.");
  return html_response(page(context, "Team queue", "/team", body));
}

Response team_queue_csv(PageContext& context) {
  auto filter = team_filter(context);
  if (auto known = resolve_caseworker(context, filter); !known.ok()) {
    return error_page(context, known.code() == engine::ErrorCode::kInvalidInput ? 400 : 500,
                      known.message());
  }
  auto queue =
      adapters::report::load_work_queue(context.db, context.options.config, context.today, filter);
  if (!queue.ok()) {
    return error_page(context, 400, queue.status().message());
  }
  context.audit(std::nullopt, "downloaded");
  Response r;
  r.content_type = "text/csv; charset=utf-8";
  r.set("Content-Disposition",
        "attachment; filename=\"team-queue-" + engine::format_date(context.today) + ".csv\"");
  r.body = adapters::render::queue_to_csv(queue.value(), true);
  return r;
}

}  // namespace ehcp::web::pages
