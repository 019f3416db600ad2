// Integration tests of `ehcp generate` through the real binary: a generated caseload piped
// into `ehcp import`, moves, re-assessments and detentions in it, the same bytes for the same
// seed, and usage errors naming the flag.
#include <algorithm>
#include <cstdlib>

#include <catch2/catch.hpp>

#include "tests/cli/sandbox.h"

using ehcp::test::Sandbox;
using ehcp::test::slurp;

namespace {

std::size_t lines_of(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// How many events of `type` the JSON Lines hold.
std::size_t events_of(const std::string& text, const std::string& type) {
  const std::string needle = "\"type\":\"" + type + "\"";
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

// One caseload, generated once (each generate and import of 2,000 cases is most of the cost).
TEST_CASE(
    "a generated caseload piped into import is taken whole: it moves plans between LAs, "
    "re-assesses and detains, and case list and the breach report show it") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  const std::string ehcp = std::string(EHCP_BINARY) + " --db " + box.db();
  const std::string file = box.path("caseload.jsonl").string();
  const std::string pipeline = ehcp + " generate --cases 2000 --seed 7 --as-of 2026-11-25 2>" +
                               box.path("generate.err").string() + " | tee " + file + " | " + ehcp +
                               " import - --as-of 2026-11-25 >" + box.path("import.out").string() +
                               " 2>&1";
  REQUIRE(std::system(pipeline.c_str()) == 0);
  CHECK(slurp(box.path("generate.err")).find("for 2000 case(s) as of 2026-11-25") !=
        std::string::npos);
  const std::string imported = slurp(box.path("import.out"));
  CHECK(imported.starts_with("imported "));
  CHECK(imported.find("event(s) for 2000 case(s)") != std::string::npos);
  auto list = box.ehcp("case list --format csv --as-of 2026-11-25");
  REQUIRE(list.exit_code == 0);
  CHECK(lines_of(list.out) == 2001);  // the header and every case
  CHECK(list.out.find("EHC-0002000,") != std::string::npos);

  const std::string text = slurp(file);
  // About 1.5% of some 3,600 plan-years move away, 6% of 900 later cases arrive with a plan, 2%
  // of plan-years are re-assessed, and a few young people are detained (seed 7 gives 56, 63, 72
  // and 4; the adapter tests check the proportions on larger caseloads).
  CHECK(events_of(text, "moved_out") > 30);
  CHECK(events_of(text, "moved_out") < 100);
  CHECK(events_of(text, "plan_transferred") > 25);
  CHECK(events_of(text, "transferred_in") > 30);
  CHECK(events_of(text, "transferred_in") < 90);
  CHECK(events_of(text, "transfer_notice_sent") > 25);
  CHECK(events_of(text, "reassessment_requested") > 35);
  CHECK(events_of(text, "reassessment_requested") < 120);
  CHECK(events_of(text, "reassessment_decision") > events_of(text, "reassessment_requested"));
  CHECK(events_of(text, "custody_notified") > 0);
  CHECK(events_of(text, "custody_notified") < 20);
  CHECK(events_of(text, "custody_plan_shared") > 0);
  CHECK(text.find("\"aware_on\":") != std::string::npos);
  CHECK(text.find("\"from_la\":") != std::string::npos);
  // Their clocks are reported like any other: a plan to send on, a notice to give, a review.
  auto report = box.ehcp("report breaches --format json --as-of 2026-11-25");
  REQUIRE(report.exit_code == 0);
  const auto reported = [&](const char* clock) {
    return report.out.find(std::string("\"") + clock) != std::string::npos;
  };
  CHECK((reported("transfer_out") || reported("transfer_in_") || reported("reassessment_") ||
         reported("custody_share_plan")));
}

TEST_CASE("generate writes the same bytes for the same seed, to standard output or --out") {
  Sandbox box;
  auto first = box.ehcp("generate --cases 150 --seed 3 --as-of 2025-06-30");
  REQUIRE(first.exit_code == 0);
  CHECK(lines_of(first.out) > 150 * 10);
  CHECK(first.out.find("\"on\":\"2025-07-01\"") == std::string::npos);
  CHECK(first.err.starts_with("generated "));
  CHECK(box.ehcp("generate --cases 150 --seed 3 --as-of 2025-06-30").out == first.out);
  CHECK(box.ehcp("generate --cases 150 --seed 4 --as-of 2025-06-30").out != first.out);
  auto to_file = box.ehcp("generate --cases 150 --seed 3 --as-of 2025-06-30 --out " +
                          box.path("caseload.jsonl").string());
  REQUIRE(to_file.exit_code == 0);
  CHECK(to_file.out.empty());
  CHECK(slurp(box.path("caseload.jsonl")) == first.out);
}

TEST_CASE("generate without --as-of writes nothing after today, so import takes it") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  auto generated = box.ehcp("generate --cases 40");
  REQUIRE(generated.exit_code == 0);
  auto imported = box.ehcp("import -", generated.out);
  CHECK(imported.exit_code == 0);
  CHECK(imported.out.find("for 40 case(s)") != std::string::npos);
}

TEST_CASE("generate's bad arguments are usage errors naming the flag") {
  Sandbox box;
  const auto err = [&](const std::string& args) {
    auto r = box.ehcp("generate " + args);
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    return r.err;
  };
  CHECK(err("--cases 0") == "ehcp: --cases: '0' is not a whole number from 1 to 10000000\n");
  CHECK(err("--cases 5e3").starts_with("ehcp: --cases: '5e3' is not a whole number"));
  CHECK(err("--cases 20000000").starts_with("ehcp: --cases: '20000000'"));
  CHECK(err("--cases 10 --seed x").starts_with("ehcp: --seed: 'x' is not a whole number"));
  CHECK(err("--cases 10 --as-of 2016-05-01").starts_with("ehcp: --as-of: 2016-05-01 is outside"));
  CHECK(err("--cases 10 --as-of 2026-02-30") ==
        "ehcp: --as-of: '2026-02-30' is not a real date YYYY-MM-DD\n");
  CHECK(err("--cases 10 --out " + box.path("no/such/dir/x.jsonl").string())
            .starts_with("ehcp: --out: cannot write "));
  CHECK(err("").find("--cases") != std::string::npos);
}
