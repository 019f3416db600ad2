#include "adapters/sqlite/workflow_store.h"

namespace ehcp::adapters::sqlite {

WorkflowStore::WorkflowStore(SQLite::Database& db)
    : db_(db),
      delete_(db, "DELETE FROM workflows WHERE case_ref = ?"),
      insert_(db,
              "INSERT INTO workflows (case_ref, workflow, state, opened, closed) "
              "VALUES (?, ?, ?, ?, ?)") {}

void WorkflowStore::replace(const std::string& case_ref,
                            std::span<const workflows::WorkflowView> views) {
  delete_.reset();
  delete_.bind(1, case_ref);
  delete_.exec();
  insert(case_ref, views);
}

void WorkflowStore::insert(const std::string& case_ref,
                           std::span<const workflows::WorkflowView> views) {
  for (const auto& w : views) {
    insert_.reset();
    insert_.bind(1, case_ref);
    insert_.bind(2, w.workflow);
    insert_.bind(3, w.state);
    insert_.bind(4, engine::format_date(w.opened));
    if (w.closed) {
      insert_.bind(5, engine::format_date(*w.closed));
    } else {
      insert_.bind(5);
    }
    insert_.exec();
  }
}

std::vector<workflows::WorkflowView> WorkflowStore::for_case(const std::string& case_ref) {
  SQLite::Statement q(db_,
                      "SELECT workflow, state, opened, closed FROM workflows WHERE case_ref = ? "
                      "ORDER BY opened, rowid");
  q.bind(1, case_ref);
  std::vector<workflows::WorkflowView> out;
  while (q.executeStep()) {
    workflows::WorkflowView w;
    w.workflow = q.getColumn(0).getString();
    w.state = q.getColumn(1).getString();
    w.opened = *engine::parse_date(q.getColumn(2).getString());
    if (!q.getColumn(3).isNull()) {
      w.closed = engine::parse_date(q.getColumn(3).getString());
    }
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace ehcp::adapters::sqlite
