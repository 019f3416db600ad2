// adapters/sqlite/audit_store.h
//
// The audit of the web service (schema 0009): one row per page that showed a child's record,
// per refusal, per sign-in and sign-out. Append-only: the table's triggers refuse an update or
// a delete, and nothing in ehcp deletes from it. Each append is its own short write, so a read
// is recorded even when the page then fails. Listing filters by case, user and dates. One store
// per Database; not shared across threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace ehcp::adapters::sqlite {

struct AuditRow {
  std::int64_t id = 0;
  std::string at;  // UTC ISO 8601
  std::optional<std::string> user;
  std::optional<std::string> case_ref;
  std::string page;
  std::string remote;
  std::string outcome;  // shown, refused, signed_in, sign_in_failed, signed_out, downloaded
};

struct AuditFilter {
  std::optional<std::string> case_ref;
  std::optional<std::string> user;
  std::optional<std::string> from;  // YYYY-MM-DD, inclusive (UTC days)
  std::optional<std::string> to;    // YYYY-MM-DD, inclusive
  std::size_t limit = 0;            // 0: all; otherwise the newest `limit` rows
};

class AuditStore {
 public:
  explicit AuditStore(SQLite::Database& db) : db_(db) {}

  // Appends `row` (its id is ignored) and returns the id it was given.
  std::int64_t append(const AuditRow& row);
  // Oldest first (newest first when a limit is given).
  std::vector<AuditRow> list(const AuditFilter& filter);

 private:
  SQLite::Database& db_;
};

}  // namespace ehcp::adapters::sqlite
