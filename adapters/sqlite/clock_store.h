// adapters/sqlite/clock_store.h
//
// The clocks table: every clock a case has had, as engine::Clock rows. A case's rows are
// replaced whole whenever its events change; nothing else writes them. Each write also records
// the rows' digest (clock_digests, adapters/sqlite/clock_digest.h), so that a re-derivation can
// tell an unchanged case without reading its rows. Callers own the transaction. One store per
// Database; not shared across threads.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "engine/clock.h"

namespace ehcp::adapters::sqlite {

class ClockStore {
 public:
  explicit ClockStore(SQLite::Database& db);

  // Replaces every clock row of `case_ref` with `clocks`, and their digest.
  void replace(const std::string& case_ref, std::span<const engine::Clock> clocks);

  // Adds the clocks of a case that has none stored yet (a case new in an import), and their
  // digest.
  void insert(const std::string& case_ref, std::span<const engine::Clock> clocks);

  // The case's clocks in order of start, then due, then name.
  std::vector<engine::Clock> for_case(const std::string& case_ref);

  // Every clock of the cases from `first` to `last` (case references, both included), in order
  // of case reference: one walk of the index for a whole batch of cases, not one query each.
  void for_cases_between(
      const std::string& first, const std::string& last,
      const std::function<void(const std::string& case_ref, engine::Clock)>& sink);

  // Every case of the cases table in order of reference, with the digest of its clock rows
  // when one is recorded (nullopt for rows written before schema 12).
  void cases_with_digests(
      const std::function<void(std::string case_ref, std::optional<std::uint64_t>)>& sink);

  // Records `digest` as that of the case's rows as they stand (for rows written without one).
  void put_digest(const std::string& case_ref, std::uint64_t digest);

 private:
  SQLite::Database& db_;
  SQLite::Statement delete_;
  SQLite::Statement insert_;
  SQLite::Statement by_case_;
  SQLite::Statement put_digest_;
};

}  // namespace ehcp::adapters::sqlite
