// Integration tests of the real ehcp binary: exit codes, messages, all-or-nothing imports that
// leave the database file byte-for-byte unchanged, and export/import round trips.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/sandbox.h"

namespace fs = std::filesystem;
using ehcp::test::Sandbox;
using ehcp::test::slurp;

namespace {

const std::string kFixtures = EHCP_FIXTURES;

}  // namespace

TEST_CASE("init creates the database and is idempotent") {
  Sandbox box;
  auto first = box.ehcp("init");
  CHECK(first.exit_code == 0);
  CHECK(first.out.find("schema version 13") != std::string::npos);
  auto second = box.ehcp("init");
  CHECK(second.exit_code == 0);
  CHECK(second.out.find("migration") == std::string::npos);
}

TEST_CASE("a command on a database that does not exist is a usage error telling how to make one") {
  Sandbox box;
  auto r = box.ehcp("case list");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("run `ehcp init` first") != std::string::npos);
  CHECK_FALSE(fs::exists(box.db()));
}

TEST_CASE("unknown commands and impossible --as-of dates are usage errors") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  CHECK(box.ehcp("frobnicate").exit_code == 1);
  auto r = box.ehcp("case list --as-of 2026-02-30");
  CHECK(r.exit_code == 1);
  CHECK(r.err == "ehcp: --as-of: '2026-02-30' is not a real date YYYY-MM-DD\n");
}

TEST_CASE("importing a file with bad lines reports every one, exits 2 and changes no byte") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  REQUIRE(
      box.ehcp("import " + kFixtures + "/every_event_type.jsonl --as-of 2026-11-25").exit_code ==
      0);
  const std::string before = slurp(box.db());
  auto r = box.ehcp("import " + kFixtures + "/import_errors.jsonl --as-of 2026-11-25");
  CHECK(r.exit_code == 2);
  CHECK(r.err == slurp(kFixtures + "/import_errors.expected") + "ehcp: 15 bad line(s) in " +
                     kFixtures + "/import_errors.jsonl; nothing was imported\n");
  CHECK(r.out.empty());
  CHECK(slurp(box.db()) == before);
  CHECK(box.ehcp("case show E-1").exit_code == 2);
}

TEST_CASE("events dated after today are rejected when no --as-of is given") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  const std::string line =
      R"({"case":"F-1","type":"case_opened","on":"2999-01-01","child":{"given_name":"Fay",)"
      R"("family_name":"Sample","dob":"2016-01-01"}})";
  auto r = box.ehcp("import -", line + "\n");
  CHECK(r.exit_code == 2);
  CHECK(r.err.starts_with("line 1: event dated 2999-01-01 is after the import's as-of date "));
}

TEST_CASE("importing the same file twice applies its events once") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  const std::string file = kFixtures + "/every_event_type.jsonl --as-of 2026-11-25";
  auto first = box.ehcp("import " + file);
  CHECK(first.exit_code == 0);
  CHECK(first.out == "imported 60 event(s) for 7 case(s)\n");
  auto second = box.ehcp("import " + file);
  CHECK(second.exit_code == 0);
  CHECK(second.out == "imported 0 event(s) for 0 case(s); 60 repeated event(s) skipped\n");
}

TEST_CASE("export then import into a fresh database reproduces the export exactly") {
  Sandbox a;
  Sandbox b;
  REQUIRE(a.ehcp("init").exit_code == 0);
  REQUIRE(a.ehcp("import " + kFixtures + "/every_event_type.jsonl --as-of 2026-11-25").exit_code ==
          0);
  auto exported = a.ehcp("export");
  REQUIRE(exported.exit_code == 0);
  CHECK(std::count(exported.out.begin(), exported.out.end(), '\n') == 60);
  REQUIRE(b.ehcp("init").exit_code == 0);
  REQUIRE(b.ehcp("import - --as-of 2026-11-25", exported.out).exit_code == 0);
  CHECK(b.ehcp("export").out == exported.out);
  CHECK(b.ehcp("case list --format csv --as-of 2026-11-25").out ==
        a.ehcp("case list --format csv --as-of 2026-11-25").out);
  auto one = a.ehcp("export --case T-3");
  CHECK(std::count(one.out.begin(), one.out.end(), '\n') == 3);
}

