#include "adapters/render/queue_render.h"

#include <algorithm>

#include "adapters/render/table.h"
#include "adapters/render/words.h"

namespace ehcp::adapters::render {
namespace {

std::string plural(int n, const char* unit) {
  return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
}

// "12 days overdue", "due today", "3 working days left".
std::string urgency(const report::QueueItem& item, engine::Date as_of) {
  if (item.days_overdue > 0) {
    return plural(item.days_overdue, "day") + " overdue";
  }
  if (item.due == as_of) {
    return "due today";
  }
  if (item.working_days_left == 0) {
    return "no working day left";  // due on a weekend or holiday just ahead
  }
  return plural(item.working_days_left, "working day") + " left";
}

std::string kind(const report::QueueItem& item) {
  std::string out = item.statutory ? "statutory" : "guidance";
  if (item.exception) {
    out += ", exception";
  }
  return out;
}

Table items_table(const report::WorkQueue& queue, bool names, bool for_csv) {
  Table t;
  t.headers = {"urgency", "due", "case"};
  if (names) {
    t.headers.push_back("child");
  }
  for (const char* h : {"clock", "stage", "next action", "caseworker", "team", "kind"}) {
    t.headers.emplace_back(h);
  }
  if (for_csv) {
    t.headers = {"due", "days_overdue", "working_days_left", "case"};
    if (names) {
      t.headers.push_back("child");
    }
    for (const char* h : {"clock", "workflow", "stage", "start", "next_action", "caseworker",
                          "team", "statutory", "exception"}) {
      t.headers.emplace_back(h);
    }
  }
  for (const auto& item : queue.items) {
    std::vector<std::string> row;
    if (for_csv) {
      row = {engine::format_date(item.due), std::to_string(item.days_overdue),
             std::to_string(item.working_days_left), item.case_ref};
      if (names) {
        row.push_back(item.child);
      }
      for (const auto& cell : {item.clock, item.workflow, item.stage,
                               engine::format_date(item.start), item.next_action, item.caseworker,
                               item.team, yes_no(item.statutory), yes_no(item.exception)}) {
        row.push_back(cell);
      }
    } else {
      row = {urgency(item, queue.as_of), engine::format_date(item.due), item.case_ref};
      if (names) {
        row.push_back(item.child);
      }
      for (const auto& cell :
           {item.title.empty() ? clock_title(item.clock, item.detail) : item.title,
            state_title(item.workflow, item.stage), item.next_action,
            item.caseworker.empty() ? std::string("-") : item.caseworker,
            item.team.empty() ? std::string("-") : item.team, kind(item)}) {
        row.push_back(cell);
      }
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

int count_overdue(const report::WorkQueue& queue) {
  int n = 0;
  for (const auto& item : queue.items) {
    n += item.days_overdue > 0 ? 1 : 0;
  }
  return n;
}

nlohmann::ordered_json or_null(const std::string& text) {
  return text.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(text);
}

// "Queue as of D: 3 overdue, 5 due by H (the next 10 working days)", and a line when empty.
std::string heading(const report::WorkQueue& queue) {
  const int overdue = count_overdue(queue);
  const int soon = static_cast<int>(queue.items.size()) - overdue;
  std::string out = "Queue as of " + engine::format_date(queue.as_of) + ": " +
                    std::to_string(overdue) + " overdue, " + std::to_string(soon) + " due by " +
                    engine::format_date(queue.horizon) + " (the next 10 working days)\n";
  if (queue.items.empty()) {
    out += "Nothing is overdue or due soon.\n";
  }
  return out;
}

}  // namespace

std::string queue_to_text(const report::WorkQueue& queue, bool names) {
  std::string out = heading(queue);
  if (queue.items.empty()) {
    return out;
  }
  out += "\n" + to_text(items_table(queue, names, false));
  if (queue.by_caseworker_and_stage.size() > 1) {
    Table summary;
    summary.headers = {"caseworker", "stage", "overdue", "due soon"};
    for (const auto& t : queue.by_caseworker_and_stage) {
      summary.rows.push_back({t.caseworker.empty() ? "(unassigned)" : t.caseworker,
                              state_title("", t.stage), std::to_string(t.overdue),
                              std::to_string(t.due_soon)});
    }
    out += "\nBy caseworker and stage\n" + to_text(summary);
  }
  return out;
}

std::string queue_top_to_text(const report::WorkQueue& queue, bool names, std::size_t rows) {
  std::string out = heading(queue);
  if (queue.items.empty()) {
    return out;
  }
  report::WorkQueue top{queue.as_of, queue.horizon, {}, {}};
  top.items.assign(queue.items.begin(), queue.items.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                                  rows, queue.items.size())));
  out += "\n" + to_text(items_table(top, names, false));
  if (queue.items.size() > top.items.size()) {
    out += "... and " + std::to_string(queue.items.size() - top.items.size()) + " more\n";
  }
  return out;
}

std::string queue_to_csv(const report::WorkQueue& queue, bool names) {
  return to_csv(items_table(queue, names, true));
}

nlohmann::ordered_json queue_to_json(const report::WorkQueue& queue) {
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const auto& item : queue.items) {
    nlohmann::ordered_json j;
    j["case"] = item.case_ref;
    if (!item.child.empty()) {
      j["child"] = item.child;
    }
    j["clock"] = item.clock;
    j["workflow"] = item.workflow;
    j["stage"] = item.stage;
    j["start"] = engine::format_date(item.start);
    j["due"] = engine::format_date(item.due);
    j["status"] = item.days_overdue > 0 ? "overdue" : "open";
    j["days_overdue"] = item.days_overdue;
    j["working_days_left"] = item.working_days_left;
    j["next_action"] = item.next_action;
    j["caseworker"] = or_null(item.caseworker);
    j["team"] = or_null(item.team);
    j["statutory"] = item.statutory;
    j["exception"] = item.exception;
    items.push_back(std::move(j));
  }
  nlohmann::ordered_json summary = nlohmann::ordered_json::array();
  for (const auto& t : queue.by_caseworker_and_stage) {
    summary.push_back({{"caseworker", or_null(t.caseworker)},
                       {"stage", t.stage},
                       {"overdue", t.overdue},
                       {"due_soon", t.due_soon}});
  }
  nlohmann::ordered_json out;
  out["as_of"] = engine::format_date(queue.as_of);
  out["due_by"] = engine::format_date(queue.horizon);
  out["items"] = std::move(items);
  out["by_caseworker_and_stage"] = std::move(summary);
  return out;
}

}  // namespace ehcp::adapters::render
