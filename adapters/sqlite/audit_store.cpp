#include "adapters/sqlite/audit_store.h"

#include <SQLiteCpp/Statement.h>

#include "adapters/sqlite/detail/nullable_text.h"

namespace ehcp::adapters::sqlite {
using detail::bind_text_or_null;
using detail::text_or_null;

std::int64_t AuditStore::append(const AuditRow& row) {
  SQLite::Statement q(db_,
                      "INSERT INTO audit (at, user_name, case_ref, page, remote, outcome) "
                      "VALUES (?, ?, ?, ?, ?, ?)");
  q.bind(1, row.at);
  bind_text_or_null(q, 2, row.user);
  bind_text_or_null(q, 3, row.case_ref);
  q.bind(4, row.page);
  q.bind(5, row.remote);
  q.bind(6, row.outcome);
  q.exec();
  return db_.getLastInsertRowid();
}

std::vector<AuditRow> AuditStore::list(const AuditFilter& f) {
  std::string sql =
      "SELECT id, at, user_name, case_ref, page, remote, outcome FROM audit WHERE 1 = 1";
  if (f.case_ref) {
    sql += " AND case_ref = :case";
  }
  if (f.user) {
    sql += " AND user_name = :user";
  }
  if (f.from) {
    sql += " AND at >= :from";
  }
  if (f.to) {
    // Every instant of the last day: "2026-03-01T..." sorts below "2026-03-01U".
    sql += " AND at < :to || 'U'";
  }
  sql += f.limit > 0 ? " ORDER BY id DESC LIMIT " + std::to_string(f.limit) : " ORDER BY id";
  SQLite::Statement q(db_, sql);
  if (f.case_ref) {
    q.bind(":case", *f.case_ref);
  }
  if (f.user) {
    q.bind(":user", *f.user);
  }
  if (f.from) {
    q.bind(":from", *f.from);
  }
  if (f.to) {
    q.bind(":to", *f.to);
  }
  std::vector<AuditRow> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                   text_or_null(q.getColumn(2)), text_or_null(q.getColumn(3)),
                   q.getColumn(4).getString(), q.getColumn(5).getString(),
                   q.getColumn(6).getString()});
  }
  return out;
}

}  // namespace ehcp::adapters::sqlite
