#include <iostream>
#include <memory>
#include <utility>

#include "adapters/render/case_render.h"
#include "adapters/report/known_people.h"
#include "adapters/report/shown_case.h"
#include "adapters/sqlite/case_store.h"
#include "adapters/sqlite/database.h"
#include "cli/commands.h"
#include "engine/case_record.h"

namespace ehcp::cli {
namespace {

struct ListArgs {
  std::string team;
  std::string caseworker;
  bool open_only = false;
};

engine::Status run_list(const Context& context, const ListArgs& args) {
  auto as_of = context.as_of();
  if (!as_of.ok()) {
    return as_of.status();
  }
  auto db = context.open_database(Access::kRead);
  if (!db.ok()) {
    return db.status();
  }
  auto config = context.la_config();
  if (!config.ok()) {
    return config.status();
  }
  adapters::sqlite::CaseFilter filter;
  if (!args.team.empty()) {
    filter.team = args.team;
  }
  if (!args.caseworker.empty()) {
    filter.caseworker = args.caseworker;
  }
  using adapters::report::PersonKind;
  for (auto [kind, name] : {std::pair{PersonKind::kTeam, &filter.team},
                            std::pair{PersonKind::kCaseworker, &filter.caseworker}}) {
    if (auto status = adapters::report::resolve_filter(*db.value(), config.value(), kind, *name);
        !status.ok()) {
      return status;
    }
  }
  try {
    adapters::sqlite::CaseStore cases(db.value()->sql());
    std::vector<engine::CaseRecord> shown;
    for (auto& r : cases.list(filter)) {
      const bool closed = r.closed_on && *r.closed_on <= as_of.value();
      if (r.opened_on <= as_of.value() && !(args.open_only && closed)) {
        shown.push_back(std::move(r));
      }
    }
    switch (context.format()) {
      case Format::kJson:
        std::cout << adapters::render::case_list_json(shown, as_of.value()).dump(2) << "\n";
        break;
      case Format::kCsv:
        std::cout << adapters::render::to_csv(
            adapters::render::case_list_table(shown, as_of.value()));
        break;
      case Format::kTable:
      case Format::kHtml:  // refused before any command runs (main.cpp)
        std::cout << adapters::render::to_text(
            adapters::render::case_list_table(shown, as_of.value()));
        std::cout << shown.size() << " case(s)\n";
        break;
    }
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("list cases", e.what());
  }
  return {};
}

engine::Status run_show(const Context& context, const std::string& ref) {
  auto as_of = context.as_of();
  if (!as_of.ok()) {
    return as_of.status();
  }
  auto db = context.open_database(Access::kRead);
  if (!db.ok()) {
    return db.status();
  }
  auto config = context.la_config();
  if (!config.ok()) {
    return config.status();
  }
  auto shown = adapters::report::load_shown_case(*db.value(), config.value(), ref, as_of.value());
  if (!shown.ok()) {
    return shown.status();
  }
  if (context.format() == Format::kJson) {
    std::cout << adapters::render::case_to_json(shown.value()).dump(2) << "\n";
  } else {
    std::cout << adapters::render::case_to_text(shown.value());
  }
  return {};
}

}  // namespace

void add_case_commands(CLI::App& app, Context& context, Run& run) {
  auto* group = app.add_subcommand("case", "List cases, or show one case");
  group->require_subcommand(1);

  auto* list = group->add_subcommand("list", "The cases, with child, caseworker and team");
  auto list_args = std::make_shared<ListArgs>();
  list->add_option("--team", list_args->team, "Only this team's cases");
  list->add_option("--caseworker", list_args->caseworker, "Only this caseworker's cases");
  list->add_flag("--open", list_args->open_only, "Leave out closed cases");
  list->callback([&context, &run, list_args] {
    run = [&context, list_args] { return run_list(context, *list_args); };
  });

  auto* show = group->add_subcommand("show", "One case and its events in effective-date order");
  auto ref = std::make_shared<std::string>();
  show->add_option("ref", *ref, "The case reference")->required();
  show->callback(
      [&context, &run, ref] { run = [&context, ref] { return run_show(context, *ref); }; });
}

}  // namespace ehcp::cli
