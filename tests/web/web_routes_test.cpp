// Route and role tests: the web service driven in-process, as a browser would use it: who may
// see which page, redirects to sign-in, CSRF and cookie flags, escaping of a child named
// `<script>`, the security headers, and the audit row each read of a child's record writes.
#include <algorithm>
#include <fstream>

#include <catch2/catch.hpp>

#include "tests/web/web_fixture.h"
#include "web/pages/timeline_svg.h"
#include "web/router.h"

using namespace ehcp;
using test::WebFixture;
namespace fs = std::filesystem;

namespace {

std::size_t count_outcome(const std::vector<adapters::sqlite::AuditRow>& rows,
                          const std::string& outcome) {
  return static_cast<std::size_t>(
      std::count_if(rows.begin(), rows.end(), [&](const auto& r) { return r.outcome == outcome; }));
}

}  // namespace

TEST_CASE("every page but sign-in and the assets sends someone not signed in to /sign-in",
          "[web]") {
  WebFixture web;
  for (const char* path : {"/", "/my-work", "/team", "/team.csv", "/cases/N-1", "/search?q=N-1",
                           "/reports", "/reports/breaches", "/reports/breaches.csv",
                           "/reports/board-pack", "/reports/board-pack.json", "/reports/transfers",
                           "/reports/transfers.csv", "/admin/users", "/admin/audit"}) {
    INFO(path);
    const auto r = web.get(path);
    CHECK(r.status == 303);
    CHECK(r.header("Location") == "/sign-in");
  }
  CHECK(web.get("/sign-in").status == 200);
  CHECK(web.get("/no-such-page").status == 404);
}

TEST_CASE("signing in sets a session cookie that is HttpOnly, Secure, SameSite=Strict on /",
          "[web]") {
  WebFixture web;
  const auto r = web.sign_in("Sam Okafor");
  REQUIRE(r.status == 303);
  CHECK(r.header("Location") == "/");
  std::string session_cookie;
  for (const auto& [name, value] : r.headers) {
    if (name == "Set-Cookie" && value.starts_with("ehcp_session=")) {
      session_cookie = value;
    }
  }
  CHECK(session_cookie.find("; HttpOnly") != std::string::npos);
  CHECK(session_cookie.find("; Secure") != std::string::npos);
  CHECK(session_cookie.find("; SameSite=Strict") != std::string::npos);
  CHECK(session_cookie.find("; Path=/") != std::string::npos);
  CHECK(web.get("/").header("Location") == "/my-work");
  CHECK(count_outcome(web.audit_rows(), "signed_in") == 1);
}

TEST_CASE("a sign-in form without its CSRF token, or with a wrong one, is refused and audited",
          "[web]") {
  WebFixture web;
  web.get("/sign-in");
  const std::string creds = "&name=Sam+Okafor&password=correct+horse+battery";
  CHECK(web.send("POST", "/sign-in", "csrf=" + std::string(64, 'a') + creds).status == 403);
  CHECK(web.send("POST", "/sign-in", creds.substr(1)).status == 403);
  CHECK(!web.cookies.contains("ehcp_session"));
  CHECK(count_outcome(web.audit_rows(), "refused_csrf") == 2);
}

TEST_CASE("a wrong password is refused, and five failures lock the account for the window",
          "[web]") {
  WebFixture web;
  for (int i = 0; i < 5; ++i) {
    const auto r = web.sign_in("Sam Okafor", "wrong password!");
    CHECK(r.status == 200);
    CHECK(r.body.find("Enter a correct name and password") != std::string::npos);
  }
  // The right password is refused now too, until the oldest failure leaves the 15 minutes.
  CHECK(web.sign_in("Sam Okafor").status == 429);
  web.now += std::chrono::minutes(16);
  CHECK(web.sign_in("Sam Okafor").status == 303);
  const auto rows = web.audit_rows();
  CHECK(count_outcome(rows, "sign_in_failed") == 5);
  CHECK(count_outcome(rows, "sign_in_limited") == 1);
}

