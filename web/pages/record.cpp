// Recording the day's work from the case page: the choice of what happened (only the events the
// case's workflows can take now), the event's form, and saving it through the importer's checks
// in one transaction (adapters/record/recorder.h). A refusal comes back as the GOV.UK error
// summary, in words, with what to record first when one event would make it possible; a save
// over someone else's change is refused with what they recorded; after saving, the case page
// says which clocks were met or started. Caseworkers and managers of the case's team.
#include <charconv>

#include "adapters/derivation/derivation.h"
#include "adapters/jsonl/event_decoder.h"
#include "adapters/record/offered_events.h"
#include "adapters/record/recorder.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/pages/case_access.h"
#include "web/pages/event_form_html.h"
#include "web/pages/record_parts.h"

namespace ehcp::web::pages {
namespace {

using adapters::record::EventForm;

Response form_page(PageContext& context, const CaseNow& now, const EventForm& form,
                   const adapters::record::FormValues& values,
                   const std::vector<form::Problem>& problems, const std::string& changed,
                   const std::string& event_id, int status) {
  const auto& ref = now.record.case_ref;
  std::string body = back_link(case_path(ref), "Back to the case");
  body += "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">";
  body += form_error_summary(form, problems) + changed;
  body += "<span class=\"govuk-caption-l\">" + escape(case_caption(now.record)) +
          "</span><h1 class=\"govuk-heading-l\">" + escape(form.title()) + "</h1>";
  body += "<form method=\"post\" action=\"" +
          escape(case_path(ref) + "/record/" + std::string(engine::to_string(form.type))) +
          "\" novalidate>" + csrf_field(context) + version_fields(now.version, event_id) +
          event_fields_html(form, values, problems, now.view) + save_buttons(case_path(ref)) +
          "</form></div></div>";
  return html_response(
      page(context, (problems.empty() && changed.empty() ? "" : "Error: ") + form.title(), "",
           body),
      status);
}

Response choice_page(PageContext& context, const CaseNow& now) {
  const auto& ref = now.record.case_ref;
  context.audit(ref, "shown");
  std::string body = back_link(case_path(ref), "Back to the case");
  body += "<span class=\"govuk-caption-l\">" + escape(case_caption(now.record)) +
          "</span><h1 class=\"govuk-heading-l\">What happened?</h1>";
  if (now.problem) {
    body +=
        "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" "
        "aria-hidden=\"true\">!</span><strong class=\"govuk-warning-text__text\"><span "
        "class=\"govuk-visually-hidden\">Warning</span>Nothing new can be recorded until "
        "this history is corrected: " +
        escape(*now.problem) + "</strong></div>";
  }
  const auto offered = adapters::record::offered_forms(
      {now.events, context.options.config.rules, context.options.config.calendar}, context.today);
  if (!now.problem) {
    body += "<p class=\"govuk-body\">These are the events this case can take as it stands on " +
            escape(engine::format_date_long(context.today)) + ".</p>";
  }
  std::string group;
  for (const auto* form : offered) {
    if (form->group != group) {
      if (!group.empty()) {
        body += "</ul>";
      }
      group = form->group;
      body += "<h2 class=\"govuk-heading-m\">" + escape(group) + "</h2><ul class=\"govuk-list\">";
    }
    body += "<li>" +
            link(case_path(ref) + "/record/" + std::string(engine::to_string(form->type)),
                 form->title()) +
            "</li>";
  }
  if (!group.empty()) {
    body += "</ul>";
  }
  body +=
      "<h2 class=\"govuk-heading-m\">Something recorded by mistake</h2><p "
      "class=\"govuk-body\">Choose <strong>Correct</strong> beside the event in the "
      "case's list of events.</p>";
  return html_response(page(context, "What happened?", "", body));
}

}  // namespace

Response record_choice(PageContext& context) {
  return with_case(context, [&](const CaseNow& now) { return choice_page(context, now); });
}

Response record_form(PageContext& context) {
  const auto* form = adapters::record::form_named(context.path_params.at("type"));
  if (form == nullptr) {
    return error_page(context, 404, "There is no form for that event.");
  }
  return with_case(context, [&](const CaseNow& now) {
    context.audit(now.record.case_ref, "shown");
    return form_page(context, now, *form, {}, {}, "", new_event_id(), 200);
  });
}

Response record_save(PageContext& context) {
  const auto* form = adapters::record::form_named(context.path_params.at("type"));
  if (form == nullptr) {
    return error_page(context, 404, "There is no form for that event.");
  }
  return with_case(context, [&](const CaseNow& now) {
    const auto& ref = now.record.case_ref;
    const auto sent = sent_version(context);
    if (!sent) {
      return incomplete_form(context);
    }
    const auto line =
        adapters::record::form_line(*form, context.form, {ref, context.user->name, sent->event_id});
    SaveAnswers answers;
    answers.again = [&](const CaseNow& current, const std::string& changed) {
      return form_page(context, current, *form, context.form, {}, changed, sent->event_id, 409);
    };
    answers.refused = [&](const std::vector<adapters::LineError>& errors) {
      std::vector<form::Problem> problems;
      for (const auto& e : errors) {
        auto error = adapters::record::form_error(*form, ref, e.reason);
        if (error.field.empty()) {
          error.message += what_first(context, now, line);
        }
        problems.push_back({error.field, error.message});
      }
      return form_page(context, now, *form, context.form, problems, "", sent->event_id, 422);
    };
    return answer_save(context, now, sent->version, {line}, answers);
  });
}

}  // namespace ehcp::web::pages
