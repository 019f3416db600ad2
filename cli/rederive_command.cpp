// `ehcp rederive [--dry-run] [--format table|csv|json]`: derives every case again with this
// configuration and build, after a change of calendar or rules, in one transaction, and lists
// every clock that moved, from what date to what date, and why. SQLite's quick integrity check,
// which every writer makes before it writes, runs beside the derivation instead of before it.
#include <iostream>
#include <memory>

#include "adapters/derivation/rederive.h"
#include "adapters/render/rederive_render.h"
#include "adapters/sqlite/background_check.h"
#include "cli/commands.h"
#include "cli/time_source.h"

namespace ehcp::cli {
namespace {

engine::Status run_rederive(const Context& context, bool dry_run) {
  auto config = context.la_config();
  if (!config.ok()) {
    return config.status();
  }
  auto options = context.database_options();
  options.check_later = true;
  auto db = adapters::sqlite::Database::open(context.db_path,
                                             adapters::sqlite::Database::Mode::kExisting, options);
  if (!db.ok()) {
    return db.status();
  }
  // Nothing is written before the check has passed; a damaged file that stops the derivation
  // first is reported as damaged, not by the read that failed.
  adapters::sqlite::BackgroundCheck check(context.db_path);
  auto progress = context.progress("rederive");
  auto rederived = adapters::derivation::rederive_in_transaction(
      *db.value(), config.value(), utc_timestamp_now(), dry_run, [&check] { return check.wait(); },
      progress.get());
  progress.reset();  // the line is cleared before the result is printed
  if (!rederived.ok()) {
    if (auto status = check.wait(); !status.ok()) {
      return status;
    }
    return rederived.status();
  }
  const auto& r = rederived.value();
  switch (context.format()) {
    case Format::kJson:
      std::cout << adapters::render::rederived_json(r, dry_run).dump(2) << "\n";
      break;
    case Format::kCsv:
      std::cout << adapters::render::to_csv(adapters::render::moved_clocks_table(r));
      break;
    case Format::kTable:
    case Format::kHtml:  // refused before any command runs (main.cpp)
      for (const auto& c : r.changes) {
        std::cout << "changed: " << c.text << "\n";
      }
      if (!r.moved.empty()) {
        std::cout << adapters::render::to_text(adapters::render::moved_clocks_table(r));
      }
      std::cout << adapters::render::rederived_summary(r, dry_run) << "\n";
      break;
  }
  return {};
}

}  // namespace

void add_rederive_command(CLI::App& app, Context& context, Run& run) {
  auto* cmd = app.add_subcommand(
      "rederive",
      "Derive every case again with this configuration, and list the deadlines that move");
  auto dry_run = std::make_shared<bool>(false);
  cmd->add_flag("--dry-run", *dry_run, "Show what would move; write nothing");
  cmd->callback([&context, &run, dry_run] {
    run = [&context, dry_run] { return run_rederive(context, *dry_run); };
  });
}

}  // namespace ehcp::cli
