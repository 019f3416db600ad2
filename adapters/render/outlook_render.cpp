#include "adapters/render/outlook_render.h"

#include "adapters/render/table.h"

namespace ehcp::adapters::render {
namespace {

int total(const report::Outlook& outlook, int report::OutlookWeek::*field) {
  int n = 0;
  for (const auto& week : outlook.weeks) {
    n += week.*field;
  }
  return n;
}

nlohmann::ordered_json team_or_null(const std::string& text) {
  return text.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(text);
}

std::string deadlines(int n) {
  return std::to_string(n) + (n == 1 ? " statutory deadline" : " statutory deadlines");
}

}  // namespace

std::string outlook_to_text(const report::Outlook& outlook) {
  std::string out = "Outlook from " + engine::format_date_long(outlook.as_of) + " for " +
                    std::to_string(outlook.weeks.size()) + " weeks" +
                    (outlook.team ? ", team " + *outlook.team : std::string()) + ": " +
                    deadlines(total(outlook, &report::OutlookWeek::due)) + " fall due; " +
                    std::to_string(total(outlook, &report::OutlookWeek::will_breach)) +
                    " will breach unless the next action happens\n";
  for (const auto& week : outlook.weeks) {
    out += "\nWeek " + std::to_string(week.number) + ", " + engine::format_date_long(week.from) +
           " to " + engine::format_date_long(week.to) + ": ";
    if (week.rows.empty()) {
      out += "no statutory deadline falls due\n";
      continue;
    }
    out += deadlines(week.due) + ", " + std::to_string(week.will_breach) +
           " will breach unless the next action happens\n";
    Table t{{"team", "clock", "due", "will breach"}, {}};
    for (const auto& row : week.rows) {
      t.rows.push_back({row.team.empty() ? "(no team)" : row.team, row.title,
                        std::to_string(row.due), std::to_string(row.will_breach)});
    }
    out += to_text(t);
  }
  return out;
}

std::string outlook_to_csv(const report::Outlook& outlook) {
  Table t{{"week", "from", "to", "team", "clock", "due", "will_breach"}, {}};
  for (const auto& week : outlook.weeks) {
    for (const auto& row : week.rows) {
      t.rows.push_back({std::to_string(week.number), engine::format_date(week.from),
                        engine::format_date(week.to), row.team, row.clock, std::to_string(row.due),
                        std::to_string(row.will_breach)});
    }
  }
  return to_csv(t);
}

nlohmann::ordered_json outlook_to_json(const report::Outlook& outlook) {
  nlohmann::ordered_json weeks = nlohmann::ordered_json::array();
  for (const auto& week : outlook.weeks) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& row : week.rows) {
      rows.push_back({{"team", team_or_null(row.team)},
                      {"clock", row.clock},
                      {"due", row.due},
                      {"will_breach", row.will_breach}});
    }
    weeks.push_back({{"week", week.number},
                     {"from", engine::format_date(week.from)},
                     {"to", engine::format_date(week.to)},
                     {"due", week.due},
                     {"will_breach", week.will_breach},
                     {"rows", std::move(rows)}});
  }
  nlohmann::ordered_json out;
  out["as_of"] = engine::format_date(outlook.as_of);
  out["team"] = outlook.team ? nlohmann::ordered_json(*outlook.team) : nlohmann::ordered_json();
  out["due"] = total(outlook, &report::OutlookWeek::due);
  out["will_breach"] = total(outlook, &report::OutlookWeek::will_breach);
  out["weeks"] = std::move(weeks);
  return out;
}

}  // namespace ehcp::adapters::render
