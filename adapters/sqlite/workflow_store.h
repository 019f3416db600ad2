// adapters/sqlite/workflow_store.h
//
// The workflows table: each workflow a case has had and its state, derived with the clocks and
// replaced whole whenever the case's events change. The queues read it for each clock's stage.
// Callers own the transaction. One store per Database; not shared across threads.
#pragma once

#include <span>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "workflows/case_view.h"

namespace ehcp::adapters::sqlite {

class WorkflowStore {
 public:
  explicit WorkflowStore(SQLite::Database& db);

  // Replaces every workflow row of `case_ref` with `workflows`.
  void replace(const std::string& case_ref, std::span<const workflows::WorkflowView> workflows);

  // Adds the workflows of a case that has none stored yet (a case new in an import).
  void insert(const std::string& case_ref, std::span<const workflows::WorkflowView> workflows);

  // The case's workflows in the order they were opened.
  std::vector<workflows::WorkflowView> for_case(const std::string& case_ref);

 private:
  SQLite::Database& db_;
  SQLite::Statement delete_;
  SQLite::Statement insert_;
};

}  // namespace ehcp::adapters::sqlite
