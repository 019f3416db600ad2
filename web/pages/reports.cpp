// Reports for managers and the board: the breach report as of any night, the board pack for a
// period, and the phase transfers for a year, each as a page and as csv or json. The board sees
// aggregates only: totals and counts, never a case, a name or a date of birth; a manager sees
// their team's cases listed too, and downloads them (audited).
#include <cstdio>

#include "adapters/render/breach_render.h"
#include "adapters/render/indicator_render.h"
#include "adapters/render/transfer_render.h"
#include "adapters/render/words.h"
#include "adapters/report/breach_source.h"
#include "adapters/report/indicator_source.h"
#include "adapters/report/transfer_report.h"
#include "engine/indicators.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/pages/plans_due_section.h"

namespace ehcp::web::pages {
namespace {

std::optional<std::string> given(const Params& query, const std::string& name) {
  auto it = query.find(name);
  return it == query.end() || it->second.empty() ? std::nullopt
                                                 : std::optional<std::string>(it->second);
}

// A date from the query (default `fallback`), never after today; nullopt when not a date.
std::optional<engine::Date> date_param(const PageContext& context, const std::string& name,
                                       engine::Date fallback) {
  auto text = given(context.query, name);
  if (!text) {
    return fallback;
  }
  auto d = engine::parse_date(*text);
  if (!d || *d > context.today) {
    return std::nullopt;
  }
  return d;
}

bool is_manager(const PageContext& context) { return context.has_role("manager"); }

Response download(std::string body, const std::string& format, const std::string& name) {
  Response r;
  r.content_type = format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
  r.set("Content-Disposition", "attachment; filename=\"" + name + "." + format + "\"");
  r.body = std::move(body);
  return r;
}

void keep_team(std::vector<engine::BreachEntry>& entries, const std::optional<std::string>& team) {
  std::erase_if(entries, [&](const engine::BreachEntry& e) { return !team || e.team != *team; });
}

// The manager's lists hold their own team's cases only; the tallies stay the council's.
void restrict_to_team(engine::BreachReport& report, const std::optional<std::string>& team) {
  keep_team(report.new_breaches, team);
  keep_team(report.overdue, team);
  keep_team(report.due_soon, team);
  keep_team(report.excepted, team);
}

std::vector<std::string> tally_cells(const std::string& name, const engine::BreachTally& t) {
  return {escape(name), std::to_string(t.overdue), std::to_string(t.new_breaches),
          std::to_string(t.due_soon), std::to_string(t.excepted)};
}

std::string entry_table(const std::string& caption, const std::vector<engine::BreachEntry>& es) {
  if (es.empty()) {
    return "";
  }
  std::vector<std::vector<std::string>> rows;
  std::vector<adapters::render::ClockLabel> labels;
  for (const auto& e : es) {
    labels.push_back({e.clock, e.detail, e.case_ref});
  }
  const auto titles = adapters::render::clock_titles(labels);
  for (std::size_t i = 0; i < es.size(); ++i) {
    const auto& e = es[i];
    rows.push_back({link("/cases/" + percent_encode(e.case_ref),
                         e.case_ref + (e.child.empty() ? "" : ": " + e.child)),
                    escape(titles[i]), escape(engine::format_date_long(e.due)),
                    e.days_overdue > 0 ? std::to_string(e.days_overdue) + " days overdue"
                                       : std::to_string(e.working_days_left) + " working days",
                    escape(e.caseworker.empty() ? "(none)" : e.caseworker)});
  }
  return table(caption, {"Case", "Clock", "Due", "Standing", "Caseworker"}, rows);
}

engine::Date default_pack_end(engine::Date today) {
  const date::year_month_day ymd{today};
  return engine::Date{date::year_month_day{ymd.year() / ymd.month() / 1}} - date::days{1};
}

std::string figure_text(const engine::Indicator& i, const engine::Figure& f) {
  if (f.suppressed) {
    return "withheld (small numbers)";
  }
  if (!f.value) {
    return "no cases";
  }
  char buffer[64];
  switch (i.unit) {
    case engine::IndicatorUnit::kPercent:
      std::snprintf(buffer, sizeof buffer, "%.1f%% (%d of %d)", *f.value, f.numerator,
                    f.denominator);
      break;
    case engine::IndicatorUnit::kWeeks:
      std::snprintf(buffer, sizeof buffer, "%.1f weeks", *f.value);
      break;
    case engine::IndicatorUnit::kCount:
      std::snprintf(buffer, sizeof buffer, "%.0f", *f.value);
      break;
  }
  return buffer;
}

std::string target_text(const engine::Indicator& i, double target) {
  engine::Figure f;
  f.value = target;
  f.numerator = 0;
  if (i.unit == engine::IndicatorUnit::kPercent) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", target);
    return buffer;
  }
  return figure_text(i, f);
}

struct PackWanted {
  engine::Date from;
  engine::Date to;
};

std::optional<PackWanted> pack_period(const PageContext& context) {
  const auto end = default_pack_end(context.today);
  const date::year_month_day e{end};
  auto to = date_param(context, "to", end);
  auto from =
      date_param(context, "from", engine::Date{date::year_month_day{e.year() / e.month() / 1}});
  if (!from || !to || *from > *to) {
    return std::nullopt;
  }
  return PackWanted{*from, *to};
}

int transfer_year(const PageContext& context, bool& ok) {
  const date::year_month_day t{context.today};
  int year = static_cast<int>(t.year()) + (static_cast<unsigned>(t.month()) >= 9 ? 1 : 0);
  ok = true;
  if (auto text = given(context.query, "year")) {
    try {
      year = std::stoi(*text);
    } catch (const std::exception&) {
      ok = false;
    }
    ok = ok && year >= 2015 && year <= 2100;
  }
  return year;
}

}  // namespace

