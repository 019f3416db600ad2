// `ehcp report kpi` through the real binary: the facts read from the database add up to the
// hand-computed figures, every format carries them, bad arguments are usage errors naming the
// flag, and no format names a child or gives a date of birth.
#include <cctype>
#include <fstream>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/sandbox.h"

using ehcp::test::Sandbox;

namespace {

const std::string kFixtures = EHCP_FIXTURES;
const std::string kConfig = std::string(EHCP_FIXTURES) + "/../../examples/la-config.json";

std::string line(const std::string& ref, const std::string& type, const std::string& on,
                 const std::string& more = "") {
  return R"({"case":")" + ref + R"(","type":")" + type + R"(","on":")" + on + "\"" +
         (more.empty() ? "" : "," + more) + "}\n";
}

// A needs assessment requested on 1 October 2025 (20 weeks: due 18 February 2026) that ends in
// a final plan on `final_on`, with an exception from 1 December 2025 when `excepted`.
std::string plan_case(const std::string& ref, const std::string& gender, const std::string& team,
                      const std::string& final_on, bool excepted) {
  std::string out =
      line(ref, "case_opened", "2025-10-01",
           R"("child":{"given_name":"Zed","family_name":"Quorbly","dob":"2015-04-02","gender":")" +
               gender + R"(","ethnicity":"WBRI"},"team":")" + team + "\"");
  out += line(ref, "assessment_requested", "2025-10-01", R"("source":"parent")");
  out += line(ref, "assessment_decision", "2025-11-05", R"("outcome":"assess")");
  if (excepted) {
    out += line(ref, "exception_recorded", "2025-12-01", R"("limb":"personal_circumstances")");
  }
  out += line(ref, "issue_decision", "2025-12-10", R"("outcome":"issue")");
  out += line(ref, "draft_plan_issued", "2026-01-05");
  out += line(ref, "final_plan_issued", final_on);
  return out;
}

// 16 plans issued January to March 2026: 6 on time (girls, North), 5 late (boys, South), 5 late
// with an exception (girls, North). Five requests in January, one refused. A mediation recorded
// on the wrong case (A-0) and voided: it counts nowhere, and A-0 stays in the cohort.
std::string fixture() {
  std::string out;
  for (int i = 0; i < 6; ++i) {
    out += plan_case("A-" + std::to_string(i), "F", "North", "2026-02-10", false);
  }
  out += line("A-0", "mediation_requested", "2026-02-20", R"("id":"wrong-case-1")");
  out += line("A-0", "event_voided", "2026-02-23",
              R"("event":"wrong-case-1","reason":"meant for another case","by":"Sam Okafor")");
  for (int i = 0; i < 5; ++i) {
    out += plan_case("B-" + std::to_string(i), "M", "South", "2026-03-02", false);
  }
  for (int i = 0; i < 5; ++i) {
    out += plan_case("C-" + std::to_string(i), "F", "North", "2026-03-02", true);
  }
  for (int i = 0; i < 5; ++i) {
    const std::string ref = "R-" + std::to_string(i);
    out += line(ref, "case_opened", "2026-01-05",
                R"("child":{"given_name":"Yan","family_name":"Pelloby","dob":"2019-06-30"})");
    out += line(ref, "assessment_requested", "2026-01-05", R"("source":"school")");
    out += line(ref, "assessment_decision", "2026-02-10",
                i == 0 ? R"("outcome":"refuse")" : R"("outcome":"assess")");
  }
  return out;
}

// The entry of `list` (a json array of objects) with this id; the test fails when there is none.
const nlohmann::json& by_id(const nlohmann::json& list, const std::string& id) {
  for (const auto& entry : list) {
    if (entry["id"] == id) {
      return entry;
    }
  }
  FAIL("no " << id);
  throw std::logic_error("unreachable");
}

const nlohmann::json& indicator(const nlohmann::json& pack, const std::string& id) {
  return by_id(pack["indicators"], id);
}

// `word` in `text` with no letter either side ("Example" is not in "Exampleshire").
bool has_word(const std::string& text, const std::string& word) {
  const auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool before = at > 0 && letter(text[at - 1]);
    const bool after = at + word.size() < text.size() && letter(text[at + word.size()]);
    if (!before && !after) {
      return true;
    }
  }
  return false;
}

