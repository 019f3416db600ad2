// Correcting an event recorded by mistake, from the case page: the event is voided with a
// reason and, in the same step, the right one recorded in its place (or nothing, when it should
// never have been recorded). Both go through the importer in one transaction; the history keeps
// the mistake, the correction and the replacement, each with who and when.
#include <charconv>

#include "adapters/record/form_line.h"
#include "adapters/sqlite/event_store.h"
#include "web/form_html.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/pages/case_access.h"
#include "web/pages/event_form_html.h"
#include "web/pages/record_parts.h"
#include "workflows/corrections.h"

namespace ehcp::web::pages {
namespace {

// The event {seq} of the case, if the case has it.
const engine::RecordedEvent* event_of(const CaseNow& now, const std::string& seq_text) {
  std::int64_t seq = 0;
  const auto [end, error] =
      std::from_chars(seq_text.data(), seq_text.data() + seq_text.size(), seq);
  if (error != std::errc() || end != seq_text.data() + seq_text.size()) {
    return nullptr;
  }
  for (const auto& e : now.events) {
    if (e.seq == seq) {
      return &e;
    }
  }
  return nullptr;
}

Response correction_page(PageContext& context, const CaseNow& now,
                         const engine::RecordedEvent& wrong,
                         const adapters::record::FormValues& values,
                         const std::vector<form::Problem>& problems, const std::string& changed,
                         const std::string& event_id, int status) {
  const auto& ref = now.record.case_ref;
  const auto* form = adapters::record::form_for(wrong.event.type());
  auto value = [&](const std::string& name) {
    const auto it = values.find(name);
    return it == values.end() ? std::string() : it->second;
  };
  auto error = [&](const std::string& field) {
    for (const auto& p : problems) {
      if (p.field == field) {
        return p.message;
      }
    }
    return std::string();
  };
  std::vector<std::pair<std::string, std::string>> links = {{"reason", "reason"},
                                                            {"instead", "instead"}};
  std::string body = back_link(case_path(ref), "Back to the case");
  body += "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">";
  body +=
      (form ? form_error_summary(*form, problems) : form::error_summary(problems, links)) + changed;
  body += "<span class=\"govuk-caption-l\">" + escape(case_caption(now.record)) +
          "</span><h1 class=\"govuk-heading-l\">Correct an event</h1>";
  body += "<p class=\"govuk-body\">You are correcting <strong>" + escape(event_words(wrong)) +
          "</strong>" +
          (wrong.event.by ? ", recorded by " + escape(*wrong.event.by) : std::string()) +
          ". It stays in the history, marked as corrected by you, and nothing is worked out "
          "from it.</p>";
  body += "<form method=\"post\" action=\"" +
          escape(case_path(ref) + "/events/" + std::to_string(wrong.seq) + "/correct") +
          "\" novalidate>" + csrf_field(context) + version_fields(now.version, event_id);
  body += form::textarea("reason", "What was wrong with it?", "This is kept with the correction",
                         error("reason"), value("reason"));
  std::vector<form::Option> instead = {
      {"nothing", "Nothing: it should not have been recorded", ""}};
  if (form) {
    instead.insert(instead.begin(),
                   {"replace", "The right details, below", "For example the right date"});
  }
  body += form::radios("instead", "What should have been recorded?", "", error("instead"), instead,
                       value("instead").empty() && form ? "replace" : value("instead"));
  if (form) {
    body += "<h2 class=\"govuk-heading-m\">The right details</h2>" +
            event_fields_html(*form, values, problems, now.view);
  }
  body += save_buttons(case_path(ref)) + "</form></div></div>";
  return html_response(
      page(context,
           (problems.empty() && changed.empty() ? "" : "Error: ") + std::string("Correct an event"),
           "", body),
      status);
}

struct Loaded {
  CaseNow now;
  const engine::RecordedEvent* wrong = nullptr;
};

std::variant<Loaded, Response> load(PageContext& context) {
  auto loaded = case_now(context);
  if (auto* refused = std::get_if<Response>(&loaded)) {
    return std::move(*refused);
  }
  Loaded out{std::move(std::get<CaseNow>(loaded)), nullptr};
  out.wrong = event_of(out.now, context.path_params.at("seq"));
  if (out.wrong == nullptr) {
    return error_page(context, 404, "This case has no such event.");
  }
  if (out.wrong->event.type() == engine::EventType::kEventVoided) {
    return error_page(context, 400, "A correction cannot itself be corrected.");
  }
  if (const auto why = workflows::why_not_voidable(out.wrong->event.type())) {
    return error_page(context, 400, "This event " + *why + ".");
  }
  return out;
}

}  // namespace

Response correct_form(PageContext& context) {
  auto loaded = load(context);
  if (auto* refused = std::get_if<Response>(&loaded)) {
    return std::move(*refused);
  }
  const auto& [now, wrong] = std::get<Loaded>(loaded);
  context.audit(now.record.case_ref, "shown");
  adapters::record::FormValues values;
  if (const auto* form = adapters::record::form_for(wrong->event.type())) {
    auto payload = adapters::sqlite::EventStore(context.db.sql()).find_by_seq(wrong->seq);
    if (payload) {
      values = adapters::record::values_of(*form, nlohmann::json::parse(*payload));
    }
  }
  return correction_page(context, now, *wrong, values, {}, "", new_event_id(), 200);
}

Response correct_save(PageContext& context) {
  auto loaded = load(context);
  if (auto* refused = std::get_if<Response>(&loaded)) {
    return std::move(*refused);
  }
  const auto& [now, wrong] = std::get<Loaded>(loaded);
  const auto& ref = now.record.case_ref;
  const auto sent = sent_version(context);
  if (!sent) {
    return incomplete_form(context);
  }
  const auto* form = adapters::record::form_for(wrong->event.type());
  const auto instead = context.form.contains("instead") ? context.form.at("instead") : "";
  std::vector<form::Problem> problems;
  if (instead != "nothing" && !(instead == "replace" && form)) {
    problems.push_back({"instead", "Select what should have been recorded"});
  }
  auto reason = context.form.contains("reason") ? context.form.at("reason") : "";
  nlohmann::json void_line = {{"case", ref},
                              {"type", "event_voided"},
                              {"on", engine::format_date(context.today)},
                              {"id", sent->event_id + "-void"},
                              {"by", context.user->name},
                              {"seq", wrong->seq}};
  if (reason.find_first_not_of(" \t\r\n") != std::string::npos) {
    void_line["reason"] = reason;
  }
  std::vector<nlohmann::json> lines = {void_line};
  if (instead == "replace" && form) {
    lines.push_back(adapters::record::form_line(*form, context.form,
                                                {ref, context.user->name, sent->event_id}));
  }
  if (!problems.empty()) {
    context.audit(ref, "shown");
    return correction_page(context, now, *wrong, context.form, problems, "", sent->event_id, 422);
  }
  SaveAnswers answers;
  answers.again = [&](const CaseNow& current, const std::string& changed) {
    return correction_page(context, current, *wrong, context.form, {}, changed, sent->event_id,
                           409);
  };
  answers.refused = [&](const std::vector<adapters::LineError>& errors) {
    for (const auto& e : errors) {
      if (e.line == 1) {
        // The void's own fields: only the reason is the person's to give.
        const bool missing_reason = e.reason.find("'reason'") != std::string::npos;
        problems.push_back({missing_reason ? "reason" : "",
                            missing_reason ? "Enter what was wrong with it" : e.reason});
      } else if (form) {
        auto error = adapters::record::form_error(*form, ref, e.reason);
        if (error.field.empty()) {
          error.message += what_first(context, now, lines.back());
        }
        problems.push_back({error.field, error.message});
      }
    }
    return correction_page(context, now, *wrong, context.form, problems, "", sent->event_id, 422);
  };
  return answer_save(context, now, sent->version, lines, answers);
}

}  // namespace ehcp::web::pages