TEST_CASE("My work lists the caseworker's clock due soon, escaped, and audits the read", "[web]") {
  WebFixture web;
  web.sign_in("Sam Okafor");
  const auto r = web.get("/my-work");
  REQUIRE(r.status == 200);
  CHECK(r.body.find("Decision whether to assess") != std::string::npos);  // words, not the id
  CHECK(r.body.find("decision_to_assess") == std::string::npos);
  CHECK(r.body.find("Waiting for the decision whether to assess") != std::string::npos);
  CHECK(r.body.find("Due in 4 working days") != std::string::npos);
  CHECK(r.body.find("href=\"/cases/N-1\"") != std::string::npos);
  CHECK(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(r.body.find("<script>alert") == std::string::npos);
  CHECK(r.body.find("S-1") == std::string::npos);  // Priya Shah's, in South
  CHECK(r.header("Cache-Control") == "no-store");
  const auto rows = web.audit_rows();
  REQUIRE(!rows.empty());
  CHECK(rows.back().page == "/my-work");
  CHECK(rows.back().outcome == "shown");
  CHECK(rows.back().user == std::optional<std::string>("Sam Okafor"));
  CHECK(rows.back().remote == "192.0.2.10");
}

TEST_CASE("the case page shows the team's case escaped with its clocks, and audits the case",
          "[web]") {
  WebFixture web;
  web.sign_in("Sam Okafor");
  const auto r = web.get("/cases/N-1");
  REQUIRE(r.status == 200);
  CHECK(r.body.find("<script>alert") == std::string::npos);
  CHECK(r.body.find("Hillside &lt;b&gt;Primary&lt;/b&gt;") != std::string::npos);
  CHECK(r.body.find("O&#39;Neil &amp; Co") != std::string::npos);
  // The assessment under its own heading, its state and clocks in words.
  CHECK(r.body.find("<h2 class=\"govuk-heading-m\">Needs assessment</h2>") != std::string::npos);
  CHECK(r.body.find("Waiting for the decision whether to assess") != std::string::npos);
  CHECK(r.body.find("Decision whether to assess") != std::string::npos);
  CHECK(r.body.find("gathering_advice") == std::string::npos);
  CHECK(r.body.find("awaiting_decision") == std::string::npos);
  CHECK(r.body.find("<svg class=\"ehcp-timeline\" role=\"img\"") != std::string::npos);
  CHECK(r.body.find("Assessment requested") != std::string::npos);  // the events, in words
  CHECK(r.header("Cache-Control") == "no-store");
  const auto rows = web.audit_rows();
  CHECK(rows.back().case_ref == std::optional<std::string>("N-1"));
  CHECK(rows.back().page == "/cases/N-1");
  CHECK(rows.back().outcome == "shown");
  // As of a date before the request, the clock did not exist yet.
  const auto before = web.get("/cases/N-1?as_of=2026-01-03");
  REQUIRE(before.status == 200);
  CHECK(before.body.find("Decision whether to assess") == std::string::npos);
  CHECK(web.get("/cases/N-1?as_of=2026-13-01").status == 400);
  CHECK(web.get("/cases/NOPE").status == 404);
}

TEST_CASE("another team's case is 403 for a caseworker and the refusal is audited", "[web]") {
  WebFixture web;
  web.sign_in("Sam Okafor");
  const auto r = web.get("/cases/S-1");
  CHECK(r.status == 403);
  CHECK(r.body.find("Southern") == std::string::npos);
  const auto rows = web.audit_rows();
  CHECK(rows.back().case_ref == std::optional<std::string>("S-1"));
  CHECK(rows.back().outcome == "refused");
}

TEST_CASE("each role reaches its own pages and gets an audited 403 outside them", "[web]") {
  struct Expect {
    const char* user;
    std::vector<const char*> allowed;
    std::vector<const char*> refused;
  };
  const std::vector<Expect> cases = {
      {"Sam Okafor",
       {"/my-work", "/cases/N-1", "/search?q=N-1"},
       {"/team", "/team.csv", "/reports", "/reports/breaches", "/admin/users", "/admin/audit"}},
      {"Mo Manager",
       {"/my-work", "/team", "/team.csv", "/cases/N-1", "/search?q=script", "/reports",
        "/reports/breaches", "/reports/breaches.csv", "/reports/breaches.json",
        "/reports/board-pack", "/reports/board-pack.csv", "/reports/transfers?year=2026",
        "/reports/transfers.json?year=2026"},
       {"/admin/users", "/admin/audit"}},
      {"Bea Board",
       {"/reports", "/reports/breaches", "/reports/board-pack", "/reports/board-pack.json",
        "/reports/transfers?year=2026"},
       {"/my-work", "/team", "/cases/N-1", "/search?q=N-1", "/reports/breaches.csv",
        "/reports/transfers.csv", "/admin/audit"}},
      {"Ada Admin",
       {"/admin/users", "/admin/audit", "/admin/audit?case=N-1&from=2026-01-01&to=2026-12-31"},
       {"/my-work", "/cases/N-1", "/reports", "/team"}},
  };
  for (const auto& expect : cases) {
    WebFixture web;
    REQUIRE(web.sign_in(expect.user).status == 303);
    for (const char* path : expect.allowed) {
      INFO(expect.user << " " << path);
      CHECK(web.get(path).status == 200);
    }
    for (const char* path : expect.refused) {
      INFO(expect.user << " " << path);
      const auto before = web.audit_rows().size();
      CHECK(web.get(path).status == 403);
      const auto rows = web.audit_rows();
      CHECK(rows.size() == before + 1);
      CHECK(rows.back().outcome == "refused");
    }
  }
}

TEST_CASE("the board's pages name no child and show no date of birth", "[web]") {
  WebFixture web;
  web.sign_in("Bea Board");
  for (const char* path : {"/reports/breaches", "/reports/board-pack",
                           "/reports/transfers?year=2026", "/reports/board-pack.json"}) {
    INFO(path);
    const auto r = web.get(path);
    REQUIRE(r.status == 200);
    CHECK(r.body.find("alert(1)") == std::string::npos);
    CHECK(r.body.find("Neil") == std::string::npos);
    CHECK(r.body.find("Southern") == std::string::npos);
    CHECK(r.body.find("2015-03-14") == std::string::npos);
    CHECK(r.body.find("N-1") == std::string::npos);
  }
}

TEST_CASE("search finds by reference, name or UPN within the user's team only", "[web]") {
  WebFixture web;
  web.sign_in("Sam Okafor");
  CHECK(web.get("/search?q=n-1").body.find("href=\"/cases/N-1\"") != std::string::npos);
  CHECK(web.get("/search?q=o%27neil").body.find("href=\"/cases/N-1\"") != std::string::npos);
  CHECK(web.get("/search?q=Z000000000009").body.find("href=\"/cases/N-1\"") != std::string::npos);
  // Whatever the case, around spaces too: the UPN, the reference, the start of a name.
  CHECK(web.get("/search?q=z000000000009").body.find("href=\"/cases/N-1\"") != std::string::npos);
  CHECK(web.get("/search?q=+N-1+").body.find("href=\"/cases/N-1\"") != std::string::npos);
  CHECK(web.get("/search?q=%3CSCRIPT%3Ealert(1)%3C%2Fscript%3E+o%27n")
            .body.find("href=\"/cases/N-1\"") != std::string::npos);
  CHECK(web.get("/search?q=N-").body.find("href=\"/cases/N-1\"") == std::string::npos);
  const auto other = web.get("/search?q=S-1");
  CHECK(other.body.find("href=\"/cases/S-1\"") == std::string::npos);
  CHECK(other.body.find("No case in your team matches") != std::string::npos);
  CHECK(web.get("/search?q=%3Cscript%3E").body.find("<script>") == std::string::npos);
}

TEST_CASE("the team queue filters by a caseworker and says so when nobody has that name", "[web]") {
  WebFixture web;
  web.sign_in("Mo Manager");
  const auto known = web.get("/team?caseworker=sam+okafor");
  REQUIRE(known.status == 200);
  CHECK(known.body.find("value=\"Sam Okafor\"") != std::string::npos);
  CHECK(known.body.find("href=\"/team.csv?caseworker=sam%20okafor\"") != std::string::npos);
  const auto typo = web.get("/team?caseworker=Sam+Okafr");
  CHECK(typo.status == 400);
  CHECK(typo.body.find("govuk-error-summary") != std::string::npos);
  CHECK(typo.body.find("no caseworker &#39;Sam Okafr&#39; is known; did you mean &#39;Sam "
                       "Okafor&#39;?") != std::string::npos);
  CHECK(typo.body.find("Counts by caseworker and stage") == std::string::npos);
  CHECK(web.get("/team.csv?caseworker=Sam+Okafr").status == 400);
}

TEST_CASE("the team queue counts by caseworker and stage and downloads as CSV", "[web]") {
  WebFixture web;
  web.sign_in("Mo Manager");
  const auto page = web.get("/team?workflow=assessment");
  REQUIRE(page.status == 200);
  CHECK(page.body.find("Counts by caseworker and stage") != std::string::npos);
  CHECK(page.body.find("href=\"/team.csv?workflow=assessment\"") != std::string::npos);
  // Nothing is overdue on 10 Feb (the decision is due 16 Feb): the empty list says so, alone.
  CHECK(page.body.find("<h2 class=\"govuk-heading-m\">Overdue</h2><p class=\"govuk-body\">Nothing "
                       "is overdue.</p>") != std::string::npos);
  const auto csv = web.get("/team.csv");
  REQUIRE(csv.status == 200);
  CHECK(csv.content_type.starts_with("text/csv"));
  CHECK(csv.body.find("N-1") != std::string::npos);
  CHECK(csv.body.find("S-1") == std::string::npos);
  CHECK(web.audit_rows().back().outcome == "downloaded");
}

TEST_CASE("every response carries the strict security headers", "[web]") {
  WebFixture web;
  for (const char* path : {"/sign-in", "/my-work", "/nowhere", "/assets/missing.css"}) {
    INFO(path);
    const auto r = web.get(path);
    const auto csp = r.header("Content-Security-Policy");
    CHECK(csp.find("default-src 'none'") != std::string::npos);
    CHECK(csp.find("script-src 'self'") != std::string::npos);
    CHECK(csp.find("style-src 'self'") != std::string::npos);
    CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
    CHECK(csp.find("unsafe-inline") == std::string::npos);
    CHECK(r.header("X-Content-Type-Options") == "nosniff");
    CHECK(r.header("Referrer-Policy") == "no-referrer");
  }
  // No page has inline script or style for the policy to block.
  web.sign_in("Sam Okafor");
  const auto body = web.get("/cases/N-1").body;
  CHECK(body.find("<script>") == std::string::npos);
  CHECK(body.find("style=") == std::string::npos);
  CHECK(body.find("<style") == std::string::npos);
}

TEST_CASE("the assets are served from the folder and nothing outside it", "[web]") {
  WebFixture web;
  fs::create_directories(web.dir() / "assets" / "assets" / "fonts");
  std::ofstream(web.dir() / "assets" / "govuk-frontend.min.css") << "body{}";
  std::ofstream(web.dir() / "assets" / "assets" / "fonts" / "a.woff2") << "font";
  std::ofstream(web.dir() / "secret.css") << "secret";
  const auto css = web.get("/assets/govuk-frontend.min.css");
  CHECK(css.status == 200);
  CHECK(css.content_type.starts_with("text/css"));
  CHECK(css.body == "body{}");
  CHECK(web.get("/assets/fonts/a.woff2").content_type == "font/woff2");
  CHECK(web.get("/assets/../secret.css").status == 404);
  CHECK(web.get("/assets/%2e%2e/secret.css").status == 404);
  CHECK(web.get("/assets/ehcp-init.mjs").body.find("initAll") != std::string::npos);
}

TEST_CASE("signing out needs the session's CSRF token and ends the session", "[web]") {
  WebFixture web;
  web.sign_in("Sam Okafor");
  const auto page = web.get("/my-work");
  const auto token = WebFixture::csrf_in(page.body);
  CHECK(web.send("POST", "/sign-out", "csrf=" + std::string(64, '0')).status == 403);
  CHECK(web.get("/my-work").status == 200);
  const auto out = web.send("POST", "/sign-out", "csrf=" + token);
  CHECK(out.status == 303);
  CHECK(out.header("Location") == "/sign-in");
  CHECK(!web.cookies.contains("ehcp_session"));
  CHECK(web.get("/my-work").status == 303);
}

TEST_CASE("a session unused for the idle limit has ended; one in use goes on", "[web]") {
  WebFixture web;
  web.sign_in("Sam Okafor");
  web.now += std::chrono::minutes(29);
  CHECK(web.get("/my-work").status == 200);  // seen again: the 30 minutes start again
  web.now += std::chrono::minutes(29);
  CHECK(web.get("/my-work").status == 200);
  web.now += std::chrono::minutes(31);
  CHECK(web.get("/my-work").status == 303);
}

TEST_CASE("a disabled user's session ends at once", "[web]") {
  WebFixture web;
  web.sign_in("Sam Okafor");
  {
    auto db = adapters::sqlite::Database::open(web.db_path(),
                                               adapters::sqlite::Database::Mode::kExisting);
    REQUIRE(adapters::sqlite::AccountStore(db.value()->sql()).disable("Sam Okafor").ok());
  }
  CHECK(web.get("/my-work").status == 303);
  CHECK(web.sign_in("Sam Okafor").status == 200);  // the form again, with its error
}

TEST_CASE("the audit refuses an update or a delete", "[web]") {
  WebFixture web;
  web.sign_in("Sam Okafor");
  web.get("/cases/N-1");
  auto db =
      adapters::sqlite::Database::open(web.db_path(), adapters::sqlite::Database::Mode::kExisting);
  REQUIRE(db.ok());
  CHECK_THROWS(db.value()->sql().exec("UPDATE audit SET user_name = 'nobody'"));
  CHECK_THROWS(db.value()->sql().exec("DELETE FROM audit"));
  CHECK(web.audit_rows().size() >= 2);
}

TEST_CASE("behind a trusted proxy the header's address signs its user in, with that user's role",
          "[web]") {
  WebFixture web(std::string("x-forwarded-email"));
  web.headers["x-forwarded-email"] = "SAM.OKAFOR@example.org";  // addresses match in any case
  CHECK(web.get("/my-work").status == 200);
  CHECK(web.get("/team").status == 403);
  web.headers["x-forwarded-email"] = "mo.manager@example.org";
  CHECK(web.get("/team").status == 200);
  // An address ehcp does not know is refused and audited; so is no header at all.
  web.headers["x-forwarded-email"] = "stranger@example.org";
  CHECK(web.get("/my-work").status == 403);
  web.headers.clear();
  CHECK(web.get("/my-work").status == 403);
  CHECK(web.audit_rows().back().outcome == "refused");
  // Passwords are not taken in this mode, and no session cookie is made.
  web.get("/sign-in");
  CHECK(web.send("POST", "/sign-in",
                 "csrf=" + web.cookies.at("ehcp_form") +
                     "&name=Sam+Okafor&password=correct+horse+battery")
            .status == 404);
  CHECK(!web.cookies.contains("ehcp_session"));
}

TEST_CASE("behind a proxy on loopback the audit and the limits use the forwarded client address",
          "[web]") {
  WebFixture web;
  web.remote = "127.0.0.1";
  web.headers["x-forwarded-for"] = "203.0.113.9, 198.51.100.7";
  web.sign_in("Sam Okafor");
  CHECK(web.audit_rows().back().remote == "198.51.100.7");
  // From any other peer the header is the client's own claim, and is ignored.
  WebFixture direct;
  direct.headers["x-forwarded-for"] = "198.51.100.7";
  direct.sign_in("Sam Okafor");
  CHECK(direct.audit_rows().back().remote == "192.0.2.10");
}

TEST_CASE("a case reference with a slash is one path segment, sent as %2F", "[web]") {
  web::Router router;
  router.add({"GET", "/cases/{ref}", {"caseworker"}, nullptr});
  auto m = router.match("GET", "/cases/A%2F1");
  REQUIRE(m);
  REQUIRE(m->route != nullptr);
  CHECK(m->path_params.at("ref") == "A/1");
}

TEST_CASE("on a narrow screen each table and the timeline scroll in a box of their own", "[web]") {
  WebFixture web;
  web.sign_in("Sam Okafor");
  const auto r = web.get("/cases/N-1");
  REQUIRE(r.status == 200);
  CHECK(r.body.find("<link rel=\"stylesheet\" href=\"/assets/ehcp.css\">") != std::string::npos);
  const auto count = [&](const std::string& what) {
    std::size_t n = 0;
    for (auto at = r.body.find(what); at != std::string::npos; at = r.body.find(what, at + 1)) {
      ++n;
    }
    return n;
  };
  const std::string box = "<div class=\"ehcp-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"";
  REQUIRE(count("<table") > 1);
  CHECK(count(box) == count("<table") + 1);  // every table, and the timeline
  CHECK(count("\"><table") == count("<table"));
  CHECK(r.body.find(box + "Timeline\"><svg") != std::string::npos);
  const auto css = web.get("/assets/ehcp.css");
  CHECK(css.status == 200);
  CHECK(css.content_type.starts_with("text/css"));
  CHECK(css.body.find(".ehcp-scroll { overflow-x: auto;") != std::string::npos);
}

TEST_CASE("the timeline runs an overdue clock's line on to today and names states in words",
          "[web]") {
  engine::Clock overdue;
  overdue.name = "decision_to_assess";
  overdue.start = engine::make_date(2026, 1, 5);
  overdue.due = engine::make_date(2026, 2, 16);
  engine::Clock ended = overdue;
  ended.name = "no_plan_notice";
  ended.ended_on = engine::make_date(2026, 2, 1);
  const auto svg = web::pages::timeline_svg({overdue, ended}, engine::make_date(2026, 3, 2));
  // The thin red line from the due date (16 Feb) to today (2 Mar), the last day drawn.
  const auto tail = svg.find("stroke=\"#d4351c\" stroke-width=\"2\"");
  REQUIRE(tail != std::string::npos);
  const auto line = svg.rfind("<line", tail);
  CHECK(svg.substr(line, tail - line).find("x2=\"850.0\"") != std::string::npos);  // 330 + 520
  CHECK(svg.find(">Decision whether to assess</text>") != std::string::npos);      // rows in words
  CHECK(svg.find(">overdue</text>") != std::string::npos);
  CHECK(svg.find(">not applicable</text>") != std::string::npos);
  CHECK(svg.find("not_applicable") == std::string::npos);
}
