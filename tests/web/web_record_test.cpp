// tests for recording work through the web service (web/pages/record.cpp, correct.cpp,
// reassign.cpp): the form's save goes through the importer and is audited, the case page then
// says what it did to the clocks, a save over another's change is refused, a form sent twice
// records once, corrections and reassignments, and who may do each.
#include <catch2/catch.hpp>

#include "adapters/sqlite/event_store.h"
#include "tests/web/web_fixture.h"

using ehcp::test::WebFixture;

namespace {

// The value of hidden field `name` in a page's form.
std::string hidden(const std::string& html, const std::string& name) {
  const std::string mark = "name=\"" + name + "\" value=\"";
  const auto at = html.find(mark);
  REQUIRE(at != std::string::npos);
  const auto start = at + mark.size();
  return html.substr(start, html.find('"', start) - start);
}

// The form at `path`, filled: its csrf, version and id as the page gave them, then `fields`.
std::string filled(WebFixture& web, const std::string& path, const std::string& fields) {
  const auto page = web.get(path);
  REQUIRE(page.status == 200);
  return "csrf=" + WebFixture::csrf_in(page.body) + "&version=" + hidden(page.body, "version") +
         "&event_id=" + hidden(page.body, "event_id") + "&" + fields;
}

// How many events case `ref` has, and the seq of its latest (its version).
std::size_t event_count(WebFixture& web, const std::string& ref) {
  auto db = ehcp::adapters::sqlite::Database::open(
      web.db_path(), ehcp::adapters::sqlite::Database::Mode::kExisting);
  REQUIRE(db.ok());
  return ehcp::adapters::sqlite::EventStore(db.value()->sql()).load_case(ref).value().size();
}
std::int64_t last_seq(WebFixture& web, const std::string& ref) {
  auto db = ehcp::adapters::sqlite::Database::open(
      web.db_path(), ehcp::adapters::sqlite::Database::Mode::kExisting);
  REQUIRE(db.ok());
  return ehcp::adapters::sqlite::EventStore(db.value()->sql()).last_seq(ref);
}

}  // namespace

TEST_CASE(
    "an event recorded from its form is saved, audited, and the case page says which clocks it met",
    "[web]") {
  WebFixture web;
  web.sign_in("Sam Okafor");
  // N-1's request came on 5 Jan 2026; decided 9 Feb, inside the 6 weeks.
  const auto choice = web.get("/cases/N-1/record");
  REQUIRE(choice.status == 200);
  CHECK(choice.body.find("/cases/N-1/record/assessment_decision") != std::string::npos);
  CHECK(choice.body.find("/cases/N-1/record/advice_received") == std::string::npos);
  const auto path = "/cases/N-1/record/assessment_decision";
  const auto saved =
      web.send("POST", path, filled(web, path, "on-day=9&on-month=2&on-year=2026&outcome=assess"));
  REQUIRE(saved.status == 303);
  const auto location = saved.header("Location");
  CHECK(location.starts_with("/cases/N-1?recorded="));
  const auto after = web.get(location);
  REQUIRE(after.status == 200);
  CHECK(after.body.find("govuk-notification-banner--success") != std::string::npos);
  CHECK(after.body.find("Decision whether to assess on Mon 9 Feb 2026") != std::string::npos);
  CHECK(after.body.find("Met: Decision whether to assess") != std::string::npos);
  bool recorded = false;
  for (const auto& row : web.audit_rows()) {
    recorded = recorded ||
               (row.outcome == "recorded" && row.case_ref == std::optional<std::string>("N-1") &&
                row.user == std::optional<std::string>("Sam Okafor"));
  }
  CHECK(recorded);
  // The event carries who recorded it.
  CHECK(after.body.find("Sam Okafor") != std::string::npos);
}

TEST_CASE("a refused form comes back with the GOV.UK error summary and nothing is saved", "[web]") {
  WebFixture web;
  web.sign_in("Sam Okafor");
  const auto before = last_seq(web, "N-1");
  const auto path = "/cases/N-1/record/assessment_decision";
  const auto refused =
      web.send("POST", path, filled(web, path, "on-day=30&on-month=2&on-year=2026&outcome=assess"));
  CHECK(refused.status == 422);
  CHECK(refused.body.find("govuk-error-summary") != std::string::npos);
  CHECK(refused.body.find("href=\"#on-day\"") != std::string::npos);
  CHECK(refused.body.find("Date of the decision must be a real date") != std::string::npos);
  CHECK(refused.body.find("<title>Error: ") != std::string::npos);
  CHECK(last_seq(web, "N-1") == before);
}