struct Loaded {
  Sandbox box;
  Loaded() {
    REQUIRE(box.ehcp("init").exit_code == 0);
    // The same configuration as the report: the clocks are derived with its calendar and rules.
    REQUIRE(box.ehcp("--config " + kConfig + " import - --as-of 2026-04-30", fixture()).exit_code ==
            0);
  }
  ehcp::test::Outcome kpi(const std::string& format) const {
    return box.ehcp("--config " + kConfig + " report kpi --from 2026-01-01 --to 2026-03-31 " +
                    "--as-of 2026-04-30 --format " + format);
  }
};

}  // namespace

TEST_CASE("report kpi computes the 20-week rates from the database as SEN2 counts them") {
  Loaded l;
  const auto r = l.kpi("json");
  REQUIRE(r.exit_code == 0);
  const auto pack = nlohmann::json::parse(r.out);
  CHECK(pack["period"] == "1 January \u2013 31 March 2026");
  CHECK(pack["la"] == "Exampleshire County Council (synthetic)");
  CHECK(indicator(pack, "plans_issued")["value"] == 16);
  const auto& including = indicator(pack, "plans_within_20_weeks_including_exceptions");
  CHECK(including["numerator"] == 6);
  CHECK(including["denominator"] == 16);
  CHECK(including["value"] == 37.5);
  const auto& excluding = indicator(pack, "plans_within_20_weeks_excluding_exceptions");
  CHECK(excluding["numerator"] == 6);
  CHECK(excluding["denominator"] == 11);
  CHECK(excluding["value"] == 54.5);
  CHECK(excluding["cohort"] ==
        "new plans issued 1 January \u2013 31 March 2026 (16), leaving out 0 with a mediation, "
        "appeal or Tribunal and 5 with an exception");
  // The example configuration's target in March 2026 is 90%: 54.5 is more than 10 short.
  CHECK(excluding["target"] == 90.0);
  CHECK(excluding["rating"] == "Red");
  // 6 plans in 132 days, 10 in 152: mean (6 * 132 + 10 * 152) / 16 / 7 = 20.6 weeks.
  CHECK(indicator(pack, "mean_weeks_to_issue")["value"] == 20.6);
  CHECK(indicator(pack, "requests_received")["value"] == 5);
  CHECK(indicator(pack, "requests_refused")["value"].is_null());
  CHECK(indicator(pack, "requests_refused")["suppressed"] == true);
  CHECK(indicator(pack, "decisions_within_6_weeks")["value"] == 100.0);
  CHECK(indicator(pack, "mediations_requested")["value"] == 0);  // the voided one is not counted

  // The trend: February 2026 had the six on time, March the ten late.
  const auto& trend = excluding["trend"];
  REQUIRE(trend.size() == 12);
  CHECK(trend[10]["month"] == "2026-02");
  CHECK(trend[10]["value"] == 100.0);
  CHECK(trend[10]["rating"] == "Blue");
  CHECK(trend[11]["value"] == 0.0);
  CHECK(trend[11]["numerator"] == 0);
  CHECK(trend[11]["denominator"] == 5);

  const auto& gender = by_id(pack["breakdowns"], "gender");
  REQUIRE(gender["rows"].size() == 3);
  CHECK(gender["rows"][0]["group"] == "F");
  CHECK(gender["rows"][0]["plans"] == 11);
  CHECK(gender["rows"][1]["group"] == "M");
  CHECK(gender["rows"][1]["plans"] == 5);
  CHECK(gender["rows"][2]["group"] == "Not recorded");
  CHECK(gender["rows"][2]["requests"] == 5);
}

