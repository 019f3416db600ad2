// `ehcp nightly [--as-of D] [--reports DIR] [--outbox DIR]`: the night's work for the council's
// scheduler: tick, the breach report to a dated file, the outbox delivered.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/nightly.h"

namespace ehcp::cli {
namespace {

engine::Status run_nightly_command(const Context& context, const NightlyPaths& overrides) {
  auto as_of = context.as_of();
  if (!as_of.ok()) {
    return as_of.status();
  }
  auto paths = nightly_paths(context, overrides);
  if (!paths.ok()) {
    return paths.status();
  }
  auto outcome = run_nightly(context, as_of.value(), paths.value());
  if (!outcome.ok()) {
    return outcome.status();
  }
  const auto& o = outcome.value();
  if (context.format() == Format::kJson) {
    nlohmann::ordered_json j;
    j["as_of"] = engine::format_date(o.as_of);
    j["fired"] = o.fired;
    j["skipped"] = o.skipped;
    j["messages"] = o.messages;
    j["report"] = o.report_path;
    j["overdue"] = o.overdue;
    j["new"] = o.new_breaches;
    j["due_soon"] = o.due_soon;
    j["excepted"] = o.excepted;
    j["delivered"] = o.delivered;
    j["outbox"] = paths.value().outbox_dir;
    if (!o.board_pack_path.empty()) {
      j["board_pack"] = o.board_pack_path;
    }
    if (!o.rederived_path.empty()) {
      j["rederived"] = o.rederived_path;
      j["moved_deadlines"] = o.moved_deadlines;
    }
    std::cout << j.dump() << "\n";
    return {};
  }
  if (!o.rederived_path.empty()) {
    std::cout << "the configuration or build changed: every case re-derived first, "
              << o.moved_deadlines << " deadline(s) moved: " << o.rederived_path << "\n";
  }
  std::cout << "night " << engine::format_date(o.as_of) << ": " << o.fired << " rung(s) fired, "
            << o.skipped << " skipped, " << o.messages << " message(s) queued\n"
            << "breach report: " << breach_counts(o) << ": " << o.report_path << " (and .json)\n"
            << "outbox: " << o.delivered << " message(s) delivered to " << paths.value().outbox_dir
            << "\n";
  if (!o.board_pack_path.empty()) {
    std::cout << "board pack for the month just ended: " << o.board_pack_path
              << " (and .csv, .json)\n";
  }
  return {};
}

}  // namespace

void add_nightly_command(CLI::App& app, Context& context, Run& run) {
  auto* cmd = app.add_subcommand(
      "nightly",
      "The night's run: tick, write the breach report to a dated file, deliver the outbox");
  auto overrides = std::make_shared<NightlyPaths>();
  cmd->add_option("--reports", overrides->reports_dir,
                  "Folder for the dated reports (default: the LA configuration's, else beside the "
                  "database)");
  cmd->add_option("--outbox", overrides->outbox_dir,
                  "Folder the messages are delivered to as .eml files (default: likewise)");
  cmd->callback([&context, &run, overrides] {
    run = [&context, overrides] { return run_nightly_command(context, *overrides); };
  });
}

}  // namespace ehcp::cli
