// The breach report as one self-contained HTML file for the improvement board: breaches_to_html
// of breach_render.h; the other formats are in breach_render.cpp.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <vector>

#include "adapters/render/breach_render.h"
#include "adapters/render/detail/breach_parts.h"
#include "adapters/render/detail/html_page.h"
#include "adapters/render/detail/svg_chart.h"
#include "adapters/render/rederive_render.h"
#include "adapters/render/table.h"

namespace ehcp::adapters::render {
namespace {

using detail::append;
using detail::BreachEntry;
using detail::BreachReport;
using detail::BreachTally;
using detail::capitalised;
using detail::Cells;
using detail::counts_of;
using detail::entry_headers;
using detail::escape;
using detail::html_page_end;
using detail::html_page_start;
using detail::html_section;
using detail::html_table;
using detail::HtmlColumn;
using detail::HtmlTable;
using detail::kMinus;
using detail::kNewIsOverdue;
using detail::list_table;
using detail::lists_of;
using detail::ListView;
using detail::signed_change;

// A list longer than this shows its first rows (the oldest breaches, the soonest due) and then
// its counts by team and clock, not its long tail: the board reads the page, and the full lists
// are in the CSV and JSON beside it.
constexpr std::size_t kListRows = 20;

// Printed, the report's tables sit a little closer than the house style's, so that a board's
// copy is a few pages (5,000 cases: 6 A4 pages; 80,000: 11).
constexpr std::string_view kBreachStyle = R"(
@media print { th, td { padding-top: 1px; padding-bottom: 1px; } table { font-size: 9pt; } }
)";

// ---------------------------------------------------------------------------------------------
// HTML

// "+3 (3 more than the night before)", "−1 (1 fewer ...)", "no change since the night before":
// the sign and the words, so that nothing rests on colour.
std::string change_in_words(int now, int before) {
  if (now == before) {
    return "no change since the night before";
  }
  const int n = now > before ? now - before : before - now;
  return signed_change(now, before, kMinus) + " (" + std::to_string(n) +
         (now > before ? " more" : " fewer") + " than the night before)";
}

std::string html_heading(const BreachReport& r, const BreachRenderOptions& o) {
  const std::string yesterday = engine::format_date_long(r.as_of - date::days{1});
  std::string out = "<h1>Deadline breach report";
  out += o.la.empty() ? std::string() : ": " + escape(o.la);
  out += "</h1>\n<p>Statutory clocks as of " + engine::format_date_long(r.as_of) +
         ", compared with the night before (" + yesterday + ").</p>\n";
  out += o.names ? "<p><strong>This copy names children.</strong> Share it only with those who "
                   "need to see it.</p>\n"
                 : "<p>Anonymised: cases are shown by reference only.</p>\n";
  return out;
}

std::string html_tiles(const BreachReport& r) {
  std::string out = "<h2>Summary</h2>\n<ul class=\"tiles\">\n";
  for (const auto& c : counts_of(r)) {
    out += "<li class=\"tile " + std::string(c.tile_class) + "\"><span class=\"label\">" + c.label +
           "</span> <span class=\"count\">" + std::to_string(c.now) +
           "</span> <span class=\"change\">";
    if (c.before) {
      out += change_in_words(c.now, *c.before);
    } else {
      out += kNewIsOverdue;
    }
    out += "</span></li>\n";
  }
  return out + "</ul>\n";
}

Cells tally_cells(const std::string& name, const BreachTally& now, const BreachTally& before) {
  return {name,
          std::to_string(now.overdue),
          std::to_string(now.new_breaches),
          std::to_string(now.due_soon),
          std::to_string(now.excepted),
          std::to_string(before.overdue),
          signed_change(now.overdue, before.overdue, kMinus)};
}

// Counts by clock or by team: one row for every key of either night, then the totals.
std::string html_counts(const std::string& by, const std::map<std::string, BreachTally>& now,
                        const std::map<std::string, BreachTally>& before, const BreachReport& r) {
  std::set<std::string> keys;
  for (const auto& [k, t] : now) {
    keys.insert(k);
  }
  for (const auto& [k, t] : before) {
    keys.insert(k);
  }
  std::string out = "<h2>Counts by " + by + "</h2>\n";
  if (keys.empty()) {
    return out + "<p>No statutory clock was overdue, due soon or excepted on either night.</p>\n";
  }
  HtmlTable t{"Counts by " + by + " today, and overdue the night before",
              {{capitalised(by), "Overdue", "New", "Due soon", "Excepted",
                "Overdue the night before", "Change in overdue"},
               {}},
              tally_cells("Total", r.total, r.previous_total),
              true,
              {HtmlColumn::kText, HtmlColumn::kCount, HtmlColumn::kCount, HtmlColumn::kCount,
               HtmlColumn::kCount, HtmlColumn::kCount, HtmlColumn::kCount}};
  const auto find = [](const std::map<std::string, BreachTally>& m, const std::string& k) {
    const auto it = m.find(k);
    return it == m.end() ? BreachTally{} : it->second;
  };
  for (const auto& k : keys) {
    // A clock's name in words; a team is its own name.
    const std::string label = by == "clock" ? counted_clock_title(r, k) : k;
    t.table.rows.push_back(tally_cells(label, find(now, k), find(before, k)));
  }
  return out + html_table(t);
}

// A clock family as the board says it: the advice clocks together, the consultations together,
// the orders together; any other clock is its own family.
std::string family_of(const std::string& clock) { return clock.substr(0, clock.find(':')); }

std::string family_title(const std::string& family) {
  if (family == "advice") {
    return "Advice (every service)";
  }
  if (family == "consultation") {
    return "Consultations with settings";
  }
  if (family == "order") {
    return "Tribunal orders";
  }
  return clock_title(family);
}

// The summary's second part: overdue by clock family, the new breaches and the clocks met late.
std::string html_families(const BreachReport& r) {
  std::map<std::string, BreachTally> families;
  for (const auto& [clock, t] : r.by_clock) {
    auto& f = families[family_of(clock)];
    f.overdue += t.overdue;
    f.new_breaches += t.new_breaches;
    f.excepted += t.excepted;
  }
  const std::string days = std::to_string(engine::kTrendNights);
  std::string out = "<p>" + std::to_string(r.total.new_breaches) + " new tonight; " +
                    std::to_string(r.met_late) + " statutory clock(s) met late in the " + days +
                    " days to " + engine::format_date_long(r.as_of - date::days{1}) + ".</p>\n";
  if (r.total.overdue == 0 && r.total.excepted == 0) {
    return out;
  }
  HtmlTable t{"Overdue by clock family tonight",
              {{"Clock family", "Overdue", "New", "Excepted"}, {}},
              {"Total", std::to_string(r.total.overdue), std::to_string(r.total.new_breaches),
               std::to_string(r.total.excepted)},
              true,
              {HtmlColumn::kText, HtmlColumn::kCount, HtmlColumn::kCount, HtmlColumn::kCount}};
  std::vector<std::pair<std::string, BreachTally>> rows(families.begin(), families.end());
  // Most overdue first: the board reads down to where the work is.
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second.overdue > b.second.overdue;
  });
  for (const auto& [family, f] : rows) {
    if (f.overdue == 0 && f.excepted == 0) {
      continue;
    }
    t.table.rows.push_back({family_title(family), std::to_string(f.overdue),
                            std::to_string(f.new_breaches), std::to_string(f.excepted)});
  }
  return out + html_table(t);
}