Response reports(PageContext& context) {
  std::string body =
      "<h1 class=\"govuk-heading-l\">Reports</h1><ul class=\"govuk-list\">"
      "<li>" +
      link("/reports/breaches", "Deadline-breach report (tonight's, or any past night's)") +
      "</li><li>" + link("/reports/board-pack", "Board pack (last month, or any period)") +
      "</li><li>" + link("/reports/transfers", "Phase transfers (this year's moves)") +
      "</li></ul>";
  if (!is_manager(context)) {
    body += "<p class=\"govuk-body\">The board's reports show counts only: no child is named.</p>";
  }
  return html_response(page(context, "Reports", "/reports", body));
}

Response breach_report(PageContext& context) {
  const auto as_of = date_param(context, "date", context.today);
  if (!as_of) {
    return error_page(context, 400, "The date must be a real date YYYY-MM-DD, not after today.");
  }
  const bool names = is_manager(context);
  auto loaded =
      adapters::report::load_breach_report(context.db, context.options.config, *as_of, names);
  if (!loaded.ok()) {
    return error_page(context, 500, loaded.status().message());
  }
  auto report = std::move(loaded).value();
  const std::string date = engine::format_date(*as_of);
  std::string body =
      "<h1 class=\"govuk-heading-l\">Deadline-breach report</h1>"
      "<form method=\"get\" action=\"/reports/breaches\" novalidate><div "
      "class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"date\">The "
      "night of (YYYY-MM-DD)</label><input class=\"govuk-input "
      "govuk-input--width-10\" id=\"date\" name=\"date\" type=\"text\" value=\"" +
      escape(date) +
      "\"></div><button type=\"submit\" class=\"govuk-button "
      "govuk-button--secondary\" data-module=\"govuk-button\">Show</button></form>";
  body += summary_list({{"Overdue", std::to_string(report.total.overdue)},
                        {"New breaches", std::to_string(report.total.new_breaches)},
                        {"Due in the next 10 working days", std::to_string(report.total.due_soon)},
                        {"Excepted", std::to_string(report.total.excepted)}});
  const std::vector<std::string> head = {"", "Overdue", "New", "Due soon", "Excepted"};
  std::vector<std::vector<std::string>> by_clock;
  for (const auto& [clock, t] : report.by_clock) {
    by_clock.push_back(tally_cells(adapters::render::counted_clock_title(report, clock), t));
  }
  std::vector<std::vector<std::string>> by_team;
  for (const auto& [team, t] : report.by_team) {
    by_team.push_back(tally_cells(team, t));
  }
  if (!by_clock.empty()) {
    auto h = head;
    h[0] = "Clock";
    body += table("By clock", h, by_clock, true);
  }
  if (!by_team.empty()) {
    auto h = head;
    h[0] = "Team";
    body += table("By team", h, by_team, true);
  }
  if (names) {
    restrict_to_team(report, context.user->team);
    context.audit(std::nullopt, "shown");
    const std::string q = "?date=" + date;
    body += "<p class=\"govuk-body\">" +
            link("/reports/breaches.csv" + q, "Download your team's breaches as CSV") + " · " +
            link("/reports/breaches.json" + q, "as JSON") + "</p>";
    body += entry_table("Your team: overdue", report.overdue);
    body += entry_table("Your team: due in the next 10 working days", report.due_soon);
    body += entry_table("Your team: excepted", report.excepted);
  }
  return html_response(page(context, "Deadline-breach report", "/reports", body));
}

