#include "cli/context.h"

#include "adapters/sqlite/derivation_store.h"
#include "cli/time_source.h"

namespace ehcp::cli {

std::unique_ptr<TerminalProgress> Context::progress(const std::string& command) const {
  return TerminalProgress::on_stderr(command, quiet);
}

Format Context::format() const {
  if (format_name == "json") {
    return Format::kJson;
  }
  if (format_name == "csv") {
    return Format::kCsv;
  }
  if (format_name == "html") {
    return Format::kHtml;
  }
  return Format::kTable;
}

engine::Result<engine::Date> Context::as_of() const {
  if (as_of_text.empty()) {
    return london_today();
  }
  if (auto d = engine::parse_date(as_of_text)) {
    return *d;
  }
  return engine::Status::usage("--as-of: '" + as_of_text + "' is not a real date YYYY-MM-DD");
}

adapters::sqlite::Database::Options Context::database_options() const {
  return {wait_seconds * 1000};
}

engine::Result<std::unique_ptr<adapters::sqlite::Database>> Context::open_database(
    Access access) const {
  using Mode = adapters::sqlite::Database::Mode;
  // A writer's integrity check reads the whole file: seconds on a large one, said on a terminal.
  auto checking = access == Access::kWrite ? progress("ehcp") : nullptr;
  adapters::report_progress(checking.get(), "checking the database", "", 0, 0);
  return adapters::sqlite::Database::open(
      db_path, access == Access::kWrite ? Mode::kExisting : Mode::kReadOnly, database_options());
}

engine::Result<adapters::config::LaConfig> Context::la_config() const {
  if (config_path.empty()) {
    return adapters::config::default_la_config();
  }
  return adapters::config::load_la_config(config_path);
}

engine::Result<Day> Context::day(Access access) const {
  auto as_of = this->as_of();
  if (!as_of.ok()) {
    return as_of.status();
  }
  auto config = la_config();
  if (!config.ok()) {
    return config.status();
  }
  auto db = open_database(access);
  if (!db.ok()) {
    return db.status();
  }
  if (auto status = check_derivation(*db.value(), config.value()); !status.ok()) {
    return status;
  }
  return Day{as_of.value(), std::move(config).value(), std::move(db).value()};
}

engine::Status check_derivation(adapters::sqlite::Database& db,
                                const adapters::config::LaConfig& config) {
  return adapters::sqlite::DerivationStore(db.sql()).check(
      adapters::derivation::derivation_of(config));
}

int exit_code_for(const engine::Status& status) {
  switch (status.code()) {
    case engine::ErrorCode::kOk:
      return 0;
    case engine::ErrorCode::kUsage:
      return 1;
    case engine::ErrorCode::kInvalidInput:
    case engine::ErrorCode::kInvalidTransition:
    case engine::ErrorCode::kNotFound:
      return 2;
    case engine::ErrorCode::kStorage:
    case engine::ErrorCode::kInternal:
      return 3;
  }
  return 3;
}

engine::Status explain_lock_wait(const engine::Status& status, const Context& context) {
  if (status.ok() || status.message().find("database is locked") == std::string::npos) {
    return status;
  }
  // SQLite does not say who holds the lock: what is known is that a writer held it throughout.
  return engine::Status::storage(
      status.message(),
      "another process (another ehcp import, tick, nightly, run, rederive, outbox deliver or "
      "init) was writing to " +
          context.db_path + " for all of the " + std::to_string(context.wait_seconds) +
          " s this one waited. Run it again once that one has finished (every step commits "
          "whole, so nothing is half-written), or wait longer with --wait SECONDS");
}

}  // namespace ehcp::cli
