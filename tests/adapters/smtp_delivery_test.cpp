// tests for adapters/notify/smtp_transport.h through deliver_outbox, against a fake SMTP server
// on 127.0.0.1 in the test's own thread (fake_smtp_server.h): digests submitted with a login
// and marked only once accepted; a deferral tried again; a refused recipient left undelivered
// while the others go; no STARTTLS or no server, nothing sent or marked; and the configuration
// of it: no password in the file, plain text only to this machine.
#include <atomic>
#include <cstdlib>
#include <filesystem>

#include <catch2/catch.hpp>
#include <unistd.h>

#include "adapters/config/la_config.h"
#include "adapters/notify/outbox_delivery.h"
#include "adapters/sqlite/outbox_store.h"
#include "tests/adapters/fake_smtp_server.h"

using namespace ehcp;
using adapters::config::NotifyConfig;
using adapters::notify::deliver_outbox;
using adapters::sqlite::Database;
using adapters::sqlite::OutboxMessage;
using adapters::sqlite::OutboxStore;
using ehcp::test::FakeSmtpServer;

namespace fs = std::filesystem;

namespace {

const std::string kNow = "2026-05-26T01:05:00.000Z";

class Scratch {
 public:
  Scratch() {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("ehcp-smtp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir_);
    auto db = Database::open((dir_ / "ehcp.db").string(), Database::Mode::kCreate);
    REQUIRE(db.ok());
    REQUIRE(db.value()->migrate().ok());
    db_ = std::move(db).value();
  }
  ~Scratch() {
    db_.reset();
    fs::remove_all(dir_);
  }
  Database& db() { return *db_; }
  std::string outbox() const { return (dir_ / "outbox").string(); }

 private:
  fs::path dir_;
  std::unique_ptr<Database> db_;
};

void add(Database& db, const std::string& ref, const std::string& address) {
  OutboxMessage m;
  m.case_ref = ref;
  m.clock = "final_plan";
  m.start = engine::make_date(2026, 1, 5);
  m.due = engine::make_date(2026, 5, 25);
  m.rung = "overdue";
  m.role = "caseworker";
  m.recipient = "Someone";
  m.address = address;
  m.subject = "s";
  m.body = "On 2026-05-26: overdue by 1 day\n.leading dot, stuffed by curl and unstuffed\n";
  m.created_on = engine::make_date(2026, 5, 26);
  m.created_at = "2026-05-26T01:00:00Z";
  REQUIRE(OutboxStore(db.sql()).add(m));
}

// The notify section of a configuration sending through `url`, parsed as a council's would be.
NotifyConfig notify_for(const std::string& url, const std::string& security = "none") {
  auto config = adapters::config::la_config_from_json(nlohmann::json::parse(
      R"({"notify": {"from": "ehcp@council.invalid", "transport": "smtp", "smtp": {"url": ")" +
      url + R"(", "security": ")" + security +
      R"(", "username": "ehcp", "password_env": "EHCP_TEST_SMTP_PASSWORD", "attempts": 3,
          "backoff_seconds": 0, "timeout_seconds": 5}}})"));
  REQUIRE(config.ok());
  return config.value().notify;
}

std::int64_t undelivered(Database& db) { return OutboxStore(db.sql()).count_undelivered(); }

}  // namespace

TEST_CASE("digests are submitted by SMTP with a login and marked once the server accepts them",
          "[smtp]") {
  ::setenv("EHCP_TEST_SMTP_PASSWORD", "s3cret", 1);
  FakeSmtpServer server("ehcp", "s3cret");
  Scratch s;
  add(s.db(), "A-1", "ada@council.invalid");
  add(s.db(), "A-2", "ada@council.invalid");
  add(s.db(), "B-1", "tm.east@council.invalid");

  auto outcome = deliver_outbox(s.db(), notify_for(server.url()), s.outbox(), kNow);
  REQUIRE(outcome.ok());
  CHECK(outcome.value().delivered == 3);
  CHECK(outcome.value().mails == 2);
  CHECK(outcome.value().where == server.url());
  const auto mail = server.mail();
  REQUIRE(mail.size() == 2);
  CHECK(mail[0].from == "<ehcp@council.invalid>");
  CHECK(mail[0].to == std::vector<std::string>{"ada@council.invalid"});
  CHECK(mail[0].data.starts_with("From: ehcp <ehcp@council.invalid>\r\n"));
  CHECK(mail[0].data.find("A-1: due Mon 25 May 2026") != std::string::npos);
  CHECK(mail[0].data.find("A-2: due Mon 25 May 2026") != std::string::npos);
  CHECK(mail[1].to == std::vector<std::string>{"tm.east@council.invalid"});
  CHECK(server.logins() >= 1);
  CHECK(undelivered(s.db()) == 0);
  for (const auto& m : OutboxStore(s.db().sql()).list(false)) {
    CHECK(m.delivered_to == server.url());
  }

  auto again = deliver_outbox(s.db(), notify_for(server.url()), s.outbox(), kNow);
  REQUIRE(again.ok());
  CHECK(again.value().mails == 0);
  CHECK(server.mail().size() == 2);
}

TEST_CASE("a message the server defers is tried again and then accepted", "[smtp]") {
  ::setenv("EHCP_TEST_SMTP_PASSWORD", "s3cret", 1);
  FakeSmtpServer server("ehcp", "s3cret");
  server.defer_data(2);
  Scratch s;
  add(s.db(), "A-1", "ada@council.invalid");
  auto outcome = deliver_outbox(s.db(), notify_for(server.url()), s.outbox(), kNow);
  REQUIRE(outcome.ok());
  CHECK(server.data_commands() == 3);  // two 451s, then accepted on the third of 3 tries
  CHECK(server.mail().size() == 1);
  CHECK(undelivered(s.db()) == 0);
}

