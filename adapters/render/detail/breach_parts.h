// adapters/render/detail/breach_parts.h
//
// What the breach report's renderers share (breach_render.cpp: text, CSV, JSON; breach_html.cpp:
// HTML): the four lists as every format names and orders them, the columns of an entry, and the
// counts with their change since the night before. Only the renderers include this.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/render/table.h"
#include "adapters/render/words.h"
#include "engine/breach_report.h"

namespace ehcp::adapters::render::detail {

using engine::BreachEntry;
using engine::BreachReport;
using engine::BreachTally;
using Cells = std::vector<std::string>;

// One of the report's four lists, as every format names and orders them.
struct ListView {
  std::string title;     // "New breaches"
  std::string_view key;  // the list's name in data: "new", "overdue", "due_soon", "excepted"
  std::string none;      // the sentence shown when it is empty
  std::string order;     // how it is sorted, for HTML captions
  const std::vector<BreachEntry>& entries;
  bool due_soon = false;  // counts working days left, not days overdue
};

inline std::vector<ListView> lists_of(const BreachReport& r) {
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

inline void append(Cells& to, std::initializer_list<std::string> cells) {
  for (const auto& c : cells) {
    to.push_back(c);
  }
}

// The columns that say whose clock an entry is, first in every table of entries:
// case[, child], clock.
inline Cells entry_headers(bool names) {
  Cells headers{"case"};
  if (names) {
    headers.push_back("child");
  }
  headers.push_back("clock");
  return headers;
}

// `clock` is the clock as the table shows it: its title for a person, its name in CSV.
inline Cells entry_cells(const BreachEntry& e, bool names, const std::string& clock) {
  Cells cells{e.case_ref};
  if (names) {
    cells.push_back(e.child);
  }
  cells.push_back(clock);
  return cells;
}

// The titles of a list's clocks in words, two of one case with one title told apart.
inline std::vector<std::string> entry_titles(const std::vector<BreachEntry>& entries) {
  std::vector<ClockLabel> labels;
  labels.reserve(entries.size());
  for (const auto& e : entries) {
    labels.push_back({e.clock, e.detail, e.case_ref});
  }
  return clock_titles(labels);
}

// A list as text and HTML show it: the entry columns, due, the count that matters for the list,
// caseworker and team (named as missing when empty).
inline Table list_table(const ListView& list, bool names) {
  Table table{entry_headers(names), {}};
  append(table.headers,
         {"due", list.due_soon ? "working days left" : "days overdue", "caseworker", "team"});
  const auto titles = entry_titles(list.entries);
  for (std::size_t i = 0; i < list.entries.size(); ++i) {
    const auto& e = list.entries[i];
    Cells row = entry_cells(e, names, titles[i]);
    append(row, {engine::format_date(e.due),
                 std::to_string(list.due_soon ? e.working_days_left : e.days_overdue),
                 e.caseworker.empty() ? "(no caseworker)" : e.caseworker,
                 e.team.empty() ? "(no team)" : e.team});
    table.rows.push_back(std::move(row));
  }
  return table;
}

// "+3", "-1" (with `minus`), or "no change".
inline std::string signed_change(int now, int before, std::string_view minus) {
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

inline std::vector<Count> counts_of(const BreachReport& r) {
  return {{"New breaches", r.total.new_breaches, std::nullopt, "new"},
          {"Overdue", r.total.overdue, r.previous_total.overdue, "overdue"},
          {"Due soon", r.total.due_soon, r.previous_total.due_soon, "soon"},
          {"Excepted", r.total.excepted, r.previous_total.excepted, "excepted"}};
}

inline std::string previous_night(const BreachReport& r) {
  return engine::format_date(r.as_of - date::days{1});
}

}  // namespace ehcp::adapters::render::detail
