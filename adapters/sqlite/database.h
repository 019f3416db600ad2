// adapters/sqlite/database.h
//
// The embedded SQLite database: opening it with the settings every command relies on (WAL so
// readers never block the writer, a busy timeout, foreign keys), and the numbered schema
// migrations kept in PRAGMA user_version. One Database per command; not shared across threads.
#pragma once

#include <memory>
#include <string>

#include <SQLiteCpp/Database.h>

#include "engine/status.h"

namespace ehcp::adapters::sqlite {

class Database {
 public:
  enum class Mode {
    kCreate,    // create the file if it is missing (ehcp init)
    kExisting,  // the file must exist and be at the current schema version
  };

  // Opens `path` (":memory:" for tests). kExisting fails with a message that says to run
  // `ehcp init` when the file is missing or its schema is older than this build's.
  static engine::Result<std::unique_ptr<Database>> open(const std::string& path, Mode mode);

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Applies every migration newer than the file's user_version, in one transaction.
  // Returns how many were applied (0 when already current: init is idempotent).
  engine::Result<int> migrate();

  int schema_version();
  static int latest_schema_version();

  SQLite::Database& sql() { return db_; }

 private:
  explicit Database(const std::string& path, int flags);

  SQLite::Database db_;
};

}  // namespace ehcp::adapters::sqlite
