#include <iostream>
#include <memory>
#include <unordered_map>

#include "adapters/jsonl/event_decoder.h"
#include "adapters/render/case_render.h"
#include "adapters/sqlite/case_store.h"
#include "adapters/sqlite/database.h"
#include "adapters/sqlite/event_store.h"
#include "cli/commands.h"
#include "engine/case_record.h"
#include "workflows/case_as_of.h"

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
  try {
    adapters::sqlite::CaseStore cases(db.value()->sql());
    adapters::sqlite::CaseFilter filter;
    if (!args.team.empty()) {
      filter.team = args.team;
    }
    if (!args.caseworker.empty()) {
      filter.caseworker = args.caseworker;
    }
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
  try {
    adapters::sqlite::CaseStore cases(db.value()->sql());
    auto record = cases.get(ref);
    if (!record) {
      return engine::Status::not_found("no case '" + ref + "'");
    }
    if (record->opened_on > as_of.value()) {
      return engine::Status::not_found("case '" + ref + "' was opened on " +
                                       engine::format_date(record->opened_on) + ", after " +
                                       engine::format_date(as_of.value()));
    }
    auto config = context.la_config();
    if (!config.ok()) {
      return config.status();
    }
    // The page and the queues read one derivation: a stale database is refused here as there.
    if (auto status = check_derivation(*db.value(), config.value()); !status.ok()) {
      return status;
    }
    adapters::sqlite::EventStore events(db.value()->sql());
    auto history = events.load_case(ref);
    if (!history.ok()) {
      return history.status();
    }
    auto standing = workflows::case_as_of(std::move(history).value(), config.value().rules,
                                          config.value().calendar, as_of.value());
    // The stored objects are shown as imported, so unknown fields a caseworker added stay
    // visible; load_case has already checked that each one decodes.
    std::unordered_map<std::int64_t, nlohmann::json> objects;
    events.for_each_payload(ref, [&](std::int64_t seq, const std::string& payload) {
      objects.emplace(seq, nlohmann::json::parse(payload));
    });
    adapters::render::CaseShown shown{
        std::move(standing.record), as_of.value(), {}, standing.later_events,
        std::move(standing.view),   std::nullopt};
    // Voided events and the corrections are listed too, in their places, though nothing was
    // derived from them: each voided event with its correction, each correction with its event.
    std::vector<engine::RecordedEvent> listed = std::move(standing.known);
    std::unordered_map<std::int64_t, adapters::render::VoidedBy> voided;
    std::unordered_map<std::int64_t, adapters::render::Voids> voids;
    for (auto& c : standing.corrections) {
      const auto& body = std::get<engine::EventVoided>(c.correction.event.body);
      voided[c.voided.seq] = {c.correction.seq, c.correction.event.on, c.correction.event.by,
                              body.reason};
      voids[c.correction.seq] = {
          c.voided.seq, std::string(engine::to_string(c.voided.event.type())), c.voided.event.on};
      for (auto* e : {&c.voided, &c.correction}) {
        if (e->event.on <= as_of.value()) {
          listed.push_back(std::move(*e));
        }
      }
    }
    engine::sort_for_replay(listed);
    for (const auto& recorded : listed) {
      adapters::render::ShownEvent e{recorded.seq, std::move(objects.at(recorded.seq)), {}, {}};
      if (const auto mark = voided.find(recorded.seq); mark != voided.end()) {
        e.voided = mark->second;
      }
      if (const auto target = voids.find(recorded.seq); target != voids.end()) {
        e.voids = target->second;
      }
      shown.events.push_back(std::move(e));
    }
    if (standing.rejection) {
      shown.problem = standing.rejection->reason;
    }
    if (context.format() == Format::kJson) {
      std::cout << adapters::render::case_to_json(shown).dump(2) << "\n";
    } else {
      std::cout << adapters::render::case_to_text(shown);
    }
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("show case", e.what());
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
