#include "cli/nightly.h"

#include <filesystem>
#include <optional>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "adapters/derivation/rederive.h"
#include "adapters/escalation/tick.h"
#include "adapters/files/durable_file.h"
#include "adapters/notify/board_pack_message.h"
#include "adapters/notify/outbox_delivery.h"
#include "adapters/render/breach_render.h"
#include "adapters/render/rederive_render.h"
#include "adapters/report/breach_source.h"
#include "adapters/sqlite/outbox_store.h"
#include "cli/board_pack_files.h"
#include "cli/time_source.h"
#include "ehcp/version.h"

namespace ehcp::cli {
namespace {

namespace fs = std::filesystem;

// The first of: the command line's directory, the configuration's (relative to the database's
// folder), the default beside the database.
std::string choose(const std::string& given, const std::string& configured, const fs::path& base,
                   const char* fallback) {
  if (!given.empty()) {
    return given;
  }
  if (!configured.empty()) {
    return fs::path(configured).is_absolute() ? configured : (base / configured).string();
  }
  return (base / fallback).string();
}

engine::Status write_report(const fs::path& dir, engine::Date as_of,
                            const engine::BreachReport& report, const std::string& la,
                            const adapters::derivation::Rederived* rederived,
                            std::string& html_path) {
  if (auto status = adapters::files::make_private_directory(dir); !status.ok()) {
    return status;
  }
  const std::string stem = "breaches-" + engine::format_date(as_of);
  // Anonymised: the file is made to be e-mailed to the board.
  const std::string html =
      adapters::render::breaches_to_html(report, {la, false, rederived, kVersion});
  const fs::path html_file = dir / (stem + ".html");
  if (auto status = adapters::files::write_file_durably(html_file, html); !status.ok()) {
    return status;
  }
  const std::string json = adapters::render::breaches_to_json(report).dump(2) + "\n";
  if (auto status = adapters::files::write_file_durably(dir / (stem + ".json"), json);
      !status.ok()) {
    return status;
  }
  // The full lists for a spreadsheet, anonymised as the HTML is (the HTML shows only the
  // oldest and the counts once a list is long).
  const std::string csv = adapters::render::breaches_to_csv(report, {la, false, nullptr, kVersion});
  if (auto status = adapters::files::write_file_durably(dir / (stem + ".csv"), csv); !status.ok()) {
    return status;
  }
  html_path = html_file.string();
  return {};
}

engine::Status rederive_for_night(adapters::sqlite::Database& db,
                                  const adapters::config::LaConfig& config, const fs::path& dir,
                                  engine::Date as_of, NightlyOutcome& outcome,
                                  std::optional<adapters::derivation::Rederived>& kept) {
  auto rederived =
      adapters::derivation::rederive_in_transaction(db, config, utc_timestamp_now(), false);
  if (!rederived.ok()) {
    return rederived.status();
  }
  if (auto status = adapters::files::make_private_directory(dir); !status.ok()) {
    return status;
  }
  const fs::path file = dir / ("rederived-" + engine::format_date(as_of) + ".json");
  const std::string json =
      adapters::render::rederived_json(rederived.value(), false).dump(2) + "\n";
  if (auto status = adapters::files::write_file_durably(file, json); !status.ok()) {
    return status;
  }
  outcome.moved_deadlines = rederived.value().moved.size();
  outcome.rederived_path = file.string();
  kept = std::move(rederived).value();
  return {};
}

// Queues the month's pack for the board, once: false when this month's was queued before.
engine::Result<bool> queue_board_pack(adapters::sqlite::Database& db,
                                      const adapters::config::LaConfig& config,
                                      const BoardPackFiles& pack, engine::Date as_of) {
  try {
    SQLite::Transaction transaction(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    adapters::sqlite::OutboxStore outbox(db.sql());
    const bool added = outbox
                           .add(adapters::notify::board_pack_message(
                               config, pack.pack, pack.html_path, as_of, utc_timestamp_now()))
                           .has_value();
    transaction.commit();
    return added;
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("queueing the board pack", e.what());
  }
}

// Who the night's deliveries are claimed by: the night's record counts them.
std::string night_claimant(engine::Date as_of) { return "nightly " + engine::format_date(as_of); }

// Records the night as done, its counts read from the ledgers rather than from this run: a run
// killed after its tick committed leaves the rungs and messages recorded, and the run that
// finishes the night counts them too. A tick run by hand as of the same day is in the night.
engine::Status record_night(adapters::sqlite::Database& db, const NightlyOutcome& o) {
  try {
    SQLite::Statement upsert(
        db.sql(),
        "INSERT INTO nightly_runs (as_of, finished_at, fired, skipped, messages, delivered, "
        "report) VALUES (?1, ?2, (SELECT count(*) FROM escalations WHERE ticked_on = ?1 AND "
        "outcome = 'notified'), (SELECT count(*) FROM escalations WHERE ticked_on = ?1 AND "
        "outcome = 'skipped'), (SELECT count(*) FROM outbox WHERE created_on = ?1), (SELECT "
        "count(*) FROM outbox WHERE claimed_by = ?3 AND delivered_at IS NOT NULL), ?4) ON "
        "CONFLICT (as_of) DO UPDATE SET finished_at = excluded.finished_at, fired = "
        "excluded.fired, skipped = excluded.skipped, messages = excluded.messages, delivered = "
        "excluded.delivered, report = excluded.report");
    upsert.bind(1, engine::format_date(o.as_of));
    upsert.bind(2, utc_timestamp_now());
    upsert.bind(3, night_claimant(o.as_of));
    upsert.bind(4, o.report_path);
    upsert.exec();
    return {};
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("recording the night", e.what());
  }
}

}  // namespace

std::string breach_counts(const NightlyOutcome& o) {
  return std::to_string(o.overdue) + " overdue (" + std::to_string(o.new_breaches) + " new), " +
         std::to_string(o.due_soon) + " due soon, " + std::to_string(o.excepted) + " excepted";
}

engine::Result<NightlyPaths> nightly_paths(const Context& context, const NightlyPaths& overrides) {
  auto config = context.la_config();
  if (!config.ok()) {
    return config.status();
  }
  const fs::path base = fs::absolute(context.db_path).parent_path();
  const auto& nightly = config.value().nightly;
  return NightlyPaths{choose(overrides.reports_dir, nightly.reports_dir, base, "reports"),
                      choose(overrides.outbox_dir, nightly.outbox_dir, base, "outbox")};
}

engine::Result<NightlyOutcome> run_nightly(const Context& context, engine::Date as_of,
                                           const NightlyPaths& paths, NightlySteps steps) {
  auto config = context.la_config();
  if (!config.ok()) {
    return config.status();
  }
  auto opened = context.open_database(Access::kWrite);
  if (!opened.ok()) {
    return opened.status();
  }
  auto& db = *opened.value();
  // The open ran the quick check; once a night the full one too (indexes against their tables),
  // before anything of the night is written.
  try {
    if (auto problems = db.integrity_problems(true); !problems.empty()) {
      return adapters::sqlite::damaged(context.db_path, problems);
    }
  } catch (const SQLite::Exception& e) {
    return adapters::sqlite::damaged(context.db_path, {e.what()});
  }
  const bool tick = steps != NightlySteps::kReportOnly;
  const bool deliver = steps == NightlySteps::kAll;
  NightlyOutcome outcome;
  outcome.as_of = as_of;
  // A changed calendar, rule override or build: re-derive every case first (one transaction),
  // so the tick and the report read deadlines the configuration gives, and keep what moved
  // beside the night's report.
  std::optional<adapters::derivation::Rederived> rederived;
  if (!check_derivation(db, config.value()).ok()) {
    if (auto status =
            rederive_for_night(db, config.value(), paths.reports_dir, as_of, outcome, rederived);
        !status.ok()) {
      return status;
    }
  }
  if (tick) {
    auto ticked = adapters::escalation::tick(db, config.value(), as_of, utc_timestamp_now());
    if (!ticked.ok()) {
      return ticked.status();
    }
    outcome.fired = ticked.value().fired;
    outcome.skipped = ticked.value().skipped;
    outcome.messages = ticked.value().messages;
  }
  auto report = adapters::report::load_breach_report(db, config.value(), as_of, false);
  if (!report.ok()) {
    return report.status();
  }
  if (auto status = write_report(paths.reports_dir, as_of, report.value(), config.value().la,
                                 rederived ? &*rederived : nullptr, outcome.report_path);
      !status.ok()) {
    return status;
  }
  if (date::year_month_day{as_of}.day() == date::day{1}) {
    // The first night of a month also writes the board pack for the month just ended, so the
    // monthly indicators come with the night; a night run again rewrites the same files.
    const engine::Date to = as_of - date::days{1};
    const date::year_month_day end{to};
    const engine::Date from = engine::Date{end.year() / end.month() / date::day{1}};
    auto pack = write_board_pack(db, paths.reports_dir, from, to, config.value(),
                                 "board-pack-" + engine::format_date(from).substr(0, 7));
    if (!pack.ok()) {
      return pack.status();
    }
    outcome.board_pack_path = pack.value().html_path;
    if (!config.value().notify.board.empty()) {
      auto queued = queue_board_pack(db, config.value(), pack.value(), as_of);
      if (!queued.ok()) {
        return queued.status();
      }
      outcome.board_pack_to = queued.value() ? config.value().notify.board : std::string();
    }
  }
  // Only once the file is there does the ledger say the board was told.
  try {
    SQLite::Transaction transaction(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    if (auto status = adapters::report::record_breach_report(db, report.value()); !status.ok()) {
      return status;
    }
    transaction.commit();
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("recording the breach report", e.what());
  }
  const auto& total = report.value().total;
  outcome.overdue = total.overdue;
  outcome.new_breaches = total.new_breaches;
  outcome.due_soon = total.due_soon;
  outcome.excepted = total.excepted;
  if (deliver) {
    auto delivered = adapters::notify::deliver_outbox(db, config.value().notify, paths.outbox_dir,
                                                      utc_timestamp_now(), night_claimant(as_of));
    if (!delivered.ok()) {
      return delivered.status();
    }
    outcome.delivered = delivered.value().delivered;
  }
  if (auto status = record_night(db, outcome); !status.ok()) {
    return status;
  }
  return outcome;
}

engine::Result<std::optional<engine::Date>> last_nightly(const Context& context) {
  auto db = context.open_database(Access::kRead);
  if (!db.ok()) {
    return db.status();
  }
  try {
    SQLite::Statement q(db.value()->sql(), "SELECT max(as_of) FROM nightly_runs");
    q.executeStep();
    if (q.getColumn(0).isNull()) {
      return std::optional<engine::Date>();
    }
    return engine::parse_date(q.getColumn(0).getString());
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("reading the nightly runs", e.what());
  }
}

}  // namespace ehcp::cli