TEST_CASE("report kpi gives the same figures as csv, html and a table") {
  Loaded l;
  const auto csv = l.kpi("csv");
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out.find("indicator,plans_issued,,2026-01-01..2026-03-31,cases,16,,,,\r\n") !=
        std::string::npos);
  CHECK(csv.out.find("indicator,plans_within_20_weeks_excluding_exceptions,,2026-01-01..2026-03-"
                     "31,%,54.5,6,11,90.0,Red\r\n") != std::string::npos);
  CHECK(csv.out.find("indicator,requests_refused,,2026-01-01..2026-03-31,cases,c,") !=
        std::string::npos);
  CHECK(csv.out.find("breakdown,team.plans,North,2026-01-01..2026-03-31,cases,11,") !=
        std::string::npos);

  const auto html = l.kpi("html");
  REQUIRE(html.exit_code == 0);
  CHECK(html.out.starts_with("<!DOCTYPE html>"));
  CHECK(html.out.find("OFFICIAL-SENSITIVE") != std::string::npos);
  CHECK(html.out.find("<svg") != std::string::npos);
  CHECK(html.out.find("role=\"img\"") != std::string::npos);
  CHECK(html.out.find("<desc id=") != std::string::npos);
  CHECK(html.out.find("<script") == std::string::npos);
  CHECK(html.out.find("http://") == html.out.find("http://www.w3.org/2000/svg"));
  CHECK(html.out.find("54.5%") != std::string::npos);

  const auto table = l.kpi("table");
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find("New plans issued within 20 weeks, excluding exceptions  54.5%") !=
        std::string::npos);
}

TEST_CASE("report kpi refuses a period that is backwards, unfinished or not a date") {
  Loaded l;
  const auto backwards = l.box.ehcp(
      "--config " + kConfig + " report kpi --from 2026-03-01 --to 2026-02-01 --as-of 2026-04-30");
  CHECK(backwards.exit_code == 1);
  CHECK(backwards.err.find("--from 2026-03-01 is after --to 2026-02-01") != std::string::npos);
  const auto future = l.box.ehcp(
      "--config " + kConfig + " report kpi --from 2026-03-01 --to 2026-05-31 --as-of 2026-04-30");
  CHECK(future.exit_code == 1);
  CHECK(future.err.find("--to 2026-05-31 is after 2026-04-30") != std::string::npos);
  const auto bad = l.box.ehcp("--config " + kConfig +
                              " report kpi --from 2026-02-30 --to 2026-03-31 --as-of 2026-04-30");
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("--from must be a date YYYY-MM-DD, not '2026-02-30'") != std::string::npos);
  CHECK(l.box.ehcp("--config " + kConfig + " report kpi --from 2026-01-01 --as-of 2026-04-30")
            .exit_code == 1);
}

TEST_CASE(
    "report kpi names no child and gives no date of birth, in any format, on the demo "
    "caseload") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  // The demo's caseload (ehcp demo generates it the same way), smaller to keep the test quick.
  const std::string demo = box.path("caseload.jsonl").string();
  REQUIRE(box.ehcp("generate --cases 800 --seed 3 --as-of 2026-11-25 --out " + demo).exit_code ==
          0);
  REQUIRE(box.ehcp("--config " + kConfig + " import " + demo + " --as-of 2026-11-25").exit_code ==
          0);
  // Every name and date of birth in the caseload.
  std::set<std::string> personal;
  std::istringstream in(ehcp::test::slurp(demo));
  for (std::string text; std::getline(in, text);) {
    const auto event = nlohmann::json::parse(text);
    if (event.contains("child")) {
      personal.insert(event["child"]["given_name"].get<std::string>());
      personal.insert(event["child"]["family_name"].get<std::string>());
      personal.insert(event["child"]["dob"].get<std::string>());
    }
  }
  REQUIRE(personal.size() > 100);
  for (const char* format : {"html", "json", "csv", "table"}) {
    const auto r = box.ehcp("--config " + kConfig +
                            " report kpi --from 2025-11-01 --to 2026-10-31 --as-of 2026-11-25 "
                            "--format " +
                            std::string(format));
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find(std::string(format) == "csv" ? "plans_within_20_weeks" : "within 20 weeks") !=
          std::string::npos);
    for (const auto& p : personal) {
      INFO(format << " shows " << p);
      CHECK_FALSE(has_word(r.out, p));
    }
  }
}

TEST_CASE("the first night of a month writes the board pack for the month just ended") {
  Loaded l;
  const auto reports = l.box.path("reports");
  const auto outbox = l.box.path("outbox");
  const std::string dirs = " --reports " + reports.string() + " --outbox " + outbox.string();
  const auto first = l.box.ehcp("--config " + kConfig + " nightly --as-of 2026-04-01" + dirs);
  REQUIRE(first.exit_code == 0);
  CHECK(first.out.find("board pack for the month just ended: " +
                       (reports / "board-pack-2026-03.html").string()) != std::string::npos);
  for (const char* ext : {".html", ".csv", ".json"}) {
    CHECK(ehcp::test::fs::exists(reports / (std::string("board-pack-2026-03") + ext)));
  }
  const auto pack = nlohmann::json::parse(ehcp::test::slurp(reports / "board-pack-2026-03.json"));
  CHECK(pack["period"] == "March 2026");
  CHECK(indicator(pack, "plans_issued")["value"] == 10);

  const auto second = l.box.ehcp("--config " + kConfig + " nightly --as-of 2026-04-02" + dirs);
  REQUIRE(second.exit_code == 0);
  CHECK(second.out.find("board pack") == std::string::npos);
  CHECK_FALSE(ehcp::test::fs::exists(reports / "board-pack-2026-04.html"));
}

