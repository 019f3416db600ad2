// tests for `ehcp rederive` and the derivation fingerprint through the real binary (issue 14):
// an LA adds an office closure on 31 Mar-1 Apr 2026; the mediation certificate due Thu 2 Apr
// (3 working days after a decline on Mon 30 Mar: Tue 31, Wed 1, Thu 2) moves to Wed 8 Apr
// (Thu 2 (1); Good Friday 3 Apr and Easter Monday 6 Apr are bank holidays; Tue 7 (2), Wed 8
// (3)). Until the database is re-derived, every command that reads its clocks refuses, naming
// the closure; after it, `case show`, the queue and the breach report agree on 8 Apr.
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/sandbox.h"

using ehcp::test::Sandbox;

namespace {

const std::string kEvents =
    R"({"case":"R-1","type":"case_opened","on":"2026-01-05","child":{"given_name":"Rae","family_name":"Example","dob":"2016-02-02"},"caseworker":"Ann Early","team":"North"})"
    "\n"
    R"({"case":"R-1","type":"assessment_requested","on":"2026-01-05","source":"parent"})"
    "\n"
    R"({"case":"R-1","type":"assessment_decision","on":"2026-02-13","outcome":"refuse"})"
    "\n"
    R"({"case":"R-1","type":"mediation_declined","on":"2026-03-30"})"
    "\n";

const std::string kClosure =
    R"({"calendar": {"closures": [{"kind": "office_closure", "from": "2026-03-31", "to": "2026-04-01", "name": "Stocktake"}]}})";

std::string due_of(const std::string& case_json, const std::string& clock) {
  const auto shown = nlohmann::json::parse(case_json);
  for (const auto& c : shown["clocks"]) {
    if (c["clock"] == clock) {
      return c["due"].get<std::string>() + " " + c["status"].get<std::string>();
    }
  }
  return "(none)";
}

}  // namespace

TEST_CASE("a calendar change is refused until rederive moves the deadline, and says why") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  REQUIRE(box.ehcp("import - --as-of 2026-03-31", kEvents).exit_code == 0);
  { std::ofstream(box.path("la.json")) << kClosure; }
  const std::string with_closure = "--config " + box.path("la.json").string() + " ";

  // Stale rows: refused, naming the change and the command, exit 2.
  const auto queue = box.ehcp(with_closure + "queue --as-of 2026-04-03");
  CHECK(queue.exit_code == 2);
  CHECK(queue.err.find("office closure 'Stocktake' 31 Mar\u20131 Apr 2026 added") !=
        std::string::npos);
  CHECK(queue.err.find("ehcp rederive") != std::string::npos);
  CHECK(box.ehcp(with_closure + "case show R-1 --as-of 2026-04-03").exit_code == 2);
  CHECK(box.ehcp(with_closure + "report breaches --as-of 2026-04-03").exit_code == 2);
  CHECK(box.ehcp(with_closure + "import - --as-of 2026-04-03", "").exit_code == 2);

  // A dry run lists the move and writes nothing.
  const auto dry = box.ehcp(with_closure + "rederive --dry-run --format json");
  REQUIRE(dry.exit_code == 0);
  const auto moved = nlohmann::json::parse(dry.out)["moved"];
  REQUIRE(moved.size() == 1);
  CHECK(moved[0]["clock"] == "mediation_certificate");
  CHECK(moved[0]["was_due"] == "2026-04-02");
  CHECK(moved[0]["now_due"] == "2026-04-08");
  CHECK(moved[0]["why"] == "office closure 'Stocktake' 31 Mar\u20131 Apr 2026 added");
  CHECK(box.ehcp(with_closure + "queue --as-of 2026-04-03").exit_code == 2);

  const auto done = box.ehcp(with_closure + "rederive");
  REQUIRE(done.exit_code == 0);
  CHECK(done.out.find("re-derived 1 case(s): 1 clock(s) moved in 1 case(s)") != std::string::npos);
  CHECK(done.out.find("2026-04-02") != std::string::npos);

  // Now everything agrees on 8 Apr; on 3 Apr the certificate is not overdue.
  const auto shown = box.ehcp(with_closure + "case show R-1 --as-of 2026-04-03 --format json");
  REQUIRE(shown.exit_code == 0);
  CHECK(due_of(shown.out, "mediation_certificate") == "2026-04-08 open");
  const auto report = box.ehcp(with_closure + "report breaches --as-of 2026-04-03 --format json");
  REQUIRE(report.exit_code == 0);
  const auto breaches = nlohmann::json::parse(report.out);
  CHECK(breaches["overdue"].empty());
  REQUIRE(breaches["due_soon"].size() == 1);
  CHECK(breaches["due_soon"][0]["due"] == "2026-04-08");
  const auto q = box.ehcp(with_closure + "queue --as-of 2026-04-03 --format json");
  REQUIRE(q.exit_code == 0);
  CHECK(q.out.find("\"2026-04-08\"") != std::string::npos);
  CHECK(q.out.find("\"2026-04-02\"") == std::string::npos);

  // Without the configuration the rows are stale again: the closure removed.
  const auto back = box.ehcp("queue --as-of 2026-04-03");
  CHECK(back.exit_code == 2);
  CHECK(back.err.find("31 Mar\u20131 Apr 2026 removed") != std::string::npos);
  // A second rederive with the same configuration moves nothing.
  const auto again = box.ehcp(with_closure + "rederive");
  CHECK(again.out.find("0 clock(s) moved in 0 case(s)") != std::string::npos);
}

