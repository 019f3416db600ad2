#include "adapters/report/breach_source.h"

#include <vector>

#include <SQLiteCpp/Statement.h>

#include "adapters/report/as_it_stood.h"
#include "adapters/sqlite/clock_query.h"

namespace ehcp::adapters::report {
namespace {

// The nights the trend shows: those the nightly run recorded in the kTrendNights to D, and D.
std::vector<engine::Date> trend_nights(sqlite::Database& db, engine::Date as_of) {
  const engine::Date first = as_of - date::days{engine::kTrendNights - 1};
  SQLite::Statement q(
      db.sql(), "SELECT as_of FROM nightly_runs WHERE as_of >= ? AND as_of < ? ORDER BY as_of");
  q.bind(1, engine::format_date(first));
  q.bind(2, engine::format_date(as_of));
  std::vector<engine::Date> nights;
  while (q.executeStep()) {
    if (auto night = engine::parse_date(q.getColumn(0).getString())) {
      nights.push_back(*night);
    }
  }
  nights.push_back(as_of);
  return nights;
}

// The trend and the clocks met late, read with the report's own view of each case (the clocks
// running since the first day of the window and due before D: any clock overdue on a night of
// it, or met late in it).
engine::Status add_trend(sqlite::Database& db, const config::LaConfig& config,
                         AsItStood& as_it_stood, engine::BreachReport& report) {
  const engine::Date as_of = report.as_of;
  sqlite::ClockQuery query;
  query.running_on = as_of - date::days{engine::kTrendNights};
  query.due_by = as_of - date::days{1};
  query.statutory_only = true;
  std::vector<engine::Clock> clocks;
  auto status = as_it_stood.for_each_clock(query, [&](sqlite::ClockRow&& row) {
    if (!config.rules.family_deadline(row.clock.name, row.clock.start)) {
      clocks.push_back(std::move(row.clock));
    }
  });
  if (!status.ok()) {
    return status;
  }
  report.trend = engine::breach_trend(clocks, trend_nights(db, as_of));
  report.met_late = engine::met_late_between(clocks, query.running_on, as_of - date::days{1});
  return {};
}

}  // namespace

engine::Result<engine::BreachReport> load_breach_report(sqlite::Database& db,
                                                        const config::LaConfig& config,
                                                        engine::Date as_of, bool names) {
  try {
    SQLite::Statement earlier(db.sql(),
                              "SELECT EXISTS (SELECT 1 FROM nightly_runs WHERE as_of < ?)");
    earlier.bind(1, engine::format_date(as_of));
    earlier.executeStep();
    const bool previous_report = earlier.getColumn(0).getInt() != 0;

    sqlite::ClockQuery query;
    query.running_on = as_of - date::days{1};  // the night before is counted too
    query.due_by = engine::due_soon_horizon(as_of, config.calendar);
    query.statutory_only = true;
    query.with_names = names;
    query.reported_before = as_of;
    std::vector<engine::BreachCandidate> candidates;
    AsItStood as_it_stood(db, config.rules, config.calendar, as_of);
    auto status = as_it_stood.for_each_clock(query, [&](sqlite::ClockRow&& row) {
      if (config.rules.family_deadline(row.clock.name, row.clock.start)) {
        return;  // the family's window, not the LA's to meet
      }
      candidates.push_back({std::move(row.case_ref), std::move(row.clock),
                            std::move(row.caseworker), std::move(row.team), std::move(row.child),
                            row.reported});
    });
    if (!status.ok()) {
      return status;
    }
    auto report =
        engine::compose_breach_report(candidates, as_of, config.calendar, previous_report);
    if (auto trended = add_trend(db, config, as_it_stood, report); !trended.ok()) {
      return trended;
    }
    return report;
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("breach report", e.what());
  }
}

engine::Status record_breach_report(sqlite::Database& db, const engine::BreachReport& report) {
  try {
    SQLite::Statement insert(
        db.sql(),
        "INSERT INTO breach_ledger (case_ref, clock, start, due, first_reported) VALUES (?, ?, ?, "
        "?, ?) "
        "ON CONFLICT DO UPDATE SET first_reported = min(first_reported, excluded.first_reported)");
    const std::string on = engine::format_date(report.as_of);
    for (const auto& e : report.overdue) {
      insert.reset();
      insert.bind(1, e.case_ref);
      insert.bind(2, e.clock);
      insert.bind(3, engine::format_date(e.start));
      insert.bind(4, engine::format_date(e.due));
      insert.bind(5, on);
      insert.exec();
    }
    return {};
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("recording the breach report", e.what());
  }
}

}  // namespace ehcp::adapters::report