// The overdue count on each night the nightly run recorded in the last 30, as a line.
std::string html_trend(const BreachReport& r) {
  const std::string days = std::to_string(engine::kTrendNights);
  std::string out = "<h2>Overdue over the last " + days + " nights</h2>\n";
  if (r.trend.size() < 2) {
    return out + "<p>No earlier night in the last " + days +
           " is recorded, so there is no trend yet: tonight " + std::to_string(r.total.overdue) +
           " statutory clock(s) are overdue. Each night the nightly run records adds a point."
           "</p>\n";
  }
  detail::LineChart c;
  c.id = "trend";
  c.title = "Statutory clocks overdue each night, " +
            engine::format_date_long(r.trend.front().night) + " to " +
            engine::format_date_long(r.trend.back().night);
  detail::ChartSeries s{"Overdue (not excepted)", {}, "#1d70b8", false};
  double largest = 0;
  const engine::BreachNight* low = &r.trend.front();
  const engine::BreachNight* high = &r.trend.front();
  // About six labels along the axis, the last night always among them.
  const std::size_t every = std::max<std::size_t>(1, (r.trend.size() + 5) / 6);
  for (std::size_t i = 0; i < r.trend.size(); ++i) {
    const auto& n = r.trend[i];
    s.values.push_back(n.overdue);
    largest = std::max(largest, static_cast<double>(n.overdue));
    low = n.overdue < low->overdue ? &n : low;
    high = n.overdue > high->overdue ? &n : high;
    const bool labelled = (r.trend.size() - 1 - i) % every == 0;
    c.x_labels.push_back(labelled ? engine::format_date_short(n.night) : std::string());
  }
  c.series.push_back(std::move(s));
  c.y_max = std::max(4.0, largest);
  c.y_suffix = "";
  c.description = std::to_string(r.trend.size()) + " nights recorded. Overdue " +
                  std::to_string(r.trend.front().overdue) + " on " +
                  engine::format_date_long(r.trend.front().night) + ", " +
                  std::to_string(r.trend.back().overdue) + " tonight; lowest " +
                  std::to_string(low->overdue) + " on " + engine::format_date_long(low->night) +
                  ", highest " + std::to_string(high->overdue) + " on " +
                  engine::format_date_long(high->night) + ".";
  out += "<figure>\n<figcaption>" + escape(c.title) + "</figcaption>\n" +
         detail::svg_line_chart(c) + "</figure>\n";
  return out + "<p>" + escape(c.description) +
         " A night the nightly run did not record has no point.</p>\n";
}

