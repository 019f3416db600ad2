// tests for adapters/render/breach_render.h: the nightly breach report as text, CSV, JSON, HTML.
//
// The golden files under tests/fixtures/golden/breaches* are the spec of each format: the
// renderers' output must equal them byte for byte. After an intended change, rewrite them with
//   EHCP_UPDATE_GOLDEN=1 build/tests/adapter_tests "[breach_render]"
// then read the diff (and open the HTML in a browser) before committing them.
#include "adapters/render/breach_render.h"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/adapters/golden.h"

using namespace ehcp;
using adapters::render::BreachRenderOptions;
using ehcp::test::check_golden;
using engine::BreachCandidate;
using engine::make_date;

namespace {

// Tue 26 May 2026; Mon 25 May 2026 is the spring bank holiday.
const engine::Date kAsOf = make_date(2026, 5, 26);

BreachCandidate candidate(std::string case_ref, std::string clock, engine::Date start,
                          engine::Date due, std::string caseworker, std::string team,
                          std::string child) {
  BreachCandidate c;
  c.case_ref = std::move(case_ref);
  c.clock.name = std::move(clock);
  c.clock.workflow = "assessment";
  c.clock.start = start;
  c.clock.due = due;
  c.caseworker = std::move(caseworker);
  c.team = std::move(team);
  c.child = std::move(child);
  return c;
}

// Synthetic cases, one of each kind the report tells apart.
std::vector<BreachCandidate> candidates() {
  std::vector<BreachCandidate> cs;
  // First overdue today (due yesterday): new.
  cs.push_back(candidate("A-0001", "final_plan", make_date(2026, 1, 5), make_date(2026, 5, 25),
                         "Sam Worker", "North", "Ada Example"));
  // Long overdue and shown by an earlier report: overdue, not new. The caseworker has a comma.
  cs.push_back(candidate("A-0002", "decision_to_assess", make_date(2026, 3, 9),
                         make_date(2026, 4, 20), "Smith, Jo", "South", "Ben Example"));
  cs.back().reported_before = true;
  // Open, due in 6 working days; no caseworker and no team.
  cs.push_back(candidate("A-0003", "advice:ep", make_date(2026, 4, 22), make_date(2026, 6, 3), "",
                         "", "Cy Example"));
  // Overdue, and from today an exception applies: excepted (overdue the night before).
  cs.push_back(candidate("A-0004", "advice:health", make_date(2026, 3, 24), make_date(2026, 5, 5),
                         "Sam Worker", "North", "Dee Example"));
  cs.back().clock.exception_on = kAsOf;
  cs.back().clock.exception_basis = "reg 8(2)(a): personal circumstances";
  // Overdue since 20 May but never shown (a backdated event): new. Hostile text everywhere.
  cs.push_back(candidate("A-0005", "decision_to_assess", make_date(2026, 4, 8),
                         make_date(2026, 5, 20), "Pat O'Neil", "West <&> \"Co\"",
                         "Eve <b>O'Brien & Co</b>"));
  // Overdue yesterday, met today: counted the night before only.
  cs.push_back(candidate("A-0006", "advice:social_care", make_date(2026, 4, 1),
                         make_date(2026, 5, 13), "Sam Worker", "South", "Fay Example"));
  cs.back().clock.met_on = kAsOf;
  // Due in 10 working days: due soon today, not yet the night before.
  cs.push_back(candidate("A-0009", "advice:education", make_date(2026, 4, 28),
                         make_date(2026, 6, 9), "Smith, Jo", "South", "Ida Example"));
  // Guidance is never a breach; a clock due far ahead is not due soon.
  cs.push_back(candidate("A-0007", "draft_plan", make_date(2026, 1, 5), make_date(2026, 4, 13),
                         "Sam Worker", "North", "Gus Example"));
  cs.back().clock.statutory = false;
  cs.push_back(candidate("A-0008", "final_plan", make_date(2026, 5, 1), make_date(2026, 9, 18),
                         "Sam Worker", "North", "Hal Example"));
  return cs;
}

engine::BreachReport sample_report() {
  const auto cs = candidates();
  return engine::compose_breach_report(cs, kAsOf, engine::Calendar{}, true);
}

engine::BreachReport empty_report() {
  return engine::compose_breach_report({}, kAsOf, engine::Calendar{}, false);
}

const BreachRenderOptions kOptions{"Exampleshire County Council", false, nullptr, ""};
const BreachRenderOptions kNamed{"Exampleshire County Council", true, nullptr, ""};

// Compares `actual` with the golden file `name`, or rewrites it under EHCP_UPDATE_GOLDEN=1.
std::vector<std::string> keys_of(const nlohmann::ordered_json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.items()) {
    keys.push_back(key);
  }
  return keys;
}

}  // namespace

