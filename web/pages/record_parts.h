// web/pages/record_parts.h
//
// What the pages that record (an event, a correction, a reassignment) share: the hidden fields
// that carry the case's version and the form's idempotency id, reading them back, saving lines
// through the recorder with the service's rules and clock, and the words for what someone else
// recorded meanwhile and for what a refused event needed first.
#pragma once

#include <cstdint>
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

engine::Result<adapters::record::Recorded> save_lines(PageContext& context, const std::string& ref,
                                                      std::int64_t version,
                                                      std::vector<nlohmann::json> lines);

// "Advice received (ep) on Thu 1 Oct 2026".
std::string event_words(const engine::RecordedEvent& e);
// The warning that the case changed since the page was opened, listing what was recorded.
std::string changed_since_html(const std::vector<engine::RecordedEvent>& events);
// " Record the decision whether to issue a plan first." when one event recorded before the
// refused `line` would let the case take it; "" otherwise.
std::string what_first(const PageContext& context, const CaseNow& now, const nlohmann::json& line);

}  // namespace ehcp::web::pages