TEST_CASE("rederive names an override's clock as the reason its deadlines moved") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  REQUIRE(box.ehcp("import - --as-of 2026-03-31", kEvents).exit_code == 0);
  {
    std::ofstream(box.path("la.json"))
        << R"({"rules": {"overrides": [{"clock": "decision_to_assess", "counting": "weeks_after", "amount": 5}]}})";
  }
  const auto r = box.ehcp("--config " + box.path("la.json").string() + " rederive --format json");
  REQUIRE(r.exit_code == 0);
  const auto moved = nlohmann::json::parse(r.out)["moved"];
  REQUIRE(moved.size() == 1);
  // 6 weeks from 5 Jan is 16 Feb; 5 weeks is 9 Feb.
  CHECK(moved[0]["clock"] == "decision_to_assess");
  CHECK(moved[0]["was_due"] == "2026-02-16");
  CHECK(moved[0]["now_due"] == "2026-02-09");
  CHECK(moved[0]["why"].get<std::string>().find("override of decision_to_assess") == 0);
}

TEST_CASE("the nightly run re-derives after a calendar change and lists the moved deadlines") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  REQUIRE(box.ehcp("import - --as-of 2026-03-31", kEvents).exit_code == 0);
  { std::ofstream(box.path("la.json")) << kClosure; }
  const std::string with_closure = "--config " + box.path("la.json").string() + " ";
  const auto night = box.ehcp(with_closure + "nightly --as-of 2026-04-03 --reports " +
                              box.path("reports").string() + " --outbox " +
                              box.path("outbox").string() + " --format json");
  REQUIRE(night.exit_code == 0);
  const auto o = nlohmann::json::parse(night.out);
  CHECK(o["moved_deadlines"] == 1);
  CHECK(o["overdue"] == 0);  // the certificate is due 8 Apr now, not 2 Apr
  const auto moved =
      nlohmann::json::parse(ehcp::test::slurp(o["rederived"].get<std::string>()))["moved"];
  REQUIRE(moved.size() == 1);
  CHECK(moved[0]["now_due"] == "2026-04-08");
  // The board's report itself says what changed and lists the deadline it moved.
  const std::string html = ehcp::test::slurp(o["report"].get<std::string>());
  const auto section = html.find("Deadlines moved by a change of configuration");
  REQUIRE(section != std::string::npos);
  CHECK(html.find("Stocktake", section) != std::string::npos);
  CHECK(html.find("mediation_certificate", section) != std::string::npos);
  CHECK(html.find("2026-04-08", section) != std::string::npos);
  CHECK(section < html.find("<h2>Summary"));  // before the counts, which use the new dates
  // The database is current: the queue with the same configuration runs.
  CHECK(box.ehcp(with_closure + "queue --as-of 2026-04-03").exit_code == 0);
}
