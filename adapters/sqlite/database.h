// adapters/sqlite/database.h
//
// The embedded SQLite database: opening it with the settings every command relies on (WAL so
// readers never block the writer, a bounded busy timeout, foreign keys), and the numbered schema
// migrations kept in PRAGMA user_version. A writer is refused a database that fails SQLite's
// quick integrity check, so a damaged file is never written to; a reader opens read-only, so a
// database in a folder it cannot write (a restored copy, a read-only mount) can still be read.
// One Database per command; not shared across threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "engine/status.h"

namespace ehcp::adapters::sqlite {

class Database {
 public:
  enum class Mode {
    kCreate,    // create the file if it is missing (ehcp init); checked like kExisting if not
    kExisting,  // the file must exist and be at the current schema version; opened to write
    kReadOnly,  // as kExisting, opened read-only (commands that only read)
  };

  struct Options {
    // How long a writer waits for another to finish before it gives up (SQLite busy timeout).
    int busy_timeout_ms = 60'000;
    // kExisting only: skip the quick check at opening; the caller runs it (BackgroundCheck,
    // adapters/sqlite/background_check.h) and waits for it before it writes anything.
    bool check_later = false;
  };

  // Opens `path` (":memory:" for tests). kExisting and kReadOnly fail with a message that says
  // to run `ehcp init` when the file is missing or its schema is older than this build's, and
  // every mode refuses a schema newer than this build's. kCreate and kExisting refuse, as
  // kStorage, a file that fails PRAGMA quick_check (see damaged()), unless
  // options.check_later.
  static engine::Result<std::unique_ptr<Database>> open(const std::string& path, Mode mode,
                                                        Options options);
  static engine::Result<std::unique_ptr<Database>> open(const std::string& path, Mode mode) {
    return open(path, mode, Options{});
  }

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Applies every migration newer than the file's user_version, in one transaction.
  // Returns how many were applied (0 when already current: init is idempotent).
  engine::Result<int> migrate();

  int schema_version();
  static int latest_schema_version();

  // What SQLite's integrity check finds wrong with the file: PRAGMA integrity_check when
  // `full`, else the cheaper quick_check (no index contents). Empty when the file is sound.
  // Throws SQLite::Exception when the file is too damaged to be checked at all.
  std::vector<std::string> integrity_problems(bool full);

  SQLite::Database& sql() { return db_; }

 private:
  Database(const std::string& path, int flags, Mode mode, const Options& options);

  SQLite::Database db_;
};

// The kStorage Status for a database at `path` found damaged: the first problems, that nothing
// was written (unless `written_to_note` is false: a check), and to restore the latest backup
// (docs/operations.md).
engine::Status damaged(const std::string& path, const std::vector<std::string>& problems,
                       bool written_to_note = true);

}  // namespace ehcp::adapters::sqlite
