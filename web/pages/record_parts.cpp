#include "web/pages/record_parts.h"

#include <charconv>

#include "adapters/derivation/derivation.h"
#include "adapters/jsonl/event_decoder.h"
#include "adapters/record/event_forms.h"
#include "adapters/record/offered_events.h"
#include "adapters/render/words.h"
#include "web/html.h"
#include "web/layout.h"

namespace ehcp::web::pages {

std::string case_path(const std::string& ref) { return "/cases/" + percent_encode(ref); }

std::string back_link(const std::string& href, const std::string& text) {
  return "<a href=\"" + escape(href) + "\" class=\"govuk-back-link\">" + escape(text) + "</a>";
}

std::string version_fields(std::int64_t version, const std::string& event_id) {
  return "<input type=\"hidden\" name=\"version\" value=\"" + std::to_string(version) +
         "\"><input type=\"hidden\" name=\"event_id\" value=\"" + escape(event_id) + "\">";
}

std::string save_buttons(const std::string& cancel_href) {
  return "<div class=\"govuk-button-group\"><button type=\"submit\" class=\"govuk-button\" "
         "data-module=\"govuk-button\">Save</button>" +
         link(cancel_href, "Cancel") + "</div>";
}

std::string recorded_path(const std::string& ref, const adapters::record::Recorded& saved) {
  return case_path(ref) + "?recorded=" + std::to_string(saved.first_seq) + "-" +
         std::to_string(saved.last_seq);
}

Response incomplete_form(const PageContext& context) {
  return error_page(context, 400,
                    "This form is incomplete. Go back, reload the page and try again.");
}

std::optional<SentVersion> sent_version(const PageContext& context) {
  const auto version = context.form.find("version");
  const auto id = context.form.find("event_id");
  if (version == context.form.end() || id == context.form.end()) {
    return std::nullopt;
  }
  SentVersion sent;
  const auto& v = version->second;
  const auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), sent.version);
  if (error != std::errc() || end != v.data() + v.size() || sent.version < 0) {
    return std::nullopt;
  }
  // new_event_id(): "web-" and 32 hex digits; nothing else is taken as an id.
  const auto& text = id->second;
  if (text.size() != 36 || !text.starts_with("web-") ||
      text.find_first_not_of("0123456789abcdef", 4) != std::string::npos) {
    return std::nullopt;
  }
  sent.event_id = text;
  return sent;
}

engine::Result<adapters::record::Recorded> save_lines(PageContext& context, const std::string& ref,
                                                      std::int64_t version,
                                                      std::vector<nlohmann::json> lines) {
  const auto& config = context.options.config;
  const auto derivation = adapters::derivation::derivation_of(config);
  adapters::ImportOptions options{context.today,   context.now_text, config.rules,
                                  config.calendar, &derivation,      std::nullopt};
  std::unique_lock<std::mutex> turn;
  if (context.writes != nullptr) {
    turn = std::unique_lock(*context.writes);
  }
  return adapters::record::record_lines(context.db, {ref, version, std::move(lines)}, options);
}

Response with_case(PageContext& context, const std::function<Response(const CaseNow&)>& then) {
  auto loaded = case_now(context);
  if (auto* refused = std::get_if<Response>(&loaded)) {
    return std::move(*refused);
  }
  return then(std::get<CaseNow>(loaded));
}

Response answer_save(PageContext& context, const CaseNow& now, std::int64_t version,
                     std::vector<nlohmann::json> lines, const SaveAnswers& answers) {
  const auto& ref = now.record.case_ref;
  auto saved = save_lines(context, ref, version, std::move(lines));
  if (!saved.ok()) {
    return error_page(context, 500, saved.status().message());
  }
  const auto& result = saved.value();
  if (result.saved()) {
    context.audit(ref, "recorded");
    return redirect(answers.after.empty() ? recorded_path(ref, result) : answers.after);
  }
  context.audit(ref, "shown");
  if (!result.changed_since.empty()) {
    // Nothing is lost: the form comes back as filled, now at the case's new version.
    CaseNow current = now;
    current.version = result.changed_since.back().seq;
    return answers.again(current, changed_since_html(result.changed_since));
  }
  return answers.refused(result.errors);
}

std::string event_words(const engine::RecordedEvent& e) {
  std::string words(adapters::render::event_title(e.event.type()));
  if (const auto* advice = std::get_if<engine::AdviceReceived>(&e.event.body)) {
    words += " (" + advice->advice + ")";
  } else if (const auto* asked = std::get_if<engine::AdviceRequested>(&e.event.body)) {
    words += " (" + asked->advice + ")";
  }
  return words + " on " + engine::format_date_long(e.event.on);
}

std::string changed_since_html(const std::vector<engine::RecordedEvent>& events) {
  std::string out =
      "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div "
      "role=\"alert\"><h2 class=\"govuk-error-summary__title\">This case changed while you were "
      "filling in the form</h2><div class=\"govuk-error-summary__body\"><p "
      "class=\"govuk-body\">Nothing was saved. Since you opened the form, this was recorded:</p>"
      "<ul class=\"govuk-list govuk-list--bullet\">";
  for (const auto& e : events) {
    out += "<li>" + escape(event_words(e)) +
           (e.event.by ? ", by " + escape(*e.event.by) : std::string()) + "</li>";
  }
  return out +
         "</ul><p class=\"govuk-body\">Your answers are below. Check they are still right, then "
         "save again.</p></div></div></div>";
}

std::string what_first(const PageContext& context, const CaseNow& now, const nlohmann::json& line) {
  auto event = adapters::jsonl::decode_event(line);
  if (!event.ok()) {
    return "";
  }
  const auto* first = adapters::record::needed_first(
      {now.events, context.options.config.rules, context.options.config.calendar}, event.value());
  if (first == nullptr) {
    return "";
  }
  std::string title = first->title();
  title[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(title[0])));
  return ". Record the " + title + " first.";
}

}  // namespace ehcp::web::pages