TEST_CASE("a case with a mediation or a Tribunal leaves both 20-week rates, counted as such") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  // The fixture's 16 plans, and 5 more issued late in March whose families then asked for
  // mediation about the plan (a plan's contents can be appealed), before the period's end.
  std::string events = fixture();
  for (int i = 0; i < 5; ++i) {
    const std::string ref = "M-" + std::to_string(i);
    events += plan_case(ref, "F", "North", "2026-03-02", false);
    events += line(ref, "mediation_requested", "2026-03-20", R"("decision_sent":"2026-03-02")");
  }
  REQUIRE(box.ehcp("--config " + kConfig + " import - --as-of 2026-04-30", events).exit_code == 0);
  const auto r = box.ehcp("--config " + kConfig +
                          " report kpi --from 2026-01-01 --to 2026-03-31 --as-of 2026-04-30 "
                          "--format json");
  REQUIRE(r.exit_code == 0);
  const auto pack = nlohmann::json::parse(r.out);
  CHECK(indicator(pack, "plans_issued")["value"] == 21);
  // Both rates as without the five: 6 of 16 and 6 of 11.
  CHECK(indicator(pack, "plans_within_20_weeks_including_exceptions")["denominator"] == 16);
  CHECK(indicator(pack, "plans_within_20_weeks_excluding_exceptions")["denominator"] == 11);
  CHECK(indicator(pack, "plans_within_20_weeks_excluding_exceptions")["cohort"] ==
        "new plans issued 1 January \u2013 31 March 2026 (21), leaving out 5 with a mediation, "
        "appeal or Tribunal and 5 with an exception");
  CHECK(indicator(pack, "mediations_requested")["value"] == 5);
  // Mean weeks count every new plan, the five too: (6 * 132 + 15 * 152) / 21 / 7.
  CHECK(indicator(pack, "mean_weeks_to_issue")["value"] == 20.9);
}

TEST_CASE("the first review of a plan transferred in counts among the annual reviews") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  // Five plans loaded with plan_in_force, made 3 Feb 2025: annual_review due 2 Feb 2026,
  // decided on 20 Jan 2026, on time. Five plans transferred in on 3 Nov 2025, last reviewed
  // 13 Jan 2025: transfer_in_review due the later of 12 Jan 2026 and 2 Feb 2026 (3 months
  // starting with the transfer), decided on 10 Feb 2026, late.
  std::string events;
  for (int i = 0; i < 5; ++i) {
    const std::string loaded = "L-" + std::to_string(i);
    events += line(loaded, "case_opened", "2025-09-01",
                   R"("child":{"given_name":"Zed","family_name":"Quorbly","dob":"2014-04-02"})");
    events += line(loaded, "plan_in_force", "2025-09-01", R"("made":"2025-02-03")");
    events += line(loaded, "review_decision", "2026-01-20", R"("outcome":"maintain")");
    const std::string moved = "T-" + std::to_string(i);
    events += line(moved, "case_opened", "2025-11-03",
                   R"("child":{"given_name":"Yan","family_name":"Pelloby","dob":"2014-06-30"})");
    events += line(moved, "transferred_in", "2025-11-03",
                   R"("from_la":"Westshire","made":"2023-01-09","last_reviewed":"2025-01-13")");
    events += line(moved, "transfer_notice_sent", "2025-11-20");
    events += line(moved, "review_decision", "2026-02-10", R"("outcome":"maintain")");
  }
  REQUIRE(box.ehcp("import - --as-of 2026-04-30", events).exit_code == 0);
  const auto r = box.ehcp(
      "report kpi --from 2026-01-01 --to 2026-03-31 --as-of 2026-04-30 "
      "--format json");
  REQUIRE(r.exit_code == 0);
  const auto pack = nlohmann::json::parse(r.out);
  const auto& reviews = indicator(pack, "annual_reviews_on_time");
  CHECK(reviews["numerator"] == 5);
  CHECK(reviews["denominator"] == 10);
  CHECK(reviews["value"] == 50.0);
}

