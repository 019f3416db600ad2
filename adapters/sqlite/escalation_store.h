// adapters/sqlite/escalation_store.h
//
// The escalations table: each rung a clock has reached, recorded once under the unique key
// (case, clock, start, rung), as notified or skipped. Written by the tick, never rewritten: the
// audit of what the engine said, and when. Callers own the transaction. Not shared.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "engine/civil_date.h"

namespace ehcp::adapters::sqlite {

struct EscalationRecord {
  std::string case_ref;
  std::string clock;
  engine::Date start;
  std::string rung;
  engine::Date due;
  engine::Date fires_on;
  engine::Date ticked_on;
  bool notified = false;  // false: skipped, overtaken by a higher rung
  std::string recorded_at;
  std::vector<std::string> told;  // "team_manager <address>" per outbox message
};

class EscalationStore {
 public:
  explicit EscalationStore(SQLite::Database& db);

  // Records `r` (told is ignored); false when that (case, clock, start, rung) was recorded before.
  bool record(const EscalationRecord& r);

  // The records, of one case or all, in order of case, fires_on, clock, with who was told.
  std::vector<EscalationRecord> list(const std::optional<std::string>& case_ref);

 private:
  SQLite::Database& db_;
  SQLite::Statement insert_;
};

}  // namespace ehcp::adapters::sqlite
