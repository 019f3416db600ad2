// adapters/report/as_it_stood.h
//
// Queues and reports as of a past date show each case as it stood then, as `case show --as-of`
// does: a case whose history goes on after that date is re-read from its events up to the date
// for its caseworker, team, child and workflow states. When no event at all is dated after the
// date (a queue or report for today) nothing is looked up; otherwise a case with nothing after
// the date costs one index probe. Read-only; not shared across threads.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <SQLiteCpp/Statement.h>

#include "adapters/sqlite/clock_query.h"
#include "adapters/sqlite/database.h"
#include "adapters/sqlite/event_store.h"
#include "engine/calendar.h"
#include "engine/rule_pack.h"

namespace ehcp::adapters::report {

class AsItStood {
 public:
  AsItStood(sqlite::Database& db, const engine::RuleBook& rules, const engine::Calendar& calendar,
            engine::Date as_of);

  // True when some event is dated after the date: a case may have changed hands since.
  bool history_goes_on() const { return history_goes_on_; }

  // Gives `row` its case's caseworker, team, child (when read) and stage on the date.
  void correct(sqlite::ClockRow& row);

 private:
  struct Standing {
    std::string caseworker;
    std::string team;
    std::string child;
    std::map<std::string, std::string> states;  // workflow -> its latest state on the date
  };

  const std::optional<Standing>& standing_of(const std::string& case_ref);

  sqlite::EventStore events_;
  SQLite::Statement later_;
  const engine::RuleBook& rules_;
  const engine::Calendar& calendar_;
  engine::Date as_of_;
  bool history_goes_on_ = false;
  std::map<std::string, std::optional<Standing>> cache_;  // nullopt: nothing after the date
};

}  // namespace ehcp::adapters::report
