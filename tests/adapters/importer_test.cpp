// tests for adapters/import/importer.h on an in-memory database: all or nothing, every error
// named by line, repeated ids applied once, and an export that re-imports exactly.
#include "adapters/import/importer.h"

#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "adapters/config/la_config.h"
#include "adapters/sqlite/case_store.h"
#include "adapters/sqlite/clock_store.h"
#include "adapters/sqlite/event_store.h"

using namespace ehcp;
using adapters::sqlite::Database;

namespace {

const engine::Date kAsOf = engine::make_date(2026, 11, 25);

std::unique_ptr<Database> fresh_db() {
  auto db = Database::open(":memory:", Database::Mode::kCreate);
  REQUIRE(db.ok());
  REQUIRE(db.value()->migrate().ok());
  return std::move(db).value();
}

adapters::ImportReport import_text(Database& db, const std::string& text,
                                   engine::Date as_of = kAsOf) {
  std::istringstream in(text);
  static const auto config = adapters::config::default_la_config();
  REQUIRE(config.ok());
  auto report = adapters::import_events(
      db, in, {as_of, "2026-11-25T09:00:00.000Z", config.value().rules, config.value().calendar});
  REQUIRE(report.ok());
  return std::move(report).value();
}

std::vector<std::string> errors_of(const adapters::ImportReport& r) {
  std::vector<std::string> out;
  for (const auto& e : r.errors) {
    out.push_back(e.to_string());
  }
  return out;
}

// Everything the events table holds except recorded_at (when this database learned each fact).
std::string events_dump(Database& db) {
  SQLite::Statement q(db.sql(),
                      "SELECT seq, case_ref, type, on_date, ifnull(idem_id, ''), "
                      "ifnull(author, ''), payload FROM events ORDER BY seq");
  std::string out;
  while (q.executeStep()) {
    for (int i = 0; i < 7; ++i) {
      out += q.getColumn(i).getString() + "|";
    }
    out += "\n";
  }
  return out;
}

std::string export_all(Database& db) {
  std::string out;
  adapters::sqlite::EventStore(db.sql()).for_each_payload(
      std::nullopt, [&](std::int64_t, const std::string& payload) { out += payload + "\n"; });
  return out;
}

std::string read_fixture(const char* name) {
  std::ifstream in(std::string(EHCP_FIXTURES) + "/" + name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kOpenA1 =
    R"({"case":"A-1","type":"case_opened","on":"2026-01-05","child":{"given_name":"Ada",)"
    R"("family_name":"Example","dob":"2017-05-02"},"caseworker":"Sam","team":"North"})";

}  // namespace

TEST_CASE("a valid file is applied and each touched case derived from its events") {
  auto db = fresh_db();
  const auto report = import_text(*db, read_fixture("every_event_type.jsonl"));
  CHECK(report.errors.empty());
  CHECK(report.applied == 60);
  CHECK(report.cases_touched == 7);
  adapters::sqlite::CaseStore cases(db->sql());
  const auto t1 = cases.get("T-1");
  REQUIRE(t1.has_value());
  CHECK(t1->caseworker == "Priya Shah");
  CHECK(t1->team == "South");
  CHECK(t1->setting->name == "Oak Lane Primary");
  CHECK(t1->year_group_override == 5);
  const auto t2 = cases.get("T-2");
  REQUIRE(t2.has_value());
  CHECK(t2->closed_on == engine::make_date(2025, 8, 1));
}

TEST_CASE("every bad line is reported by number and nothing at all is applied") {
  auto db = fresh_db();
  REQUIRE(import_text(*db, kOpenA1 + "\n").errors.empty());
  const std::string before = events_dump(*db);
  const std::string bad =
      R"({"case":"B-1","type":"case_opened","on":"2026-01-05","child":{"given_name":"Bo","family_name":"Example","dob":"2016-09-01"}})"
      "\n"
      R"({"case":"B-1","type":"assessment_requested","on":"2026-01-05")"
      "\n"
      R"({"case":"B-1","type":"assessment_teleported","on":"2026-01-05"})"
      "\n"
      R"({"case":"B-1","type":"assessment_decision","on":"2026-01-06"})"
      "\n"
      R"({"case":"B-1","type":"advice_received","on":"2026-02-30","advice":"ep"})"
      "\n"
      R"({"case":"Z-9","type":"advice_received","on":"2026-02-03","advice":"ep"})"
      "\n"
      R"({"case":"B-1","type":"advice_received","on":"2026-12-03","advice":"ep"})"
      "\n"
      R"({"case":"B 1","type":"advice_received","on":"2026-02-03","advice":"ep"})"
      "\n"
      R"({"case":"B-1","type":"advice_received","on":"2026-01-03","advice":"ep"})"
      "\n"
      R"({"case":"B-1","type":"assessment_requested","on":"2026-01-05","source":"school"})"
      "\n";
  const auto report = import_text(*db, bad);
  CHECK(errors_of(report) ==
        std::vector<std::string>{
            "line 2: malformed JSON: parse error at line 1, column 62: syntax error while "
            "parsing object - unexpected end of input; expected '}'",
            "line 3: unknown event type 'assessment_teleported'", "line 4: missing field 'outcome'",
            "line 5: field 'on': impossible date 2026-02-30",
            "line 6: unknown case 'Z-9': no case_opened for it in the database or in this file",
            "line 7: event dated 2026-12-03 is after the import's as-of date 2026-11-25",
            "line 8: field 'case': case reference has ' ' at position 2; only letters, digits "
            "and . _ / - are allowed",
            "line 9: event dated 2026-01-03 is before case 'B-1' was opened on 2026-01-05"});
  CHECK(events_dump(*db) == before);
  CHECK_FALSE(adapters::sqlite::CaseStore(db->sql()).get("B-1").has_value());
}

TEST_CASE("an over-long case reference is rejected") {
  auto db = fresh_db();
  const std::string ref(65, 'R');
  const auto report = import_text(
      *db, R"({"case":")" + ref + R"(","type":"case_closed","on":"2026-01-05","reason":"x"})");
  CHECK(errors_of(report) ==
        std::vector<std::string>{"line 1: field 'case': case reference is 65 characters long; "
                                 "at most 64 are allowed"});
}

TEST_CASE("a case may be opened later in the same file than its first event") {
  auto db = fresh_db();
  const auto report = import_text(
      *db, R"({"case":"A-1","type":"assessment_requested","on":"2026-01-06","source":"parent"})"
           "\n" +
               kOpenA1 + "\n");
  CHECK(report.errors.empty());
  CHECK(report.applied == 2);
}

TEST_CASE("a case cannot be opened twice") {
  auto db = fresh_db();
  const auto report = import_text(*db, kOpenA1 + "\n" + kOpenA1 + "\n");
  CHECK(errors_of(report) ==
        std::vector<std::string>{
            "line 2: case 'A-1' is already open (opened on 2026-01-05, line 1)"});
  REQUIRE(import_text(*db, kOpenA1 + "\n").errors.empty());
  CHECK(errors_of(import_text(*db, kOpenA1 + "\n")) ==
        std::vector<std::string>{
            "line 1: case 'A-1' is already open (opened on 2026-01-05, an earlier import)"});
}

TEST_CASE("a repeated id with the same content is applied once, in a file or across imports") {
  auto db = fresh_db();
  const std::string request =
      R"({"case":"A-1","type":"assessment_requested","on":"2026-01-06","source":"parent","id":"r1"})";
  auto report = import_text(*db, kOpenA1 + "\n" + request + "\n" + request + "\n");
  CHECK(report.errors.empty());
  CHECK(report.applied == 2);
  CHECK(report.skipped_repeats == 1);
  // Key order and spacing do not make it different content.
  report = import_text(
      *db,
      R"({"id":"r1", "source":"parent", "on":"2026-01-06","type":"assessment_requested","case":"A-1"})");
  CHECK(report.errors.empty());
  CHECK(report.applied == 0);
  CHECK(report.skipped_repeats == 1);
  CHECK(adapters::sqlite::EventStore(db->sql()).count() == 2);
}

TEST_CASE("a repeated id with different content is an error naming where it was first used") {
  auto db = fresh_db();
  const std::string first =
      R"({"case":"A-1","type":"assessment_requested","on":"2026-01-06","source":"parent","id":"r1"})";
  const std::string changed =
      R"({"case":"A-1","type":"assessment_requested","on":"2026-01-06","source":"school","id":"r1"})";
  CHECK(errors_of(import_text(*db, kOpenA1 + "\n" + first + "\n" + changed + "\n")) ==
        std::vector<std::string>{"line 3: id 'r1' was already used by a different event (line 2)"});
  REQUIRE(import_text(*db, kOpenA1 + "\n" + first + "\n").errors.empty());
  CHECK(errors_of(import_text(*db, changed)) ==
        std::vector<std::string>{
            "line 1: id 'r1' was already used by a different event (an earlier import)"});
}

TEST_CASE("blank lines, CRLF endings and a byte-order mark are tolerated") {
  auto db = fresh_db();
  const auto report = import_text(*db, "\xEF\xBB\xBF" + kOpenA1 + "\r\n\r\n   \n");
  CHECK(report.errors.empty());
  CHECK(report.applied == 1);
  CHECK(report.lines == 3);
}

TEST_CASE("export then import into a fresh database reproduces the events exactly") {
  auto original = fresh_db();
  REQUIRE(import_text(*original, read_fixture("every_event_type.jsonl")).errors.empty());
  // A second, out-of-order import so arrival order differs from date order.
  REQUIRE(
      import_text(
          *original,
          R"({"case":"T-3","type":"case_closed","on":"2026-04-02","reason":"withdrawn"})"
          "\n"
          R"({"case":"T-1","type":"advice_requested","on":"2025-11-19","advice":"sw","service":"social_care"})")
          .errors.empty());
  const std::string exported = export_all(*original);
  auto copy = fresh_db();
  const auto report = import_text(*copy, exported);
  CHECK(report.errors.empty());
  CHECK(events_dump(*copy) == events_dump(*original));
  CHECK(export_all(*copy) == exported);
  adapters::sqlite::CaseStore a(original->sql());
  adapters::sqlite::CaseStore b(copy->sql());
  CHECK(a.list({}) == b.list({}));
}

TEST_CASE("the events table refuses updates and deletes") {
  auto db = fresh_db();
  REQUIRE(import_text(*db, kOpenA1).errors.empty());
  CHECK_THROWS_WITH(db->sql().exec("UPDATE events SET type = 'x'"),
                    Catch::Contains("events are append-only"));
  CHECK_THROWS_WITH(db->sql().exec("DELETE FROM events"),
                    Catch::Contains("events are append-only"));
}

TEST_CASE("init is idempotent: migrating a current database applies nothing") {
  auto db = fresh_db();
  CHECK(db->schema_version() == Database::latest_schema_version());
  auto again = db->migrate();
  REQUIRE(again.ok());
  CHECK(again.value() == 0);
}

TEST_CASE("an event the machines cannot take where it falls rejects the whole import") {
  auto db = fresh_db();
  const std::string events =
      kOpenA1 + "\n" +
      R"({"case":"A-1","type":"assessment_requested","on":"2026-01-05","source":"parent"})"
      "\n"
      R"({"case":"A-1","type":"final_plan_issued","on":"2026-02-01"})"
      "\n";
  CHECK(errors_of(import_text(*db, events)) ==
        std::vector<std::string>{"line 3: case 'A-1': final_plan_issued on 2026-02-01: cannot be "
                                 "taken while the assessment is awaiting_decision"});
  CHECK(adapters::sqlite::EventStore(db->sql()).count() == 0);
  CHECK_FALSE(adapters::sqlite::CaseStore(db->sql()).get("A-1").has_value());
}

TEST_CASE("a backdated event that makes a recorded one impossible is rejected at its line") {
  auto db = fresh_db();
  REQUIRE(
      import_text(
          *db,
          kOpenA1 + "\n" +
              R"({"case":"A-1","type":"assessment_requested","on":"2026-01-05","source":"parent"})"
              "\n"
              R"({"case":"A-1","type":"assessment_decision","on":"2026-02-10","outcome":"assess"})")
          .errors.empty());
  const auto report = import_text(
      *db, R"({"case":"A-1","type":"assessment_decision","on":"2026-02-01","outcome":"refuse"})");
  CHECK(errors_of(report) ==
        std::vector<std::string>{"line 1: case 'A-1': assessment_decision on 2026-02-10: the "
                                 "decision whether to assess was already made on 1 February 2026 "
                                 "(an event recorded earlier, #3)"});
}

TEST_CASE("import keeps every clock of each touched case in the clock table") {
  auto db = fresh_db();
  REQUIRE(
      import_text(
          *db,
          kOpenA1 + "\n" +
              R"({"case":"A-1","type":"assessment_requested","on":"2026-01-05","source":"parent"})"
              "\n"
              R"({"case":"A-1","type":"assessment_decision","on":"2026-02-10","outcome":"assess"})"
              "\n"
              R"({"case":"A-1","type":"advice_requested","on":"2026-02-12","advice":"ep","service":"educational_psychology"})")
          .errors.empty());
  auto clocks = adapters::sqlite::ClockStore(db->sql()).for_case("A-1");
  REQUIRE(clocks.size() == 5);
  CHECK(clocks[0].name == "decision_to_assess");
  CHECK(clocks[0].due == engine::make_date(2026, 2, 16));
  CHECK(clocks[0].met_on == engine::make_date(2026, 2, 10));
  CHECK(clocks[4].name == "advice:ep");
  CHECK(clocks[4].due == engine::make_date(2026, 3, 26));
  CHECK(clocks[4].status_on(engine::make_date(2026, 3, 27)) == engine::ClockStatus::kOverdue);
  // A later import that meets the advice rewrites the case's rows.
  REQUIRE(
      import_text(*db, R"({"case":"A-1","type":"advice_received","on":"2026-03-20","advice":"ep"})")
          .errors.empty());
  clocks = adapters::sqlite::ClockStore(db->sql()).for_case("A-1");
  REQUIRE(clocks.size() == 5);
  CHECK(clocks[4].met_on == engine::make_date(2026, 3, 20));
}
