// `ehcp tick [--as-of D] [--rehearse]`: fire the escalations due by D; safe to run twice. A D
// after today is refused unless rehearsed on a scratch copy (cli/rehearsal.h).
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "adapters/escalation/tick.h"
#include "cli/commands.h"
#include "cli/rehearsal.h"
#include "cli/time_source.h"

namespace ehcp::cli {
namespace {

engine::Status run_tick(const Context& real_context, bool rehearse) {
  auto as_of_given = real_context.as_of();
  if (!as_of_given.ok()) {
    return as_of_given.status();
  }
  if (auto status = refuse_future_send(as_of_given.value(), rehearse, "tick"); !status.ok()) {
    return status;
  }
  std::unique_ptr<Rehearsal> rehearsal;
  if (rehearse) {
    auto begun = Rehearsal::begin(real_context);
    if (!begun.ok()) {
      return begun.status();
    }
    rehearsal = std::move(begun).value();
  }
  const Context context = rehearsal ? rehearsal->context() : real_context;
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
  if (rehearsal) {
    std::cerr << kRehearsalNote << "\n";
  }
  return {};
}

}  // namespace

void add_tick_command(CLI::App& app, Context& context, Run& run) {
  auto* cmd = app.add_subcommand(
      "tick", "Fire the escalations due up to the as-of date; safe to run twice");
  auto rehearse = std::make_shared<bool>(false);
  cmd->add_flag("--rehearse", *rehearse,
                "Tick a scratch copy of the database: for an --as-of after today; nothing kept");
  cmd->callback([&context, &run, rehearse] {
    run = [&context, rehearse] { return run_tick(context, *rehearse); };
  });
}

}  // namespace ehcp::cli