TEST_CASE("case show prints the case and its events in effective-date order as of a date") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  // Arrives out of order: the advice was backdated.
  const std::string events =
      R"({"case":"A-1","type":"case_opened","on":"2026-01-05","child":{"given_name":"Ada","family_name":"Example","dob":"2017-05-02"},"caseworker":"Sam Okafor","team":"North"})"
      "\n"
      R"({"case":"A-1","type":"assessment_requested","on":"2026-01-05","source":"parent"})"
      "\n"
      R"({"case":"A-1","type":"advice_requested","on":"2026-02-12","advice":"ep","service":"educational_psychology"})"
      "\n"
      R"({"case":"A-1","type":"assessment_decision","on":"2026-02-10","outcome":"assess"})"
      "\n";
  REQUIRE(box.ehcp("import - --as-of 2026-03-20", events).exit_code == 0);
  auto r = box.ehcp("case show A-1 --as-of 2026-03-20 --format json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["case"] == "A-1");
  CHECK(j["as_of"] == "2026-03-20");
  CHECK(j["year_group"] ==
        4);  // born May 2017: Reception in 2021/22, Year 4 in 2025/26 (contract §3)
  CHECK(j["caseworker"] == "Sam Okafor");
  REQUIRE(j["events"].size() == 4);
  CHECK(j["events"][2]["type"] == "assessment_decision");
  CHECK(j["events"][2]["seq"] == 4);
  CHECK(j["events"][3]["type"] == "advice_requested");

  auto earlier = box.ehcp("case show A-1 --as-of 2026-02-11");
  REQUIRE(earlier.exit_code == 0);
  CHECK(earlier.out.find("Events in effective-date order (3)") != std::string::npos);
  CHECK(earlier.out.find("(1 event(s) dated after 2026-02-11 not shown)") != std::string::npos);
  CHECK(earlier.out.find("Year 4") != std::string::npos);

  auto missing = box.ehcp("case show Z-1");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "ehcp: no case 'Z-1'\n");
}

TEST_CASE("case list filters by team and caseworker and prints table, csv or json") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  REQUIRE(
      box.ehcp("import " + kFixtures + "/every_event_type.jsonl --as-of 2026-11-25").exit_code ==
      0);
  auto all = box.ehcp("case list --as-of 2026-11-25 --format json");
  REQUIRE(all.exit_code == 0);
  CHECK(nlohmann::json::parse(all.out).size() == 7);
  auto south = box.ehcp("case list --team South --as-of 2026-11-25 --format csv");
  CHECK(south.out ==
        "case,child,year,caseworker,team,setting,opened,status\r\n"
        "T-1,Ada Example,Year 6,Priya Shah,South,Oak Lane Primary (primary),2025-09-01,open\r\n");
  auto open_only = box.ehcp("case list --open --as-of 2026-11-25");
  CHECK(open_only.out.find("T-2") == std::string::npos);
  CHECK(open_only.out.find("6 case(s)") != std::string::npos);
  auto before_t3 = box.ehcp("case list --as-of 2026-01-01 --format json");
  CHECK(nlohmann::json::parse(before_t3.out).size() == 3);  // T-1, T-2, T-4
}

TEST_CASE("a --caseworker or --team nobody is known by is refused naming the nearest, exit 2") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  REQUIRE(
      box.ehcp("import " + kFixtures + "/every_event_type.jsonl --as-of 2026-11-25").exit_code ==
      0);
  auto typo = box.ehcp("queue --caseworker 'Sam Okafr' --as-of 2026-11-25");
  CHECK(typo.exit_code == 2);
  CHECK(typo.out.empty());
  CHECK(typo.err == "ehcp: no caseworker 'Sam Okafr' is known; did you mean 'Sam Okafor'?\n");
  auto team = box.ehcp("case list --team Nrth --as-of 2026-11-25");
  CHECK(team.exit_code == 2);
  CHECK(team.err == "ehcp: no team 'Nrth' is known; did you mean 'North'?\n");
  auto nobody = box.ehcp("case list --caseworker 'Zed Quill' --as-of 2026-11-25");
  CHECK(nobody.exit_code == 2);
  CHECK(nobody.err == "ehcp: no caseworker 'Zed Quill' is known\n");
  // A known name in other case, with spaces around it, is that name.
  auto other_case = box.ehcp("case list --team ' south ' --as-of 2026-11-25 --format csv");
  CHECK(other_case.exit_code == 0);
  CHECK(other_case.out.find("T-1,Ada Example") != std::string::npos);
  auto queue = box.ehcp("queue --caseworker 'sam okafor' --as-of 2026-11-25 --format csv");
  CHECK(queue.exit_code == 0);
  CHECK(queue.out.rfind("due,days_overdue,", 0) == 0);
}

