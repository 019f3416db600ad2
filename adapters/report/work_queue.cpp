#include "adapters/report/work_queue.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "adapters/render/words.h"
#include "adapters/report/as_it_stood.h"
#include "adapters/sqlite/clock_query.h"
#include "engine/breach_report.h"
#include "workflows/clock_names.h"

namespace ehcp::adapters::report {
namespace {

bool more_urgent(const QueueItem& a, const QueueItem& b) {
  // Statutory before guidance on the same day: a legal limit outranks a target.
  return std::tie(a.due, b.statutory, a.case_ref, a.clock, a.start) <
         std::tie(b.due, a.statutory, b.case_ref, b.clock, b.start);
}

std::vector<QueueTally> tally(const std::vector<QueueItem>& items) {
  std::map<std::pair<std::string, std::string>, QueueTally> by_key;
  for (const auto& item : items) {
    auto& t = by_key[{item.caseworker, item.stage}];
    t.caseworker = item.caseworker;
    t.stage = item.stage;
    (item.days_overdue > 0 ? t.overdue : t.due_soon) += 1;
  }
  std::vector<QueueTally> out;
  out.reserve(by_key.size());
  for (auto& [key, t] : by_key) {
    out.push_back(std::move(t));
  }
  return out;
}

// Each case's clocks titled together, so that two advices of one service are told apart.
void title_items(std::vector<QueueItem>& items) {
  std::vector<render::ClockLabel> labels;
  labels.reserve(items.size());
  for (const auto& item : items) {
    labels.push_back({item.clock, item.detail, item.case_ref});
  }
  auto titles = render::clock_titles(labels);
  for (std::size_t i = 0; i < items.size(); ++i) {
    items[i].title = std::move(titles[i]);
  }
}

bool is_review_cycle(std::string_view clock) {
  return clock == workflows::clocks::kAnnualReview || clock == workflows::clocks::kEarlyReview ||
         clock == workflows::clocks::kTransferInReview;
}

}  // namespace

std::string next_action(std::string_view clock, std::string_view stage, std::string_view action) {
  if (is_review_cycle(clock) && stage == "meeting_held") {
    // Met only by the decision: the meeting the rule asks for is behind the caseworker.
    return "decide to maintain, amend or cease the plan and tell the family (the meeting is held)";
  }
  if (clock == workflows::clocks::kReviewDecision && stage != "meeting_held") {
    // Open past its meeting only after a decision to amend (Devon 2022: the notice meets it).
    return "send the family the amendment notice: the review decided to amend the plan";
  }
  return std::string(action);
}

engine::Result<WorkQueue> load_work_queue(sqlite::Database& db, const config::LaConfig& config,
                                          engine::Date as_of, const QueueFilter& filter) {
  WorkQueue queue;
  queue.as_of = as_of;
  queue.horizon = filter.due_by ? *filter.due_by : engine::due_soon_horizon(as_of, config.calendar);
  sqlite::ClockQuery query;
  query.running_on = as_of;
  query.due_by = queue.horizon;
  query.team = filter.team;
  query.caseworker = filter.caseworker;
  query.clock = filter.clock;
  query.workflow = filter.workflow;
  query.with_names = filter.names;
  query.with_stage = true;
  AsItStood as_it_stood(db, config.rules, config.calendar, as_of);
  auto status = as_it_stood.for_each_clock(query, [&](sqlite::ClockRow&& row) {
    const engine::Clock& c = row.clock;
    if (!awaited_on(c, as_of)) {
      return;
    }
    const engine::ClockRule* rule = config.rules.rule_for(c.name, c.start, c.detail);
    if (rule != nullptr && rule->family && !filter.clock) {
      return;  // the family's window: listed only when asked for by name
    }
    QueueItem item;
    item.case_ref = std::move(row.case_ref);
    item.child = std::move(row.child);
    item.clock = c.name;
    item.detail = c.detail;
    item.workflow = c.workflow;
    item.stage = std::move(row.stage);
    item.start = c.start;
    item.due = c.due;
    item.days_overdue = c.days_overdue(as_of);
    item.working_days_left =
        item.days_overdue > 0 ? 0 : config.calendar.working_days_between(as_of, c.due);
    item.next_action = next_action(c.name, item.stage, rule != nullptr ? rule->action : "");
    item.caseworker = std::move(row.caseworker);
    item.team = std::move(row.team);
    item.statutory = c.statutory;
    item.exception = c.excepted_on(as_of);
    queue.items.push_back(std::move(item));
  });
  if (!status.ok()) {
    return status;
  }
  title_items(queue.items);
  std::sort(queue.items.begin(), queue.items.end(), more_urgent);
  queue.by_caseworker_and_stage = tally(queue.items);
  return queue;
}

}  // namespace ehcp::adapters::report
