#include "adapters/render/breach_render.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <vector>

#include "adapters/render/table.h"

namespace ehcp::adapters::render {
namespace {

using engine::BreachEntry;
using engine::BreachReport;
using engine::BreachTally;
using Cells = std::vector<std::string>;

// ---------------------------------------------------------------------------------------------
// Shared by every format

// One of the report's four lists, as every format names and orders them.
struct ListView {
  std::string title;     // "New breaches"
  std::string_view key;  // the list's name in data: "new", "overdue", "due_soon", "excepted"
  std::string none;      // the sentence shown when it is empty
  std::string order;     // how it is sorted, for HTML captions
  const std::vector<BreachEntry>& entries;
  bool due_soon = false;  // counts working days left, not days overdue
};

std::vector<ListView> lists_of(const BreachReport& r) {
  const std::string soon = std::to_string(engine::kDueSoonWorkingDays) + " working days";
  std::vector<ListView> lists;
  lists.push_back({"New breaches", "new", "No new breaches.", "most days overdue first",
                   r.new_breaches, false});
  lists.push_back({"Overdue", "overdue", "No statutory clock is overdue.",
                   "most days overdue first", r.overdue, false});
  lists.push_back({"Due within " + soon, "due_soon",
                   "No statutory clock is due within " + soon + ".", "soonest due first",
                   r.due_soon, true});
  lists.push_back({"Overdue with an exception", "excepted",
                   "No overdue clock has a statutory exception.", "most days overdue first",
                   r.excepted, false});
  return lists;
}

void append(Cells& to, std::initializer_list<std::string> cells) {
  for (const auto& c : cells) {
    to.push_back(c);
  }
}

// The columns that say whose clock an entry is, first in every table of entries:
// case[, child], clock.
Cells entry_headers(bool names) {
  Cells headers{"case"};
  if (names) {
    headers.push_back("child");
  }
  headers.push_back("clock");
  return headers;
}

Cells entry_cells(const BreachEntry& e, bool names) {
  Cells cells{e.case_ref};
  if (names) {
    cells.push_back(e.child);
  }
  cells.push_back(e.clock);
  return cells;
}

// A list as text and HTML show it: the entry columns, due, the count that matters for the list,
// caseworker and team (named as missing when empty).
Table list_table(const ListView& list, bool names) {
  Table table{entry_headers(names), {}};
  append(table.headers,
         {"due", list.due_soon ? "working days left" : "days overdue", "caseworker", "team"});
  for (const auto& e : list.entries) {
    Cells row = entry_cells(e, names);
    append(row, {engine::format_date(e.due),
                 std::to_string(list.due_soon ? e.working_days_left : e.days_overdue),
                 e.caseworker.empty() ? "(no caseworker)" : e.caseworker,
                 e.team.empty() ? "(no team)" : e.team});
    table.rows.push_back(std::move(row));
  }
  return table;
}

// "+3", "-1" (with `minus`), or "no change".
std::string signed_change(int now, int before, std::string_view minus) {
  if (now == before) {
    return "no change";
  }
  return (now > before ? std::string("+") : std::string(minus)) +
         std::to_string(now > before ? now - before : before - now);
}

// What the count of new breaches says instead of a change.
constexpr std::string_view kNewIsOverdue = "also counted in Overdue";

// The four counts, with the previous night's where a change means something ("new" is by
// definition since the night before).
struct Count {
  std::string label;
  int now = 0;
  std::optional<int> before;
  std::string_view tile_class;  // HTML only
};

std::vector<Count> counts_of(const BreachReport& r) {
  return {{"New breaches", r.total.new_breaches, std::nullopt, "new"},
          {"Overdue", r.total.overdue, r.previous_total.overdue, "overdue"},
          {"Due soon", r.total.due_soon, r.previous_total.due_soon, "soon"},
          {"Excepted", r.total.excepted, r.previous_total.excepted, "excepted"}};
}

std::string previous_night(const BreachReport& r) {
  return engine::format_date(r.as_of - date::days{1});
}

// ---------------------------------------------------------------------------------------------
// Text

std::string padded(std::string s, std::size_t width) {
  while (s.size() < width) {
    s += ' ';
  }
  return s;
}

std::string text_summary(const BreachReport& r) {
  const auto counts = counts_of(r);
  std::size_t label_width = 0;
  std::size_t count_width = 0;
  for (const auto& c : counts) {
    label_width = std::max(label_width, c.label.size());
    count_width = std::max(count_width, std::to_string(c.now).size());
  }
  std::string out;
  for (const auto& c : counts) {
    std::string n = std::to_string(c.now);
    std::string line =
        "  " + padded(c.label, label_width + 2) + std::string(count_width - n.size(), ' ') + n;
    if (c.before) {
      line += "  (" + signed_change(c.now, *c.before, "-") + " since " + previous_night(r) + ")";
    } else {
      line += "  (" + std::string(kNewIsOverdue) + ")";
    }
    out += line + "\n";
  }
  if (!r.previous_report) {
    out += "  (No earlier report: only clocks first overdue today count as new.)\n";
  }
  return out;
}

std::string text_list(const ListView& list, bool names) {
  if (list.entries.empty()) {
    return list.none + "\n";
  }
  return list.title + " (" + std::to_string(list.entries.size()) + ")\n" +
         to_text(list_table(list, names));
}

// ---------------------------------------------------------------------------------------------
// CSV

using ClockKey = std::tuple<std::string, std::string, engine::Date>;

ClockKey key_of(const BreachEntry& e) { return {e.case_ref, e.clock, e.start}; }

std::string yes_no(bool b) { return b ? "yes" : "no"; }

Cells csv_row(const ListView& list, bool is_new, const BreachEntry& e, bool names) {
  Cells row{std::string(list.key), yes_no(is_new)};
  for (auto& cell : entry_cells(e, names)) {
    row.push_back(std::move(cell));
  }
  append(row, {e.workflow, engine::format_date(e.start), engine::format_date(e.due),
               list.due_soon ? "" : std::to_string(e.days_overdue),
               list.due_soon ? std::to_string(e.working_days_left) : "", e.caseworker, e.team,
               yes_no(e.exception)});
  return row;
}

// ---------------------------------------------------------------------------------------------
// JSON

nlohmann::ordered_json text_or_null(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

nlohmann::ordered_json entry_json(const BreachEntry& e) {
  return {{"case", e.case_ref},
          {"clock", e.clock},
          {"due", engine::format_date(e.due)},
          {"days_overdue", e.days_overdue},
          {"caseworker", text_or_null(e.caseworker)},
          {"team", text_or_null(e.team)},
          {"exception", e.exception}};
}

nlohmann::ordered_json entries_json(const std::vector<BreachEntry>& entries) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& e : entries) {
    out.push_back(entry_json(e));
  }
  return out;
}

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

std::string breaches_to_text(const BreachReport& report, const BreachRenderOptions& options) {
  std::string out = "Deadline breach report as of " + engine::format_date(report.as_of);
  out += options.la.empty() ? "\n" : " for " + options.la + "\n";
  out += "\n" + text_summary(report);
  for (const auto& list : lists_of(report)) {
    out += "\n" + text_list(list, options.names);
  }
  return out;
}

std::string breaches_to_csv(const BreachReport& report, const BreachRenderOptions& options) {
  Table table{{"list", "new"}, {}};
  for (auto& h : entry_headers(options.names)) {
    table.headers.push_back(std::move(h));
  }
  append(table.headers, {"workflow", "start", "due", "days_overdue", "working_days_left",
                         "caseworker", "team", "exception"});
  std::set<ClockKey> is_new;
  for (const auto& e : report.new_breaches) {
    is_new.insert(key_of(e));
  }
  for (const auto& list : lists_of(report)) {
    if (list.key == "new") {
      continue;  // each new breach is its overdue row, marked new=yes
    }
    for (const auto& e : list.entries) {
      table.rows.push_back(csv_row(list, is_new.contains(key_of(e)), e, options.names));
    }
  }
  return to_csv(table);
}

nlohmann::ordered_json breaches_to_json(const BreachReport& report) {
  return {{"as_of", engine::format_date(report.as_of)},
          {"new", entries_json(report.new_breaches)},
          {"overdue", entries_json(report.overdue)},
          {"due_soon", entries_json(report.due_soon)},
          {"excepted", entries_json(report.excepted)}};
}

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
