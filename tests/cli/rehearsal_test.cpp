// A command that sends (`tick`, `nightly`) refuses an --as-of after today in London, which would
// send escalations not yet due (and leave the real night skipped), unless --rehearse: then it
// runs on a scratch copy of the database, delivers nothing and leaves the database as it was.
#include <filesystem>

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/time_source.h"
#include "tests/cli/sandbox.h"

namespace fs = std::filesystem;
using ehcp::test::Sandbox;

namespace {

// Rows the sending commands write: none may appear after a refusal or a rehearsal.
int sent_rows(const Sandbox& box) {
  SQLite::Database db(box.db(), SQLite::OPEN_READONLY);
  return db
      .execAndGet(
          "SELECT (SELECT count(*) FROM escalations) + (SELECT count(*) FROM "
          "outbox) + (SELECT count(*) FROM nightly_runs) + (SELECT count(*) FROM "
          "breach_ledger)")
      .getInt();
}

}  // namespace

TEST_CASE(
    "tick and nightly refuse a date after today unless rehearsed, and a rehearsal sends nothing") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  REQUIRE(box.ehcp("import " + std::string(EHCP_FIXTURES) +
                   "/every_event_type.jsonl --as-of 2026-11-25")
              .exit_code == 0);
  // A year and a bit on, every clock still open has climbed its ladder.
  const std::string later = ehcp::engine::format_date(ehcp::cli::london_today() + date::days{400});
  const std::string outbox = " --outbox " + box.path("outbox").string();

  for (const std::string& command :
       std::vector<std::string>{"tick --as-of " + later, "nightly --as-of " + later + outbox}) {
    INFO(command);
    auto refused = box.ehcp(command);
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("--as-of " + later + " is after today") != std::string::npos);
    CHECK(refused.err.find("--rehearse") != std::string::npos);
  }
  CHECK(sent_rows(box) == 0);

  auto tick = box.ehcp("tick --rehearse --as-of " + later + " --format json");
  REQUIRE(tick.exit_code == 0);
  const auto ticked = nlohmann::json::parse(tick.out);
  CHECK(ticked["fired"].get<int>() + ticked["skipped"].get<int>() > 0);
  CHECK(tick.err.find("rehearsal: ") == 0);

  auto night = box.ehcp("nightly --rehearse --as-of " + later + " --reports " +
                        box.path("reports").string() + outbox);
  REQUIRE(night.exit_code == 0);
  CHECK(night.out.find("outbox: 0 message(s) delivered") != std::string::npos);
  CHECK(fs::exists(box.path("reports") / ("breaches-" + later + ".html")));  // kept, as asked
  CHECK_FALSE(fs::exists(box.path("outbox")));
  CHECK(sent_rows(box) == 0);
}
