#include "adapters/sqlite/backup.h"

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <system_error>
#include <thread>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include "adapters/files/durable_file.h"
#include "adapters/files/file_descriptor.h"
#include "adapters/sqlite/database.h"

namespace ehcp::adapters::sqlite {
namespace {

namespace fs = std::filesystem;

constexpr int kBusyTimeoutMs = 5000;
// A step that finds the source or destination locked is tried again, for at most this long.
constexpr auto kBusyPause = std::chrono::milliseconds(50);
constexpr int kBusyTries = 200;

engine::Status io_error(const std::string& what, const fs::path& path, int err) {
  return engine::Status::storage(what + " " + path.string(), std::generic_category().message(err));
}

// The first line PRAGMA integrity_check gives: "ok" for a sound database.
std::string integrity_of(SQLite::Database& db) {
  SQLite::Statement check(db, "PRAGMA integrity_check(1)");
  return check.executeStep() ? check.getColumn(0).getString() : std::string("no answer");
}

// Copies every page of `from` into `to` in one step (one snapshot of `from`), waiting while
// either is locked. Returns the number of pages copied.
int copy_pages(SQLite::Database& to, SQLite::Database& from) {
  SQLite::Backup backup(to, from);
  for (int tries = 0;; ++tries) {
    const int rc = backup.executeStep(-1);
    if (rc == SQLITE_DONE) {
      return backup.getTotalPageCount();
    }
    if (tries == kBusyTries) {
      throw SQLite::Exception("the database stayed locked", rc);
    }
    std::this_thread::sleep_for(kBusyPause);
  }
}

// Creates `path` empty, owner read/write only; it must not exist.
engine::Status create_private_file(const fs::path& path) {
  files::FileDescriptor fd(
      ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, files::kPrivateFileMode));
  if (!fd.valid()) {
    return io_error("create", path, errno);
  }
  return {};
}

engine::Status sync_file(const fs::path& path) {
  files::FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid() || ::fsync(fd.get()) != 0) {
    return io_error("sync", path, errno);
  }
  return {};
}

// Removes the temporary copy unless it was given its name.
struct TemporaryFile {
  fs::path path;
  bool keep = false;
  ~TemporaryFile() {
    if (!keep) {
      std::error_code ec;
      fs::remove(path, ec);
    }
  }
};

}  // namespace

engine::Result<BackupOutcome> backup_database(const std::string& db_path,
                                              const std::string& backup_path) {
  std::error_code ec;
  if (!fs::is_regular_file(db_path, ec)) {
    return engine::Status::invalid_input("no database at " + db_path);
  }
  const fs::path target = fs::absolute(backup_path, ec).lexically_normal();
  if (fs::exists(fs::symlink_status(target, ec))) {
    return engine::Status::invalid_input(
        backup_path + " exists: a backup is never written over; name a new file");
  }
  if (!fs::is_directory(target.parent_path(), ec)) {
    return engine::Status::invalid_input("no directory " + target.parent_path().string() +
                                         " for the backup");
  }
  TemporaryFile temporary{target.parent_path() / ("." + target.filename().string() + ".tmp-" +
                                                  std::to_string(::getpid()))};
  if (auto status = create_private_file(temporary.path); !status.ok()) {
    return status;
  }
  BackupOutcome outcome;
  try {
    SQLite::Database source(db_path, SQLite::OPEN_READONLY, kBusyTimeoutMs);
    try {
      source.execAndGet("SELECT count(*) FROM sqlite_schema");
    } catch (const SQLite::Exception& e) {
      return engine::Status::invalid_input(db_path + " is not a database: " + e.what());
    }
    SQLite::Database copy(temporary.path.string(), SQLite::OPEN_READWRITE, kBusyTimeoutMs);
    outcome.pages = copy_pages(copy, source);
    // The source is in WAL mode and its header says so; the copy is one self-contained file.
    copy.exec("PRAGMA journal_mode = DELETE");
    if (const std::string integrity = integrity_of(copy); integrity != "ok") {
      return engine::Status::storage("back up " + db_path,
                                     "the copy fails its integrity check (" + integrity +
                                         "): the database itself needs `ehcp check`");
    }
    outcome.schema_version = copy.execAndGet("PRAGMA user_version").getInt();
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("back up " + db_path + " to " + backup_path, e.what());
  }
  if (auto status = sync_file(temporary.path); !status.ok()) {
    return status;
  }
  // link(), not rename(): a file that appeared under the name meanwhile is not replaced.
  if (::link(temporary.path.c_str(), target.c_str()) != 0) {
    return io_error("name the backup", target, errno);
  }
  if (auto status = files::sync_directory(target.parent_path()); !status.ok()) {
    return status;
  }
  return outcome;
}

engine::Result<BackupOutcome> restore_database(const std::string& backup_path,
                                               const std::string& db_path) {
  std::error_code ec;
  if (!fs::is_regular_file(backup_path, ec)) {
    return engine::Status::invalid_input("no backup at " + backup_path);
  }
  if (fs::exists(db_path, ec) && fs::equivalent(backup_path, db_path, ec)) {
    return engine::Status::invalid_input(backup_path + " is the database itself");
  }
  BackupOutcome outcome;
  try {
    SQLite::Database backup(backup_path, SQLite::OPEN_READONLY, kBusyTimeoutMs);
    std::string integrity;
    try {
      integrity = integrity_of(backup);
    } catch (const SQLite::Exception& e) {
      integrity = e.what();
    }
    if (integrity != "ok") {
      return engine::Status::storage(
          "restore " + backup_path,
          "the backup fails its integrity check (" + integrity + "); the database was not touched");
    }
    outcome.schema_version = backup.execAndGet("PRAGMA user_version").getInt();
    if (outcome.schema_version == 0) {
      return engine::Status::invalid_input(backup_path + " is not an ehcp database");
    }
    if (outcome.schema_version > Database::latest_schema_version()) {
      return engine::Status::invalid_input(
          backup_path + " is at schema version " + std::to_string(outcome.schema_version) +
          ", newer than this build's " + std::to_string(Database::latest_schema_version()) +
          ": restore it with the ehcp that made it");
    }
    if (!fs::exists(db_path, ec)) {
      if (auto status = create_private_file(db_path); !status.ok()) {
        return status;
      }
    }
    // Through SQLite, not a file copy: the database is locked while its pages are replaced,
    // and any other connection sees the restored contents next time it reads.
    SQLite::Database target(db_path, SQLite::OPEN_READWRITE, kBusyTimeoutMs);
    outcome.pages = copy_pages(target, backup);
    target.exec("PRAGMA journal_mode = WAL");
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("restore " + backup_path + " into " + db_path, e.what());
  }
  return outcome;
}

}  // namespace ehcp::adapters::sqlite