// The overdue clocks counted by team (a row each) and clock family (a column each: the
// kFamilyColumns families with the most, then the rest together), with each team's most days
// overdue: what the long tail of the overdue list says, in as many rows as there are teams.
constexpr std::size_t kFamilyColumns = 3;

std::string html_overdue_by_team_and_clock(const BreachReport& r) {
  std::map<std::string, int> by_family;
  for (const auto& e : r.overdue) {
    ++by_family[family_of(e.clock)];
  }
  std::vector<std::pair<std::string, int>> families(by_family.begin(), by_family.end());
  std::stable_sort(families.begin(), families.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  const std::size_t columns = std::min(kFamilyColumns, families.size());
  const bool other = families.size() > columns;
  struct Row {
    std::vector<int> counts;
    int total = 0;
    int most = 0;
  };
  std::map<std::string, Row> teams;
  for (const auto& e : r.overdue) {
    auto& row = teams[e.team.empty() ? "(no team)" : e.team];
    row.counts.resize(columns + 1);
    const std::string family = family_of(e.clock);
    std::size_t k = 0;
    while (k < columns && families[k].first != family) {
      ++k;
    }
    ++row.counts[k];  // k == columns: one of the other families
    ++row.total;
    row.most = std::max(row.most, e.days_overdue);
  }
  HtmlTable t{"Overdue by team and clock family: " + std::to_string(r.overdue.size()) + " in " +
                  std::to_string(teams.size()) + " team(s), by team",
              {{"Team"}, {}},
              {"Total"},
              true,
              {HtmlColumn::kText}};
  for (std::size_t k = 0; k < columns; ++k) {
    t.table.headers.push_back(family_title(families[k].first));
    t.footer.push_back(std::to_string(families[k].second));
  }
  int rest = 0;
  for (std::size_t k = columns; k < families.size(); ++k) {
    rest += families[k].second;
  }
  if (other) {
    t.table.headers.push_back("Other clocks");
    t.footer.push_back(std::to_string(rest));
  }
  append(t.table.headers, {"Overdue", "Most days overdue"});
  append(t.footer, {std::to_string(r.overdue.size()), ""});
  for (std::size_t k = 1; k < t.table.headers.size(); ++k) {
    t.columns.push_back(HtmlColumn::kCount);
  }
  for (const auto& [team, row] : teams) {
    Cells cells{team};
    for (std::size_t k = 0; k < columns + (other ? 1 : 0); ++k) {
      cells.push_back(std::to_string(row.counts[k]));
    }
    append(cells, {std::to_string(row.total), std::to_string(row.most)});
    t.table.rows.push_back(std::move(cells));
  }
  return "<h3>Overdue by team and clock</h3>\n" + html_table(t);
}

// A list, its first kListRows rows when it is longer (the overdue list then its counts by team
// and clock family).
// `title`: the heading ("Oldest breaches" for the overdue list).
std::string html_list(const ListView& list, const std::string& title, bool names,
                      const BreachReport& r, const std::string& stem) {
  std::string out = "<h2>" + escape(title) + "</h2>\n";
  if (list.entries.empty()) {
    return out + "<p>" + list.none + "</p>\n";
  }
  const bool long_list = list.entries.size() > kListRows;
  const std::vector<BreachEntry> first(
      list.entries.begin(),
      list.entries.begin() + static_cast<std::ptrdiff_t>(std::min(kListRows, list.entries.size())));
  const ListView shown{list.title, list.key, list.none, list.order, first, list.due_soon};
  std::string caption = list.title + ": " + std::to_string(list.entries.size()) + ", " + list.order;
  const bool grouped = long_list && list.key == "overdue";
  if (long_list) {
    caption = list.title + ": the first " + std::to_string(kListRows) + " of " +
              std::to_string(list.entries.size()) + ", " + list.order;
    out += "<p>The first " + std::to_string(kListRows) + " of " +
           std::to_string(list.entries.size()) +
           (grouped ? ", then every one counted by team and clock" : "") +
           ". The full list is in " + escape(stem) + ".csv and .json" +
           (grouped ? "" : "; the counts by clock and by team above count every one") + ".</p>\n";
  }
  HtmlTable t{caption, list_table(shown, names), {}, false, {}};
  for (std::size_t i = 0; i < entry_headers(names).size(); ++i) {
    t.columns.push_back(HtmlColumn::kText);
  }
  t.columns.push_back(HtmlColumn::kDate);   // due
  t.columns.push_back(HtmlColumn::kCount);  // days overdue or working days left
  out += html_table(t);
  if (grouped) {
    out += html_overdue_by_team_and_clock(r);
  }
  return out;
}

// What a change of configuration did to the deadlines tonight, before any count, because every
// count below already reads the new dates.
std::string html_moved(const derivation::Rederived& r) {
  std::string out =
      "<h2>Deadlines moved by a change of configuration</h2>\n<p>Tonight's run found ";
  out += r.changes.empty() ? std::string("a new build") : escape(derivation::in_words(r.changes));
  out += ", and derived every case again (" + std::to_string(r.cases) + " cases). ";
  if (r.moved.empty()) {
    return out + "No deadline moved.</p>\n";
  }
  out += std::to_string(r.moved.size()) + " deadline(s) moved in " +
         std::to_string(r.cases_changed) +
         " case(s); the counts and lists below use the new dates.</p>\n";
  HtmlTable t{"Deadlines moved: " + std::to_string(r.moved.size()) + ", by case",
              moved_clocks_table(r),
              {},
              false,
              {HtmlColumn::kText, HtmlColumn::kText, HtmlColumn::kDate, HtmlColumn::kDate,
               HtmlColumn::kDate, HtmlColumn::kText}};
  return out + html_table(t);
}

std::string html_note(const BreachReport& r) {
  const std::string soon = std::to_string(engine::kDueSoonWorkingDays);
  std::string out = "<section class=\"note\">\n<h2>About this report</h2>\n<ul>\n";
  out +=
      "<li>Statutory clocks only: the time limits the law sets. Guidance targets (such as the "
      "draft plan) are kept apart and are never counted here as breaches.</li>\n";
  out +=
      "<li><strong>New</strong>: a clock overdue for the first time today (its last compliant "
      "day was yesterday), or overdue and not shown by an earlier report, for example after a "
      "backdated event. New breaches are also counted in Overdue.";
  out += r.previous_report ? std::string()
                           : " No earlier report was made, so only clocks first overdue today "
                             "are new.";
  out += "</li>\n";
  out +=
      "<li><strong>Excepted</strong>: the clock is past its due date but a statutory exception "
      "applies, so it is not counted as a breach; it is listed apart.</li>\n";
  out += "<li><strong>Due soon</strong>: open clocks due within the next " + soon +
         " working days (weekends, bank holidays and the council's office closures are not "
         "working days).</li>\n";
  out +=
      "<li>Changes compare each count with the same clocks on the night before; a fall in "
      "Overdue means clocks were met, ended or excepted.</li>\n";
  return out + "</ul>\n</section>\n";
}

}  // namespace

std::string breaches_to_html(const BreachReport& report, const BreachRenderOptions& options) {
  std::string title = "Deadline breach report as of " + engine::format_date(report.as_of);
  title += options.la.empty() ? std::string() : " \u2013 " + options.la;
  std::string out = html_page_start(title, kBreachStyle);
  out += html_heading(report, options);
  if (options.rederived) {
    out += html_section(html_moved(*options.rederived));
  }
  // The summary, the trend and the oldest breaches first: what a board reads; then the counts,
  // and each other list, shortened as the overdue one is.
  const std::string stem = "breaches-" + engine::format_date(report.as_of);
  out += html_section(html_tiles(report) + html_families(report));
  out += html_section(html_trend(report));
  const auto lists = lists_of(report);
  out += html_section(html_list(lists[1], "Oldest breaches", options.names, report, stem));
  out += html_section(html_counts("clock", report.by_clock, report.previous_by_clock, report));
  out += html_section(html_counts("team", report.by_team, report.previous_by_team, report));
  for (const auto& list : lists) {
    if (list.key != "overdue") {
      out += html_section(html_list(list, list.title, options.names, report, stem));
    }
  }
  out += html_note(report);
  out += html_page_end(options.version);
  return out;
}

}  // namespace ehcp::adapters::render