TEST_CASE("calendar lists a year's bank holidays, the LA's closures and its working days") {
  Sandbox box;
  auto r = box.ehcp("calendar --year 2026 --format json --config " + kFixtures +
                    "/../../examples/la-config.json");
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["bank_holidays"].size() == 8);
  CHECK(j["bank_holidays"][7]["date"] == "2026-12-28");
  CHECK(j["closures"].size() == 3);
  CHECK(j["working_days"] == 250);  // 261 weekdays - 8 bank holidays - 3 office closure days
  auto national = box.ehcp("calendar --year 2026 --format json");
  CHECK(nlohmann::json::parse(national.out)["working_days"] == 253);
  CHECK(box.ehcp("calendar --year 2200").exit_code == 1);
  auto bad = box.ehcp("calendar --config /nonexistent.json");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "ehcp: cannot read configuration /nonexistent.json: no such file\n");
}

TEST_CASE("a configuration that is a directory or has a misspelt key is refused, exit 2") {
  Sandbox box;
  // A directory ended in an uncaught std::ios_base::failure: SIGABRT (issue 17 fault 4).
  fs::create_directories(box.path("conf.d"));
  const auto dir = box.ehcp("calendar --year 2026 --config " + box.path("conf.d").string());
  CHECK(dir.exit_code == 2);
  CHECK(dir.err == "ehcp: cannot read configuration " + box.path("conf.d").string() +
                       ": it is a directory, not a file\n");
  // A council's closures under a misspelt key counted as working days (issue 14).
  const auto typo_path = box.path("la.json").string();
  std::ofstream(typo_path) << R"({"calendar": {"office_closures": [{"kind": "office_closure",
      "from": "2026-03-31", "to": "2026-04-01", "name": "Stocktake"}]}})";
  const auto typo = box.ehcp("queue --as-of 2026-04-03 --config " + typo_path);
  CHECK(typo.exit_code == 2);
  CHECK(typo.err == "ehcp: " + typo_path +
                        ": 1 problem in the configuration:\n"
                        "calendar.office_closures: unknown key; did you mean calendar.closures?\n");
}

TEST_CASE("init to schema 5 keeps the rungs, messages and breaches recorded, each with its due") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  REQUIRE(
      box.ehcp("import " + kFixtures + "/every_event_type.jsonl --as-of 2026-11-25").exit_code ==
      0);
  {
    // Back to schema 4's tables, keyed by case, clock and start, with one row each.
    SQLite::Database db(box.db(), SQLite::OPEN_READWRITE);
    db.exec("DROP TABLE derivation");    // schema 7's
    db.exec("DROP INDEX events_voids");  // schema 8's
    db.exec(
        "DROP INDEX events_caseworkers; DROP INDEX events_teams; DROP INDEX cases_by_ref_nocase; "
        "DROP INDEX cases_by_upn_nocase; DROP INDEX cases_by_team_full_name; "
        "DROP INDEX cases_by_team_family_name");                         // schema 11's
    db.exec("DROP TABLE calendar_tokens");                               // schema 13's
    db.exec("DROP TABLE audit; DROP TABLE sessions; DROP TABLE users");  // schema 9's
    db.exec("DROP TABLE clock_digests");                                 // schema 12's
    db.exec("DROP TABLE escalations; DROP TABLE outbox; DROP TABLE breach_ledger");
    db.exec(
        "CREATE TABLE escalations (case_ref TEXT NOT NULL, clock TEXT NOT NULL, start TEXT NOT "
        "NULL, rung TEXT NOT NULL, due TEXT NOT NULL, fires_on TEXT NOT NULL, ticked_on TEXT NOT "
        "NULL, outcome TEXT NOT NULL, recorded_at TEXT NOT NULL, PRIMARY KEY (case_ref, clock, "
        "start, rung)) WITHOUT ROWID");
    db.exec(
        "CREATE TABLE outbox (id INTEGER PRIMARY KEY, case_ref TEXT NOT NULL, clock TEXT NOT "
        "NULL, start TEXT NOT NULL, rung TEXT NOT NULL, role TEXT NOT NULL, recipient TEXT NOT "
        "NULL, address TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL, created_on TEXT "
        "NOT NULL, created_at TEXT NOT NULL, delivered_at TEXT, delivered_to TEXT, UNIQUE "
        "(case_ref, clock, start, rung, role))");
    db.exec(
        "CREATE TABLE breach_ledger (case_ref TEXT NOT NULL, clock TEXT NOT NULL, start TEXT NOT "
        "NULL, first_reported TEXT NOT NULL, PRIMARY KEY (case_ref, clock, start)) WITHOUT ROWID");
    db.exec(
        "INSERT INTO escalations VALUES ('T-4', 'mediation_certificate', '2025-10-27', 'due', "
        "'2025-10-30', '2025-10-30', '2025-10-30', 'notified', '2025-10-30T01:00:00Z')");
    db.exec(
        "INSERT INTO outbox VALUES (7, 'T-4', 'mediation_certificate', '2025-10-27', 'due', "
        "'caseworker', 'Sam', 'sam@example.invalid', 's', 'b', '2025-10-30', "
        "'2025-10-30T01:00:00Z', NULL, NULL)");
    db.exec("INSERT INTO breach_ledger VALUES ('T-1', 'final_plan', '2025-09-05', '2026-01-26')");
    db.exec("PRAGMA user_version = 4");
  }
  auto r = box.ehcp("init");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("9 migration(s) applied") != std::string::npos);
  SQLite::Database db(box.db(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("SELECT due FROM escalations").getString() == "2025-10-30");
  CHECK(db.execAndGet("SELECT id || ' ' || due FROM outbox").getString() == "7 2025-10-30");
  // The ledger's breach takes its clock's due date: 20 weeks from 5 Sep 2025.
  CHECK(db.execAndGet("SELECT due FROM breach_ledger").getString() == "2026-01-23");
  CHECK(db.execAndGet("SELECT count(*) FROM outbox WHERE delivered_at IS NULL").getInt() == 1);
}

