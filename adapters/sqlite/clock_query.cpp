#include "adapters/sqlite/clock_query.h"

#include <SQLiteCpp/Statement.h>

#include "adapters/sqlite/detail/group_concat.h"

namespace ehcp::adapters::sqlite {
namespace {

// Columns 0-9 are the clock, 10-11 the case, 12 the clock's detail; then the optional ones in
// this order. A clock is known by case, name, start and due (one limb of several, schema 5).
std::string select_list(const ClockQuery& q) {
  std::string s =
      "c.case_ref, c.clock, c.workflow, c.start, c.due, c.met_on, c.ended_on, c.exception_on, "
      "c.statutory, c.basis, ifnull(k.caseworker, ''), ifnull(k.team, ''), ifnull(c.detail, '')";
  if (q.with_names) {
    s += ", k.given_name || ' ' || k.family_name";
  }
  if (q.with_stage) {
    s += ", ifnull((SELECT w.state FROM workflows w WHERE w.case_ref = c.case_ref AND "
         "w.workflow = c.workflow AND w.opened <= :running_on ORDER BY w.opened DESC, w.rowid DESC "
         "LIMIT 1), '')";
  }
  if (q.with_rungs) {
    s += ", ifnull((SELECT group_concat(e.rung, ' ') FROM escalations e WHERE e.case_ref = "
         "c.case_ref AND e.clock = c.clock AND e.start = c.start AND e.due = c.due), '')";
  }
  if (q.reported_before) {
    s += ", EXISTS (SELECT 1 FROM breach_ledger b WHERE b.case_ref = c.case_ref AND b.clock = "
         "c.clock AND b.start = c.start AND b.due = c.due AND b.first_reported < :reported_before)";
  }
  return s;
}

// `finished_half`: the clocks finished on or after the day are few, so that half is led by the
// index on the day they finished, not by the team's cases (a unary + keeps SQLite from using
// cases_by_team there).
std::string filters(const ClockQuery& q, bool finished_half) {
  std::string s = " AND c.due <= :due_by AND c.start <= :due_by";
  const std::string plus = finished_half ? "+" : "";
  if (q.statutory_only) {
    s += " AND c.statutory = 1";
  }
  if (q.team) {
    s += " AND " + plus + "k.team = :team";
  }
  if (q.caseworker) {
    s += " AND " + plus + "k.caseworker = :caseworker";
  }
  if (q.clock) {
    s += " AND (c.clock = :clock OR substr(c.clock, 1, length(:clock) + 1) = :clock || ':')";
  }
  if (q.workflow) {
    s += " AND c.workflow = :workflow";
  }
  return s;
}

std::string sql_for(const ClockQuery& q) {
  const std::string head =
      "SELECT " + select_list(q) + " FROM clocks c JOIN cases k ON k.case_ref = c.case_ref WHERE ";
  // Unfinished clocks come from the partial indexes (by due, or by case for a team); those
  // finished on or after the day from the index on the day they finished. The halves are
  // disjoint.
  return head + "c.met_on IS NULL AND c.ended_on IS NULL" + filters(q, false) + " UNION ALL " +
         head + "coalesce(c.met_on, c.ended_on) >= :running_on" + filters(q, true);
}

void bind(SQLite::Statement& s, const ClockQuery& q) {
  s.bind(":due_by", engine::format_date(q.due_by));
  s.bind(":running_on", engine::format_date(q.running_on));
  if (q.team) {
    s.bind(":team", *q.team);
  }
  if (q.caseworker) {
    s.bind(":caseworker", *q.caseworker);
  }
  if (q.clock) {
    s.bind(":clock", *q.clock);
  }
  if (q.workflow) {
    s.bind(":workflow", *q.workflow);
  }
  if (q.reported_before) {
    s.bind(":reported_before", engine::format_date(*q.reported_before));
  }
}

std::optional<engine::Date> date_column(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : engine::parse_date(c.getString());
}

}  // namespace

bool matches(const ClockQuery& q, const ClockRow& row) {
  const engine::Clock& c = row.clock;
  const auto finished = c.met_on ? c.met_on : c.ended_on;
  if (finished && *finished < q.running_on) {
    return false;
  }
  if (c.due > q.due_by || c.start > q.due_by || (q.statutory_only && !c.statutory)) {
    return false;
  }
  if ((q.team && row.team != *q.team) || (q.caseworker && row.caseworker != *q.caseworker)) {
    return false;
  }
  if (q.clock && c.name != *q.clock &&
      !(c.name.size() > q.clock->size() && c.name.compare(0, q.clock->size(), *q.clock) == 0 &&
        c.name[q.clock->size()] == ':')) {
    return false;
  }
  return !q.workflow || c.workflow == *q.workflow;
}

void for_each_clock(SQLite::Database& db, const ClockQuery& query,
                    const std::function<void(ClockRow&&)>& visit) {
  SQLite::Statement s(db, sql_for(query));
  bind(s, query);
  while (s.executeStep()) {
    ClockRow row;
    row.case_ref = s.getColumn(0).getString();
    engine::Clock& c = row.clock;
    c.name = s.getColumn(1).getString();
    c.workflow = s.getColumn(2).getString();
    c.start = *engine::parse_date(s.getColumn(3).getString());
    c.due = *engine::parse_date(s.getColumn(4).getString());
    c.met_on = date_column(s.getColumn(5));
    c.ended_on = date_column(s.getColumn(6));
    c.exception_on = date_column(s.getColumn(7));
    c.statutory = s.getColumn(8).getInt() != 0;
    c.basis = s.getColumn(9).getString();
    row.caseworker = s.getColumn(10).getString();
    row.team = s.getColumn(11).getString();
    c.detail = s.getColumn(12).getString();
    int next = 13;
    if (query.with_names) {
      row.child = s.getColumn(next++).getString();
    }
    if (query.with_stage) {
      row.stage = s.getColumn(next++).getString();
    }
    if (query.with_rungs) {
      row.rungs = detail::split_group_concat(s.getColumn(next++).getString(), ' ');
    }
    if (query.reported_before) {
      row.reported = s.getColumn(next++).getInt() != 0;
    }
    visit(std::move(row));
  }
}

std::vector<ClockRow> find_clocks(SQLite::Database& db, const ClockQuery& query) {
  std::vector<ClockRow> out;
  for_each_clock(db, query, [&out](ClockRow&& row) { out.push_back(std::move(row)); });
  return out;
}

}  // namespace ehcp::adapters::sqlite
