// bench_nightly: `ehcp nightly` and `ehcp queue --team` on a national-scale database.
//
// 1. Prepares (once; kept in --dir and reused) a database of N synthetic cases (default
//    1,000,000; adapters/synthetic/caseload.h, about 1,600 to a team): the caseload as of the
//    night before the first measured night, imported by the real binary, then the go-live night
//    run once (the first night of a new system tells everyone everything once: measured and
//    reported, but not the goal).
// 2. Copies that database (flushed to disk, untimed) and runs `ehcp nightly` on it for
//    --nights consecutive nights, as a child process: wall time and peak RSS, and what each
//    night did.
// 3. Runs `ehcp queue --team T` for the caseload's first team --queries times: median and
//    slowest wall time.
// 4. Baselines in the same run: SQLite itself reading the rows each command needs (the same
//    tables and indexes, no engine), so the figures read as ratios to the hardware's ceiling.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <date/date.h>
#include <fcntl.h>
#include <unistd.h>

#include "adapters/synthetic/caseload_writer.h"
#include "adapters/synthetic/team_plan.h"
#include "bench/child_process.h"
#include "bench/report_format.h"

namespace {

namespace fs = std::filesystem;
using ehcp::bench::ChildRun;
using ehcp::bench::fixed;
using ehcp::bench::grouped;
using ehcp::bench::megabytes;
using ehcp::bench::run_child;
using Clock = std::chrono::steady_clock;

constexpr double kGoalNightSeconds = 10;
constexpr double kGoalNightPeakMB = 1000;
constexpr double kGoalQueueMs = 50;

struct Options {
  std::uint64_t cases = 1'000'000;
  std::uint64_t seed = 1;
  std::string first_night = "2025-12-01";
  int nights = 3;
  int queries = 21;
  std::string dir;
  std::string ehcp = EHCP_BINARY;
};

[[noreturn]] void die(const std::string& message) { ehcp::bench::die("bench_nightly", message); }

std::string shift(const std::string& day, int days) {
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  // Read by hand: date::parse trips a GCC 12 -Wmaybe-uninitialized false positive at -O3.
  if (std::sscanf(day.c_str(), "%d-%u-%u", &y, &m, &d) != 3 ||
      !date::year_month_day{date::year{y}, date::month{m}, date::day{d}}.ok()) {
    die("not a date: " + day);
  }
  const date::sys_days shifted =
      date::sys_days{date::year_month_day{date::year{y}, date::month{m}, date::day{d}}} +
      date::days{days};
  return date::format("%F", shifted);
}

// The team whose queue is measured: the caseload's first.
std::string team_of(const Options& o) {
  return ehcp::adapters::synthetic::TeamPlan(o.cases).team(0);
}

ChildRun run_ehcp(const Options& o, const fs::path& db, std::vector<std::string> args,
                  const fs::path& dir, const std::string& name) {
  std::vector<std::string> all = {o.ehcp, "--db", db.string()};
  all.insert(all.end(), args.begin(), args.end());
  ChildRun run = run_child(all, dir, name);
  if (run.exit_code != 0) {
    die("`ehcp " + args.front() + "` exited " + std::to_string(run.exit_code) + ":\n" + run.output);
  }
  return run;
}

fs::path prepare(const Options& o, const fs::path& dir) {
  const fs::path db = dir / "prepared.db";
  // "v2": the caseload generator of issue 7; a database prepared by the earlier one is remade.
  const fs::path marker = dir / ("prepared-v2-" + std::to_string(o.cases) + "-" + o.first_night);
  if (fs::exists(marker) && fs::exists(db)) {
    std::cout << "reusing " << db.string() << "\n";
    return db;
  }
  for (const auto& stale : {db, fs::path(db.string() + "-wal"), fs::path(db.string() + "-shm")}) {
    fs::remove(stale);
  }
  const std::string go_live = shift(o.first_night, -1);
  const auto start = Clock::now();
  ehcp::adapters::synthetic::CaseloadOptions caseload_options;
  caseload_options.seed = o.seed;
  caseload_options.cases = o.cases;
  caseload_options.as_of = *ehcp::engine::parse_date(go_live);
  const ehcp::adapters::synthetic::Caseload caseload(caseload_options);
  const fs::path events = dir / "events.jsonl";
  std::uint64_t kept = 0;
  {
    std::vector<char> buffer(1 << 20);
    std::ofstream out;
    out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    out.open(events, std::ios::binary | std::ios::trunc);
    auto written = ehcp::adapters::synthetic::write_caseload(caseload, out);
    if (!written.ok()) {
      die(written.status().message());
    }
    kept = written.value().events;
  }
  std::cout << "generated " << grouped(static_cast<double>(kept)) << " events for "
            << grouped(static_cast<double>(o.cases)) << " cases in "
            << fixed(std::chrono::duration<double>(Clock::now() - start).count(), 1) << " s\n";
  run_ehcp(o, db, {"init"}, dir, "init");
  const ChildRun import =
      run_ehcp(o, db, {"import", events.string(), "--as-of", go_live}, dir, "import");
  std::cout << "imported in " << fixed(import.seconds, 1) << " s ("
            << grouped(static_cast<double>(kept) / import.seconds) << " events/s), peak RSS "
            << fixed(megabytes(import.peak_rss_kib), 0) << " MB\n";
  const ChildRun night =
      run_ehcp(o, db,
               {"nightly", "--as-of", go_live, "--reports", (dir / "reports").string(), "--outbox",
                (dir / "outbox").string()},
               dir, "go-live");
  std::cout << "go-live night " << go_live << " (everything told once): " << fixed(night.seconds, 1)
            << " s, peak RSS " << fixed(megabytes(night.peak_rss_kib), 0) << " MB\n  "
            << night.output;
  fs::remove(events);
  std::ofstream(marker) << "prepared\n";
  return db;
}

// SQLite alone reading the rows a command needs, in the same run: the ceiling.
double sqlite_seconds(const fs::path& db_path, const std::string& sql,
                      const std::vector<std::string>& binds, std::int64_t& rows) {
  SQLite::Database db(db_path.string(), SQLite::OPEN_READONLY);
  const auto start = Clock::now();
  SQLite::Statement q(db, sql);
  for (std::size_t i = 0; i < binds.size(); ++i) {
    q.bind(static_cast<int>(i + 1), binds[i]);
  }
  rows = 0;
  while (q.executeStep()) {
    for (int c = 0; c < q.getColumnCount(); ++c) {
      (void)q.getColumn(c).getText();
    }
    ++rows;
  }
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The rows a night reads: unfinished clocks near their deadlines, with their cases; and those
// finished since the night before.
const char* kNightRows =
    "SELECT c.*, k.caseworker, k.team FROM clocks c JOIN cases k ON k.case_ref = c.case_ref "
    "WHERE c.met_on IS NULL AND c.ended_on IS NULL AND c.due <= ?1 UNION ALL "
    "SELECT c.*, k.caseworker, k.team FROM clocks c JOIN cases k ON k.case_ref = c.case_ref "
    "WHERE coalesce(c.met_on, c.ended_on) >= ?2 AND c.due <= ?1";

// The same two halves ehcp's query has (adapters/sqlite/clock_query.cpp), without the engine.
const char* kQueueRows =
    "SELECT c.*, k.given_name, k.family_name FROM clocks c JOIN cases k ON k.case_ref = "
    "c.case_ref WHERE c.met_on IS NULL AND c.ended_on IS NULL AND c.due <= ?2 AND k.team = ?1 "
    "UNION ALL SELECT c.*, k.given_name, k.family_name FROM clocks c JOIN cases k ON k.case_ref "
    "= c.case_ref WHERE coalesce(c.met_on, c.ended_on) >= ?3 AND c.due <= ?2 AND +k.team = ?1";

// Writes everything pending on the file system holding `dir` to disk (syncfs) and waits. The
// copy of the prepared database and the removal of the last run's messages are the benchmark's
// own setup: left in the page cache, their gigabytes would be written during the first nights,
// whose message delivery flushes the whole file system too, and be timed as theirs.
double flush_file_system(const fs::path& dir) {
  const auto start = Clock::now();
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || ::syncfs(fd) != 0) {
    die("cannot flush the file system of " + dir.string());
  }
  ::close(fd);
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"Benchmark `ehcp nightly` and `ehcp queue --team` at national scale"};
  app.add_option("--cases", o.cases, "Cases in the database")->capture_default_str();
  app.add_option("--seed", o.seed, "Generator seed")->capture_default_str();
  app.add_option("--first-night", o.first_night, "The first measured night")->capture_default_str();
  app.add_option("--nights", o.nights, "Consecutive nights measured")->capture_default_str();
  app.add_option("--queries", o.queries, "Queue queries measured")->capture_default_str();
  app.add_option("--dir", o.dir, "Working folder; the prepared database is kept here and reused")
      ->required();
  CLI11_PARSE(app, argc, argv);
  const fs::path dir = o.dir;
  fs::create_directories(dir);
  std::cout << "bench_nightly (" << EHCP_BUILD_CONFIG << "), " << grouped(double(o.cases))
            << " cases\n";
  const fs::path prepared = prepare(o, dir);
  const fs::path db = dir / "night.db";
  for (const auto& stale : {db, fs::path(db.string() + "-wal"), fs::path(db.string() + "-shm")}) {
    fs::remove(stale);
  }
  fs::copy_file(prepared, db);
  fs::remove_all(dir / "night-reports");
  fs::remove_all(dir / "night-outbox");
  std::cout << "copied the prepared database and flushed it to disk in "
            << fixed(flush_file_system(dir), 1) << " s (not timed)\n";
  {
    SQLite::Database sizes(db.string(), SQLite::OPEN_READONLY);
    std::cout << "database: " << grouped(double(fs::file_size(db)) / 1e6) << " MB, "
              << grouped(double(sizes.execAndGet("SELECT count(*) FROM cases").getInt64()))
              << " cases, "
              << grouped(double(sizes.execAndGet("SELECT count(*) FROM clocks").getInt64()))
              << " clocks, "
              << grouped(double(sizes
                                    .execAndGet("SELECT count(*) FROM clocks WHERE met_on IS "
                                                "NULL AND ended_on IS NULL")
                                    .getInt64()))
              << " unfinished\n";
  }

