// Integration tests of `ehcp outbox list` and `ehcp outbox deliver` through the real binary: a
// message put in the outbox is listed undelivered, delivered once as one .eml file, then listed
// as delivered; a second delivery writes nothing.
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/adapters/fake_smtp_server.h"
#include "tests/cli/sandbox.h"

namespace fs = std::filesystem;

namespace {

using ehcp::test::Sandbox;
using ehcp::test::slurp;

// Puts one message in the outbox directly, as a tick would.
void add_message(const Sandbox& box, const std::string& rung) {
  SQLite::Database db(box.db(), SQLite::OPEN_READWRITE);
  SQLite::Statement insert(
      db,
      "INSERT INTO outbox (case_ref, clock, start, due, rung, role, recipient, address, subject, "
      "body, created_on, created_at) VALUES ('A-0001', 'decision_to_assess', '2026-04-17', "
      "'2026-05-29', ?, "
      "'caseworker', 'Ada Example', 'ada.example@council.invalid', "
      "'A-0001: decision to assess due Fri 29 May 2026', "
      "'The decision whether to assess A-0001 is due on Fri 29 May 2026.\n', '2026-05-26', "
      "'2026-05-26T01:00:00.000Z')");
  insert.bind(1, rung);
  REQUIRE(insert.exec() == 1);
}

// The .eml files in `dir`, by name.
std::vector<std::string> eml_files(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".eml") {
      names.push_back(entry.path().filename().string());
    }
  }
  return names;
}

nlohmann::json listed(const Sandbox& box, const std::string& args = "") {
  auto r = box.ehcp("outbox list --format json" + args);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("outbox deliver writes each message once and outbox list shows it delivered") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  add_message(box, "due_soon");

  auto before = listed(box);
  REQUIRE(before.size() == 1);
  CHECK(before[0]["id"] == 1);
  CHECK(before[0]["case"] == "A-0001");
  CHECK(before[0]["clock"] == "decision_to_assess");
  CHECK(before[0]["rung"] == "due_soon");
  CHECK(before[0]["role"] == "caseworker");
  CHECK(before[0]["recipient"] == "Ada Example");
  CHECK(before[0]["address"] == "ada.example@council.invalid");
  CHECK(before[0]["created_on"] == "2026-05-26");
  CHECK(before[0]["delivered_at"].is_null());
  CHECK(before[0]["delivered_to"].is_null());
  CHECK(listed(box, " --undelivered").size() == 1);

  const fs::path dir = box.path("mail");
  auto first = box.ehcp("outbox deliver --to " + dir.string());
  CHECK(first.exit_code == 0);
  CHECK(first.out == "delivered 1 message(s) in 1 mail(s) to " + dir.string() + "\n");
  REQUIRE(eml_files(dir) == std::vector<std::string>{"ehcp-00000001.eml"});
  const std::string eml = slurp(dir / "ehcp-00000001.eml");
  CHECK(
      eml.starts_with("From: ehcp <ehcp@council.invalid>\r\n"
                      "To: \"Ada Example\" <ada.example@council.invalid>\r\n"));
  CHECK(eml.find("\r\nMessage-ID: <ehcp-outbox-1@council.invalid>\r\n") != std::string::npos);

  auto after = listed(box);
  REQUIRE(after.size() == 1);
  CHECK(after[0]["delivered_at"].is_string());
  CHECK(after[0]["delivered_to"] == (dir / "ehcp-00000001.eml").string());
  CHECK(listed(box, " --undelivered").empty());

  auto second = box.ehcp("outbox deliver --to " + dir.string());
  CHECK(second.exit_code == 0);
  CHECK(second.out == "delivered 0 message(s) in 0 mail(s) to " + dir.string() + "\n");
  CHECK(eml_files(dir).size() == 1);
  CHECK(slurp(dir / "ehcp-00000001.eml") == eml);
}

TEST_CASE("outbox deliver without --to writes one person's night to outbox/ beside the database") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  add_message(box, "due_soon");
  add_message(box, "overdue");
  auto r = box.ehcp("outbox deliver");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "delivered 2 message(s) in 1 mail(s) to " + box.path("outbox").string() + "\n");
  CHECK(eml_files(box.path("outbox")) == std::vector<std::string>{"ehcp-00000001.eml"});
}

TEST_CASE("outbox list prints a table or CSV with every column") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  add_message(box, "due_soon");
  auto csv = box.ehcp("outbox list --format csv");
  CHECK(csv.exit_code == 0);
  CHECK(csv.out ==
        "id,created_on,case,clock,rung,role,recipient,address,subject,delivered_at,"
        "delivered_to\r\n"
        "1,2026-05-26,A-0001,decision_to_assess,due_soon,caseworker,Ada Example,"
        "ada.example@council.invalid,A-0001: decision to assess due Fri 29 May 2026,,\r\n");
  auto table = box.ehcp("outbox list");
  CHECK(table.exit_code == 0);
  CHECK(table.out.find("A-0001: decision to assess due Fri 29 May 2026") != std::string::npos);
  CHECK(table.out.ends_with("1 message(s)\n"));
}

TEST_CASE("outbox deliver to a path under a regular file exits 3 naming the path") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  add_message(box, "due_soon");
  std::ofstream(box.path("blocker")) << "x";
  const std::string dir = (box.path("blocker") / "mail").string();
  auto r = box.ehcp("outbox deliver --to " + dir);
  CHECK(r.exit_code == 3);
  CHECK(r.err.find(dir) != std::string::npos);
  CHECK(listed(box, " --undelivered").size() == 1);
}

TEST_CASE(
    "outbox deliver sends by SMTP when the configuration says so, and --to still writes "
    "files") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  add_message(box, "due_soon");
  ehcp::test::FakeSmtpServer server;
  std::ofstream(box.path("la.json"))
      << R"({"notify": {"from": "ehcp@council.invalid", "transport": "smtp", "smtp": {"url": ")"
      << server.url() << R"(", "security": "none", "backoff_seconds": 0}}})";
  const std::string config = " --config " + box.path("la.json").string();

  auto files = box.ehcp("outbox deliver --to " + box.path("mail").string() + config);
  CHECK(files.exit_code == 0);
  CHECK(eml_files(box.path("mail")).size() == 1);
  CHECK(server.mail().empty());

  add_message(box, "overdue");
  auto smtp = box.ehcp("outbox deliver" + config);
  CHECK(smtp.exit_code == 0);
  CHECK(smtp.out == "delivered 1 message(s) in 1 mail(s) to " + server.url() + "\n");
  REQUIRE(server.mail().size() == 1);
  CHECK(server.mail()[0].to == std::vector<std::string>{"ada.example@council.invalid"});
  CHECK(listed(box, " --undelivered").empty());
}
