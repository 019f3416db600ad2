// web/pages/case_access.h
//
// The one check every page of a case makes before it shows or changes anything: the case
// exists, and the signed-in user works in the team that holds it. A refusal is audited. Also
// what a recording page needs of the case: its whole history, evaluated, and its version.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/case_record.h"
#include "engine/event.h"
#include "web/http_message.h"
#include "web/page_context.h"
#include "workflows/case_view.h"

namespace ehcp::web::pages {

// The case named by the path's {ref}, or the response to give instead (404; 403, audited).
std::variant<engine::CaseRecord, Response> case_for_staff(PageContext& context);

// A case as a recording page works on it: the record, every event (voids included), what they
// add up to now (the problem, if the history cannot be evaluated), and its version.
struct CaseNow {
  engine::CaseRecord record;
  std::vector<engine::RecordedEvent> events;
  workflows::CaseView view;
  std::optional<std::string> problem;
  std::int64_t version = 0;
};
std::variant<CaseNow, Response> case_now(PageContext& context);

// "Ann Example (case T-1)": the caption of a recording page.
std::string case_caption(const engine::CaseRecord& record);

}  // namespace ehcp::web::pages
