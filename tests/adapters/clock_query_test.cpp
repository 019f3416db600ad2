// tests for adapters/sqlite/clock_query.h on an in-memory database: which clock rows the tick, the
// queues and the breach report read, with their case's people, and each filter and extra column.
//
// Rows are written with SQL, as the importer's derived tables would hold them. The query runs on
// Wed 1 Apr 2026 for clocks due by Fri 17 Apr 2026 unless a test says otherwise.
#include "adapters/sqlite/clock_query.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>

#include "adapters/sqlite/database.h"

using namespace ehcp;
using adapters::sqlite::ClockQuery;
using adapters::sqlite::ClockRow;
using adapters::sqlite::Database;
using adapters::sqlite::find_clocks;
using engine::make_date;

namespace {

const engine::Date kRunningOn = make_date(2026, 4, 1);
const engine::Date kDueBy = make_date(2026, 4, 17);

using Text = std::optional<std::string>;

void bind_text(SQLite::Statement& s, int index, const Text& value) {
  if (value) {
    s.bind(index, *value);
  } else {
    s.bind(index);  // NULL
  }
}

void insert_case(SQLite::Database& db, const std::string& case_ref, const Text& caseworker,
                 const Text& team, const std::string& given, const std::string& family) {
  SQLite::Statement s(db,
                      "INSERT INTO cases (case_ref, opened_on, given_name, family_name, dob, "
                      "caseworker, team) VALUES (?, '2026-01-05', ?, ?, '2017-05-02', ?, ?)");
  s.bind(1, case_ref);
  s.bind(2, given);
  s.bind(3, family);
  bind_text(s, 4, caseworker);
  bind_text(s, 5, team);
  s.exec();
}

struct ClockSpec {
  std::string case_ref;
  std::string clock;
  std::string workflow = "assessment";
  std::string start = "2026-01-05";
  std::string due;
  Text met_on = std::nullopt;
  Text ended_on = std::nullopt;
  Text exception_on = std::nullopt;
  bool statutory = true;
};

void insert_clock(SQLite::Database& db, const ClockSpec& c) {
  SQLite::Statement s(db,
                      "INSERT INTO clocks (case_ref, clock, workflow, start, due, met_on, "
                      "ended_on, exception_on, statutory, basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                      "?, ?)");
  s.bind(1, c.case_ref);
  s.bind(2, c.clock);
  s.bind(3, c.workflow);
  s.bind(4, c.start);
  s.bind(5, c.due);
  bind_text(s, 6, c.met_on);
  bind_text(s, 7, c.ended_on);
  bind_text(s, 8, c.exception_on);
  s.bind(9, c.statutory ? 1 : 0);
  s.bind(10, "basis of " + c.clock);
  s.exec();
}

// A rung reached by the clock known by case, name, start and due (schema 5).
void insert_escalation(SQLite::Database& db, const std::string& case_ref, const std::string& clock,
                       const std::string& start, const std::string& due, const std::string& rung) {
  SQLite::Statement s(db,
                      "INSERT INTO escalations (case_ref, clock, start, rung, due, fires_on, "
                      "ticked_on, outcome, recorded_at) VALUES (?, ?, ?, ?, ?, "
                      "'2026-03-27', '2026-03-27', 'notified', '2026-03-27T02:00:00.000Z')");
  s.bind(1, case_ref);
  s.bind(2, clock);
  s.bind(3, start);
  s.bind(4, rung);
  s.bind(5, due);
  s.exec();
}

void insert_ledger(SQLite::Database& db, const std::string& case_ref, const std::string& clock,
                   const std::string& start, const std::string& due,
                   const std::string& first_reported) {
  SQLite::Statement s(db,
                      "INSERT INTO breach_ledger (case_ref, clock, start, due, first_reported) "
                      "VALUES (?, ?, ?, ?, ?)");
  s.bind(1, case_ref);
  s.bind(2, clock);
  s.bind(3, start);
  s.bind(4, due);
  s.bind(5, first_reported);
  s.exec();
}

// Three cases and their clocks; the comment on each clock says whether the plain query (running
// on 1 Apr, due by 17 Apr) finds it.
std::unique_ptr<Database> sample_db() {
  auto opened = Database::open(":memory:", Database::Mode::kCreate);
  REQUIRE(opened.ok());
  auto db = std::move(opened).value();
  REQUIRE(db->migrate().ok());
  SQLite::Database& sql = db->sql();
  insert_case(sql, "Q-1", "Omar Quillfeather", "East", "Ada", "Example");
  insert_case(sql, "Q-2", "Priya Nettleford", "West", "Ben", "Example");
  insert_case(sql, "Q-3", std::nullopt, std::nullopt, "Cy", "Example");
  // Found: unfinished, due by 17 Apr.
  insert_clock(sql, {.case_ref = "Q-1", .clock = "final_plan", .due = "2026-04-10"});
  insert_clock(sql, {.case_ref = "Q-1",
                     .clock = "advice:ep",
                     .start = "2026-02-12",
                     .due = "2026-03-26",
                     .exception_on = "2026-03-20"});
  insert_clock(
      sql, {.case_ref = "Q-1", .clock = "advice_x", .start = "2026-02-12", .due = "2026-04-01"});
  insert_clock(sql,
               {.case_ref = "Q-2", .clock = "draft_plan", .due = "2026-04-13", .statutory = false});
  // Found: due on the last day.
  insert_clock(sql, {.case_ref = "Q-2", .clock = "no_plan_notice", .due = "2026-04-17"});
  // Not found: due the day after due_by.
  insert_clock(sql, {.case_ref = "Q-2", .clock = "decision_to_assess", .due = "2026-04-18"});
  // Found: met on the day it runs on.
  insert_clock(
      sql, {.case_ref = "Q-2", .clock = "final_plan", .due = "2026-03-20", .met_on = "2026-04-01"});
  // Not found: met the day before.
  insert_clock(sql, {.case_ref = "Q-2",
                     .clock = "advice:health",
                     .start = "2026-02-06",
                     .due = "2026-03-20",
                     .met_on = "2026-03-31"});
  // Found: ended after the day.
  insert_clock(sql, {.case_ref = "Q-3",
                     .clock = "annual_review",
                     .workflow = "review",
                     .start = "2025-04-01",
                     .due = "2026-03-30",
                     .ended_on = "2026-04-05"});
  // Not found: ended the day before.
  insert_clock(
      sql,
      {.case_ref = "Q-3", .clock = "final_plan", .due = "2026-03-01", .ended_on = "2026-03-31"});
  return db;
}

ClockQuery plain() {
  ClockQuery q;
  q.running_on = kRunningOn;
  q.due_by = kDueBy;
  return q;
}

std::vector<std::string> found(Database& db, const ClockQuery& query) {
  std::vector<std::string> out;
  for (const ClockRow& row : find_clocks(db.sql(), query)) {
    out.push_back(row.case_ref + " " + row.clock.name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

const ClockRow& row_of(const std::vector<ClockRow>& rows, const std::string& case_ref,
                       const std::string& clock) {
  const auto it = std::find_if(rows.begin(), rows.end(), [&](const ClockRow& r) {
    return r.case_ref == case_ref && r.clock.name == clock;
  });
  REQUIRE(it != rows.end());
  return *it;
}

}  // namespace

TEST_CASE("clocks running on the day and due by the other are found, with their case's people",
          "[clock_query]") {
  auto db = sample_db();
  CHECK(found(*db, plain()) == std::vector<std::string>{"Q-1 advice:ep", "Q-1 advice_x",
                                                        "Q-1 final_plan", "Q-2 draft_plan",
                                                        "Q-2 final_plan", "Q-2 no_plan_notice",
                                                        "Q-3 annual_review"});
  const auto rows = find_clocks(db->sql(), plain());
  const ClockRow& ep = row_of(rows, "Q-1", "advice:ep");
  CHECK(ep.clock.workflow == "assessment");
  CHECK(ep.clock.start == make_date(2026, 2, 12));
  CHECK(ep.clock.due == make_date(2026, 3, 26));
  CHECK_FALSE(ep.clock.met_on.has_value());
  CHECK_FALSE(ep.clock.ended_on.has_value());
  CHECK(ep.clock.exception_on == make_date(2026, 3, 20));
  CHECK(ep.clock.statutory);
  CHECK(ep.clock.basis == "basis of advice:ep");
  CHECK(ep.caseworker == "Omar Quillfeather");
  CHECK(ep.team == "East");
  // Extra columns are read only when asked for.
  CHECK(ep.child.empty());
  CHECK(ep.rungs.empty());
  CHECK_FALSE(ep.reported);
  const ClockRow& met = row_of(rows, "Q-2", "final_plan");
  CHECK(met.clock.met_on == make_date(2026, 4, 1));
  const ClockRow& review = row_of(rows, "Q-3", "annual_review");
  CHECK(review.clock.workflow == "review");
  CHECK(review.clock.ended_on == make_date(2026, 4, 5));
  CHECK(review.caseworker.empty());
  CHECK(review.team.empty());
  CHECK_FALSE(row_of(rows, "Q-2", "draft_plan").clock.statutory);
}

TEST_CASE("a clock finished before the day it runs on is not found; on or after it, it is",
          "[clock_query]") {
  auto db = sample_db();
  // Running on 31 Mar: the advice met and the plan ended that day are found too.
  ClockQuery q = plain();
  q.running_on = make_date(2026, 3, 31);
  CHECK(found(*db, q) == std::vector<std::string>{"Q-1 advice:ep", "Q-1 advice_x", "Q-1 final_plan",
                                                  "Q-2 advice:health", "Q-2 draft_plan",
                                                  "Q-2 final_plan", "Q-2 no_plan_notice",
                                                  "Q-3 annual_review", "Q-3 final_plan"});
  // Running on 2 Apr: the plan met on 1 Apr is not.
  q.running_on = make_date(2026, 4, 2);
  CHECK(found(*db, q) == std::vector<std::string>{"Q-1 advice:ep", "Q-1 advice_x", "Q-1 final_plan",
                                                  "Q-2 draft_plan", "Q-2 no_plan_notice",
                                                  "Q-3 annual_review"});
}

TEST_CASE("due_by bounds the due date, the day itself included", "[clock_query]") {
  auto db = sample_db();
  ClockQuery q = plain();
  q.due_by = make_date(2026, 4, 18);
  CHECK(found(*db, q).size() == 8);
  q.due_by = make_date(2026, 3, 31);
  CHECK(found(*db, q) ==
        std::vector<std::string>{"Q-1 advice:ep", "Q-2 final_plan", "Q-3 annual_review"});
}

TEST_CASE("statutory_only leaves guidance clocks out", "[clock_query]") {
  auto db = sample_db();
  ClockQuery q = plain();
  q.statutory_only = true;
  const auto names = found(*db, q);
  CHECK(names.size() == 6);
  CHECK(std::find(names.begin(), names.end(), "Q-2 draft_plan") == names.end());
}

TEST_CASE("team, caseworker and workflow filters match exactly", "[clock_query]") {
  auto db = sample_db();
  ClockQuery q = plain();
  q.team = "East";
  CHECK(found(*db, q) ==
        std::vector<std::string>{"Q-1 advice:ep", "Q-1 advice_x", "Q-1 final_plan"});
  // The finished half is filtered too.
  q.team = "West";
  CHECK(found(*db, q) ==
        std::vector<std::string>{"Q-2 draft_plan", "Q-2 final_plan", "Q-2 no_plan_notice"});
  q.team = "Eas";
  CHECK(found(*db, q).empty());
  q = plain();
  q.caseworker = "Priya Nettleford";
  CHECK(found(*db, q) ==
        std::vector<std::string>{"Q-2 draft_plan", "Q-2 final_plan", "Q-2 no_plan_notice"});
  q.team = "East";
  CHECK(found(*db, q).empty());
  q = plain();
  q.workflow = "review";
  CHECK(found(*db, q) == std::vector<std::string>{"Q-3 annual_review"});
}

TEST_CASE("a clock filter takes a name or a family, and '_' and '%' are not wildcards",
          "[clock_query]") {
  auto db = sample_db();
  ClockQuery q = plain();
  q.clock = "final_plan";
  CHECK(found(*db, q) == std::vector<std::string>{"Q-1 final_plan", "Q-2 final_plan"});
  q.clock = "advice";
  CHECK(found(*db, q) == std::vector<std::string>{"Q-1 advice:ep"});
  q.clock = "advice:ep";
  CHECK(found(*db, q) == std::vector<std::string>{"Q-1 advice:ep"});
  q.clock = "advice_x";
  CHECK(found(*db, q) == std::vector<std::string>{"Q-1 advice_x"});
  for (const char* pattern : {"final.plan", "finalXplan", "final%", "advice:", "adv", "advice_"}) {
    q.clock = pattern;
    CHECK(found(*db, q).empty());
  }
}

TEST_CASE("with_names reads the child's name", "[clock_query]") {
  auto db = sample_db();
  ClockQuery q = plain();
  q.with_names = true;
  const auto rows = find_clocks(db->sql(), q);
  CHECK(row_of(rows, "Q-1", "final_plan").child == "Ada Example");
  CHECK(row_of(rows, "Q-3", "annual_review").child == "Cy Example");
}

TEST_CASE("with_rungs reads the rungs recorded for that clock (case, name, start, due) only",
          "[clock_query]") {
  auto db = sample_db();
  insert_escalation(db->sql(), "Q-1", "final_plan", "2026-01-05", "2026-04-10", "due_soon");
  insert_escalation(db->sql(), "Q-1", "final_plan", "2026-01-05", "2026-04-10", "due");
  // The same clock name on another case, and an earlier clock of that name on this one.
  insert_escalation(db->sql(), "Q-2", "final_plan", "2026-01-05", "2026-03-20", "overdue");
  insert_escalation(db->sql(), "Q-1", "final_plan", "2025-01-06", "2025-05-26", "escalated");
  // Another limb of the same name and start: its own due date, its own rungs.
  insert_escalation(db->sql(), "Q-1", "final_plan", "2026-01-05", "2026-05-25", "overdue");
  ClockQuery q = plain();
  q.with_rungs = true;
  const auto rows = find_clocks(db->sql(), q);
  auto rungs = row_of(rows, "Q-1", "final_plan").rungs;
  std::sort(rungs.begin(), rungs.end());
  CHECK(rungs == std::vector<std::string>{"due", "due_soon"});
  CHECK(row_of(rows, "Q-2", "final_plan").rungs == std::vector<std::string>{"overdue"});
  CHECK(row_of(rows, "Q-1", "advice:ep").rungs.empty());
}

TEST_CASE("reported_before says whether a report before that day showed the clock",
          "[clock_query]") {
  auto db = sample_db();
  insert_ledger(db->sql(), "Q-1", "advice:ep", "2026-02-12", "2026-03-26", "2026-03-27");
  insert_ledger(db->sql(), "Q-2", "final_plan", "2026-01-05", "2026-03-20", "2026-04-01");
  // A ledger row for an earlier clock of the same name.
  insert_ledger(db->sql(), "Q-1", "final_plan", "2025-01-06", "2025-05-26", "2025-03-01");
  // Another limb of the same name and start, with another due date.
  insert_ledger(db->sql(), "Q-1", "final_plan", "2026-01-05", "2026-05-25", "2026-03-01");
  ClockQuery q = plain();
  q.reported_before = make_date(2026, 4, 1);
  const auto rows = find_clocks(db->sql(), q);
  CHECK(row_of(rows, "Q-1", "advice:ep").reported);
  CHECK_FALSE(row_of(rows, "Q-2", "final_plan").reported);  // first shown on the day itself
  CHECK_FALSE(row_of(rows, "Q-1", "final_plan").reported);
  CHECK_FALSE(row_of(rows, "Q-3", "annual_review").reported);
  q.reported_before = make_date(2026, 4, 2);
  CHECK(row_of(find_clocks(db->sql(), q), "Q-2", "final_plan").reported);
}

TEST_CASE("with every extra column asked for, each lands in its own field", "[clock_query]") {
  auto db = sample_db();
  insert_escalation(db->sql(), "Q-1", "advice:ep", "2026-02-12", "2026-03-26", "overdue");
  insert_ledger(db->sql(), "Q-1", "advice:ep", "2026-02-12", "2026-03-26", "2026-03-27");
  db->sql().exec(
      "INSERT INTO workflows (case_ref, workflow, state, opened) VALUES "
      "('Q-1', 'assessment', 'gathering_advice', '2026-02-10')");
  ClockQuery q = plain();
  q.with_names = true;
  q.with_stage = true;
  q.with_rungs = true;
  q.reported_before = make_date(2026, 4, 1);
  const auto rows = find_clocks(db->sql(), q);
  const ClockRow& ep = row_of(rows, "Q-1", "advice:ep");
  CHECK(ep.child == "Ada Example");
  CHECK(ep.stage == "gathering_advice");
  CHECK(ep.rungs == std::vector<std::string>{"overdue"});
  CHECK(ep.reported);
  const ClockRow& review = row_of(rows, "Q-3", "annual_review");
  CHECK(review.stage.empty());
  CHECK(review.rungs.empty());
  CHECK_FALSE(review.reported);
}

TEST_CASE("matches() takes exactly the clocks the query's SQL takes, filter by filter",
          "[clock_query]") {
  auto db = sample_db();
  // Every row, read without filters: the running day before all, the due day after all.
  ClockQuery all;
  all.running_on = make_date(2000, 1, 1);
  all.due_by = make_date(2100, 1, 1);
  const auto every = find_clocks(db->sql(), all);
  REQUIRE(every.size() > 8);
  std::vector<ClockQuery> queries(8, plain());
  queries[1].team = "East";
  queries[2].caseworker = "Omar Quillfeather";
  queries[3].clock = "advice";
  queries[4].clock = "final_plan";
  queries[5].workflow = "review";
  queries[6].statutory_only = true;
  queries[7].running_on = make_date(2026, 4, 6);
  queries[7].due_by = make_date(2026, 3, 31);
  for (std::size_t i = 0; i < queries.size(); ++i) {
    std::vector<std::string> in_memory;
    for (const ClockRow& row : every) {
      if (adapters::sqlite::matches(queries[i], row)) {
        in_memory.push_back(row.case_ref + " " + row.clock.name);
      }
    }
    std::sort(in_memory.begin(), in_memory.end());
    INFO("query " << i);
    CHECK(in_memory == found(*db, queries[i]));
  }
}
