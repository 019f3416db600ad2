#include <iostream>

#include <SQLiteCpp/Transaction.h>

#include "adapters/derivation/rederive.h"
#include "adapters/sqlite/database.h"
#include "adapters/sqlite/event_store.h"
#include "cli/commands.h"
#include "cli/time_source.h"

namespace ehcp::cli {
namespace {

// After a migration adds derived tables (clocks), every case is re-derived from its events:
// the history is the truth, so nothing else needs carrying over.
engine::Status rebuild_after_migration(const Context& context, adapters::sqlite::Database& db) {
  auto config = context.la_config();
  if (!config.ok()) {
    return config.status();
  }
  try {
    if (adapters::sqlite::EventStore(db.sql()).count() == 0) {
      return {};
    }
    SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    auto rederived = adapters::derivation::rederive_all(db, config.value(), utc_timestamp_now());
    if (!rederived.ok()) {
      return engine::Status::invalid_input("migrated, but " + rederived.status().message());
    }
    const std::size_t cases = rederived.value().cases;
    tx.commit();
    std::cout << "re-derived " << cases << " case(s) from their events\n";
    return {};
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("rebuild after migration", e.what());
  }
}

engine::Status run_init(const Context& context) {
  // Refuses, as every command does, a schema newer than this build's and a damaged file.
  auto db = adapters::sqlite::Database::open(
      context.db_path, adapters::sqlite::Database::Mode::kCreate, context.database_options());
  if (!db.ok()) {
    return db.status();
  }
  auto applied = db.value()->migrate();
  if (!applied.ok()) {
    return applied.status();
  }
  std::cout << "database " << context.db_path << " ready at schema version "
            << db.value()->schema_version();
  if (applied.value() > 0) {
    std::cout << " (" << applied.value() << " migration(s) applied)";
  }
  std::cout << "\n";
  if (applied.value() > 0) {
    return rebuild_after_migration(context, *db.value());
  }
  return {};
}

}  // namespace

void add_init_command(CLI::App& app, Context& context, Run& run) {
  auto* cmd = app.add_subcommand("init", "Create the database, or migrate it to this version");
  cmd->callback([&context, &run] { run = [&context] { return run_init(context); }; });
}

}  // namespace ehcp::cli
