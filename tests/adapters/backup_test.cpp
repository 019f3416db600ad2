// tests for adapters/sqlite/backup.h on database files: a backup is one consistent snapshot
// taken while another connection writes, private and self-contained; it is never written over;
// a restore puts its contents back, and refuses a damaged backup without touching the database.
#include "adapters/sqlite/backup.h"

#include <atomic>
#include <filesystem>
#include <fstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <unistd.h>

#include "adapters/sqlite/database.h"

using namespace ehcp;
using adapters::sqlite::backup_database;
using adapters::sqlite::Database;
using adapters::sqlite::restore_database;

namespace fs = std::filesystem;

namespace {

// A scratch directory holding a migrated database file, removed at the end of the test.
class Scratch {
 public:
  Scratch() {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("ehcp-backup-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir_);
    auto opened = Database::open(db(), Database::Mode::kCreate);
    REQUIRE(opened.ok());
    REQUIRE(opened.value()->migrate().ok());
  }
  ~Scratch() { fs::remove_all(dir_); }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  std::string db() const { return path("ehcp.db"); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

 private:
  fs::path dir_;
};

// One outbox row, as a tick would write it; `n` tells the rows apart.
void add_row(SQLite::Database& db, int n) {
  SQLite::Statement insert(
      db,
      "INSERT INTO outbox (case_ref, clock, start, due, rung, role, recipient, address, subject, "
      "body, created_on, created_at) VALUES (?, 'final_plan', '2026-01-05', '2026-05-26', 'due', "
      "'caseworker', 'Ada Example', 'ada@council.invalid', 's', 'b', '2026-05-26', "
      "'2026-05-26T01:00:00Z')");
  insert.bind(1, "A-" + std::to_string(n));
  insert.exec();
}

int rows_in(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet("SELECT count(*) FROM outbox").getInt();
}

}  // namespace

TEST_CASE("a backup taken while another connection is writing holds what was committed") {
  Scratch s;
  SQLite::Database writer(s.db(), SQLite::OPEN_READWRITE);
  add_row(writer, 1);
  // A write under way and not yet committed (an import, a night) when the backup is taken.
  SQLite::Transaction open_write(writer, SQLite::TransactionBehavior::IMMEDIATE);
  add_row(writer, 2);

  auto outcome = backup_database(s.db(), s.path("copy.db"));
  REQUIRE(outcome.ok());
  CHECK(outcome.value().schema_version == Database::latest_schema_version());
  CHECK(outcome.value().pages > 0);
  open_write.commit();

  CHECK(rows_in(s.path("copy.db")) == 1);
  CHECK(rows_in(s.db()) == 2);
  CHECK((fs::status(s.path("copy.db")).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));
  SQLite::Database copy(s.path("copy.db"), SQLite::OPEN_READONLY);
  CHECK(copy.execAndGet("PRAGMA journal_mode").getString() == "delete");
  CHECK(copy.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("a backup is never written over and leaves no temporary file behind") {
  Scratch s;
  std::ofstream(s.path("copy.db")) << "yesterday's";
  auto outcome = backup_database(s.db(), s.path("copy.db"));
  REQUIRE_FALSE(outcome.ok());
  CHECK(outcome.status().code() == engine::ErrorCode::kInvalidInput);
  CHECK(outcome.status().message().find("never written over") != std::string::npos);
  std::ifstream in(s.path("copy.db"));
  std::string kept;
  std::getline(in, kept);
  CHECK(kept == "yesterday's");

  auto missing = backup_database(s.path("none.db"), s.path("other.db"));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() == "no database at " + s.path("none.db"));
  CHECK_FALSE(fs::exists(s.path("other.db")));
}

TEST_CASE("restore puts a backup's contents back into the database") {
  Scratch s;
  {
    SQLite::Database writer(s.db(), SQLite::OPEN_READWRITE);
    add_row(writer, 1);
  }
  REQUIRE(backup_database(s.db(), s.path("copy.db")).ok());
  {
    SQLite::Database writer(s.db(), SQLite::OPEN_READWRITE);
    add_row(writer, 2);
  }
  // A connection left open across the restore sees the restored contents on its next read.
  SQLite::Database reader(s.db(), SQLite::OPEN_READONLY);
  CHECK(reader.execAndGet("SELECT count(*) FROM outbox").getInt() == 2);

  auto outcome = restore_database(s.path("copy.db"), s.db());
  REQUIRE(outcome.ok());
  CHECK(reader.execAndGet("SELECT count(*) FROM outbox").getInt() == 1);
  CHECK(rows_in(s.db()) == 1);

  // Into a database that is not there yet: made private.
  REQUIRE(restore_database(s.path("copy.db"), s.path("new.db")).ok());
  CHECK(rows_in(s.path("new.db")) == 1);
  CHECK((fs::status(s.path("new.db")).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("restore refuses a damaged backup and leaves the database untouched") {
  Scratch s;
  {
    SQLite::Database writer(s.db(), SQLite::OPEN_READWRITE);
    for (int n = 0; n < 400; ++n) {
      add_row(writer, n);
    }
  }
  REQUIRE(backup_database(s.db(), s.path("copy.db")).ok());
  {
    // 4 KiB of noise in the middle of the backup, past its first page.
    std::fstream f(s.path("copy.db"), std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(fs::file_size(s.path("copy.db")) / 2));
    for (int i = 0; i < 4096; ++i) {
      f.put(static_cast<char>((i * 131 + 7) % 251));
    }
  }
  {
    SQLite::Database writer(s.db(), SQLite::OPEN_READWRITE);
    add_row(writer, 1000);
  }
  auto outcome = restore_database(s.path("copy.db"), s.db());
  REQUIRE_FALSE(outcome.ok());
  CHECK(outcome.status().code() == engine::ErrorCode::kStorage);
  CHECK(outcome.status().message().find("fails its integrity check") != std::string::npos);
  CHECK(outcome.status().message().find("the database was not touched") != std::string::npos);
  CHECK(rows_in(s.db()) == 401);
}

TEST_CASE("restore refuses a file that is not an ehcp database") {
  Scratch s;
  {
    SQLite::Database other(s.path("other.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE t (x)");
  }
  auto outcome = restore_database(s.path("other.db"), s.db());
  REQUIRE_FALSE(outcome.ok());
  CHECK(outcome.status().message() == s.path("other.db") + " is not an ehcp database");
}
