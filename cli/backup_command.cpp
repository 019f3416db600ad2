// `ehcp backup FILE` and `ehcp restore FILE` (adapters/sqlite/backup.h): a consistent copy of
// the database taken while others may be writing, and the way back from one.
#include <iostream>
#include <memory>
#include <string>

#include "adapters/sqlite/backup.h"
#include "adapters/sqlite/database.h"
#include "cli/commands.h"

namespace ehcp::cli {
namespace {

engine::Status run_backup(const Context& context, const std::string& file) {
  auto outcome = adapters::sqlite::backup_database(context.db_path, file);
  if (!outcome.ok()) {
    return outcome.status();
  }
  std::cout << "backed up " << context.db_path << " to " << file << " (" << outcome.value().pages
            << " pages, schema version " << outcome.value().schema_version << ")\n";
  return {};
}

engine::Status run_restore(const Context& context, const std::string& file) {
  auto outcome = adapters::sqlite::restore_database(file, context.db_path);
  if (!outcome.ok()) {
    return outcome.status();
  }
  const auto& restored = outcome.value();
  std::cout << "restored " << context.db_path << " from " << file << " (" << restored.pages
            << " pages, schema version " << restored.schema_version << ")\n";
  if (restored.schema_version < adapters::sqlite::Database::latest_schema_version()) {
    std::cout << "run `ehcp init` to migrate it to this build's schema version "
              << adapters::sqlite::Database::latest_schema_version() << "\n";
  }
  return {};
}

}  // namespace

void add_backup_commands(CLI::App& app, Context& context, Run& run) {
  auto file = std::make_shared<std::string>();
  auto* backup = app.add_subcommand(
      "backup", "Copy the database to a new file, consistently, while others may be writing");
  backup->add_option("file", *file, "The backup to make (private, 0600; never overwritten)")
      ->required();
  backup->callback(
      [&context, &run, file] { run = [&context, file] { return run_backup(context, *file); }; });

  auto* restore = app.add_subcommand(
      "restore", "Replace the database's contents with a backup, once the backup checks whole");
  restore->add_option("file", *file, "A file made by `ehcp backup`")->required();
  restore->callback(
      [&context, &run, file] { run = [&context, file] { return run_restore(context, *file); }; });
}

}  // namespace ehcp::cli
