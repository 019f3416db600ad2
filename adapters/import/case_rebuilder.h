// adapters/import/case_rebuilder.h
//
// Re-derives what the store keeps about a case from its whole event history: the case record
// every workflow and every clock, by the one evaluation path (workflows::evaluate_case) used for a
// fresh import and for a rebuild alike. Used by import for the cases it touched, and by init after
// a migration adds derived tables. Callers own the transaction. Not shared across threads.
#pragma once

#include <optional>
#include <string>

#include "adapters/sqlite/case_store.h"
#include "adapters/sqlite/clock_store.h"
#include "adapters/sqlite/database.h"
#include "adapters/sqlite/event_store.h"
#include "adapters/sqlite/workflow_store.h"
#include "engine/calendar.h"
#include "engine/case_record.h"
#include "engine/rule_pack.h"
#include "engine/status.h"
#include "workflows/case_evaluator.h"

namespace ehcp::adapters {

// What one case's history adds up to, derived without touching the store (so cases can be
// derived on several threads while one thread writes).
struct DerivedCase {
  std::string case_ref;
  std::optional<workflows::Rejection> rejection;
  engine::CaseRecord record;
  std::vector<engine::Clock> clocks;
  std::vector<workflows::WorkflowView> workflows;
};

// Derives a case from its events (any order: they are sorted here). Pure; thread-safe.
DerivedCase derive_case(std::string case_ref, std::vector<engine::RecordedEvent> events,
                        const engine::RuleBook& rules, const engine::Calendar& calendar);

class CaseRebuilder {
 public:
  CaseRebuilder(sqlite::Database& db, const engine::RuleBook& rules,
                const engine::Calendar& calendar);

  // Rewrites the case's record and clocks. When the history cannot be evaluated, nothing is
  // written and the rejection (naming the event's seq) comes back instead.
  engine::Result<std::optional<workflows::Rejection>> rebuild(const std::string& case_ref);

  // Writes a derived case's record and clocks (it must have no rejection).
  void write(const DerivedCase& derived);

  // The same for a case that had nothing stored before (new in this import): nothing to delete.
  void write_new(const DerivedCase& derived);

  // Rebuilds every case in the store; the first rejection stops it.
  engine::Result<std::optional<workflows::Rejection>> rebuild_all(std::size_t& cases);

 private:
  sqlite::Database& db_;
  sqlite::EventStore events_;
  sqlite::CaseStore cases_;
  sqlite::ClockStore clocks_;
  sqlite::WorkflowStore workflows_;
  const engine::RuleBook& rules_;
  const engine::Calendar& calendar_;
};

}  // namespace ehcp::adapters
