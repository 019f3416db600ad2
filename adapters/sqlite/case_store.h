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

// What a search found: the first cases (by reference) and how many match in all.
struct CaseSearch {
  std::vector<engine::CaseRecord> cases;
  std::size_t matches = 0;
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

  // The cases of `team` whose reference or UPN is `query`, or whose child's given name, family
  // name or whole name ("Ada Ex") starts with it, all ignoring ASCII case and the query's
  // surrounding spaces: at most `limit`, by reference. Each part reads its own index (schema
  // 0011), so a search costs the same in a large database as in a small one.
  CaseSearch search(const std::string& team, const std::string& query, std::size_t limit);

 private:
  SQLite::Database& db_;
  SQLite::Statement opened_;
  SQLite::Statement put_;
};

}  // namespace ehcp::adapters::sqlite
