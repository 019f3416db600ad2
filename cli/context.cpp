#include "cli/context.h"

#include "adapters/sqlite/derivation_store.h"
#include "cli/time_source.h"

namespace ehcp::cli {

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

engine::Result<std::unique_ptr<adapters::sqlite::Database>> Context::open_database() const {
  return adapters::sqlite::Database::open(db_path, adapters::sqlite::Database::Mode::kExisting);
}

engine::Result<adapters::config::LaConfig> Context::la_config() const {
  if (config_path.empty()) {
    return adapters::config::default_la_config();
  }
  return adapters::config::load_la_config(config_path);
}

engine::Result<Day> Context::day() const {
  auto as_of = this->as_of();
  if (!as_of.ok()) {
    return as_of.status();
  }
  auto config = la_config();
  if (!config.ok()) {
    return config.status();
  }
  auto db = open_database();
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

}  // namespace ehcp::cli