  std::vector<double> night_seconds;
  long night_peak = 0;
  double ceiling_total = 0;
  for (int n = 0; n < o.nights; ++n) {
    const std::string night = shift(o.first_night, n);
    std::int64_t rows = 0;
    const double ceiling =
        sqlite_seconds(db, kNightRows, {shift(night, 30), shift(night, -1)}, rows);
    const ChildRun run =
        run_ehcp(o, db,
                 {"nightly", "--as-of", night, "--reports", (dir / "night-reports").string(),
                  "--outbox", (dir / "night-outbox").string()},
                 dir, "night");
    night_seconds.push_back(run.seconds);
    night_peak = std::max(night_peak, run.peak_rss_kib);
    ceiling_total += ceiling;
    std::cout << "night " << night << ": " << fixed(run.seconds, 2) << " s, peak RSS "
              << fixed(megabytes(run.peak_rss_kib), 0) << " MB; SQLite reading its "
              << grouped(double(rows)) << " rows: " << fixed(ceiling, 2) << " s\n  " << run.output;
  }
  const double night_median = median(night_seconds);

  const std::string as_of = shift(o.first_night, o.nights - 1);
  std::vector<double> queue_ms;
  std::string queue_output;
  for (int i = 0; i < o.queries; ++i) {
    const ChildRun run = run_ehcp(
        o, db, {"queue", "--team", team_of(o), "--as-of", as_of, "--format", "csv"}, dir, "queue");
    queue_ms.push_back(run.seconds * 1000);
    queue_output = run.output;
  }
  std::int64_t queue_rows = 0;
  std::vector<double> queue_ceiling;
  for (int i = 0; i < o.queries; ++i) {
    queue_ceiling.push_back(
        1000 * sqlite_seconds(db, kQueueRows, {team_of(o), shift(as_of, 16), as_of}, queue_rows));
  }
  std::int64_t team_cases = 0;
  {
    SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(d, "SELECT count(*) FROM cases WHERE team = ?");
    q.bind(1, team_of(o));
    q.executeStep();
    team_cases = q.getColumn(0).getInt64();
  }
  const auto queue_lines = std::count(queue_output.begin(), queue_output.end(), '\n');
  const double queue_median = median(queue_ms);
  const double queue_slowest = *std::max_element(queue_ms.begin(), queue_ms.end());

