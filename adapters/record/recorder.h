// adapters/record/recorder.h
//
// Records what a caseworker entered on a form: one or more JSON lines for one case (an event; or
// a correction and the event that should have been recorded), through the importer in one
// transaction, so every check is the importer's and nothing is half-applied. The form carries
// the case's version (its latest event's seq when the page was shown): if anyone recorded an
// event for the case since, nothing is saved and the events recorded since come back, so the
// person can see what changed and save again. A form sent twice (its lines' ids already
// recorded, with the same content) is saved once and reported as saved. Not thread-safe: one
// Database per caller.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/import/importer.h"
#include "adapters/import/line_error.h"
#include "adapters/sqlite/database.h"
#include "engine/event.h"

namespace ehcp::adapters::record {

struct Recording {
  std::string case_ref;
  std::int64_t version = 0;           // EventStore::last_seq when the form was shown
  std::vector<nlohmann::json> lines;  // each with an id
};

struct Recorded {
  std::vector<LineError> errors;  // line: 1-based index into Recording::lines
  // Events of the case recorded since the version (not by this form): nothing was saved.
  std::vector<engine::RecordedEvent> changed_since;
  // Saved (or found saved by an earlier sending of the same form): the events' seqs.
  std::int64_t first_seq = 0;
  std::int64_t last_seq = 0;

  bool saved() const { return first_seq != 0; }
};

// `options` as for an import (as_of today, recorded_at now, rules, calendar, derivation);
// its unchanged_since is set here. A Status only for a storage failure.
engine::Result<Recorded> record_lines(sqlite::Database& db, const Recording& recording,
                                      ImportOptions options);

}  // namespace ehcp::adapters::record