TEST_CASE("the first night of a month queues the board pack for notify.board, once a month") {
  Loaded l;
  // The example configuration with the board's address added.
  auto config = nlohmann::json::parse(ehcp::test::slurp(kConfig));
  config["notify"]["board"] = "send.board@exampleshire.example";
  const auto config_path = l.box.path("board-config.json");
  std::ofstream(config_path) << config.dump(2);
  const std::string with = "--config " + config_path.string();
  const auto reports = l.box.path("reports");
  const auto outbox = l.box.path("outbox");
  const std::string dirs = " --reports " + reports.string() + " --outbox " + outbox.string();
  const auto board_rows = [&l, &with] {
    const auto listed = l.box.ehcp(with + " outbox list --format json");
    REQUIRE(listed.exit_code == 0);
    std::vector<nlohmann::json> rows;
    for (const auto& m : nlohmann::json::parse(listed.out)) {
      if (m["address"] == "send.board@exampleshire.example") {
        rows.push_back(m);
      }
    }
    return rows;
  };

  const auto first = l.box.ehcp(with + " nightly --as-of 2026-04-01" + dirs);
  REQUIRE(first.exit_code == 0);
  CHECK(first.out.find("board pack queued for the board: send.board@exampleshire.example") !=
        std::string::npos);
  // The night's breach report comes as csv too, anonymised as its HTML.
  const std::string breaches_csv = ehcp::test::slurp(reports / "breaches-2026-04-01.csv");
  CHECK(breaches_csv.starts_with("list,new,case,clock,"));
  CHECK_FALSE(has_word(breaches_csv, "Zed"));
  auto rows = board_rows();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["subject"] == "[ehcp] SEND board pack for March 2026");
  // The night delivered it as a mail of its own, naming the pack's file and no child.
  CHECK(rows[0]["delivered_at"].is_string());
  bool found = false;
  for (const auto& entry : ehcp::test::fs::directory_iterator(outbox)) {
    const std::string eml = ehcp::test::slurp(entry.path());
    if (eml.find("To: ") != std::string::npos &&
        eml.find("send.board@exampleshire.example") != std::string::npos) {
      found = true;
      CHECK(eml.find("board-pack-2026-03.html") != std::string::npos);
      CHECK(eml.find("Your cases") == std::string::npos);
      for (const char* name : {"Zed", "Quorbly", "2015-04-02"}) {
        CHECK_FALSE(has_word(eml, name));
      }
    }
  }
  CHECK(found);

  // The same night run again, and a later night of the month: still one message.
  REQUIRE(l.box.ehcp(with + " nightly --as-of 2026-04-01" + dirs).exit_code == 0);
  const auto again = l.box.ehcp(with + " nightly --as-of 2026-04-02" + dirs);
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.find("queued for the board") == std::string::npos);
  CHECK(board_rows().size() == 1);
  // The next month's first night queues the next month's.
  REQUIRE(l.box.ehcp(with + " nightly --as-of 2026-05-01" + dirs).exit_code == 0);
  rows = board_rows();
  REQUIRE(rows.size() == 2);
  CHECK(rows[1]["subject"] == "[ehcp] SEND board pack for April 2026");
}

TEST_CASE("the kpi CSV gives each value's unit and every period as FIRST..LAST") {
  Loaded l;
  const auto r = l.kpi("csv");
  REQUIRE(r.exit_code == 0);
  CHECK(
      r.out.starts_with("kind,id,group,period,unit,value,numerator,denominator,target,rating\r\n"));
  CHECK(r.out.find(",2026-01-01..2026-03-31,%,") != std::string::npos);
  CHECK(r.out.find(",2026-02-01..2026-02-28,") != std::string::npos);
  CHECK(r.out.find("indicator,plans_issued,,2026-01-01..2026-03-31,cases,") != std::string::npos);
  CHECK(r.out.find(",weeks,") != std::string::npos);
  // No month is written the old way (2026-02 alone).
  CHECK(r.out.find(",2026-02,") == std::string::npos);
}
