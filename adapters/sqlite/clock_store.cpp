#include "adapters/sqlite/clock_store.h"

#include "adapters/sqlite/clock_digest.h"

namespace ehcp::adapters::sqlite {
namespace {

void bind_date(SQLite::Statement& s, int index, const std::optional<engine::Date>& d) {
  if (d) {
    s.bind(index, engine::format_date(*d));
  } else {
    s.bind(index);
  }
}

std::optional<engine::Date> date_column(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : engine::parse_date(c.getString());
}

constexpr const char* kClockColumns =
    "clock, workflow, start, due, met_on, ended_on, exception_on, statutory, basis, "
    "ifnull(exception_basis, ''), ifnull(detail, '')";

// The clock in the row's columns from `at` on, in kClockColumns' order.
engine::Clock clock_from(SQLite::Statement& q, int at) {
  engine::Clock c;
  c.name = q.getColumn(at).getString();
  c.workflow = q.getColumn(at + 1).getString();
  c.start = *engine::parse_date(q.getColumn(at + 2).getString());
  c.due = *engine::parse_date(q.getColumn(at + 3).getString());
  c.met_on = date_column(q.getColumn(at + 4));
  c.ended_on = date_column(q.getColumn(at + 5));
  c.exception_on = date_column(q.getColumn(at + 6));
  c.statutory = q.getColumn(at + 7).getInt() != 0;
  c.basis = q.getColumn(at + 8).getString();
  c.exception_basis = q.getColumn(at + 9).getString();
  c.detail = q.getColumn(at + 10).getString();
  return c;
}

}  // namespace

ClockStore::ClockStore(SQLite::Database& db)
    : db_(db),
      delete_(db, "DELETE FROM clocks WHERE case_ref = ?"),
      insert_(db,
              "INSERT INTO clocks (case_ref, clock, workflow, start, due, met_on, ended_on, "
              "exception_on, statutory, basis, exception_basis, detail) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      by_case_(db, std::string("SELECT ") + kClockColumns +
                       " FROM clocks WHERE case_ref = ? ORDER BY start, due, clock"),
      put_digest_(db, "INSERT OR REPLACE INTO clock_digests (case_ref, digest) VALUES (?, ?)") {}

void ClockStore::replace(const std::string& case_ref, std::span<const engine::Clock> clocks) {
  delete_.reset();
  delete_.bind(1, case_ref);
  delete_.exec();
  insert(case_ref, clocks);
}

void ClockStore::insert(const std::string& case_ref, std::span<const engine::Clock> clocks) {
  for (const auto& c : clocks) {
    insert_.reset();
    insert_.bind(1, case_ref);
    insert_.bind(2, c.name);
    insert_.bind(3, c.workflow);
    insert_.bind(4, engine::format_date(c.start));
    insert_.bind(5, engine::format_date(c.due));
    bind_date(insert_, 6, c.met_on);
    bind_date(insert_, 7, c.ended_on);
    bind_date(insert_, 8, c.exception_on);
    insert_.bind(9, c.statutory ? 1 : 0);
    insert_.bind(10, c.basis);
    if (c.exception_basis.empty()) {
      insert_.bind(11);
    } else {
      insert_.bind(11, c.exception_basis);
    }
    if (c.detail.empty()) {
      insert_.bind(12);
    } else {
      insert_.bind(12, c.detail);
    }
    insert_.exec();
  }
  put_digest(case_ref, clock_digest(clocks));
}

std::vector<engine::Clock> ClockStore::for_case(const std::string& case_ref) {
  by_case_.reset();
  by_case_.bind(1, case_ref);
  std::vector<engine::Clock> out;
  while (by_case_.executeStep()) {
    out.push_back(clock_from(by_case_, 0));
  }
  return out;
}

void ClockStore::for_cases_between(
    const std::string& first, const std::string& last,
    const std::function<void(const std::string& case_ref, engine::Clock)>& sink) {
  SQLite::Statement q(db_, std::string("SELECT case_ref, ") + kClockColumns +
                               " FROM clocks WHERE case_ref BETWEEN ? AND ? ORDER BY case_ref");
  q.bind(1, first);
  q.bind(2, last);
  while (q.executeStep()) {
    sink(q.getColumn(0).getString(), clock_from(q, 1));
  }
}

void ClockStore::cases_with_digests(
    const std::function<void(std::string, std::optional<std::uint64_t>)>& sink) {
  SQLite::Statement q(db_,
                      "SELECT c.case_ref, d.digest FROM cases c LEFT JOIN clock_digests d "
                      "ON d.case_ref = c.case_ref ORDER BY c.case_ref");
  while (q.executeStep()) {
    const SQLite::Column digest = q.getColumn(1);
    sink(q.getColumn(0).getString(),
         digest.isNull() ? std::nullopt
                         : std::optional(static_cast<std::uint64_t>(digest.getInt64())));
  }
}

void ClockStore::put_digest(const std::string& case_ref, std::uint64_t digest) {
  put_digest_.reset();
  put_digest_.bind(1, case_ref);
  put_digest_.bind(2, static_cast<std::int64_t>(digest));
  put_digest_.exec();
}

}  // namespace ehcp::adapters::sqlite
