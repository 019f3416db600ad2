// adapters/import/importer.h
//
// `ehcp import`: applies a JSON Lines stream of events to the database as one transaction.
// Every line is read and checked (JSON, type, fields, dates, case reference, the case exists,
// not after as_of, not before the case was opened, a reused id has the same content, a void
// names an event of its case recorded before it); then each touched case is re-evaluated from
// its whole history, voided events left out (workflows::case_as_of), through the statutory
// machines, which reject an event they cannot take where it falls (naming line, case and state),
// and a void that leaves a later event without what it needs (naming both). If
// anything is bad, every bad line is reported and nothing is applied; otherwise the events,
// case records and clocks commit together.
// Streams: memory grows with the number of cases touched, not with the number of events.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "adapters/derivation/derivation.h"
#include "adapters/import/line_error.h"
#include "adapters/sqlite/database.h"
#include "engine/calendar.h"
#include "engine/civil_date.h"
#include "engine/rule_pack.h"
#include "engine/status.h"

namespace ehcp::adapters {

struct ImportOptions {
  engine::Date as_of;       // events dated after this are rejected
  std::string recorded_at;  // when this import happened (UTC ISO 8601), from the caller's clock
  const engine::RuleBook& rules;  // for re-evaluating the touched cases
  const engine::Calendar& calendar;
  // What derives the clocks (rules and calendar above, and this build). Set: the import is
  // refused when the database's rows were derived otherwise (they would mix), and a new
  // database records it. Null: no check (tests that build a database by hand).
  const derivation::Derivation* derivation = nullptr;
};

struct ImportReport {
  std::size_t lines = 0;            // lines read, blank ones included
  std::size_t applied = 0;          // events appended
  std::size_t skipped_repeats = 0;  // events whose id was seen before with the same content
  std::size_t cases_touched = 0;
  std::optional<engine::Date> latest_on;  // the latest effective date among the events applied
  std::vector<LineError> errors;          // sorted by line; non-empty means nothing was applied

  bool accepted() const { return errors.empty(); }
};

// Imports `input`. Bad lines come back in the report (and nothing is committed); a Status is
// returned only for a storage failure, after rolling back.
engine::Result<ImportReport> import_events(sqlite::Database& db, std::istream& input,
                                           const ImportOptions& options);

}  // namespace ehcp::adapters
