// adapters/sqlite/backup.h
//
// `ehcp backup` and `ehcp restore`: copies of the whole database made with SQLite's online
// backup API (sqlite3_backup_*), so a backup is one consistent snapshot even while a nightly run
// or an import writes, and a restore goes in through SQLite's own locking instead of under a
// running process's feet. Backups are single files (rollback journal, no -wal beside them),
// private to the service's user (0600), checked whole (PRAGMA integrity_check) before they are
// given their name; a restore checks the backup the same way before it touches the database.
#pragma once

#include <string>

#include "engine/status.h"

namespace ehcp::adapters::sqlite {

struct BackupOutcome {
  int pages = 0;           // the copy's size in database pages
  int schema_version = 0;  // the copy's PRAGMA user_version
};

// Copies the database at `db_path` into a new file `backup_path`. An existing `backup_path` is
// kInvalidInput (backups are never overwritten); a database that is missing or not a database
// is kInvalidInput; a copy that fails its integrity check, or any I/O failure, is kStorage. On
// any failure nothing is left at `backup_path`.
engine::Result<BackupOutcome> backup_database(const std::string& db_path,
                                              const std::string& backup_path);

// Replaces the contents of the database at `db_path` (created 0600 if missing) with the backup
// `backup_path`, once the backup passes PRAGMA integrity_check and is an ehcp database of a
// schema this build knows (its version, maybe older: `ehcp init` then migrates it). A backup that
// fails is kStorage naming the check's first complaint, and the database is left untouched.
engine::Result<BackupOutcome> restore_database(const std::string& backup_path,
                                               const std::string& db_path);

}  // namespace ehcp::adapters::sqlite