TEST_CASE("a recipient the server refuses is left undelivered while the others are sent",
          "[smtp]") {
  ::setenv("EHCP_TEST_SMTP_PASSWORD", "s3cret", 1);
  FakeSmtpServer server("ehcp", "s3cret");
  server.refuse("gone@council.invalid");
  Scratch s;
  add(s.db(), "A-1", "gone@council.invalid");
  add(s.db(), "B-1", "tm.east@council.invalid");
  auto outcome = deliver_outbox(s.db(), notify_for(server.url()), s.outbox(), kNow);
  REQUIRE_FALSE(outcome.ok());
  CHECK(outcome.status().code() == engine::ErrorCode::kStorage);
  CHECK(outcome.status().message().find("1 mail(s) delivered, 1 refused and left undelivered: "
                                        "gone@council.invalid: refused (server said 550") !=
        std::string::npos);
  CHECK(server.mail().size() == 1);
  CHECK(undelivered(s.db()) == 1);
  CHECK_FALSE(OutboxStore(s.db().sql()).list(false)[0].delivered_at.has_value());
}

TEST_CASE("with STARTTLS required, a server that does not offer it is sent nothing", "[smtp]") {
  ::setenv("EHCP_TEST_SMTP_PASSWORD", "s3cret", 1);
  FakeSmtpServer server("ehcp", "s3cret");
  Scratch s;
  add(s.db(), "A-1", "ada@council.invalid");
  auto outcome = deliver_outbox(s.db(), notify_for(server.url(), "starttls"), s.outbox(), kNow);
  REQUIRE_FALSE(outcome.ok());
  CHECK(outcome.status().code() == engine::ErrorCode::kStorage);
  CHECK(outcome.status().message().find("send mail through " + server.url()) != std::string::npos);
  CHECK(server.logins() == 0);
  CHECK(server.mail_commands() == 0);
  CHECK(undelivered(s.db()) == 1);
}

TEST_CASE("no server answering: every try fails and nothing is marked", "[smtp]") {
  ::setenv("EHCP_TEST_SMTP_PASSWORD", "s3cret", 1);
  std::string url;
  {
    FakeSmtpServer gone;
    url = gone.url();
  }  // the port is closed again: connections are refused
  Scratch s;
  add(s.db(), "A-1", "ada@council.invalid");
  auto outcome = deliver_outbox(s.db(), notify_for(url), s.outbox(), kNow);
  REQUIRE_FALSE(outcome.ok());
  CHECK(outcome.status().message().find("no delivery after 3 tries") != std::string::npos);
  CHECK(undelivered(s.db()) == 1);
}

TEST_CASE("a wrong password stops the delivery and marks nothing", "[smtp]") {
  ::setenv("EHCP_TEST_SMTP_PASSWORD", "wrong", 1);
  FakeSmtpServer server("ehcp", "s3cret");
  Scratch s;
  add(s.db(), "A-1", "ada@council.invalid");
  auto outcome = deliver_outbox(s.db(), notify_for(server.url()), s.outbox(), kNow);
  REQUIRE_FALSE(outcome.ok());
  CHECK(server.mail().empty());
  CHECK(undelivered(s.db()) == 1);
  ::unsetenv("EHCP_TEST_SMTP_PASSWORD");
  auto unset = deliver_outbox(s.db(), notify_for(server.url()), s.outbox(), kNow);
  REQUIRE_FALSE(unset.ok());
  CHECK(unset.status().message() ==
        "notify.smtp.password_env: $EHCP_TEST_SMTP_PASSWORD is not set");
}

TEST_CASE("the SMTP configuration keeps no password and sends in clear only to this machine",
          "[smtp]") {
  auto error = [](const std::string& smtp) {
    auto config = adapters::config::la_config_from_json(
        nlohmann::json::parse(R"({"notify": {"transport": "smtp", "smtp": )" + smtp + "}}"));
    REQUIRE_FALSE(config.ok());
    return config.status().message();
  };
  CHECK(error(R"({"url": "smtp://mail.council.invalid:587", "username": "e", "password": "x"})")
            .starts_with("notify.smtp.password: the password is never kept in the configuration"));
  CHECK(error(R"({"url": "smtp://mail.council.invalid:587", "security": "none"})") ==
        "notify.smtp.security: 'none' is only for a relay on this machine (localhost); "
        "'mail.council.invalid' must be reached with STARTTLS");
  CHECK(error(R"({"url": "http://mail.council.invalid"})")
            .starts_with("notify.smtp.url: must be smtp://host[:port] or smtps://host[:port]"));
  CHECK(error(R"({"url": "smtp://mail.council.invalid\r\nRCPT"})")
            .starts_with("notify.smtp.url: must be"));
  CHECK(error(R"({"url": "smtp://m.invalid", "username": "e"})") ==
        "notify.smtp: username and a password (password_env or password_file) go together");
  CHECK(error(R"({"url": "smtp://m.invalid", "attempts": 0})") ==
        "notify.smtp.attempts: must be 1 to 10");
  auto missing = adapters::config::la_config_from_json(
      nlohmann::json::parse(R"({"notify": {"transport": "smtp"}})"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() ==
        "notify.transport: is smtp but there is no notify.smtp section");

  auto fine = adapters::config::la_config_from_json(nlohmann::json::parse(
      R"({"notify": {"transport": "smtp", "smtp": {"url": "smtp://mail.council.invalid:587"}}})"));
  REQUIRE(fine.ok());
  CHECK(fine.value().notify.smtp.security == adapters::config::SmtpSecurity::kStartTls);
  CHECK(fine.value().notify.smtp.attempts == 4);
}
