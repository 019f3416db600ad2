// Two `ehcp outbox deliver` runs at once, to two folders, deliver each message exactly once:
// each run claims the messages it sends in the database (schema 10), not by a lock in its folder.
#include <filesystem>
#include <set>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/cli/sandbox.h"

namespace fs = std::filesystem;

namespace {

using ehcp::test::Sandbox;

constexpr int kMessages = 1200;  // more than two batches of 500 each

void fill_outbox(const Sandbox& box) {
  SQLite::Database db(box.db(), SQLite::OPEN_READWRITE);
  SQLite::Transaction tx(db);
  SQLite::Statement insert(
      db,
      "INSERT INTO outbox (case_ref, clock, start, due, rung, role, recipient, address, subject, "
      "body, created_on, created_at) VALUES (?, 'decision_to_assess', '2026-04-17', "
      "'2026-05-29', 'due_soon', 'caseworker', 'Ada Example', ? || '@council.invalid', "
      "'decision to assess due', 'The decision is due.\n', '2026-05-26', "
      "'2026-05-26T01:00:00.000Z')");
  for (int i = 0; i < kMessages; ++i) {
    insert.reset();
    insert.bind(1, "C-" + std::to_string(i));
    insert.bind(2, "person." + std::to_string(i));  // each its own person: a digest, a file each
    insert.exec();
  }
  tx.commit();
}

pid_t start_delivery(const Sandbox& box, const fs::path& to) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const std::string db = box.db();
    ::execl(EHCP_BINARY, EHCP_BINARY, "--db", db.c_str(), "outbox", "deliver", "--to", to.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

std::set<std::string> eml_files(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".eml") {
      names.insert(entry.path().filename().string());
    }
  }
  return names;
}

}  // namespace

TEST_CASE("two deliveries at once to two folders deliver every message exactly once") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  fill_outbox(box);
  const fs::path a = box.path("a"), b = box.path("b");
  const pid_t first = start_delivery(box, a);
  const pid_t second = start_delivery(box, b);
  int status_a = 0, status_b = 0;
  ::waitpid(first, &status_a, 0);
  ::waitpid(second, &status_b, 0);
  CHECK(WIFEXITED(status_a));
  CHECK(WEXITSTATUS(status_a) == 0);
  CHECK(WIFEXITED(status_b));
  CHECK(WEXITSTATUS(status_b) == 0);

  const auto in_a = eml_files(a), in_b = eml_files(b);
  std::set<std::string> both;
  for (const auto& name : in_a) {
    if (in_b.count(name) != 0) {
      both.insert(name);
    }
  }
  CHECK(both.empty());
  CHECK(in_a.size() + in_b.size() == static_cast<std::size_t>(kMessages));
  SQLite::Database db(box.db(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("SELECT count(*) FROM outbox WHERE delivered_at IS NULL").getInt() == 0);
  // Each message is marked delivered to the file it is in.
  SQLite::Statement q(db, "SELECT delivered_to FROM outbox");
  int missing = 0;
  while (q.executeStep()) {
    missing += fs::exists(q.getColumn(0).getString()) ? 0 : 1;
  }
  CHECK(missing == 0);
}