TEST_CASE("each format of the breach report matches its golden file", "[breach_render]") {
  const auto report = sample_report();
  check_golden("breaches.txt", adapters::render::breaches_to_text(report, kOptions));
  check_golden("breaches.csv", adapters::render::breaches_to_csv(report, kOptions));
  check_golden("breaches.json", adapters::render::breaches_to_json(report).dump(2) + "\n");
  check_golden("breaches.html", adapters::render::breaches_to_html(report, kOptions));
  check_golden("breaches_names.html", adapters::render::breaches_to_html(report, kNamed));
}

TEST_CASE("the sample report has one clock in each place the renderers show", "[breach_render]") {
  const auto report = sample_report();
  REQUIRE(report.new_breaches.size() == 2);
  CHECK(report.overdue.size() == 3);
  REQUIRE(report.due_soon.size() == 2);
  CHECK(report.due_soon[0].working_days_left == 6);
  CHECK(report.due_soon[1].working_days_left == 10);
  CHECK(report.excepted.size() == 1);
  CHECK(report.previous_total.overdue == 4);
  CHECK(report.previous_total.due_soon == 1);
  CHECK(report.previous_total.excepted == 0);
}

TEST_CASE("breach JSON has exactly the contract's keys, in its order, with nulls for missing",
          "[breach_render]") {
  const auto json = adapters::render::breaches_to_json(sample_report());
  CHECK(keys_of(json) ==
        std::vector<std::string>{"as_of", "new", "overdue", "due_soon", "excepted"});
  CHECK(json["as_of"] == "2026-05-26");
  const std::vector<std::string> entry_keys = {"case",       "clock", "due",      "days_overdue",
                                               "caseworker", "team",  "exception"};
  for (const char* list : {"new", "overdue", "due_soon", "excepted"}) {
    for (const auto& entry : json[list]) {
      CHECK(keys_of(entry) == entry_keys);
    }
  }
  REQUIRE(json["due_soon"].size() == 2);
  const auto& soon = json["due_soon"][0];
  CHECK(soon["case"] == "A-0003");
  CHECK(soon["caseworker"].is_null());
  CHECK(soon["team"].is_null());
  CHECK(soon["days_overdue"] == 0);
  CHECK(json["excepted"][0]["exception"] == true);
  CHECK(json["new"][0]["due"] == "2026-05-20");  // most days overdue first
  CHECK(json["new"][0]["days_overdue"] == 6);
  CHECK(json.dump().find("Example") == std::string::npos);  // JSON never names a child
}

