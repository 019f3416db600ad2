// adapters/sqlite/case_store.h
//
// The cases table: one row per case, derived from its Case events (engine::CaseRecord) and
// replaced whenever those events change. Reads for `case list` and `case show`. Callers own
// the transaction. One store per Database; not shared across threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "engine/case_record.h"

namespace ehcp::adapters::sqlite {

struct CaseFilter {
  std::optional<std::string> team;
  std::optional<std::string> caseworker;
  bool include_closed = true;
};

class CaseStore {
 public:
  explicit CaseStore(SQLite::Database& db);

  // The date the case was opened, or nullopt when no such case is stored.
  std::optional<engine::Date> opened_on(const std::string& case_ref);

  // Inserts or replaces the row for record.case_ref.
  void put(const engine::CaseRecord& record);

  std::optional<engine::CaseRecord> get(const std::string& case_ref);
  std::vector<engine::CaseRecord> list(const CaseFilter& filter);

 private:
  SQLite::Database& db_;
  SQLite::Statement opened_;
  SQLite::Statement put_;
};

}  // namespace ehcp::adapters::sqlite
