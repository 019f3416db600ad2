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
#include "adapters/render/rederive_render.h"
#include "adapters/render/table.h"

namespace ehcp::adapters::render {
namespace {

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

std::string html_list(const ListView& list, bool names) {
  std::string out = "<h2>" + list.title + "</h2>\n";
  if (list.entries.empty()) {
    return out + "<p>" + list.none + "</p>\n";
  }
  HtmlTable t{list.title + ": " + std::to_string(list.entries.size()) + ", " + list.order,
              list_table(list, names),
              {},
              false,
              {}};
  for (std::size_t i = 0; i < entry_headers(names).size(); ++i) {
    t.columns.push_back(HtmlColumn::kText);
  }
  t.columns.push_back(HtmlColumn::kDate);   // due
  t.columns.push_back(HtmlColumn::kCount);  // days overdue or working days left
  return out + html_table(t);
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
  std::string out = html_page_start(title, "");
  out += html_heading(report, options);
  if (options.rederived) {
    out += html_section(html_moved(*options.rederived));
  }
  out += html_section(html_tiles(report));
  out += html_section(html_counts("clock", report.by_clock, report.previous_by_clock, report));
  out += html_section(html_counts("team", report.by_team, report.previous_by_team, report));
  for (const auto& list : lists_of(report)) {
    out += html_section(html_list(list, options.names));
  }
  out += html_note(report);
  out += html_page_end(options.version);
  return out;
}

}  // namespace ehcp::adapters::render