Response breach_download(PageContext& context, const std::string& format) {
  const auto as_of = date_param(context, "date", context.today);
  if (!as_of) {
    return error_page(context, 400, "The date must be a real date YYYY-MM-DD, not after today.");
  }
  auto loaded =
      adapters::report::load_breach_report(context.db, context.options.config, *as_of, true);
  if (!loaded.ok()) {
    return error_page(context, 500, loaded.status().message());
  }
  auto report = std::move(loaded).value();
  restrict_to_team(report, context.user->team);
  context.audit(std::nullopt, "downloaded");
  const std::string name = "breaches-" + engine::format_date(*as_of);
  if (format == "csv") {
    return download(adapters::render::breaches_to_csv(report, {context.options.config.la, true}),
                    format, name);
  }
  return download(adapters::render::breaches_to_json(report).dump() + "\n", format, name);
}

Response board_pack(PageContext& context) {
  const auto period = pack_period(context);
  if (!period) {
    return error_page(context, 400,
                      "The period must run from a date to a later one, YYYY-MM-DD, not after "
                      "today.");
  }
  auto facts = adapters::report::load_indicator_facts(context.db, period->from, period->to);
  if (!facts.ok()) {
    return error_page(context, 500, facts.status().message());
  }
  const auto pack = engine::compose_indicator_pack(facts.value(), period->from, period->to,
                                                   context.options.config.indicators);
  const std::string q =
      "?from=" + engine::format_date(period->from) + "&to=" + engine::format_date(period->to);
  std::string body =
      "<h1 class=\"govuk-heading-l\">Board pack</h1><p class=\"govuk-body\">" +
      escape(pack.period) +
      ". Counts below 5 are withheld.</p><form method=\"get\" action=\"/reports/board-pack\" "
      "novalidate><div class=\"govuk-form-group\"><label class=\"govuk-label\" "
      "for=\"from\">From (YYYY-MM-DD)</label><input class=\"govuk-input govuk-input--width-10\" "
      "id=\"from\" name=\"from\" type=\"text\" value=\"" +
      escape(engine::format_date(period->from)) +
      "\"></div><div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"to\">To "
      "(YYYY-MM-DD)</label><input class=\"govuk-input govuk-input--width-10\" id=\"to\" "
      "name=\"to\" type=\"text\" value=\"" +
      escape(engine::format_date(period->to)) +
      "\"></div><button type=\"submit\" class=\"govuk-button govuk-button--secondary\" "
      "data-module=\"govuk-button\">Show</button></form><p class=\"govuk-body\">" +
      link("/reports/board-pack.csv" + q, "Download as CSV") + " · " +
      link("/reports/board-pack.json" + q, "as JSON") + "</p>";
  std::vector<std::vector<std::string>> rows;
  for (const auto& i : pack.indicators) {
    rows.push_back(
        {escape(i.title), escape(i.section), escape(figure_text(i, i.figure)),
         i.figure.target ? escape(target_text(i, *i.figure.target)) : std::string("none set"),
         escape(i.cohort)});
  }
  body +=
      table("Indicators", {"Indicator", "Section", "This period", "Target", "Cohort"}, rows, true);
  body += plans_due_section(context);
  return html_response(page(context, "Board pack", "/reports", body));
}

