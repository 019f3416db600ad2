#include "adapters/sqlite/escalation_store.h"

#include "adapters/sqlite/detail/group_concat.h"

namespace ehcp::adapters::sqlite {

EscalationStore::EscalationStore(SQLite::Database& db)
    : db_(db),
      insert_(db,
              "INSERT INTO escalations (case_ref, clock, start, rung, due, fires_on, ticked_on, "
              "outcome, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING") {}

bool EscalationStore::record(const EscalationRecord& r) {
  insert_.reset();
  insert_.bind(1, r.case_ref);
  insert_.bind(2, r.clock);
  insert_.bind(3, engine::format_date(r.start));
  insert_.bind(4, r.rung);
  insert_.bind(5, engine::format_date(r.due));
  insert_.bind(6, engine::format_date(r.fires_on));
  insert_.bind(7, engine::format_date(r.ticked_on));
  insert_.bind(8, r.notified ? "notified" : "skipped");
  insert_.bind(9, r.recorded_at);
  return insert_.exec() > 0;
}

std::vector<EscalationRecord> EscalationStore::list(const std::optional<std::string>& case_ref) {
  SQLite::Statement q(
      db_,
      "SELECT e.case_ref, e.clock, e.start, e.rung, e.due, e.fires_on, e.ticked_on, e.outcome, "
      "e.recorded_at, ifnull((SELECT group_concat(o.role || ' ' || o.address, char(10)) FROM "
      "(SELECT role, address FROM outbox o WHERE o.case_ref = e.case_ref AND o.clock = e.clock "
      "AND o.start = e.start AND o.due = e.due AND o.rung = e.rung ORDER BY o.id) o), '') "
      "FROM escalations e "
      "WHERE ?1 IS NULL OR e.case_ref = ?1 ORDER BY e.case_ref, e.fires_on, e.clock, e.start");
  if (case_ref) {
    q.bind(1, *case_ref);
  } else {
    q.bind(1);
  }
  std::vector<EscalationRecord> out;
  while (q.executeStep()) {
    EscalationRecord r;
    r.case_ref = q.getColumn(0).getString();
    r.clock = q.getColumn(1).getString();
    r.start = *engine::parse_date(q.getColumn(2).getString());
    r.rung = q.getColumn(3).getString();
    r.due = *engine::parse_date(q.getColumn(4).getString());
    r.fires_on = *engine::parse_date(q.getColumn(5).getString());
    r.ticked_on = *engine::parse_date(q.getColumn(6).getString());
    r.notified = q.getColumn(7).getString() == "notified";
    r.recorded_at = q.getColumn(8).getString();
    r.told = detail::split_group_concat(q.getColumn(9).getString(), '\n');
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace ehcp::adapters::sqlite
