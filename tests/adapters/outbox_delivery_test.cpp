// tests for adapters/notify/outbox_delivery.h on a database file: one .eml file per message,
// marked once written; a second run writes nothing; a run killed between writing and marking is
// repaired by the next without a second file; an unwritable directory marks nothing.
#include "adapters/notify/outbox_delivery.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <SQLiteCpp/Transaction.h>
#include <catch2/catch.hpp>
#include <unistd.h>

#include "adapters/notify/eml_message.h"
#include "adapters/sqlite/outbox_store.h"

using namespace ehcp;
using adapters::notify::deliver_to_directory;
using adapters::notify::digests_of;
using adapters::sqlite::Database;
using adapters::sqlite::OutboxMessage;
using adapters::sqlite::OutboxStore;

namespace fs = std::filesystem;

namespace {

const std::string kFrom = "ehcp@council.invalid";
const std::string kNow = "2026-05-26T01:05:00.000Z";

// A scratch directory holding a migrated database file, removed at the end of the test.
class Scratch {
 public:
  Scratch() {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("ehcp-delivery-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
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
  fs::path path(const std::string& name) const { return dir_ / name; }

 private:
  fs::path dir_;
  std::unique_ptr<Database> db_;
};

OutboxMessage message(const std::string& rung, const std::string& recipient,
                      const std::string& address = "ada.example@council.invalid") {
  OutboxMessage m;
  m.case_ref = "A-0001";
  m.clock = "decision_to_assess";
  m.start = engine::make_date(2026, 4, 17);
  m.rung = rung;
  m.role = "caseworker";
  m.recipient = recipient;
  m.address = address;
  m.subject = "A-0001: decision to assess, " + rung;
  m.body = "The decision whether to assess A-0001 is due on Fri 29 May 2026.\n";
  m.created_on = engine::make_date(2026, 5, 26);
  m.created_at = "2026-05-26T01:00:00.000Z";
  return m;
}

// `n` messages, each to a person of its own, so each is a digest (and a file) of its own.
void add_messages(Database& db, int n, const std::string& prefix = "rung") {
  OutboxStore store(db.sql());
  for (int i = 0; i < n; ++i) {
    const std::string person = prefix + "." + std::to_string(i);
    REQUIRE(
        store.add(message(prefix + "_" + std::to_string(i), person, person + "@council.invalid")));
  }
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every file in `dir` but the lock, by name, with its bytes.
std::map<std::string, std::string> files_in(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name != ".ehcp-deliver.lock") {
      out[name] = slurp(entry.path());
    }
  }
  return out;
}

std::size_t delivered(Database& db, const std::string& dir) {
  auto outcome = deliver_to_directory(db, dir, kFrom, kNow);
  REQUIRE(outcome.ok());
  return outcome.value().delivered;
}

}  // namespace

TEST_CASE("each undelivered message becomes one .eml file and is marked delivered to it") {
  Scratch s;
  add_messages(s.db(), 3);
  const fs::path dir = s.path("outbox");
  CHECK(delivered(s.db(), dir.string()) == 3);

  const auto files = files_in(dir);
  CHECK(files.size() == 3);
  OutboxStore store(s.db().sql());
  CHECK(store.count_undelivered() == 0);
  for (const auto& m : store.list(false)) {
    const std::string name = adapters::notify::eml_file_name(m.id);
    REQUIRE(files.count(name) == 1);
    CHECK(files.at(name) == adapters::notify::to_eml(digests_of({m}).front().mail, kFrom));
    CHECK(m.delivered_at == kNow);
    CHECK(m.delivered_to == (dir / name).string());
  }
  CHECK(files.count("ehcp-00000001.eml") == 1);
}

TEST_CASE("delivering again writes nothing and marks nothing") {
  Scratch s;
  add_messages(s.db(), 3);
  const fs::path dir = s.path("outbox");
  REQUIRE(delivered(s.db(), dir.string()) == 3);
  const auto before = files_in(dir);
  CHECK(delivered(s.db(), dir.string()) == 0);
  CHECK(files_in(dir) == before);
}

TEST_CASE("a run killed after writing but before marking is repaired without a second file") {
  Scratch s;
  add_messages(s.db(), 3);
  const fs::path dir = s.path("outbox");
  REQUIRE(delivered(s.db(), dir.string()) == 3);
  const auto before = files_in(dir);

  // The files are on disk but the marks were never committed, and one message was cut off
  // while still a temporary file.
  s.db().sql().exec("UPDATE outbox SET delivered_at = NULL, delivered_to = NULL");
  std::ofstream(dir / ".ehcp-2.eml.tmp", std::ios::binary) << "From: half a mess";
  std::ofstream(dir / ".ehcp-99.eml.tmp", std::ios::binary) << "left over";

  CHECK(delivered(s.db(), dir.string()) == 3);
  CHECK(files_in(dir) == before);
  CHECK(OutboxStore(s.db().sql()).count_undelivered() == 0);
}

TEST_CASE("a message added after a delivery is delivered by the next, beside the others") {
  Scratch s;
  add_messages(s.db(), 2);
  const fs::path dir = s.path("outbox");
  REQUIRE(delivered(s.db(), dir.string()) == 2);
  add_messages(s.db(), 1, "later");
  CHECK(delivered(s.db(), dir.string()) == 1);
  CHECK(files_in(dir).size() == 3);
  CHECK(files_in(dir).count("ehcp-00000003.eml") == 1);
}

TEST_CASE("more messages than one batch are all delivered") {
  Scratch s;
  add_messages(s.db(), 501);
  const fs::path dir = s.path("outbox");
  CHECK(delivered(s.db(), dir.string()) == 501);
  CHECK(files_in(dir).size() == 501);
  CHECK(OutboxStore(s.db().sql()).count_undelivered() == 0);
}

TEST_CASE("an unwritable directory is an error naming it, and marks nothing") {
  Scratch s;
  add_messages(s.db(), 2);
  REQUIRE(delivered(s.db(), s.path("outbox").string()) == 2);
  add_messages(s.db(), 3, "later");
  std::ofstream(s.path("blocker")) << "a regular file, not a directory";
  const std::string dir = (s.path("blocker") / "outbox").string();

  auto outcome = deliver_to_directory(s.db(), dir, kFrom, kNow);
  REQUIRE_FALSE(outcome.ok());
  CHECK(outcome.status().code() == engine::ErrorCode::kStorage);
  CHECK(outcome.status().message().find(dir) != std::string::npos);
  OutboxStore store(s.db().sql());
  CHECK(store.count_undelivered() == 3);
  CHECK(store.list(false).size() == 5);  // the two delivered before stay marked
}

TEST_CASE("a directory path that is a regular file is an error naming it") {
  Scratch s;
  add_messages(s.db(), 1);
  std::ofstream(s.path("not-a-dir")) << "x";
  auto outcome = deliver_to_directory(s.db(), s.path("not-a-dir").string(), kFrom, kNow);
  REQUIRE_FALSE(outcome.ok());
  CHECK(outcome.status().message().find(s.path("not-a-dir").string()) != std::string::npos);
  CHECK(OutboxStore(s.db().sql()).count_undelivered() == 1);
}

TEST_CASE("one person's messages of one night go as one digest, marked to its one file") {
  Scratch s;
  OutboxStore store(s.db().sql());
  REQUIRE(store.add(message("due_soon", "Ada Example")));
  REQUIRE(store.add(message("overdue", "Ada Example")));
  REQUIRE(store.add(message("due", "Team manager, East", "tm.east@council.invalid")));
  auto next_night = message("escalated", "Ada Example");
  next_night.created_on = engine::make_date(2026, 5, 27);
  REQUIRE(store.add(next_night));
  const fs::path dir = s.path("outbox");
  auto outcome = deliver_to_directory(s.db(), dir.string(), kFrom, kNow);
  REQUIRE(outcome.ok());
  CHECK(outcome.value().delivered == 4);
  CHECK(outcome.value().mails == 3);
  const auto files = files_in(dir);
  CHECK(files.size() == 3);
  CHECK(files.count("ehcp-00000001.eml") == 1);  // Ada's two of the 26th
  CHECK(files.count("ehcp-00000003.eml") == 1);  // the team manager's
  CHECK(files.count("ehcp-00000004.eml") == 1);  // Ada's of the 27th
  CHECK(files.at("ehcp-00000001.eml")
            .find("Subject: [ehcp] Your cases on Tue 26 May 2026: 1 "
                  "overdue, 1 due soon\r\n") != std::string::npos);
  for (const auto& m : store.list(false)) {
    CHECK(
        m.delivered_to ==
        (dir / (m.id <= 2 ? "ehcp-00000001.eml" : adapters::notify::eml_file_name(m.id))).string());
  }
}

TEST_CASE("file names are the id padded to 8 digits") {
  CHECK(adapters::notify::eml_file_name(1) == "ehcp-00000001.eml");
  CHECK(adapters::notify::eml_file_name(12345678) == "ehcp-12345678.eml");
  CHECK(adapters::notify::eml_file_name(123456789) == "ehcp-123456789.eml");
}

TEST_CASE(
    "messages a killed delivery had claimed are finished in its folder, never sent elsewhere") {
  Scratch s;
  add_messages(s.db(), 3);
  const fs::path first = fs::absolute(s.path("first")).lexically_normal();
  fs::create_directories(first);
  {
    // What a delivery to `first` killed after its claim leaves: claimed, not delivered.
    SQLite::Transaction tx(s.db().sql(), SQLite::TransactionBehavior::IMMEDIATE);
    REQUIRE(OutboxStore(s.db().sql()).claim(first.string(), "nightly 2026-05-26", 2) == 2);
    tx.commit();
  }
  // A delivery to another folder takes the unclaimed one, and finishes the claimed two where
  // they were going, since no run holds that folder's lock.
  CHECK(delivered(s.db(), s.path("second").string()) == 3);
  CHECK(files_in(s.path("second")).size() == 1);
  CHECK(files_in(first).size() == 2);
  OutboxStore store(s.db().sql());
  CHECK(store.count_undelivered() == 0);
  CHECK(store.count_delivered_by("nightly 2026-05-26") == 2);
  CHECK(store.count_delivered_by("outbox deliver") == 1);
}
