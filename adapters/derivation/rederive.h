// adapters/derivation/rederive.h
//
// `ehcp rederive` and the nightly run after a change of calendar, rules or build: every case is
// derived again from its events by the one evaluation path, the rows of the cases whose clocks
// changed are rewritten, the database records the new derivation, and what moved is listed
// clock by clock with the change that explains it. Escalations already reached stay recorded
// (keyed by the old due date, so a rung of a deadline that no longer exists is never reached
// again); the breach ledger likewise. A case whose derived clocks have the digest recorded
// beside its rows (adapters/sqlite/clock_digest.h) is unchanged and its rows are not read; the
// rows of any other case are read and compared clock by clock. Callers own the transaction:
// roll it back for a dry run. Not shared across threads (cases are derived on every core while
// the caller's thread reads the next batch and writes the last).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "adapters/config/la_config.h"
#include "adapters/derivation/derivation.h"
#include "adapters/progress.h"
#include "adapters/sqlite/database.h"
#include "engine/civil_date.h"
#include "engine/status.h"

namespace ehcp::adapters::derivation {

// One clock whose due date (or existence, or exception) the new derivation changes.
struct MovedClock {
  std::string case_ref;
  std::string clock;
  std::string workflow;
  engine::Date start;
  std::optional<engine::Date> was_due;  // nullopt: the clock is new
  std::optional<engine::Date> now_due;  // nullopt: the clock is gone
  bool was_excepted = false;            // an exception applied to it (at any date)
  bool now_excepted = false;
  std::string why;  // the changes that can explain it, in words
};

struct Rederived {
  std::size_t cases = 0;          // cases derived
  std::size_t cases_changed = 0;  // cases whose clocks were rewritten
  std::vector<Change> changes;    // what differs from the recorded derivation
  std::vector<MovedClock> moved;  // by case, then start, then clock
};

// Called once before the first write; a status other than ok stops everything unwritten (the
// background integrity check of a database opened with check_later).
using BeforeWriting = std::function<engine::Status()>;

// Derives every case again with `config` and records the derivation (at `derived_at`, UTC ISO
// 8601). A history that no longer evaluates (a rule the LA removed that a Tribunal limb
// needs) stops it with kInvalidInput naming the case and event. The writes of changed cases are
// held back (up to a bound) until `before_writing`, when given, has said yes.
engine::Result<Rederived> rederive_all(sqlite::Database& db, const config::LaConfig& config,
                                       const std::string& derived_at,
                                       const BeforeWriting& before_writing = {},
                                       Progress* progress = nullptr);

// rederive_all in a transaction of its own (BEGIN IMMEDIATE), committed unless `dry_run`.
// `before_writing` is asked also when nothing else is written, before the transaction ends.
engine::Result<Rederived> rederive_in_transaction(sqlite::Database& db,
                                                  const config::LaConfig& config,
                                                  const std::string& derived_at, bool dry_run,
                                                  const BeforeWriting& before_writing = {},
                                                  Progress* progress = nullptr);

}  // namespace ehcp::adapters::derivation
