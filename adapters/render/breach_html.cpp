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
#include "adapters/render/table.h"

namespace ehcp::adapters::render {
namespace {

using detail::BreachReport;
using detail::BreachTally;
using detail::Cells;
using detail::counts_of;
using detail::entry_headers;
using detail::kNewIsOverdue;
using detail::list_table;
using detail::lists_of;
using detail::ListView;
using detail::signed_change;

// ---------------------------------------------------------------------------------------------
// HTML

constexpr std::string_view kMarking = "OFFICIAL-SENSITIVE";
constexpr std::string_view kMinus = "\u2212";

// Inline only: the page must stand alone in an e-mail and print on A4.
constexpr std::string_view kStyle = R"(
@page { size: A4; margin: 16mm 14mm 18mm;
  @top-center { content: "OFFICIAL-SENSITIVE"; font: bold 9pt Arial, sans-serif; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, sans-serif; } }
html { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; color: #0b0c0c; background: #fff; }
body { max-width: 182mm; margin: 0 auto; padding: 8px; line-height: 1.35; }
.marking { text-align: center; font-weight: bold; letter-spacing: 0.1em; border: 2px solid #0b0c0c;
  padding: 2px 0; margin: 0 0 12px; }
h1 { font-size: 19pt; margin: 0 0 4px; }
h2 { font-size: 13pt; margin: 20px 0 6px; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 6px; }
.tiles { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; padding: 0; margin: 0; }
.tile { flex: 1 1 36mm; border: 1px solid #b1b4b6; border-left: 6px solid #505a5f; padding: 6px 8px;
  break-inside: avoid; }
.tile.new, .tile.overdue { border-left-color: #d4351c; }
.tile.soon { border-left-color: #f47738; }
.tile .label, .tile .count, .tile .change { display: block; }
.tile .label { font-weight: bold; }
.tile .count { font-size: 24pt; font-weight: bold; line-height: 1.15; }
.tile .change { font-size: 9pt; }
table { width: 100%; border-collapse: collapse; margin: 0 0 10px; font-size: 9.5pt; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 4px; }
th, td { text-align: left; vertical-align: top; padding: 3px 8px 3px 0; border-bottom: 1px solid #b1b4b6;
  overflow-wrap: anywhere; }
thead th { border-bottom: 2px solid #0b0c0c; overflow-wrap: normal; }
thead { display: table-header-group; }
tfoot th, tfoot td { font-weight: bold; border-top: 2px solid #0b0c0c; border-bottom: 0; }
tr { break-inside: avoid; page-break-inside: avoid; }
.num { text-align: right; font-variant-numeric: tabular-nums; padding-right: 14px; }
td.num, td.date { white-space: nowrap; }
section { break-inside: avoid; page-break-inside: avoid; }
.note { font-size: 9.5pt; border-top: 1px solid #b1b4b6; margin-top: 20px; }
.note ul { padding-left: 18px; }
@media print { body { max-width: none; padding: 0; } }
)";

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string capitalised(std::string s) {
  if (!s.empty()) {
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  }
  return s;
}

// How an HTML column is laid out: text wraps (even inside a long word, so that no table is
// wider than the page); dates and counts never wrap, and counts are right-aligned.
enum class HtmlColumn { kText, kDate, kCount };

std::string class_attribute(const std::vector<HtmlColumn>& columns, std::size_t i) {
  const HtmlColumn c = i < columns.size() ? columns[i] : HtmlColumn::kText;
  return c == HtmlColumn::kCount  ? " class=\"num\""
         : c == HtmlColumn::kDate ? " class=\"date\""
                                  : "";
}

// A table as HTML: a caption, column headers with scope.
struct HtmlTable {
  std::string caption;
  Table table;
  Cells footer;                     // a totals row; none when empty
  bool row_headers = false;         // the first cell of each row names it
  std::vector<HtmlColumn> columns;  // kText for any column not given
};

std::string html_row(const Cells& cells, const HtmlTable& t) {
  std::string out = "<tr>";
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const bool header = t.row_headers && i == 0;
    out += header ? "<th scope=\"row\"" : "<td";
    out += class_attribute(t.columns, i) + ">";
    out += escape(cells[i]);
    out += header ? "</th>" : "</td>";
  }
  return out + "</tr>\n";
}

std::string html_table(const HtmlTable& t) {
  std::string out = "<table>\n<caption>" + escape(t.caption) + "</caption>\n<thead><tr>";
  for (std::size_t i = 0; i < t.table.headers.size(); ++i) {
    out += "<th scope=\"col\"" + class_attribute(t.columns, i) + ">" +
           escape(capitalised(t.table.headers[i])) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.table.rows) {
    out += html_row(row, t);
  }
  out += "</tbody>\n";
  if (!t.footer.empty()) {
    out += "<tfoot>\n" + html_row(t.footer, t) + "</tfoot>\n";
  }
  return out + "</table>\n";
}

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
    t.table.rows.push_back(tally_cells(k, find(now, k), find(before, k)));
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

// A heading and what it heads, kept on one page when they fit.
std::string html_section(const std::string& body) { return "<section>\n" + body + "</section>\n"; }

std::string html_head(const BreachReport& r, const BreachRenderOptions& o) {
  std::string title = "Deadline breach report as of " + engine::format_date(r.as_of);
  title += o.la.empty() ? std::string() : " \u2013 " + o.la;
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         escape(title) + "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n";
}

}  // namespace

std::string breaches_to_html(const BreachReport& report, const BreachRenderOptions& options) {
  std::string out = html_head(report, options);
  out += "<body>\n<p class=\"marking\">" + std::string(kMarking) + "</p>\n";
  out += html_heading(report, options);
  out += html_section(html_tiles(report));
  out += html_section(html_counts("clock", report.by_clock, report.previous_by_clock, report));
  out += html_section(html_counts("team", report.by_team, report.previous_by_team, report));
  for (const auto& list : lists_of(report)) {
    out += html_section(html_list(list, options.names));
  }
  out += html_note(report);
  out += "<p class=\"marking\">" + std::string(kMarking) + "</p>\n</body>\n</html>\n";
  return out;
}

}  // namespace ehcp::adapters::render
