// web/pages/record_parts.h
//
// What the pages that record (an event, a correction, a reassignment) share: the hidden fields
// that carry the case's version and the form's idempotency id, reading them back, saving lines
// through the recorder with the service's rules and clock, and the words for what someone else
// recorded meanwhile and for what a refused event needed first.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/record/recorder.h"
#include "web/http_message.h"
#include "web/page_context.h"
#include "web/pages/case_access.h"

namespace ehcp::web::pages {

// "/cases/A%2F1": the case page's path, the recording pages' under it.
std::string case_path(const std::string& ref);
std::string back_link(const std::string& href, const std::string& text);
std::string version_fields(std::int64_t version, const std::string& event_id);
// "Save" and a "Cancel" link back to `cancel_href`.
std::string save_buttons(const std::string& cancel_href);

// The case page after a save, showing what the saved events did ("?recorded=FIRST-LAST").
std::string recorded_path(const std::string& ref, const adapters::record::Recorded& saved);
// The 400 for a form that came back without its version or id.
Response incomplete_form(const PageContext& context);

struct SentVersion {
  std::int64_t version = 0;
  std::string event_id;
};
// The version and id the form carried; nullopt when either is missing or malformed.
std::optional<SentVersion> sent_version(const PageContext& context);

// The case as case_now() loaded it, or the page that refuses it; `then` answers with the case.
Response with_case(PageContext& context, const std::function<Response(const CaseNow&)>& then);

engine::Result<adapters::record::Recorded> save_lines(PageContext& context, const std::string& ref,
                                                      std::int64_t version,
                                                      std::vector<nlohmann::json> lines);

// How a page answers each outcome of a save it cannot answer alike for all pages.
struct SaveAnswers {
  // Someone else recorded first: the form again, as filled, at `current`'s (newer) version,
  // with `changed` (changed_since_html) above it. Answered 409.
  std::function<Response(const CaseNow& current, const std::string& changed)> again;
  // The importer refused the lines: the form with these errors. Answered 422.
  std::function<Response(const std::vector<adapters::LineError>&)> refused;
  // Where to go after a save; empty: the case page with what the save did (recorded_path).
  std::string after;
};

// Saves `lines` as save_lines() does and answers: a storage failure is a 500, a save goes on
// (audited "recorded"), anything else comes back through `answers` (audited "shown").
Response answer_save(PageContext& context, const CaseNow& now, std::int64_t version,
                     std::vector<nlohmann::json> lines, const SaveAnswers& answers);

// "Advice received (ep) on Thu 1 Oct 2026".
std::string event_words(const engine::RecordedEvent& e);
// The warning that the case changed since the page was opened, listing what was recorded.
std::string changed_since_html(const std::vector<engine::RecordedEvent>& events);
// " Record the decision whether to issue a plan first." when one event recorded before the
// refused `line` would let the case take it; "" otherwise.
std::string what_first(const PageContext& context, const CaseNow& now, const nlohmann::json& line);

}  // namespace ehcp::web::pages
