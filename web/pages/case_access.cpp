#include "web/pages/case_access.h"

#include "adapters/sqlite/case_store.h"
#include "adapters/sqlite/event_store.h"
#include "web/html.h"
#include "web/layout.h"
#include "workflows/case_as_of.h"

namespace ehcp::web::pages {

std::variant<engine::CaseRecord, Response> case_for_staff(PageContext& context) {
  const std::string ref = context.path_params.at("ref");
  auto stored = adapters::sqlite::CaseStore(context.db.sql()).get(ref);
  if (!stored) {
    return error_page(context, 404, "There is no case with that reference.");
  }
  if (!context.user->team || stored->team != context.user->team) {
    context.audit(ref, "refused");
    return error_page(context, 403,
                      "This case belongs to another team. This request has been recorded.");
  }
  return std::move(*stored);
}

std::variant<CaseNow, Response> case_now(PageContext& context) {
  auto record = case_for_staff(context);
  if (auto* refused = std::get_if<Response>(&record)) {
    return std::move(*refused);
  }
  CaseNow now;
  now.record = std::move(std::get<engine::CaseRecord>(record));
  adapters::sqlite::EventStore store(context.db.sql());
  auto events = store.load_case(now.record.case_ref);
  if (!events.ok()) {
    return error_page(context, 500, events.status().message());
  }
  now.events = std::move(events).value();
  now.version = store.last_seq(now.record.case_ref);
  auto evaluated = workflows::case_as_of(now.events, context.options.config.rules,
                                         context.options.config.calendar, std::nullopt);
  now.view = std::move(evaluated.view);
  if (evaluated.rejection) {
    now.problem = evaluated.rejection->reason;
  }
  return now;
}

std::string case_caption(const engine::CaseRecord& record) {
  return record.child.given_name + " " + record.child.family_name + " (case " + record.case_ref +
         ")";
}

}  // namespace ehcp::web::pages