TEST_CASE("init migrating an older database re-derives every case's clocks from its events") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  REQUIRE(
      box.ehcp("import " + kFixtures + "/every_event_type.jsonl --as-of 2026-11-25").exit_code ==
      0);
  {
    // Back to schema 1: the clocks table and those of later migrations did not exist then.
    SQLite::Database db(box.db(), SQLite::OPEN_READWRITE);
    for (const char* table : {"clocks", "workflows", "escalations", "outbox", "nightly_runs",
                              "breach_ledger", "events_span", "derivation", "audit",
                              "calendar_tokens", "sessions", "users", "clock_digests"}) {
      db.exec(std::string("DROP TABLE ") + table);
    }
    db.exec("DROP INDEX events_disagreements");
    db.exec("DROP INDEX events_voids");
    db.exec(
        "DROP INDEX events_caseworkers; DROP INDEX events_teams; DROP INDEX cases_by_ref_nocase; "
        "DROP INDEX cases_by_upn_nocase; DROP INDEX cases_by_team_full_name; "
        "DROP INDEX cases_by_team_family_name");  // schema 11's
    db.exec("PRAGMA user_version = 1");
  }
  CHECK(box.ehcp("case list").exit_code == 1);  // told to run init
  auto r = box.ehcp("init");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("12 migration(s) applied") != std::string::npos);
  CHECK(r.out.find("re-derived 7 case(s) from their events") != std::string::npos);
  SQLite::Database db(box.db(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("SELECT count(*) FROM clocks WHERE case_ref = 'T-1'").getInt() > 0);
  // Migration 4's column is filled by the re-derivation: advice clocks name their service.
  CHECK(db.execAndGet("SELECT count(*) FROM clocks WHERE clock LIKE 'advice:%' AND detail IS "
                      "NULL")
            .getInt() == 0);
  CHECK(db.execAndGet("SELECT count(*) FROM clocks WHERE clock LIKE 'advice:%'").getInt() > 0);
}

TEST_CASE("case show marks a child taught out of cohort only when the year group differs") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  // The same birthday (Year 6 in 2025/26); a feed records every child's year group.
  const std::string events =
      R"({"case":"A-1","type":"case_opened","on":"2026-03-02","year_group":6,"child":{"given_name":"Ada","family_name":"Example","dob":"2015-08-31"}})"
      "\n"
      R"({"case":"B-1","type":"case_opened","on":"2026-03-02","year_group":5,"child":{"given_name":"Ben","family_name":"Example","dob":"2015-08-31"}})"
      "\n";
  REQUIRE(box.ehcp("import - --as-of 2026-03-20", events).exit_code == 0);
  CHECK(box.ehcp("case show A-1 --as-of 2026-03-20").out.find("(Year 6)\n") != std::string::npos);
  CHECK(box.ehcp("case show B-1 --as-of 2026-03-20").out.find("(Year 5, taught out of cohort)\n") !=
        std::string::npos);
}

