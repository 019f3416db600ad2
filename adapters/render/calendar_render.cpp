#include "adapters/render/calendar_render.h"

#include "adapters/render/table.h"

namespace ehcp::adapters::render {
namespace {

struct YearView {
  std::vector<std::pair<engine::Date, std::string>> holidays;
  std::vector<engine::Closure> closures;
  int working_days = 0;
};

YearView view_of(const engine::Calendar& calendar, int year) {
  YearView view;
  const engine::Date first = engine::make_date(year, 1, 1);
  const engine::Date last = engine::make_date(year, 12, 31);
  for (engine::Date d = first; d <= last; d += date::days{1}) {
    if (auto name = calendar.holiday_name(d)) {
      view.holidays.emplace_back(d, std::string(*name));
    }
    if (calendar.is_working_day(d)) {
      ++view.working_days;
    }
  }
  for (const auto& c : calendar.closures()) {
    if (c.from <= last && c.to >= first) {
      view.closures.push_back(c);
    }
  }
  return view;
}

}  // namespace

std::string calendar_year_to_text(const engine::Calendar& calendar, int year) {
  const YearView view = view_of(calendar, year);
  std::string out = "Bank holidays in England and Wales, " + std::to_string(year) + ":\n";
  Table holidays{{"date", "holiday"}, {}};
  for (const auto& [d, name] : view.holidays) {
    holidays.rows.push_back({engine::format_date_long(d), name});
  }
  out += to_text(holidays);
  out += "\nLA closures touching " + std::to_string(year) + ":\n";
  if (view.closures.empty()) {
    out += "(none configured)\n";
  } else {
    Table closures{{"kind", "from", "to", "days", "name", "setting"}, {}};
    for (const auto& c : view.closures) {
      closures.rows.push_back({std::string(engine::to_string(c.kind)), engine::format_date(c.from),
                               engine::format_date(c.to), std::to_string(c.days()), c.name,
                               c.setting.value_or("all")});
    }
    out += to_text(closures);
  }
  out +=
      "\nWorking days in " + std::to_string(year) + ": " + std::to_string(view.working_days) + "\n";
  return out;
}

nlohmann::json calendar_year_to_json(const engine::Calendar& calendar, int year) {
  const YearView view = view_of(calendar, year);
  nlohmann::json holidays = nlohmann::json::array();
  for (const auto& [d, name] : view.holidays) {
    holidays.push_back({{"date", engine::format_date(d)}, {"name", name}});
  }
  nlohmann::json closures = nlohmann::json::array();
  for (const auto& c : view.closures) {
    closures.push_back({{"kind", engine::to_string(c.kind)},
                        {"from", engine::format_date(c.from)},
                        {"to", engine::format_date(c.to)},
                        {"name", c.name},
                        {"setting", c.setting ? nlohmann::json(*c.setting) : nullptr}});
  }
  return {{"year", year},
          {"bank_holidays", std::move(holidays)},
          {"closures", std::move(closures)},
          {"working_days", view.working_days}};
}

}  // namespace ehcp::adapters::render
