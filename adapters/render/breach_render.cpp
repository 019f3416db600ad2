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

#include "adapters/render/detail/breach_parts.h"
#include "adapters/render/rederive_render.h"
#include "adapters/render/table.h"
#include "adapters/render/words.h"

namespace ehcp::adapters::render {
namespace {

using detail::append;
using detail::BreachEntry;
using detail::BreachReport;
using detail::Cells;
using detail::counts_of;
using detail::entry_cells;
using detail::entry_headers;
using detail::kNewIsOverdue;
using detail::list_table;
using detail::lists_of;
using detail::ListView;
using detail::previous_night;
using detail::signed_change;

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

Cells csv_row(const ListView& list, bool is_new, const BreachEntry& e, bool names) {
  Cells row{std::string(list.key), yes_no(is_new)};
  for (auto& cell : entry_cells(e, names, e.clock)) {
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

}  // namespace

std::string counted_clock_title(const engine::BreachReport& r, const std::string& name) {
  std::optional<std::string> detail;
  bool one = true;
  for (const auto* list : {&r.overdue, &r.due_soon, &r.excepted}) {
    for (const auto& e : *list) {
      if (e.clock == name) {
        one = one && (!detail || *detail == e.detail);
        detail = e.detail;
      }
    }
  }
  return clock_title(name, one && detail ? *detail : std::string());
}

std::string breaches_to_text(const BreachReport& report, const BreachRenderOptions& options) {
  std::string out = "Deadline breach report as of " + engine::format_date(report.as_of);
  out += options.la.empty() ? "\n" : " for " + options.la + "\n";
  if (options.rederived) {
    const auto& r = *options.rederived;
    out += "\nDeadlines moved by a change of configuration (" +
           (r.changes.empty() ? std::string("a new build") : derivation::in_words(r.changes)) +
           "): " + std::to_string(r.moved.size()) + " in " + std::to_string(r.cases_changed) +
           " case(s)\n";
    if (!r.moved.empty()) {
      out += to_text(moved_clocks_table(r));
    }
  }
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

}  // namespace ehcp::adapters::render
