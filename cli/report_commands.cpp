// `ehcp report breaches [--as-of D] [--anonymise | --names]`: the nightly deadline-breach report
// (contract.md §4) as a table, CSV, JSON or one self-contained HTML file; `ehcp report
// transfers --year Y`; `ehcp report kpi --from D1 --to D2`: the board's indicators; `ehcp
// report outlook [--weeks N] [--team T]`: the statutory deadlines of the weeks ahead. Reports
// never write.
#include <iostream>
#include <memory>

#include "adapters/render/breach_render.h"
#include "adapters/render/indicator_render.h"
#include "adapters/render/outlook_render.h"
#include "adapters/render/plans_due_render.h"
#include "adapters/render/transfer_render.h"
#include "adapters/report/breach_source.h"
#include "adapters/report/indicator_source.h"
#include "adapters/report/known_people.h"
#include "adapters/report/outlook.h"
#include "adapters/report/plans_due.h"
#include "adapters/report/transfer_report.h"
#include "cli/commands.h"
#include "ehcp/version.h"
#include "engine/indicators.h"

namespace ehcp::cli {
namespace {

struct BreachArgs {
  bool anonymise = false;
  bool names = false;
};

engine::Status run_breaches(const Context& context, const BreachArgs& args) {
  auto day = context.day(Access::kRead);
  if (!day.ok()) {
    return day.status();
  }
  auto& [as_of, config, db] = day.value();
  // HTML and CSV are made to leave the system (e-mailed, opened in a spreadsheet, passed on):
  // anonymised unless names are asked for. The text is for the council's own screens and shows
  // names unless --anonymise.
  const bool leaves = context.format() == Format::kHtml || context.format() == Format::kCsv;
  const bool names = leaves ? args.names : !args.anonymise;
  auto report = adapters::report::load_breach_report(*db, config, as_of, names);
  if (!report.ok()) {
    return report.status();
  }
  const adapters::render::BreachRenderOptions options{config.la, names, nullptr, kVersion};
  switch (context.format()) {
    case Format::kJson:
      std::cout << adapters::render::breaches_to_json(report.value()).dump() << "\n";
      break;
    case Format::kCsv:
      std::cout << adapters::render::breaches_to_csv(report.value(), options);
      break;
    case Format::kHtml:
      std::cout << adapters::render::breaches_to_html(report.value(), options);
      break;
    case Format::kTable:
      std::cout << adapters::render::breaches_to_text(report.value(), options);
      break;
  }
  return {};
}

struct TransferArgs {
  int year = 0;
  bool anonymise = false;
};

engine::Status run_transfers(const Context& context, const TransferArgs& args) {
  if (context.format() == Format::kHtml) {
    return engine::Status::usage("report transfers: --format table, csv or json");
  }
  auto day = context.day(Access::kRead);
  if (!day.ok()) {
    return day.status();
  }
  auto report = adapters::report::load_transfer_report(*day.value().db, args.year,
                                                       day.value().as_of, !args.anonymise);
  if (!report.ok()) {
    return report.status();
  }
  switch (context.format()) {
    case Format::kJson:
      std::cout << adapters::render::transfers_to_json(report.value()).dump() << "\n";
      break;
    case Format::kCsv:
      std::cout << adapters::render::transfers_to_csv(report.value(), !args.anonymise);
      break;
    case Format::kTable:
    case Format::kHtml:
      std::cout << adapters::render::transfers_to_text(report.value(), !args.anonymise);
      break;
  }
  return {};
}

struct KpiArgs {
  std::string from;
  std::string to;
};

engine::Status run_kpi(const Context& context, const KpiArgs& args) {
  const auto from = engine::parse_date(args.from);
  const auto to = engine::parse_date(args.to);
  if (!from) {
    return engine::Status::usage("report kpi: --from must be a date YYYY-MM-DD, not '" + args.from +
                                 "'");
  }
  if (!to) {
    return engine::Status::usage("report kpi: --to must be a date YYYY-MM-DD, not '" + args.to +
                                 "'");
  }
  if (*from > *to) {
    return engine::Status::usage("report kpi: --from " + args.from + " is after --to " + args.to);
  }
  auto day = context.day(Access::kRead);
  if (!day.ok()) {
    return day.status();
  }
  auto& [as_of, config, db] = day.value();
  if (*to > as_of) {
    return engine::Status::usage("report kpi: --to " + args.to + " is after " +
                                 engine::format_date(as_of) +
                                 " (the as-of date): a pack covers days that have happened");
  }
  auto facts = adapters::report::load_indicator_facts(*db, *from, *to);
  if (!facts.ok()) {
    return facts.status();
  }
  const auto pack = engine::compose_indicator_pack(facts.value(), *from, *to, config.indicators);
  // A month ahead of the as-of date, from the clocks open on it (plans_due.h).
  auto due = adapters::report::load_plans_due(*db, config, as_of);
  if (!due.ok()) {
    return due.status();
  }
  switch (context.format()) {
    case Format::kJson: {
      auto json = adapters::render::indicators_to_json(pack, config.la);
      json["plans_due_to_pass_20_weeks_next_month"] =
          adapters::render::plans_due_to_json(due.value());
      std::cout << json.dump() << "\n";
      break;
    }
    case Format::kCsv:
      std::cout << adapters::render::indicators_to_csv(pack);
      break;
    case Format::kHtml:
      std::cout << adapters::render::indicators_to_html(pack, config.la, kVersion);
      break;
    case Format::kTable:
      std::cout << adapters::render::indicators_to_text(pack) << "\n"
                << adapters::render::plans_due_to_text(due.value());
      break;
  }
  return {};
}

struct OutlookArgs {
  int weeks = 8;
  std::string team;
};

engine::Status run_outlook(const Context& context, const OutlookArgs& args) {
  if (context.format() == Format::kHtml) {
    return engine::Status::usage("report outlook: --format table, csv or json");
  }
  auto day = context.day(Access::kRead);
  if (!day.ok()) {
    return day.status();
  }
  auto& [as_of, config, db] = day.value();
  std::optional<std::string> team;
  if (!args.team.empty()) {
    team = args.team;
  }
  if (auto status =
          adapters::report::resolve_filter(*db, config, adapters::report::PersonKind::kTeam, team);
      !status.ok()) {
    return status;
  }
  auto outlook = adapters::report::load_outlook(*db, config, as_of, args.weeks, team);
  if (!outlook.ok()) {
    return outlook.status();
  }
  switch (context.format()) {
    case Format::kJson:
      std::cout << adapters::render::outlook_to_json(outlook.value()).dump() << "\n";
      break;
    case Format::kCsv:
      std::cout << adapters::render::outlook_to_csv(outlook.value());
      break;
    case Format::kTable:
    case Format::kHtml:
      std::cout << adapters::render::outlook_to_text(outlook.value());
      break;
  }
  return {};
}

}  // namespace

void add_report_commands(CLI::App& app, Context& context, Run& run) {
  auto* report = app.add_subcommand("report", "Reports for managers and the improvement board");
  report->require_subcommand(1);
  auto* breaches = report->add_subcommand(
      "breaches",
      "The deadline-breach report: new, overdue, due soon and excepted statutory clocks");
  auto args = std::make_shared<BreachArgs>();
  auto* anonymise =
      breaches->add_flag("--anonymise", args->anonymise,
                         "Case references without children's names (html, csv: the default)");
  breaches->add_flag("--names", args->names, "Children's names beside case references (html, csv)")
      ->excludes(anonymise);
  breaches->callback([&context, &run, args] {
    context.html_allowed = true;
    run = [&context, args] { return run_breaches(context, *args); };
  });
  auto* transfers = report->add_subcommand(
      "transfers",
      "The plans of the cohort moving on in September of a year, against 15 February "
      "and 31 March");
  auto targs = std::make_shared<TransferArgs>();
  transfers->add_option("--year", targs->year, "The year of the September move")
      ->required()
      ->check(CLI::Range(2015, 2100));
  transfers->add_flag("--anonymise", targs->anonymise, "Case references without children's names");
  transfers->callback([&context, &run, targs] {
    run = [&context, targs] { return run_transfers(context, *targs); };
  });
  auto* kpi = report->add_subcommand(
      "kpi",
      "The board's indicators for a period, with the 12-month trend against the council's "
      "targets, rated on its own scheme, and breakdowns; small counts withheld");
  auto kargs = std::make_shared<KpiArgs>();
  kpi->add_option("--from", kargs->from, "The period's first day, YYYY-MM-DD")->required();
  kpi->add_option("--to", kargs->to, "The period's last day, YYYY-MM-DD")->required();
  kpi->callback([&context, &run, kargs] {
    context.html_allowed = true;
    run = [&context, kargs] { return run_kpi(context, *kargs); };
  });
  auto* outlook = report->add_subcommand(
      "outlook",
      "The statutory deadlines falling due in each of the next weeks (7-day weeks from the "
      "as-of date), by team and clock, from the clocks open today, and how many will breach "
      "unless the next action happens; overdue clocks are the breach report's");
  auto oargs = std::make_shared<OutlookArgs>();
  outlook->add_option("--weeks", oargs->weeks, "How many weeks ahead (default 8)")
      ->check(CLI::Range(1, 104));
  outlook->add_option("--team", oargs->team, "Only this team's cases");
  outlook->callback([&context, &run, oargs] {
    run = [&context, oargs] { return run_outlook(context, *oargs); };
  });
}

}  // namespace ehcp::cli
