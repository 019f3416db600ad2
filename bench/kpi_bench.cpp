// bench_kpi: `ehcp report kpi` for 12 months on a national-scale database (the goal: a
// 12-month pack over 1,000,000 cases in under 5 s).
//
// 1. Takes a database made by bench_nightly (--source: its prepared.db, histories to the night
//    before its first night), copies it once into --dir and brings it to this build's schema
//    with `ehcp init` (which re-derives every case: timed and reported, not the goal).
// 2. Runs `ehcp report kpi --from F --to T --format html` (and json) --runs times as a child
//    process: median and slowest wall time, peak RSS.
// 3. Baseline in the same run: SQLite itself reading the rows the pack reads (the same
//    queries as adapters/report/indicator_source.cpp, each column fetched, no engine), so the
//    figure reads as a ratio to the ceiling.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "bench/child_process.h"
#include "bench/report_format.h"

namespace {

namespace fs = std::filesystem;
using ehcp::bench::ChildRun;
using ehcp::bench::fixed;
using ehcp::bench::grouped;
using ehcp::bench::megabytes;
using Clock = std::chrono::steady_clock;

constexpr double kGoalSeconds = 5;

struct Options {
  std::string source;
  std::string dir;
  std::string from = "2024-12-01";
  std::string to = "2025-11-30";
  std::string as_of = "2025-12-01";
  int runs = 5;
  std::string ehcp = EHCP_BINARY;
};

[[noreturn]] void die(const std::string& message) { ehcp::bench::die("bench_kpi", message); }

ChildRun run_ehcp(const Options& o, const fs::path& db, const std::vector<std::string>& args,
                  const std::string& name) {
  std::vector<std::string> all = {o.ehcp, "--db", db.string()};
  all.insert(all.end(), args.begin(), args.end());
  ChildRun run = ehcp::bench::run_child(all, o.dir, name);
  if (run.exit_code != 0) {
    die("`ehcp " + args.front() + "` exited " + std::to_string(run.exit_code) + ":\n" + run.output);
  }
  return run;
}

fs::path prepare(const Options& o) {
  const fs::path db = fs::path(o.dir) / "kpi.db";
  const fs::path marker = fs::path(o.dir) / "kpi.db.ready";
  if (fs::exists(marker) && fs::exists(db)) {
    std::cout << "reusing " << db.string() << "\n";
    return db;
  }
  if (o.source.empty() || !fs::exists(o.source)) {
    die("--source must name a database made by bench_nightly (its prepared.db)");
  }
  fs::copy_file(o.source, db, fs::copy_options::overwrite_existing);
  const ChildRun init = run_ehcp(o, db, {"init"}, "init");
  std::cout << "migrated and re-derived every case in " << fixed(init.seconds, 1) << " s, peak RSS "
            << fixed(megabytes(init.peak_rss_kib), 0) << " MB\n  " << init.output;
  std::ofstream(marker) << "ready\n";
  return db;
}

// SQLite reading what the pack reads: the same four queries, every column fetched.
double sqlite_baseline(const fs::path& db, const Options& o, long long& rows) {
  const auto start = Clock::now();
  SQLite::Database sql(db.string(), SQLite::OPEN_READONLY);
  const std::string earliest = o.from;  // the period is the 12 months of the trend here
  const auto join = [](const std::string& alias, const std::string& clock) {
    return "LEFT JOIN clocks " + alias + " ON " + alias + ".case_ref = w.case_ref AND " + alias +
           ".clock = '" + clock + "' AND " + alias + ".start = w.opened ";
  };
  const std::vector<std::string> queries = {
      "SELECT case_ref, type, on_date FROM events WHERE type IN ('mediation_requested', "
      "'mediation_held', 'appeal_lodged', 'tribunal_order') AND on_date <= ?1",
      "SELECT w.case_ref, w.opened, w.closed, w.state, k.dob, ifnull(k.gender, ''), "
      "ifnull(k.ethnicity, ''), ifnull(k.team, ''), k.year_group_override, k.opened_on, d.due, "
      "d.met_on, n.met_on, f.due, f.met_on, f.exception_on FROM workflows w JOIN cases k ON "
      "k.case_ref = w.case_ref " +
          join("d", "decision_to_assess") + join("n", "no_plan_notice") + join("f", "final_plan") +
          "WHERE w.workflow = 'assessment' AND w.opened <= ?1 AND (w.closed IS NULL OR "
          "w.closed >= ?2)",
      "SELECT start, due, met_on, ifnull(detail, '') FROM clocks WHERE clock >= 'advice:' AND "
      "clock < 'advice;' AND met_on BETWEEN ?2 AND ?1",
      "SELECT clock, due, met_on, ended_on, ifnull(detail, '') FROM clocks WHERE clock IN "
      "('annual_review', 'review_decision', 'phase_transfer') AND due BETWEEN ?2 AND ?1"};
  rows = 0;
  std::size_t bytes = 0;
  for (const auto& text : queries) {
    SQLite::Statement q(sql, text);
    q.bind(1, o.to);
    if (q.getBindParameterCount() > 1) {
      q.bind(2, earliest);
    }
    while (q.executeStep()) {
      ++rows;
      for (int c = 0; c < q.getColumnCount(); ++c) {
        bytes += static_cast<std::size_t>(q.getColumn(c).getBytes());
      }
    }
  }
  if (bytes == 0) {
    die("the baseline read nothing");
  }
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"bench_kpi: the board pack for 12 months on a national-scale database"};
  app.add_option("--source", o.source, "A database made by bench_nightly (prepared.db)");
  app.add_option("--dir", o.dir, "Where the copy is kept and reused")->required();
  app.add_option("--from", o.from, "The period's first day");
  app.add_option("--to", o.to, "The period's last day");
  app.add_option("--as-of", o.as_of, "The day the pack is made");
  app.add_option("--runs", o.runs, "Runs of each format; the median is reported");
  app.add_option("--ehcp", o.ehcp, "The ehcp binary");
  CLI11_PARSE(app, argc, argv);
  fs::create_directories(o.dir);
  std::cout << "bench_kpi (" << EHCP_BUILD_CONFIG << " build)\n";
  const fs::path db = prepare(o);