TEST_CASE("anonymised breach HTML names no child; HTML with names escapes them",
          "[breach_render]") {
  const auto report = sample_report();
  const std::string anonymised = adapters::render::breaches_to_html(report, kOptions);
  const std::string named = adapters::render::breaches_to_html(report, kNamed);
  for (const auto& c : candidates()) {
    const std::string given = c.child.substr(0, c.child.find(' '));
    CHECK(anonymised.find(given) == std::string::npos);
  }
  CHECK(anonymised.find("O&#39;Brien") == std::string::npos);
  CHECK(anonymised.find("West &lt;&amp;&gt; &quot;Co&quot;") != std::string::npos);
  CHECK(named.find("Eve &lt;b&gt;O&#39;Brien &amp; Co&lt;/b&gt;") != std::string::npos);
  CHECK(named.find("<b>") == std::string::npos);
  CHECK(named.find("Ada Example") != std::string::npos);
  for (const auto* html : {&anonymised, &named}) {
    CHECK(html->starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(html->find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(html->find("OFFICIAL-SENSITIVE") < html->find("<h1>"));
    CHECK(html->find("<script") == std::string::npos);
    CHECK(html->find("http://") == std::string::npos);
    CHECK(html->find("https://") == std::string::npos);
    CHECK(html->find("src=") == std::string::npos);
    CHECK(html->find("<link") == std::string::npos);
    CHECK(html->find("@import") == std::string::npos);
  }
}

TEST_CASE("every HTML table of the breach report has a caption and scoped column headers",
          "[breach_render]") {
  const std::string html = adapters::render::breaches_to_html(sample_report(), kNamed);
  std::size_t tables = 0;
  for (auto at = html.find("<table>"); at != std::string::npos; at = html.find("<table>", at + 1)) {
    ++tables;
    CHECK(html.compare(at, 17, "<table>\n<caption>") == 0);
  }
  CHECK(tables == 7);  // by clock family, by clock, by team, four lists
  CHECK(html.find("<th>") == std::string::npos);
  CHECK(html.find("<h3") == std::string::npos);
}

TEST_CASE("breach CSV quotes a field with a comma and shows a new breach as one overdue row",
          "[breach_render]") {
  const std::string csv = adapters::render::breaches_to_csv(sample_report(), kOptions);
  CHECK(
      csv.starts_with("list,new,case,clock,workflow,start,due,days_overdue,"
                      "working_days_left,caseworker,team,exception\r\n"));
  CHECK(csv.find(",\"Smith, Jo\",South,") != std::string::npos);
  CHECK(csv.find("overdue,yes,A-0001,final_plan,") != std::string::npos);
  CHECK(csv.find("\r\nnew,") == std::string::npos);
  CHECK(csv.find("Example") == std::string::npos);
  const std::string named = adapters::render::breaches_to_csv(sample_report(), kNamed);
  CHECK(named.starts_with("list,new,case,child,clock,"));
  CHECK(named.find(",\"Eve <b>O'Brien & Co</b>\",") == std::string::npos);  // no comma: bare
  CHECK(named.find(",Eve <b>O'Brien & Co</b>,") != std::string::npos);
}

TEST_CASE("an empty breach report renders in every format", "[breach_render]") {
  const auto report = empty_report();
  const auto json = adapters::render::breaches_to_json(report);
  CHECK(json.dump() ==
        R"({"as_of":"2026-05-26","new":[],"overdue":[],"due_soon":[],"excepted":[]})");
  const std::string text = adapters::render::breaches_to_text(report, {});
  CHECK(text.starts_with("Deadline breach report as of 2026-05-26\n"));
  CHECK(text.find("No new breaches.") != std::string::npos);
  CHECK(text.find("No statutory clock is overdue.") != std::string::npos);
  CHECK(adapters::render::breaches_to_csv(report, {}) ==
        "list,new,case,clock,workflow,start,due,days_overdue,working_days_left,caseworker,team,"
        "exception\r\n");
  const std::string html = adapters::render::breaches_to_html(report, {});
  CHECK(html.find("<table>") == std::string::npos);
  CHECK(html.find("No statutory clock is overdue.") != std::string::npos);
  CHECK(html.ends_with("</html>\n"));
}

TEST_CASE("the breach report's heading names the council only when given, escaped in HTML",
          "[breach_render]") {
  const auto report = empty_report();
  const BreachRenderOptions ampersand{"Bath & North East Somerset", false, nullptr, ""};
  CHECK(adapters::render::breaches_to_text(report, ampersand)
            .starts_with("Deadline breach report as of 2026-05-26 for Bath & North East "
                         "Somerset\n"));
  const std::string html = adapters::render::breaches_to_html(report, ampersand);
  CHECK(html.find("<h1>Deadline breach report: Bath &amp; North East Somerset</h1>") !=
        std::string::npos);
  CHECK(adapters::render::breaches_to_html(report, {}).find("<h1>Deadline breach report</h1>") !=
        std::string::npos);
}

TEST_CASE("the breach report's HTML footer names the ehcp version that made it",
          "[breach_render]") {
  const BreachRenderOptions versioned{"Exampleshire County Council", false, nullptr,
                                      "0.1.0 (abc1234)"};
  const std::string html = adapters::render::breaches_to_html(empty_report(), versioned);
  CHECK(
      html.ends_with("<footer><p>Made by ehcp 0.1.0 (abc1234)</p>\n"
                     "<p class=\"marking\">OFFICIAL-SENSITIVE</p></footer>\n</body>\n</html>\n"));
}

TEST_CASE("after a change of configuration the report says what changed and lists what moved",
          "[breach_render]") {
  const auto report = sample_report();
  adapters::derivation::Rederived r;
  r.cases = 12;
  r.cases_changed = 1;
  r.changes.push_back({"office closure 'Stocktake' 31 Mar\u20131 Apr 2026 added",
                       engine::make_date(2026, 3, 31), engine::make_date(2026, 4, 1), ""});
  adapters::derivation::MovedClock m;
  m.case_ref = "EHC-<7>";
  m.clock = "mediation_certificate";
  m.workflow = "disagreement";
  m.start = engine::make_date(2026, 3, 26);
  m.was_due = engine::make_date(2026, 4, 2);
  m.now_due = engine::make_date(2026, 4, 8);
  m.why = r.changes[0].text;
  r.moved.push_back(m);
  BreachRenderOptions options = kOptions;
  options.rederived = &r;

  const std::string text = adapters::render::breaches_to_text(report, options);
  const auto moved = text.find(
      "Deadlines moved by a change of configuration (office closure 'Stocktake' 31 Mar\u20131 Apr "
      "2026 added): 1 in 1 case(s)");
  REQUIRE(moved != std::string::npos);
  CHECK(text.find("2026-04-08", moved) != std::string::npos);
  CHECK(moved < text.find("Overdue"));

  const std::string html = adapters::render::breaches_to_html(report, options);
  const auto section = html.find("<h2>Deadlines moved by a change of configuration</h2>");
  REQUIRE(section != std::string::npos);
  CHECK(html.find("EHC-&lt;7&gt;", section) != std::string::npos);  // escaped like any cell
  CHECK(html.find("2026-04-02", section) != std::string::npos);
  CHECK(section < html.find("<h2>Summary"));
  // Without a re-derivation neither says a word of it; the JSON keeps the contract's shape.
  CHECK(adapters::render::breaches_to_html(report, kOptions).find("Deadlines moved") ==
        std::string::npos);
}

namespace {

// A long night: 45 overdue clocks in three teams and three clocks (12 new), 24 due soon, and
// 30 nights of trend. Names are there to be left out.
engine::BreachReport long_report() {
  std::vector<BreachCandidate> cs;
  const char* teams[] = {"North", "South", "West"};
  const char* clocks[] = {"decision_to_assess", "final_plan", "advice:ep"};
  for (int i = 0; i < 45; ++i) {
    const engine::Date due = kAsOf - date::days{1 + (i * 7) % 60};
    auto c = candidate("L-" + std::to_string(1000 + i), clocks[i % 3], due - date::days{42}, due,
                       "Worker " + std::to_string(i % 5), teams[i % 3],
                       "Child" + std::to_string(i) + " Longlist");
    c.reported_before = i % 4 != 0;
    cs.push_back(std::move(c));
  }
  for (int i = 0; i < 24; ++i) {
    const engine::Date due = kAsOf + date::days{1 + i % 12};
    cs.push_back(candidate("S-" + std::to_string(2000 + i), clocks[i % 3], due - date::days{42},
                           due, "Worker 1", teams[i % 2],
                           "Soon" + std::to_string(i) + " Longlist"));
  }
  auto report = engine::compose_breach_report(cs, kAsOf, engine::Calendar{}, true);
  for (int n = 29; n >= 0; --n) {
    if (n == 12 || n == 13) {
      continue;  // two nights the nightly run did not record
    }
    report.trend.push_back({kAsOf - date::days{n}, 30 + (29 - n) / 2 + (n % 3)});
  }
  report.trend.back().overdue = report.total.overdue;
  report.met_late = 7;
  return report;
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("a long breach report's HTML gives the summary, trend and oldest, then counts",
          "[breach_render]") {
  const auto report = long_report();
  REQUIRE(report.overdue.size() == 45);
  const std::string html = adapters::render::breaches_to_html(report, kOptions);
  check_golden("breaches_long.html", html);
  // The order a board reads it in.
  const auto summary = html.find("<h2>Summary</h2>");
  const auto trend = html.find("<h2>Overdue over the last 30 nights</h2>");
  const auto oldest = html.find("<h2>Oldest breaches</h2>");
  const auto grouped = html.find("<h3>Overdue by team and clock</h3>");
  REQUIRE(summary != std::string::npos);
  REQUIRE(trend != std::string::npos);
  REQUIRE(oldest != std::string::npos);
  REQUIRE(grouped != std::string::npos);
  CHECK(summary < trend);
  CHECK(trend < oldest);
  CHECK(oldest < grouped);
  // The oldest 20 by case, not all 45: the first is the most overdue, the 21st is left out.
  CHECK(html.find(">" + report.overdue[0].case_ref + "<") != std::string::npos);
  CHECK(html.find("the first 20 of 45") != std::string::npos);
  std::size_t listed = 0;
  for (const auto& e : report.overdue) {
    listed += html.find(">" + e.case_ref + "<") != std::string::npos ? 1 : 0;
  }
  CHECK(listed <= 20 + report.new_breaches.size());  // the new list repeats some, up to 20
  CHECK(html.find("breaches-2026-05-26.csv") != std::string::npos);
  // The trend: one point per recorded night, named in words; a round axis.
  CHECK(count_of(html, "<circle ") == report.trend.size());
  CHECK(html.find("28 nights recorded") != std::string::npos);
  CHECK(html.find("role=\"img\"") != std::string::npos);
  // Overdue by clock family, and the clocks met late.
  CHECK(html.find("Overdue by clock family tonight") != std::string::npos);
  CHECK(html.find("7 statutory clock(s) met late") != std::string::npos);
  CHECK(html.find("Longlist") == std::string::npos);
  // The CSV keeps every row.
  const std::string csv = adapters::render::breaches_to_csv(report, kOptions);
  CHECK(count_of(csv, "\r\noverdue,") == 45);
  CHECK(csv.find("Longlist") == std::string::npos);
}

TEST_CASE("a breach report with only tonight known says there is no trend yet", "[breach_render]") {
  auto report = sample_report();
  report.trend = {{kAsOf, report.total.overdue}};
  const std::string html = adapters::render::breaches_to_html(report, kOptions);
  CHECK(html.find("there is no trend yet") != std::string::npos);
  CHECK(html.find("<svg") == std::string::npos);
  // A short list is shown whole, with no counts by team and clock.
  CHECK(html.find("by team and clock") == std::string::npos);
}