TEST_CASE(
    "case show groups each review cycle, says when the family's days end, and gives an age "
    "past Year 14") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  // Born 2 May 1998: Year 14 ended in 2017; 28 on 2 May 2026, so "Aged 28" on 2026-11-25.
  // Plan made 2024-03-04: the first review's annual review is due 2025-03-04 - 1 = Mon 3 Mar
  // 2025 and met that day by the decision to maintain; the next opens then, due Mon 2 Mar 2026;
  // its meeting is held Mon 2 Feb 2026, its decision to amend made Mon 16 Feb 2026 (so the third
  // review opens, due 2027-02-15), and its amendment notice sent Mon 16 Nov 2026: the family's
  // 15 days beginning with it end on 16 + 14 = Mon 30 Nov 2026 (reg 22(2)).
  const std::string events =
      R"({"case":"W-1","type":"case_opened","on":"2025-01-06","child":{"given_name":"Wyn","family_name":"Example","dob":"1998-05-02"}})"
      "\n"
      R"({"case":"W-1","type":"plan_in_force","on":"2025-01-06","made":"2024-03-04"})"
      "\n"
      R"({"case":"W-1","type":"review_meeting_scheduled","on":"2025-02-03","meeting":"2025-02-24"})"
      "\n"
      R"({"case":"W-1","type":"review_meeting_held","on":"2025-02-24"})"
      "\n"
      R"({"case":"W-1","type":"review_decision","on":"2025-03-03","outcome":"maintain"})"
      "\n"
      R"({"case":"W-1","type":"review_meeting_scheduled","on":"2026-01-12","meeting":"2026-02-02"})"
      "\n"
      R"({"case":"W-1","type":"review_meeting_held","on":"2026-02-02"})"
      "\n"
      R"({"case":"W-1","type":"review_decision","on":"2026-02-16","outcome":"amend"})"
      "\n"
      R"({"case":"W-1","type":"amendment_notice_issued","on":"2026-11-16"})"
      "\n"
      // D-1's draft served Fri 20 Nov 2026: the 15 days beginning with it end Fri 4 Dec (reg
      // 13(1)).
      R"({"case":"D-1","type":"case_opened","on":"2026-09-01","child":{"given_name":"Dai","family_name":"Example","dob":"2017-05-02"}})"
      "\n"
      R"({"case":"D-1","type":"assessment_requested","on":"2026-09-01","source":"parent"})"
      "\n"
      R"({"case":"D-1","type":"assessment_decision","on":"2026-09-20","outcome":"assess"})"
      "\n"
      R"({"case":"D-1","type":"issue_decision","on":"2026-11-02","outcome":"issue"})"
      "\n"
      R"({"case":"D-1","type":"draft_plan_issued","on":"2026-11-20"})"
      "\n";
  REQUIRE(box.ehcp("import - --as-of 2026-11-25", events).exit_code == 0);
  const auto out = box.ehcp("case show W-1 --as-of 2026-11-25").out;
  INFO(out);
  CHECK(out.find("born 1998-05-02 (Aged 28)") != std::string::npos);
  const auto first = out.find("\nAnnual review 2025: Plan maintained (opened ");
  const auto second = out.find("\nAnnual review 2026: Amending the plan (opened 2025-03-03)");
  const auto days = out.find(
      "\n  The family's 15 days for comments on the proposed amendments "
      "end on Mon 30 Nov 2026 (reg 22(2))\n");
  const auto third =
      out.find("\nAnnual review 2027: Review meeting to be arranged (opened 2026-02-16)");
  REQUIRE(first != std::string::npos);
  REQUIRE(second != std::string::npos);
  REQUIRE(third != std::string::npos);
  CHECK(first < second);
  CHECK(second < third);
  CHECK((second < days && days < third));
  // The amended plan is the second review's, though the third opened before the notice.
  const auto amended = out.find("Amended plan ");
  CHECK((second < amended && amended < third));
  // Said once, in words: "Met on Mon 3 Mar 2025", not "met  met 2025-03-03".
  CHECK(out.find("Met on Mon 3 Mar 2025") != std::string::npos);
  CHECK(out.find("annual_review") == std::string::npos);
  CHECK(out.find("Review meeting held ") != std::string::npos);  // an event by its title
  CHECK(box.ehcp("case show D-1 --as-of 2026-11-25")
            .out.find("Needs assessment: Draft plan issued: consulting (opened 2026-09-01)\n"
                      "  The family's 15 days for comments on the draft plan end on Fri 4 Dec "
                      "2026 (reg 13(1))\n") != std::string::npos);
  const auto j =
      nlohmann::json::parse(box.ehcp("case show W-1 --as-of 2026-11-25 --format json").out);
  CHECK(j["clocks"][0]["clock"] == "annual_review");  // JSON keeps the identifiers
  CHECK(j["year_group"] == 24);  // 2026 - 1997 - 5: "Year 24" had it been shown
  CHECK(j["workflows"][0]["state"] == "maintained");
}
