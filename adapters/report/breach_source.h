// adapters/report/breach_source.h
//
// The breach report's data: statutory clocks running on the night before D and due within the
// due-soon window, with whether an earlier recorded report showed each one, composed into an
// engine::BreachReport. Reading is read-only, so `ehcp report breaches` can run while
// caseworkers work. Recording a report (the nightly run does, once the file is written) enters
// each breach it shows into the breach ledger, so that tomorrow's "new" knows it was told.
#pragma once

#include "adapters/config/la_config.h"
#include "adapters/sqlite/database.h"
#include "engine/breach_report.h"
#include "engine/status.h"

namespace ehcp::adapters::report {

// The report as of `as_of`. `names`: read the children's names (non-anonymised renderings).
engine::Result<engine::BreachReport> load_breach_report(sqlite::Database& db,
                                                        const config::LaConfig& config,
                                                        engine::Date as_of, bool names);

// Enters every breach of `report` into the ledger as first reported on its as-of date (an
// earlier first report is kept). The caller owns the transaction.
engine::Status record_breach_report(sqlite::Database& db, const engine::BreachReport& report);

}  // namespace ehcp::adapters::report
