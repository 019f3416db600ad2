// tests/web/web_fixture.h
//
// A web service over a scratch database, driven in-process (no sockets): two teams' cases (one
// child named `<script>`), a user of each role, a fixed clock, and a browser-like client that
// keeps cookies and signs in through the real form.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <date/date.h>

#include "adapters/config/la_config.h"
#include "adapters/derivation/derivation.h"
#include "adapters/import/importer.h"
#include "adapters/sqlite/account_store.h"
#include "adapters/sqlite/audit_store.h"
#include "web/credentials.h"
#include "web/service.h"

namespace ehcp::test {

namespace fs = std::filesystem;

inline const engine::Date kToday = engine::make_date(2026, 2, 10);
inline const std::string kPassword = "correct horse battery";

// N-1 (North, Sam Okafor): a request on 5 Jan 2026, so decision_to_assess is due 6 weeks on,
// 16 Feb 2026: on 10 Feb that is 4 working days away (11, 12, 13, 16 Feb), inside My work's
// 10. The child's name is markup, to test escaping. S-1 (South, Priya Shah) likewise.
inline const char* kEvents =
    R"({"case":"N-1","type":"case_opened","on":"2026-01-02","id":"n1","child":{"given_name":"<script>alert(1)</script>","family_name":"O'Neil & Co","dob":"2015-03-14","upn":"Z000000000009"},"caseworker":"Sam Okafor","team":"North","setting":{"name":"Hillside <b>Primary</b>","phase":"primary"}}
{"case":"N-1","type":"assessment_requested","on":"2026-01-05","id":"n2","source":"parent"}
{"case":"S-1","type":"case_opened","on":"2026-01-02","id":"s1","child":{"given_name":"Southern","family_name":"Child","dob":"2014-05-01"},"caseworker":"Priya Shah","team":"South"}
{"case":"S-1","type":"assessment_requested","on":"2026-01-05","id":"s2","source":"school"}
)";

class WebFixture {
 public:
  explicit WebFixture(std::optional<std::string> trust_header = std::nullopt) {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("ehcp-web-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir_);
    db_path_ = (dir_ / "ehcp.db").string();
    auto db = adapters::sqlite::Database::open(db_path_, adapters::sqlite::Database::Mode::kCreate);
    REQUIRE(db.ok());
    REQUIRE(db.value()->migrate().ok());
    auto config = adapters::config::default_la_config();
    REQUIRE(config.ok());
    std::istringstream in(kEvents);
    const auto derivation = adapters::derivation::derivation_of(config.value());
    auto report = adapters::import_events(*db.value(), in,
                                          {kToday, "2026-02-10T09:00:00Z", config.value().rules,
                                           config.value().calendar, &derivation});
    REQUIRE(report.ok());
    REQUIRE(report.value().accepted());
    REQUIRE(web::init_credentials().ok());
    const auto hash = web::hash_password(kPassword).value();
    adapters::sqlite::AccountStore accounts(db.value()->sql());
    for (const auto& [name, role, team] :
         std::vector<std::tuple<std::string, std::string, std::string>>{
             {"Sam Okafor", "caseworker", "North"},
             {"Mo Manager", "manager", "North"},
             {"Bea Board", "board", ""},
             {"Ada Admin", "admin", ""}}) {
      REQUIRE(accounts
                  .add_user({name, role, team.empty() ? std::nullopt : std::optional(team),
                             email_of(name), hash, false, "2026-02-01T00:00:00Z"})
                  .ok());
    }
    db.value().reset();
    web::ServiceOptions options;
    options.db_path = db_path_;
    options.config = std::move(config).value();
    options.assets_dir = (dir_ / "assets").string();
    options.trust_header = std::move(trust_header);
    options.now = [this] { return now; };
    options.today = [] { return kToday; };
    auto service = web::WebService::create(std::move(options));
    INFO((service.ok() ? std::string() : service.status().message()));
    REQUIRE(service.ok());
    service_ = std::move(service).value();
  }
  ~WebFixture() { fs::remove_all(dir_); }
  WebFixture(const WebFixture&) = delete;
  WebFixture& operator=(const WebFixture&) = delete;

  // "Sam Okafor" -> "sam.okafor@example.org".
  static std::string email_of(const std::string& name) {
    std::string out;
    for (char c : name) {
      out += c == ' ' ? '.' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out + "@example.org";
  }

  // Headers every request of this client carries (the trusted proxy's).
  std::map<std::string, std::string> headers;

  // A request with this client's cookies; keeps the cookies the response sets.
  web::Response send(const std::string& method, const std::string& target,
                     const std::string& form = "") {
    web::Request r;
    r.method = method;
    r.target = target;
    r.remote = remote;
    r.headers = headers;
    std::string cookie;
    for (const auto& [name, value] : cookies) {
      cookie += (cookie.empty() ? "" : "; ") + name + "=" + value;
    }
    if (!cookie.empty()) {
      r.headers["cookie"] = cookie;
    }
    if (method == "POST") {
      r.headers["content-type"] = "application/x-www-form-urlencoded";
      r.body = form;
    }
    auto response = service_->handle(r);
    for (const auto& [name, value] : response.headers) {
      if (name == "Set-Cookie") {
        const auto eq = value.find('=');
        const auto semi = value.find(';');
        const auto cookie_name = value.substr(0, eq);
        const auto cookie_value = value.substr(eq + 1, semi - eq - 1);
        if (value.find("Max-Age=0") != std::string::npos) {
          cookies.erase(cookie_name);
        } else {
          cookies[cookie_name] = cookie_value;
        }
      }
    }
    return response;
  }
  web::Response get(const std::string& target) { return send("GET", target); }

  // The CSRF token in the last page's form.
  static std::string csrf_in(const std::string& html) {
    const std::string mark = "name=\"csrf\" value=\"";
    const auto at = html.find(mark);
    REQUIRE(at != std::string::npos);
    return html.substr(at + mark.size(), 64);
  }

  web::Response sign_in(const std::string& name, const std::string& password = kPassword) {
    const auto form = get("/sign-in");
    return send("POST", "/sign-in",
                "csrf=" + csrf_in(form.body) + "&name=" + web::percent_encode(name) +
                    "&password=" + web::percent_encode(password));
  }

  std::vector<adapters::sqlite::AuditRow> audit_rows() {
    auto db =
        adapters::sqlite::Database::open(db_path_, adapters::sqlite::Database::Mode::kExisting);
    REQUIRE(db.ok());
    return adapters::sqlite::AuditStore(db.value()->sql()).list({});
  }

  std::string db_path() const { return db_path_; }
  fs::path dir() const { return dir_; }

  std::chrono::system_clock::time_point now =
      date::sys_days{date::year{2026} / 2 / 10} + std::chrono::hours(9);
  std::map<std::string, std::string> cookies;
  std::string remote = "192.0.2.10";

 private:
  fs::path dir_;
  std::string db_path_;
  std::unique_ptr<web::WebService> service_;
};

}  // namespace ehcp::test
