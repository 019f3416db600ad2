// `ehcp nightly [--as-of D] [--reports DIR] [--outbox DIR]`: the night's work for the council's
// scheduler: tick, the breach report to a dated file, the outbox delivered.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/nightly.h"
#include "cli/rehearsal.h"

namespace ehcp::cli {
namespace {

engine::Status run_nightly_command(const Context& real_context, const NightlyPaths& overrides,
                                   bool rehearse) {
  auto as_of = real_context.as_of();
  if (!as_of.ok()) {
    return as_of.status();
  }
  if (auto status = refuse_future_send(as_of.value(), rehearse, "nightly"); !status.ok()) {
    return status;
  }
  std::unique_ptr<Rehearsal> rehearsal;
  NightlyPaths given = overrides;
  if (rehearse) {
    auto begun = Rehearsal::begin(real_context);
    if (!begun.ok()) {
      return begun.status();
    }
    rehearsal = std::move(begun).value();
    // Beside the scratch copy, whatever the configuration says: nothing is delivered, and
    // reports are kept only where --reports puts them.
    given.outbox_dir = (rehearsal->folder() / "outbox").string();
    if (given.reports_dir.empty()) {
      given.reports_dir = (rehearsal->folder() / "reports").string();
    }
  }
  const Context context = rehearsal ? rehearsal->context() : real_context;
  auto paths = nightly_paths(context, given);
  if (!paths.ok()) {
    return paths.status();
  }
  auto outcome = run_nightly(context, as_of.value(), paths.value(),
                             rehearsal ? NightlySteps::kRehearsal : NightlySteps::kAll);
  if (rehearsal && outcome.ok()) {
    std::cerr << kRehearsalNote
              << (overrides.reports_dir.empty() ? " (its reports too)" : " (its reports are kept)")
              << "\n";
  }
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
      j["board_pack_sent_to"] = o.board_pack_to.empty() ? nlohmann::ordered_json()
                                                        : nlohmann::ordered_json(o.board_pack_to);
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
            << "breach report: " << breach_counts(o) << ": " << o.report_path
            << " (and .csv, .json)\n"
            << "outbox: " << o.delivered << " message(s) delivered to " << paths.value().outbox_dir
            << "\n";
  if (!o.board_pack_path.empty()) {
    std::cout << "board pack for the month just ended: " << o.board_pack_path
              << " (and .csv, .json)\n";
    if (!o.board_pack_to.empty()) {
      std::cout << "board pack queued for the board: " << o.board_pack_to << "\n";
    }
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
  auto rehearse = std::make_shared<bool>(false);
  cmd->add_flag("--rehearse", *rehearse,
                "Run the night on a scratch copy of the database, delivering nothing: for an "
                "--as-of after today");
  cmd->callback([&context, &run, overrides, rehearse] {
    run = [&context, overrides, rehearse] {
      return run_nightly_command(context, *overrides, *rehearse);
    };
  });
}

}  // namespace ehcp::cli
