#include "adapters/sqlite/database.h"

#include <filesystem>
#include <vector>

#include <SQLiteCpp/Transaction.h>

namespace ehcp::adapters::sqlite {
namespace {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kMigrations = {
#include "adapters/sqlite/schema_migrations.inc"
  };
  return kMigrations;
}

constexpr int kBusyTimeoutMs = 5000;
constexpr int kCacheKiB = 65536;

}  // namespace

Database::Database(const std::string& path, int flags) : db_(path, flags, kBusyTimeoutMs) {
  db_.exec("PRAGMA journal_mode = WAL");
  // NORMAL is durable across application crashes in WAL mode; only a power cut can lose the
  // last commits, never corrupt the file.
  db_.exec("PRAGMA synchronous = NORMAL");
  db_.exec("PRAGMA foreign_keys = ON");
  db_.exec("PRAGMA temp_store = MEMORY");
  db_.exec("PRAGMA cache_size = -" + std::to_string(kCacheKiB));
}

engine::Result<std::unique_ptr<Database>> Database::open(const std::string& path, Mode mode) {
  if (mode == Mode::kExisting && path != ":memory:" && !std::filesystem::exists(path)) {
    return engine::Status::usage("no database at " + path + ": run `ehcp init` first");
  }
  try {
    const int flags = SQLite::OPEN_READWRITE | (mode == Mode::kCreate ? SQLite::OPEN_CREATE : 0);
    std::unique_ptr<Database> db(new Database(path, flags));
    if (mode == Mode::kExisting) {
      const int version = db->schema_version();
      if (version < latest_schema_version()) {
        return engine::Status::usage("database " + path + " is at schema version " +
                                     std::to_string(version) + ", this ehcp needs " +
                                     std::to_string(latest_schema_version()) +
                                     ": run `ehcp init` to migrate it");
      }
      if (version > latest_schema_version()) {
        return engine::Status::usage("database " + path + " is at schema version " +
                                     std::to_string(version) +
                                     ", newer than this ehcp understands; upgrade ehcp");
      }
    }
    return db;
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("open database " + path, e.what());
  }
}

int Database::schema_version() { return db_.execAndGet("PRAGMA user_version").getInt(); }

int Database::latest_schema_version() {
  return migrations().empty() ? 0 : migrations().back().version;
}

engine::Result<int> Database::migrate() {
  try {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    const int current = schema_version();
    int applied = 0;
    for (const auto& m : migrations()) {
      if (m.version <= current) {
        continue;
      }
      db_.exec(m.sql);
      // PRAGMA takes no bound parameters; the version is an integer from our own file names.
      db_.exec("PRAGMA user_version = " + std::to_string(m.version));
      ++applied;
    }
    tx.commit();
    return applied;
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("migrate schema", e.what());
  }
}

}  // namespace ehcp::adapters::sqlite