  std::cout << "\nnightly: median " << fixed(night_median, 2) << " s over " << o.nights
            << " nights (goal < " << kGoalNightSeconds
            << " s: " << (night_median < kGoalNightSeconds ? "met" : "MISSED") << "); peak RSS "
            << fixed(megabytes(night_peak), 0) << " MB (goal < " << kGoalNightPeakMB
            << " MB: " << (megabytes(night_peak) < kGoalNightPeakMB ? "met" : "MISSED")
            << "); SQLite reading the same rows: " << fixed(ceiling_total / o.nights, 2)
            << " s a night, ratio " << fixed(night_median / (ceiling_total / o.nights), 1) << "x\n";
  std::cout << "queue --team \"" << team_of(o) << "\" (" << grouped(double(team_cases))
            << " cases, " << queue_lines - 1 << " items): median " << fixed(queue_median, 1)
            << " ms, slowest " << fixed(queue_slowest, 1) << " ms over " << o.queries
            << " runs (goal < " << kGoalQueueMs
            << " ms: " << (queue_median < kGoalQueueMs ? "met" : "MISSED")
            << "); SQLite reading its " << grouped(double(queue_rows))
            << " rows in-process: " << fixed(median(queue_ceiling), 1) << " ms, ratio "
            << fixed(queue_median / median(queue_ceiling), 1) << "x\n";
  return 0;
}