Response board_pack_download(PageContext& context, const std::string& format) {
  const auto period = pack_period(context);
  if (!period) {
    return error_page(context, 400, "The period must be two dates YYYY-MM-DD, not after today.");
  }
  auto facts = adapters::report::load_indicator_facts(context.db, period->from, period->to);
  if (!facts.ok()) {
    return error_page(context, 500, facts.status().message());
  }
  const auto pack = engine::compose_indicator_pack(facts.value(), period->from, period->to,
                                                   context.options.config.indicators);
  const std::string name =
      "board-pack-" + engine::format_date(period->from) + "-to-" + engine::format_date(period->to);
  if (format == "csv") {
    return download(adapters::render::indicators_to_csv(pack), format, name);
  }
  return download(
      adapters::render::indicators_to_json(pack, context.options.config.la).dump() + "\n", format,
      name);
}

Response transfers(PageContext& context) {
  bool ok = true;
  const int year = transfer_year(context, ok);
  if (!ok) {
    return error_page(context, 400, "The year must be a number from 2015 to 2100.");
  }
  const bool names = is_manager(context);
  auto loaded = adapters::report::load_transfer_report(context.db, year, context.today, names);
  if (!loaded.ok()) {
    return error_page(context, 500, loaded.status().message());
  }
  const auto& report = loaded.value();
  std::string body =
      "<h1 class=\"govuk-heading-l\">Phase transfers for September " + std::to_string(year) +
      "</h1><form method=\"get\" action=\"/reports/transfers\" novalidate><div "
      "class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"year\">Year of the "
      "move</label><input class=\"govuk-input govuk-input--width-4\" id=\"year\" name=\"year\" "
      "type=\"text\" inputmode=\"numeric\" value=\"" +
      std::to_string(year) +
      "\"></div><button type=\"submit\" class=\"govuk-button govuk-button--secondary\" "
      "data-module=\"govuk-button\">Show</button></form>";
  std::vector<std::vector<std::string>> groups;
  for (const auto& g : report.groups) {
    groups.push_back({escape(g.transfer), std::to_string(g.plans), std::to_string(g.named_on_time),
                      std::to_string(g.named_late), std::to_string(g.overdue),
                      std::to_string(g.due_ahead), std::to_string(g.not_applicable)});
  }
  body += table("Plans by transfer",
                {"Transfer", "Plans", "Named on time", "Named late", "Overdue", "Due ahead",
                 "Not applicable"},
                groups, true);
  if (names) {
    context.audit(std::nullopt, "shown");
    const std::string q = "?year=" + std::to_string(year);
    body += "<p class=\"govuk-body\">" +
            link("/reports/transfers.csv" + q, "Download your team's transfers as CSV") + " · " +
            link("/reports/transfers.json" + q, "as JSON") + "</p>";
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : report.rows) {
      if (!context.user->team || r.team != *context.user->team) {
        continue;
      }
      rows.push_back({link("/cases/" + percent_encode(r.case_ref), r.case_ref + ": " + r.child),
                      escape(r.transfer), escape(engine::format_date_long(r.due)),
                      escape(std::string(adapters::report::to_string(r.standing))),
                      escape(r.caseworker)});
    }
    if (!rows.empty()) {
      body += table("Your team's plans", {"Case", "Transfer", "Deadline", "Standing", "Caseworker"},
                    rows);
    }
  }
  return html_response(page(context, "Phase transfers", "/reports", body));
}

Response transfers_download(PageContext& context, const std::string& format) {
  bool ok = true;
  const int year = transfer_year(context, ok);
  if (!ok) {
    return error_page(context, 400, "The year must be a number from 2015 to 2100.");
  }
  auto loaded = adapters::report::load_transfer_report(context.db, year, context.today, true);
  if (!loaded.ok()) {
    return error_page(context, 500, loaded.status().message());
  }
  auto report = std::move(loaded).value();
  std::erase_if(report.rows, [&](const adapters::report::TransferRow& r) {
    return !context.user->team || r.team != *context.user->team;
  });
  context.audit(std::nullopt, "downloaded");
  const std::string name = "transfers-" + std::to_string(year);
  if (format == "csv") {
    return download(adapters::render::transfers_to_csv(report, true), format, name);
  }
  return download(adapters::render::transfers_to_json(report).dump() + "\n", format, name);
}

}  // namespace ehcp::web::pages