TEST_CASE(
    "a save over a change made since the form was opened is refused with what changed; a "
    "form sent twice records once",
    "[web]") {
  WebFixture web;
  web.sign_in("Sam Okafor");
  const auto path = "/cases/N-1/record/advice_requested";
  const auto mine =
      filled(web, path, "on-day=6&on-month=2&on-year=2026&service=health&advice=paed");
  const auto theirs =
      filled(web, path, "on-day=6&on-month=2&on-year=2026&service=education&advice=school");
  REQUIRE(web.send("POST", path, mine).status == 303);
  const auto seq = last_seq(web, "N-1");
  const auto conflict = web.send("POST", path, theirs);
  CHECK(conflict.status == 409);
  CHECK(conflict.body.find("This case changed while you were filling in the form") !=
        std::string::npos);
  CHECK(conflict.body.find("Advice requested (paed) on Fri 6 Feb 2026, by Sam Okafor") !=
        std::string::npos);
  CHECK(conflict.body.find("value=\"school\"") != std::string::npos);  // nothing entered is lost
  CHECK(hidden(conflict.body, "version") == std::to_string(seq));
  CHECK(last_seq(web, "N-1") == seq);
  // The first form again (a double click): already saved, nothing added.
  CHECK(web.send("POST", path, mine).status == 303);
  CHECK(last_seq(web, "N-1") == seq);
}

TEST_CASE("a correction voids the event and records the right one in the same step", "[web]") {
  WebFixture web;
  web.sign_in("Sam Okafor");
  // n2, the request (seq 2), was received on 6 Jan, not 5 Jan.
  const auto page = web.get("/cases/N-1");
  CHECK(page.body.find("/cases/N-1/events/2/correct") != std::string::npos);
  CHECK(page.body.find("/cases/N-1/events/1/correct") == std::string::npos);  // case_opened
  const auto path = "/cases/N-1/events/2/correct";
  const auto form = web.get(path);
  REQUIRE(form.status == 200);
  CHECK(form.body.find(
            "id=\"on-day\" name=\"on-day\" type=\"text\" inputmode=\"numeric\" value=\"5\"") !=
        std::string::npos);
  // Without a reason: refused, nothing saved.
  const auto before = event_count(web, "N-1");
  const auto no_reason =
      web.send("POST", path,
               filled(web, path, "instead=replace&on-day=6&on-month=1&on-year=2026&source=parent"));
  CHECK(no_reason.status == 422);
  CHECK(no_reason.body.find("Enter what was wrong with it") != std::string::npos);
  CHECK(event_count(web, "N-1") == before);
  const auto saved =
      web.send("POST", path,
               filled(web, path,
                      "reason=Received+on+the+6th&instead=replace&on-day=6&on-month=1&"
                      "on-year=2026&source=parent"));
  REQUIRE(saved.status == 303);
  CHECK(event_count(web, "N-1") == before + 2);
  const auto after = web.get(saved.header("Location"));
  CHECK(after.body.find("Voided") != std::string::npos);
  CHECK(after.body.find("Received on the 6th") != std::string::npos);
  CHECK(after.body.find("Assessment requested on Tue 6 Jan 2026") != std::string::npos);
}

TEST_CASE("a manager reassigns a case to someone the service knows, never to a name typed in",
          "[web]") {
  WebFixture web;
  web.sign_in("Sam Okafor");
  CHECK(web.get("/cases/N-1/reassign").status == 403);
  web.cookies.clear();
  web.sign_in("Mo Manager");
  const auto path = "/cases/N-1/reassign";
  const auto form = web.get(path);
  REQUIRE(form.status == 200);
  CHECK(form.body.find("<option value=\"Sam Okafor\"") != std::string::npos);
  CHECK(form.body.find("<option value=\"Bea Board\"") == std::string::npos);
  const auto before = event_count(web, "N-1");
  const auto unknown = web.send("POST", path, filled(web, path, "caseworker=Sam+Okafr&team=North"));
  CHECK(unknown.status == 422);
  CHECK(unknown.body.find("Choose the new caseworker from the list") != std::string::npos);
  CHECK(unknown.body.find("did you mean &#39;Sam Okafor&#39;") != std::string::npos);
  CHECK(event_count(web, "N-1") == before);
  const auto saved = web.send("POST", path, filled(web, path, "caseworker=Mo+Manager&team=North"));
  REQUIRE(saved.status == 303);
  const auto after = web.get(saved.header("Location"));
  CHECK(after.body.find("Caseworker assigned") != std::string::npos);
  CHECK(event_count(web, "N-1") == before + 1);
}

TEST_CASE("only the case's team records on it, and the board never reaches a form", "[web]") {
  WebFixture web;
  web.sign_in("Sam Okafor");
  CHECK(web.get("/cases/S-1/record").status == 403);
  CHECK(web.get("/cases/S-1/record/assessment_decision").status == 403);
  CHECK(web.get("/cases/N-1/record/case_opened").status == 404);
  const auto path = "/cases/N-1/record/assessment_decision";
  // A form without its CSRF token is refused before anything is read.
  CHECK(web.send("POST", path,
                 "version=2&event_id=web-0&on-day=9&on-month=2&on-year=2026&outcome=assess")
            .status == 403);
  web.cookies.clear();
  web.sign_in("Bea Board");
  CHECK(web.get("/cases/N-1/record").status == 403);
  CHECK(web.get("/cases/N-1/record/assessment_decision").status == 403);
}
