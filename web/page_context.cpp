#include "web/page_context.h"

#include "adapters/sqlite/audit_store.h"

namespace ehcp::web {

void PageContext::audit(const std::optional<std::string>& case_ref, const std::string& outcome) {
  std::unique_lock<std::mutex> turn;
  if (writes != nullptr) {
    turn = std::unique_lock(*writes);
  }
  adapters::sqlite::AuditStore(db.sql()).append(
      {0, now_text, user ? std::optional<std::string>(user->name) : std::nullopt, case_ref, path,
       remote, outcome});
}

}  // namespace ehcp::web
