// cli/nightly.h
//
// The nightly run, shared by `ehcp nightly` (one night, run by the council's scheduler) and
// `ehcp run` (the long-running scheduler): tick the escalations as of the night, write the
// breach report to dated files (and on the 1st of a month the board pack for the month just
// ended, queued for the board's address once a month), deliver the outbox, and record the
// night as done.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "cli/context.h"
#include "engine/civil_date.h"
#include "engine/status.h"

namespace ehcp::cli {

// Where the nightly run writes: --reports / --outbox, else the LA configuration's nightly
// section, else beside the database (<db dir>/reports, <db dir>/outbox).
struct NightlyPaths {
  std::string reports_dir;
  std::string outbox_dir;
};

struct NightlyOutcome {
  engine::Date as_of;
  std::size_t fired = 0;     // rungs recorded as notified
  std::size_t skipped = 0;   // rungs recorded as skipped (overtaken after downtime)
  std::size_t messages = 0;  // outbox messages queued by the tick
  std::size_t delivered = 0;
  std::string report_path;  // the HTML report; the JSON and CSV (anonymised) ones beside it
  // On the first night of a month, the board pack for the month before (HTML; CSV and JSON
  // beside it); empty on other nights.
  std::string board_pack_path;
  // Set when a message telling the board (notify.board) of that pack was queued this run: the
  // address. Empty when none is configured, or when the month's message was queued before.
  std::string board_pack_to;
  // Set when the night found the configuration or build changed and re-derived every case
  // first: how many deadlines moved, and the file listing them (rederived-YYYY-MM-DD.json).
  std::size_t moved_deadlines = 0;
  std::string rederived_path;
  int overdue = 0;  // the report's counts
  int new_breaches = 0;
  int due_soon = 0;
  int excepted = 0;
};

// The breach report's counts in a line: "458 overdue (23 new), 421 due soon, 3 excepted".
std::string breach_counts(const NightlyOutcome& outcome);

// The directories for this context (overrides win over the configuration).
engine::Result<NightlyPaths> nightly_paths(const Context& context, const NightlyPaths& overrides);

enum class NightlySteps {
  kAll,         // tick, report, deliver: a night run on the night
  kReportOnly,  // a missed night caught up later: its report only. Its escalations are left to
                // the latest night's tick, which records the overtaken rungs as skipped.
  kRehearsal,   // tick and report, on a scratch copy (cli/rehearsal.h): nothing delivered
};

// Runs the night of `as_of`. Each step commits on its own, so a run killed half-way is simply
// run again: nothing is lost and nothing is sent twice. The night is recorded as done last.
engine::Result<NightlyOutcome> run_nightly(const Context& context, engine::Date as_of,
                                           const NightlyPaths& paths,
                                           NightlySteps steps = NightlySteps::kAll);

// The as-of date of the latest night completed, or nullopt when none has been.
engine::Result<std::optional<engine::Date>> last_nightly(const Context& context);

}  // namespace ehcp::cli
