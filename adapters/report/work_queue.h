// adapters/report/work_queue.h
//
// `ehcp queue`: what is overdue and what falls due in the next 10 working days, for a
// caseworker's morning or a team manager's review, most urgent first, with the next action.
// Guidance targets are listed too (marked), since they are still work; excepted clocks are
// listed as such. Each case is shown as it stood on the date (see as_it_stood.h). Read-only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/config/la_config.h"
#include "adapters/sqlite/database.h"
#include "engine/civil_date.h"
#include "engine/clock.h"
#include "engine/status.h"

namespace ehcp::adapters::report {

struct QueueFilter {
  std::optional<std::string> team;
  std::optional<std::string> caseworker;
  std::optional<std::string> clock;     // a name or a family ("advice")
  std::optional<std::string> workflow;  // "assessment"
  bool names = true;                    // read the children's names
  // The last due date listed; unset: the due-soon horizon (engine::due_soon_horizon).
  std::optional<engine::Date> due_by = std::nullopt;
};

struct QueueItem {
  std::string case_ref;
  std::string child;  // empty when anonymised
  std::string clock;
  std::string title;   // the clock in words (adapters/render/words.h), told apart within a case
  std::string detail;  // an advice clock's service
  std::string workflow;
  std::string stage;  // the workflow's state: "gathering_advice"
  engine::Date start;
  engine::Date due;
  int days_overdue = 0;       // > 0: overdue
  int working_days_left = 0;  // when not overdue: 0 = due today
  std::string next_action;
  std::string caseworker;
  std::string team;
  bool statutory = true;
  bool exception = false;
};

// Overdue and due-soon counts for one caseworker at one stage (the manager's summary).
struct QueueTally {
  std::string caseworker;
  std::string stage;
  int overdue = 0;
  int due_soon = 0;
};

struct WorkQueue {
  engine::Date as_of;
  engine::Date horizon;                             // the last due date listed
  std::vector<QueueItem> items;                     // earliest due (most overdue) first
  std::vector<QueueTally> by_caseworker_and_stage;  // sorted by caseworker, then stage
};

// What to do next about clock `clock` ("annual_review") whose workflow is in state `stage`,
// where its rule says `action`: the rule's words, unless what has happened moves them on. A
// review's cycle clock (annual, early, transferred-in) whose meeting is held asks for the
// decision, not the meeting; a review's decision still open after a decision to amend (the next
// review already running) asks for the amendment notice.
std::string next_action(std::string_view clock, std::string_view stage, std::string_view action);

// Started by `as_of` and still to be met there (open or overdue): what a queue lists.
inline bool awaited_on(const engine::Clock& c, engine::Date as_of) {
  if (as_of < c.start) {
    return false;
  }
  const auto status = c.status_on(as_of);
  return status == engine::ClockStatus::kOpen || status == engine::ClockStatus::kOverdue;
}

engine::Result<WorkQueue> load_work_queue(sqlite::Database& db, const config::LaConfig& config,
                                          engine::Date as_of, const QueueFilter& filter);

}  // namespace ehcp::adapters::report
