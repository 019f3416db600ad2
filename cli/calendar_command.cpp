#include <iostream>
#include <memory>

#include "adapters/render/calendar_render.h"
#include "cli/commands.h"
#include "engine/bank_holidays.h"

namespace ehcp::cli {
namespace {

engine::Status run_calendar(const Context& context, int year) {
  auto config = context.la_config();
  if (!config.ok()) {
    return config.status();
  }
  if (year == 0) {
    auto as_of = context.as_of();
    if (!as_of.ok()) {
      return as_of.status();
    }
    year = static_cast<int>(date::year_month_day{as_of.value()}.year());
  }
  if (!engine::bank_holidays_known(year)) {
    return engine::Status::usage("--year: bank holidays are known for " +
                                 std::to_string(engine::kFirstBankHolidayYear) + " to " +
                                 std::to_string(engine::kLastBankHolidayYear));
  }
  const auto& calendar = config.value().calendar;
  if (context.format() == Format::kJson) {
    std::cout << adapters::render::calendar_year_to_json(calendar, year).dump(2) << "\n";
  } else {
    std::cout << adapters::render::calendar_year_to_text(calendar, year);
  }
  return {};
}

}  // namespace

void add_calendar_command(CLI::App& app, Context& context, Run& run) {
  auto* cmd = app.add_subcommand(
      "calendar", "Bank holidays, LA closures and working days of a year (with --config)");
  auto year = std::make_shared<int>(0);
  cmd->add_option("--year", *year, "The calendar year (default: the as-of date's year)");
  cmd->callback(
      [&context, &run, year] { run = [&context, year] { return run_calendar(context, *year); }; });
}

}  // namespace ehcp::cli
