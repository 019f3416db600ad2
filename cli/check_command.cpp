// `ehcp check`: SQLite's full integrity check of the database. Prints "ok", or each problem
// found and what to do; a damaged database exits 3. Reads only, so it can check a restored
// copy in a read-only folder.
#include <iostream>

#include "adapters/sqlite/database.h"
#include "cli/commands.h"

namespace ehcp::cli {
namespace {

engine::Status run_check(const Context& context) {
  auto db = context.open_database(Access::kRead);
  if (!db.ok()) {
    return db.status();
  }
  std::vector<std::string> problems;
  try {
    problems = db.value()->integrity_problems(true);
  } catch (const SQLite::Exception& e) {
    problems = {e.what()};  // too damaged to be checked
  }
  if (problems.empty()) {
    std::cout << "database " << context.db_path << ": ok\n";
    return {};
  }
  for (const auto& problem : problems) {
    std::cout << problem << "\n";
  }
  return adapters::sqlite::damaged(context.db_path, problems, false);
}

}  // namespace

void add_check_command(CLI::App& app, Context& context, Run& run) {
  auto* cmd = app.add_subcommand(
      "check", "Check the database's integrity (SQLite's full check): ok, or each problem");
  cmd->callback([&context, &run] { run = [&context] { return run_check(context); }; });
}

}  // namespace ehcp::cli
