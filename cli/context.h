// cli/context.h
//
// What every command shares: the database path, the output format, the as-of date the user
// gave (if any), and the mapping from engine::Status to the contract's exit codes.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "adapters/config/la_config.h"
#include "adapters/sqlite/database.h"
#include "cli/terminal_progress.h"
#include "engine/civil_date.h"
#include "engine/status.h"

namespace ehcp::cli {

enum class Format { kTable, kJson, kCsv, kHtml };

// Whether a command writes the database (and so waits its turn and is refused a damaged file)
// or only reads it (read-only, so a read-only folder still serves it).
enum class Access { kRead, kWrite };

// What a command that acts as of one day needs, read in the order a user's mistakes are best
// reported: the date, the LA configuration, then the database.
struct Day {
  engine::Date as_of;
  adapters::config::LaConfig config;
  std::unique_ptr<adapters::sqlite::Database> db;
};

struct Context {
  std::string db_path = "ehcp.db";
  std::string format_name = "table";
  std::string as_of_text;     // empty: today in London
  std::string config_path;    // empty: no LA configuration (national rules only)
  bool html_allowed = false;  // set by the commands that render HTML (reports)
  int wait_seconds = 60;      // --wait: how long a writer waits for another to finish
  bool quiet = false;         // --quiet: no progress line on long commands

  Format format() const;
  // The progress line for `command` on standard error; null (show nothing) when --quiet or
  // standard error is not a terminal.
  std::unique_ptr<TerminalProgress> progress(const std::string& command) const;
  // The as-of date: --as-of if given (a usage error if not a real date), else today in London.
  engine::Result<engine::Date> as_of() const;
  // The database at db_path, which must exist at this build's schema version; to write, it
  // must also pass SQLite's quick integrity check.
  engine::Result<std::unique_ptr<adapters::sqlite::Database>> open_database(Access access) const;
  // The SQLite options every command opens with (the --wait busy timeout).
  adapters::sqlite::Database::Options database_options() const;
  // The LA configuration from --config / $EHCP_CONFIG, or the defaults when none is given.
  engine::Result<adapters::config::LaConfig> la_config() const;
  // The as-of date, the configuration and the database together; the first failure stops it,
  // and so does a database whose clocks were derived with other rules or another calendar.
  engine::Result<Day> day(Access access) const;
};

// Ok when `db`'s clocks were derived as `config` derives them (or nothing is derived yet);
// otherwise kInvalidInput saying what changed and that `ehcp rederive` re-derives.
engine::Status check_derivation(adapters::sqlite::Database& db,
                                const adapters::config::LaConfig& config);

// 0 success, 1 usage, 2 rejected input, 3 anything else (contract.md §2).
int exit_code_for(const engine::Status& status);

// `status`, with a note on what to do when it is SQLite's "database is locked": another writer
// held the database for longer than --wait.
engine::Status explain_lock_wait(const engine::Status& status, const Context& context);

}  // namespace ehcp::cli
