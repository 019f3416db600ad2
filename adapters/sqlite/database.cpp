#include "adapters/sqlite/database.h"

#include <filesystem>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>
#include <unistd.h>

namespace ehcp::adapters::sqlite {
namespace {

namespace fs = std::filesystem;

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

constexpr int kCacheKiB = 65536;
constexpr std::size_t kProblemsShown = 3;

// `path` as a file: URI, with the characters a URI gives a meaning escaped.
std::string file_uri(const std::string& path, const char* query) {
  std::string uri = "file:";
  for (const char c : path) {
    if (c == '?' || c == '#' || c == '%') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[(static_cast<unsigned char>(c) >> 4) & 0xF];
      uri += kHex[static_cast<unsigned char>(c) & 0xF];
    } else {
      uri += c;
    }
  }
  return uri + "?" + query;
}

// A reader opens read-only. In WAL mode even a reader needs the -shm file; in a folder it
// cannot write, where no writer can be at work either, the file is opened as immutable instead.
std::string reader_uri(const std::string& path) {
  const fs::path file = fs::absolute(path);
  const bool folder_writable = ::access(file.parent_path().c_str(), W_OK) == 0;
  std::error_code ec;
  const bool shm_there = fs::exists(file.string() + "-shm", ec);
  return file_uri(file.string(), folder_writable || shm_there ? "mode=ro" : "immutable=1");
}

bool damaged_file(const SQLite::Exception& e) {
  const int code = e.getErrorCode() & 0xFF;
  return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

}  // namespace

Database::Database(const std::string& path, int flags, Mode mode, const Options& options)
    : db_(path, flags, options.busy_timeout_ms) {
  if (mode != Mode::kReadOnly) {
    db_.exec("PRAGMA journal_mode = WAL");
    // NORMAL is durable across application crashes in WAL mode; only a power cut can lose the
    // last commits, never corrupt the file.
    db_.exec("PRAGMA synchronous = NORMAL");
  }
  db_.exec("PRAGMA foreign_keys = ON");
  db_.exec("PRAGMA temp_store = MEMORY");
  db_.exec("PRAGMA cache_size = -" + std::to_string(kCacheKiB));
}

engine::Result<std::unique_ptr<Database>> Database::open(const std::string& path, Mode mode,
                                                         Options options) {
  const bool memory = path == ":memory:";
  if (mode != Mode::kCreate && !memory && !fs::exists(path)) {
    return engine::Status::usage("no database at " + path + ": run `ehcp init` first");
  }
  if (!memory && fs::is_directory(path)) {
    return engine::Status::usage("--db " + path + " is a folder, not a database file");
  }
  try {
    std::unique_ptr<Database> db;
    if (mode == Mode::kReadOnly && !memory) {
      db.reset(
          new Database(reader_uri(path), SQLite::OPEN_READONLY | SQLite::OPEN_URI, mode, options));
    } else {
      const int flags = SQLite::OPEN_READWRITE | (mode == Mode::kCreate ? SQLite::OPEN_CREATE : 0);
      db.reset(new Database(path, flags, mode, options));
    }
    const int version = db->schema_version();
    if (mode != Mode::kCreate && version < latest_schema_version()) {
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
    if (mode == Mode::kCreate || (mode == Mode::kExisting && !options.check_later)) {
      if (auto problems = db->integrity_problems(false); !problems.empty()) {
        return damaged(path, problems);
      }
    }
    return db;
  } catch (const SQLite::Exception& e) {
    if (damaged_file(e)) {
      return damaged(path, {e.what()});
    }
    return engine::Status::storage("open database " + path, e.what());
  }
}

int Database::schema_version() { return db_.execAndGet("PRAGMA user_version").getInt(); }

int Database::latest_schema_version() {
  return migrations().empty() ? 0 : migrations().back().version;
}

std::vector<std::string> Database::integrity_problems(bool full) {
  SQLite::Statement q(db_, full ? "PRAGMA integrity_check" : "PRAGMA quick_check");
  std::vector<std::string> problems;
  while (q.executeStep()) {
    std::string line = q.getColumn(0).getString();
    if (line != "ok") {
      problems.push_back(std::move(line));
    }
  }
  return problems;
}

engine::Status damaged(const std::string& path, const std::vector<std::string>& problems,
                       bool written_to_note) {
  std::string detail;
  for (std::size_t i = 0; i < problems.size() && i < kProblemsShown; ++i) {
    detail += (i == 0 ? "" : "; ") + problems[i];
  }
  if (problems.size() > kProblemsShown) {
    detail += "; and " + std::to_string(problems.size() - kProblemsShown) + " more";
  }
  return engine::Status::storage(
      "database " + path + " is damaged" + (written_to_note ? " and was not written to" : ""),
      detail +
          ". Restore it from the latest backup (`ehcp backup`, see docs/operations.md), "
          "then run `ehcp check`");
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
