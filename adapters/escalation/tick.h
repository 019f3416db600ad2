// adapters/escalation/tick.h
//
// `ehcp tick`: fires the escalations due by a date (architecture.md, "Tick"). For every clock
// still running, its ladder's rungs reached by the date and not yet recorded are recorded once
// each, under the unique key (case, clock, start, rung), with one outbox message per recipient
// of the rung that notifies, all in one transaction: a second tick finds nothing to do, and a
// tick killed part-way leaves nothing behind, so running it again loses and duplicates nothing.
#pragma once

#include <cstddef>
#include <string>

#include "adapters/config/la_config.h"
#include "adapters/sqlite/database.h"
#include "engine/civil_date.h"
#include "engine/status.h"

namespace ehcp::adapters::escalation {

struct TickOutcome {
  std::size_t clocks = 0;    // clocks looked at
  std::size_t fired = 0;     // rungs recorded as notified
  std::size_t skipped = 0;   // rungs recorded as skipped: overtaken by a higher one
  std::size_t messages = 0;  // outbox messages added
};

// Ticks as of `as_of`; `now_utc` (ISO 8601) stamps what it records.
engine::Result<TickOutcome> tick(sqlite::Database& db, const config::LaConfig& config,
                                 engine::Date as_of, const std::string& now_utc);

}  // namespace ehcp::adapters::escalation
