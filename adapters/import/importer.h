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
// A caller recording one case from a form it showed earlier (the web service) names the case's
// version then (ImportOptions::unchanged_since): an event of that case recorded since refuses
// the whole import, checked inside its transaction, so two people cannot save over each other.
// Streams: memory grows with the number of cases touched, not with the number of events.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "adapters/derivation/derivation.h"
#include "adapters/import/line_error.h"
#include "adapters/progress.h"
#include "adapters/sqlite/database.h"
#include "engine/calendar.h"
#include "engine/civil_date.h"
#include "engine/rule_pack.h"
#include "engine/status.h"

namespace ehcp::adapters {

// A case as someone saw it: its reference and the arrival number (seq) of its latest event then.
struct CaseVersion {
  std::string case_ref;
  std::int64_t last_seq = 0;
};

struct ImportOptions {
  engine::Date as_of;       // events dated after this are rejected
  std::string recorded_at;  // when this import happened (UTC ISO 8601), from the caller's clock
  const engine::RuleBook& rules;  // for re-evaluating the touched cases
  const engine::Calendar& calendar;
  // What derives the clocks (rules and calendar above, and this build). Set: the import is
  // refused when the database's rows were derived otherwise (they would mix), and a new
  // database records it. Null: no check (tests that build a database by hand).
  const derivation::Derivation* derivation = nullptr;
  // Set: refused (ImportReport::changed_since) if the case has events after last_seq.
  std::optional<CaseVersion> unchanged_since = std::nullopt;
  // Told how far the import has got (reading lines, deriving cases, saving), when set;
  // input_bytes (the file's size, 0 when not known) lets it estimate how many lines to come.
  Progress* progress = nullptr;
  std::uint64_t input_bytes = 0;
};

struct ImportReport {
  std::size_t lines = 0;            // lines read, blank ones included
  std::size_t applied = 0;          // events appended
  std::size_t skipped_repeats = 0;  // events whose id was seen before with the same content
  std::size_t cases_touched = 0;
  std::optional<engine::Date> latest_on;  // the latest effective date among the events applied
  std::vector<LineError> errors;          // sorted by line; non-empty means nothing was applied
  // The events of ImportOptions::unchanged_since's case recorded after its version, in arrival
  // order; non-empty means nothing was read or applied.
  std::vector<std::int64_t> changed_since;
  // The seq of the first event appended: the import's events are first_seq .. first_seq +
  // applied - 1 (one transaction appends them with nothing between).
  std::int64_t first_seq = 0;

  bool accepted() const { return errors.empty() && changed_since.empty(); }
};

// Imports `input`. Bad lines come back in the report (and nothing is committed); a Status is
// returned only for a storage failure, after rolling back.
engine::Result<ImportReport> import_events(sqlite::Database& db, std::istream& input,
                                           const ImportOptions& options);

}  // namespace ehcp::adapters
