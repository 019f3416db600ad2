// `ehcp queue [--team T] [--caseworker W] [--clock C] [--workflow WF] [--as-of D]`: what is
// overdue and what falls due in the next 10 working days, most urgent first. A team or
// caseworker nobody is known by is refused with the nearest known names (known_people.h).
#include <iostream>
#include <memory>
#include <utility>

#include "adapters/render/queue_render.h"
#include "adapters/report/known_people.h"
#include "adapters/report/work_queue.h"
#include "cli/commands.h"

namespace ehcp::cli {
namespace {

struct QueueArgs {
  std::string team;
  std::string caseworker;
  std::string clock;
  std::string workflow;
  bool anonymise = false;
};

std::optional<std::string> given(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

engine::Status run_queue(const Context& context, const QueueArgs& args) {
  auto day = context.day(Access::kRead);
  if (!day.ok()) {
    return day.status();
  }
  auto& [as_of, config, db] = day.value();
  adapters::report::QueueFilter filter{given(args.team), given(args.caseworker), given(args.clock),
                                       given(args.workflow), !args.anonymise};
  for (auto [kind, name] :
       {std::pair{adapters::report::PersonKind::kTeam, &filter.team},
        std::pair{adapters::report::PersonKind::kCaseworker, &filter.caseworker}}) {
    if (auto status = adapters::report::resolve_filter(*db, config, kind, *name); !status.ok()) {
      return status;
    }
  }
  auto queue = adapters::report::load_work_queue(*db, config, as_of, filter);
  if (!queue.ok()) {
    return queue.status();
  }
  switch (context.format()) {
    case Format::kJson:
      std::cout << adapters::render::queue_to_json(queue.value()).dump() << "\n";
      break;
    case Format::kCsv:
      std::cout << adapters::render::queue_to_csv(queue.value(), filter.names);
      break;
    case Format::kTable:
    case Format::kHtml:  // refused before any command runs (main.cpp)
      std::cout << adapters::render::queue_to_text(queue.value(), filter.names);
      break;
  }
  return {};
}

}  // namespace

void add_queue_command(CLI::App& app, Context& context, Run& run) {
  auto* cmd = app.add_subcommand(
      "queue", "What is overdue and what falls due in the next 10 working days, most urgent first");
  auto args = std::make_shared<QueueArgs>();
  cmd->add_option("--team", args->team, "Only this team's cases");
  cmd->add_option("--caseworker", args->caseworker, "Only this caseworker's cases");
  cmd->add_option("--clock", args->clock, "Only this clock, or family of clocks (advice)");
  cmd->add_option("--workflow", args->workflow, "Only this workflow's clocks (assessment)");
  cmd->add_flag("--anonymise", args->anonymise, "Show case references without children's names");
  cmd->callback(
      [&context, &run, args] { run = [&context, args] { return run_queue(context, *args); }; });
}

}  // namespace ehcp::cli
