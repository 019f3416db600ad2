// GET /calendar/<token>.ics (web/pages/calendar_feed.cpp): the token is the credential, so the
// feed answers without a sign-in, lists the token's caseworker's deadlines with the next action
// and never a child's name, and is audited as that user under a path without the token. A
// revoked, replaced, unknown or ill-formed token, or a disabled user's, answers 404.
#include <algorithm>

#include "adapters/sqlite/calendar_token_store.h"
#include "tests/web/web_fixture.h"

using ehcp::test::WebFixture;
using namespace ehcp;

namespace {

// Gives `name` a new feed token, as `ehcp user calendar-token` does; returns the token.
std::string issue_token(WebFixture& web, const std::string& name) {
  auto db =
      adapters::sqlite::Database::open(web.db_path(), adapters::sqlite::Database::Mode::kExisting);
  REQUIRE(db.ok());
  const auto token = web::random_token();
  adapters::sqlite::CalendarTokenStore(db.value()->sql())
      .issue(name, web::token_hash(token), "2026-02-10T08:00:00Z");
  return token;
}

void revoke_token(WebFixture& web, const std::string& name) {
  auto db =
      adapters::sqlite::Database::open(web.db_path(), adapters::sqlite::Database::Mode::kExisting);
  REQUIRE(db.ok());
  REQUIRE(adapters::sqlite::CalendarTokenStore(db.value()->sql()).revoke(name));
}

}  // namespace

TEST_CASE("a calendar token opens its caseworker's feed without signing in", "[web][calendar]") {
  WebFixture web;
  const auto token = issue_token(web, "Sam Okafor");
  const auto r = web.get("/calendar/" + token + ".ics");
  REQUIRE(r.status == 200);
  CHECK(r.content_type == "text/calendar; charset=utf-8");
  CHECK(r.body.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  CHECK(r.body.ends_with("END:VCALENDAR\r\n"));
  // N-1's decision whether to assess, due 16 Feb 2026, with the next action; S-1 is Priya's.
  CHECK(r.body.find("DTSTART;VALUE=DATE:20260216\r\n") != std::string::npos);
  CHECK(r.body.find("SUMMARY:Decision whether to assess\\, N-1\r\n") != std::string::npos);
  CHECK(r.body.find("decide whether to assess") != std::string::npos);
  CHECK(r.body.find("DTSTAMP:20260210T090000Z\r\n") != std::string::npos);
  CHECK(r.body.find("S-1") == std::string::npos);
  // Never the child's name (nor the setting, nor the date of birth).
  for (const char* secret : {"script", "O'Neil", "Neil", "Hillside", "2015"}) {
    INFO(secret);
    CHECK(r.body.find(secret) == std::string::npos);
  }
  // Audited as Sam, under a path that does not hold the token.
  const auto rows = web.audit_rows();
  REQUIRE_FALSE(rows.empty());
  CHECK(rows.back().user == std::optional<std::string>("Sam Okafor"));
  CHECK(rows.back().outcome == "shown");
  CHECK(rows.back().page == "/calendar/(token).ics");
  for (const auto& row : rows) {
    CHECK(row.page.find(token) == std::string::npos);
  }
}

TEST_CASE("a revoked, replaced, unknown or ill-formed calendar token answers 404",
          "[web][calendar]") {
  WebFixture web;
  const auto first = issue_token(web, "Sam Okafor");
  REQUIRE(web.get("/calendar/" + first + ".ics").status == 200);
  const auto second = issue_token(web, "Sam Okafor");  // replaces the first
  CHECK(web.get("/calendar/" + first + ".ics").status == 404);
  CHECK(web.get("/calendar/" + second + ".ics").status == 200);
  revoke_token(web, "Sam Okafor");
  CHECK(web.get("/calendar/" + second + ".ics").status == 404);

  std::string unknown(64, 'a');
  CHECK(web.get("/calendar/" + unknown + ".ics").status == 404);
  const auto third = issue_token(web, "Sam Okafor");
  std::string upper = third;
  std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
  for (const std::string& path : {"/calendar/" + third, "/calendar/" + third + ".ical",
                                  "/calendar/" + third.substr(1) + ".ics",
                                  "/calendar/" + upper + ".ics", std::string("/calendar/x.ics")}) {
    INFO(path);
    CHECK(web.get(path).status == 404);
  }
  CHECK(web.get("/calendar/" + third + ".ics").status == 200);
}

TEST_CASE("a disabled user's calendar feed answers 404", "[web][calendar]") {
  WebFixture web;
  const auto token = issue_token(web, "Sam Okafor");
  {
    auto db = adapters::sqlite::Database::open(web.db_path(),
                                               adapters::sqlite::Database::Mode::kExisting);
    REQUIRE(db.ok());
    REQUIRE(adapters::sqlite::AccountStore(db.value()->sql()).disable("Sam Okafor").ok());
  }
  CHECK(web.get("/calendar/" + token + ".ics").status == 404);
}
