// adapters/sqlite/clock_store.h
//
// The clocks table: every clock a case has had, as engine::Clock rows. A case's rows are
// replaced whole whenever its events change; nothing else writes them. Callers own the
// transaction. One store per Database; not shared across threads.
#pragma once

#include <functional>
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

  // Replaces every clock row of `case_ref` with `clocks`.
  void replace(const std::string& case_ref, std::span<const engine::Clock> clocks);

  // Adds the clocks of a case that has none stored yet (a case new in an import).
  void insert(const std::string& case_ref, std::span<const engine::Clock> clocks);

  // The case's clocks in order of start, then due, then name.
  std::vector<engine::Clock> for_case(const std::string& case_ref);

  // Every clock of the cases from `first` to `last` (case references, both included), in order
  // of case reference: one walk of the index for a whole batch of cases, not one query each.
  void for_cases_between(
      const std::string& first, const std::string& last,
      const std::function<void(const std::string& case_ref, engine::Clock)>& sink);

 private:
  SQLite::Database& db_;
  SQLite::Statement delete_;
  SQLite::Statement insert_;
};

}  // namespace ehcp::adapters::sqlite