  long long rows = 0;
  std::vector<double> baseline;
  for (int i = 0; i < o.runs; ++i) {
    baseline.push_back(sqlite_baseline(db, o, rows));
  }
  std::cout << "SQLite reading the pack's rows (" << grouped(static_cast<double>(rows))
            << " rows): median " << fixed(median(baseline), 2) << " s\n";

  bool met = true;
  for (const std::string format : {"html", "json"}) {
    std::vector<double> seconds;
    long peak = 0;
    std::size_t size = 0;
    for (int i = 0; i < o.runs; ++i) {
      const ChildRun run = run_ehcp(
          o, db,
          {"report", "kpi", "--from", o.from, "--to", o.to, "--as-of", o.as_of, "--format", format},
          "kpi-" + format);
      seconds.push_back(run.seconds);
      peak = std::max(peak, run.peak_rss_kib);
      size = run.output.size();
    }
    const double m = median(seconds);
    std::cout << "ehcp report kpi --from " << o.from << " --to " << o.to << " --format " << format
              << ": median " << fixed(m, 2) << " s, slowest "
              << fixed(*std::max_element(seconds.begin(), seconds.end()), 2) << " s, peak RSS "
              << fixed(megabytes(peak), 0) << " MB, " << grouped(static_cast<double>(size))
              << " bytes; " << fixed(m / median(baseline), 1) << "x SQLite's read\n";
    met = met && m < kGoalSeconds;
  }
  std::cout << "goal (< " << fixed(kGoalSeconds, 0) << " s): " << (met ? "met" : "MISSED") << "\n";
  return 0;
}
