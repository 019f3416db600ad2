// `ehcp tick [--as-of D]`: fire the escalations due by D; safe to run twice.
#include <iostream>

#include <nlohmann/json.hpp>

#include "adapters/escalation/tick.h"
#include "cli/commands.h"
#include "cli/time_source.h"

namespace ehcp::cli {
namespace {

engine::Status run_tick(const Context& context) {
  auto day = context.day(Access::kWrite);
  if (!day.ok()) {
    return day.status();
  }
  auto& [as_of, config, db] = day.value();
  auto outcome = adapters::escalation::tick(*db, config, as_of, utc_timestamp_now());
  if (!outcome.ok()) {
    return outcome.status();
  }
  const auto& o = outcome.value();
  if (context.format() == Format::kJson) {
    nlohmann::ordered_json j;
    j["as_of"] = engine::format_date(as_of);
    j["clocks"] = o.clocks;
    j["fired"] = o.fired;
    j["skipped"] = o.skipped;
    j["messages"] = o.messages;
    std::cout << j.dump() << "\n";
  } else {
    std::cout << "tick as of " << engine::format_date(as_of) << ": " << o.fired
              << " rung(s) fired, " << o.skipped << " skipped, " << o.messages
              << " message(s) queued\n";
  }
  return {};
}

}  // namespace

void add_tick_command(CLI::App& app, Context& context, Run& run) {
  auto* cmd = app.add_subcommand(
      "tick", "Fire the escalations due up to the as-of date; safe to run twice");
  cmd->callback([&context, &run] { run = [&context] { return run_tick(context); }; });
}

}  // namespace ehcp::cli
