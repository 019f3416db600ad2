// bench_import: how fast does `ehcp import` take a large file, against SQLite's own bulk insert
// of the same rows as the ceiling?
//
// 1. Writes N synthetic events (adapters/synthetic/caseload.h, as of the import's --as-of) to
//    a JSON Lines file in a temp dir.
// 2. Runs the real binary, `ehcp --db D init` then `ehcp --db D import FILE --as-of ...`, as a
//    child process: wall time around it, peak RSS from wait4's rusage. Checks the events and
//    cases tables afterwards.
// 3. The ceiling: the same rows (the payload being each line's canonical JSON, as ehcp stores
//    it), prepared in memory beforehand, inserted by one prepared statement in one transaction
//    into a fresh database with the same schema and pragmas.
// 4. Prints both figures, their ratio, and whether the goals are met.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "adapters/synthetic/caseload_stream.h"
#include "bench/child_process.h"
#include "bench/report_format.h"

namespace {

using ehcp::bench::ChildRun;
using ehcp::bench::fixed;
using ehcp::bench::grouped;
using ehcp::bench::megabytes;
using ehcp::bench::read_file;
using ehcp::bench::run_child;

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// The goals for 1,000,000 events on the 2-core reference machine.
// Import evaluates every touched case through the machines (the needs-assessment issue's
// goal); import alone, before evaluation existed, had to reach 150,000 events/s.
constexpr double kGoalEventsPerSecond = 100'000;
constexpr double kGoalPeakMB = 500;  // decimal MB: 500,000,000 bytes
// Issue 7's peer comparison: the import within 3 times SQLite's own bulk insert of the same
// rows, both measured in the same run, so on the same machine under the same load.
constexpr double kGoalRatio = 3;

struct Options {
  std::uint64_t events = 1'000'000;
  std::uint64_t seed = 1;
  std::size_t window = 64;
  int runs = 1;
  std::string as_of = "2026-11-25";
  std::string ehcp = EHCP_BINARY;
  std::string schema = EHCP_SCHEMA_SQL;
  std::string dir;
  bool keep = false;
  bool check = false;
};

[[noreturn]] void die(const std::string& message) { ehcp::bench::die("bench_import", message); }

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void remove_database(const fs::path& db) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    fs::remove(db.string() + suffix);
  }
}

// --- 1. the events file ---------------------------------------------------------------------

struct EventsFile {
  fs::path path;
  std::uint64_t events = 0;
  std::uint64_t cases = 0;
  std::uint64_t bytes = 0;
  double seconds = 0;
};

EventsFile write_events_file(const Options& options, const fs::path& dir) {
  EventsFile file;
  file.path = dir / "events.jsonl";
  const auto start = Clock::now();
  ehcp::adapters::synthetic::CaseloadOptions caseload_options;
  caseload_options.seed = options.seed;
  caseload_options.cases = static_cast<std::uint64_t>(std::ceil(
      static_cast<double>(options.events) / ehcp::adapters::synthetic::kMeanEventsPerCase));
  const auto as_of = ehcp::engine::parse_date(options.as_of);
  if (!as_of) {
    die("--as-of: not a date: " + options.as_of);
  }
  caseload_options.as_of = *as_of;
  const ehcp::adapters::synthetic::Caseload caseload(caseload_options);
  ehcp::adapters::synthetic::StreamLimits limits;
  limits.window = options.window;
  limits.max_events = options.events;
  ehcp::adapters::synthetic::CaseloadStream generator(caseload, limits);

  std::vector<char> buffer(1 << 20);
  std::ofstream out;
  out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  out.open(file.path, std::ios::binary | std::ios::trunc);
  std::string line;
  while (generator.next(line)) {
    out << line << '\n';
  }
  out.close();
  if (!out) {
    die("cannot write " + file.path.string());
  }
  file.events = generator.events_written();
  file.cases = generator.cases_started();
  file.bytes = fs::file_size(file.path);
  file.seconds = seconds_since(start);
  if (file.events != options.events) {
    die("the generator wrote " + std::to_string(file.events) + " events, not " +
        std::to_string(options.events));
  }
  return file;
}

// --- 2. the real ehcp -----------------------------------------------------------------------

std::int64_t count_rows(const fs::path& db_path, const char* table) {
  SQLite::Database db(db_path.string(), SQLite::OPEN_READONLY);
  return db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
}

ChildRun run_ehcp(const Options& options, const EventsFile& file, const fs::path& dir,
                  int run_number) {
  const fs::path db = dir / ("ehcp-" + std::to_string(run_number) + ".db");
  remove_database(db);
  const ChildRun init = run_child({options.ehcp, "--db", db.string(), "init"}, dir, "ehcp-init");
  if (init.exit_code != 0) {
    die("`ehcp init` exited " + std::to_string(init.exit_code) + ":\n" + init.output);
  }
  ChildRun import = run_child(
      {options.ehcp, "--db", db.string(), "import", file.path.string(), "--as-of", options.as_of},
      dir, "ehcp-import");
  if (import.exit_code != 0) {
    die("`ehcp import` exited " + std::to_string(import.exit_code) + ":\n" + import.output);
  }
  // A fast import that loses rows is no result at all.
  const auto events = count_rows(db, "events");
  if (events != static_cast<std::int64_t>(file.events)) {
    die("the events table has " + std::to_string(events) + " rows after the import, not " +
        std::to_string(file.events));
  }
  const auto cases = count_rows(db, "cases");
  if (cases != static_cast<std::int64_t>(file.cases)) {
    die("the cases table has " + std::to_string(cases) + " rows after the import, not " +
        std::to_string(file.cases));
  }
  if (!options.keep) {
    remove_database(db);
  }
  return import;
}

// --- 3. the SQLite ceiling ------------------------------------------------------------------

struct Row {
  std::string case_ref, type, on_date, idem_id, author, payload;
};

// The rows ehcp stores, computed from the file before any timing starts.
std::vector<Row> rows_from(const EventsFile& file) {
  std::vector<Row> rows;
  rows.reserve(file.events);
  std::ifstream in(file.path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    const auto object = nlohmann::json::parse(line);
    rows.push_back({object.at("case").get<std::string>(), object.at("type").get<std::string>(),
                    object.at("on").get<std::string>(), object.at("id").get<std::string>(),
                    object.at("by").get<std::string>(), object.dump()});
  }
  return rows;
}

struct CeilingRun {
  double insert_seconds = 0;  // BEGIN .. COMMIT
  double close_seconds = 0;   // closing the connection checkpoints the WAL, as ehcp's exit does
  double seconds() const { return insert_seconds + close_seconds; }
};

CeilingRun run_ceiling(const Options& options, const std::vector<Row>& rows, const fs::path& dir,
                       int run_number) {
  const fs::path path = dir / ("ceiling-" + std::to_string(run_number) + ".db");
  remove_database(path);
  const std::string schema = read_file(options.schema);
  const std::string recorded_at = "2026-11-25T21:00:00.000Z";
  CeilingRun run;
  {
    auto db = std::make_unique<SQLite::Database>(path.string(),
                                                 SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    // The pragmas ehcp's Database sets, so only the work differs.
    db->exec("PRAGMA journal_mode = WAL");
    db->exec("PRAGMA synchronous = NORMAL");
    db->exec("PRAGMA foreign_keys = ON");
    db->exec("PRAGMA temp_store = MEMORY");
    db->exec("PRAGMA cache_size = -65536");
    db->exec(schema);

    const auto start = Clock::now();
    {
      SQLite::Transaction tx(*db, SQLite::TransactionBehavior::IMMEDIATE);
      // ehcp's own insert statement, conflict clause included.
      SQLite::Statement insert(
          *db,
          "INSERT INTO events (case_ref, type, on_date, recorded_at, idem_id, author, payload)"
          " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idem_id) DO NOTHING");
      for (const Row& row : rows) {
        insert.bindNoCopy(1, row.case_ref);
        insert.bindNoCopy(2, row.type);
        insert.bindNoCopy(3, row.on_date);
        insert.bindNoCopy(4, recorded_at);
        insert.bindNoCopy(5, row.idem_id);
        insert.bindNoCopy(6, row.author);
        insert.bindNoCopy(7, row.payload);
        insert.exec();
        insert.reset();
      }
      tx.commit();
    }
    run.insert_seconds = seconds_since(start);
    const auto close_start = Clock::now();
    db.reset();
    run.close_seconds = seconds_since(close_start);
  }
  if (count_rows(path, "events") != static_cast<std::int64_t>(rows.size())) {
    die("the ceiling database does not hold every row");
  }
  if (!options.keep) {
    remove_database(path);
  }
  return run;
}

// --- 4. the report --------------------------------------------------------------------------

template <typename T, typename Key>
T median_by(std::vector<T> runs, Key key) {
  std::sort(runs.begin(), runs.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
  return runs[runs.size() / 2];
}

fs::path make_temp_dir() {
  std::string pattern = (fs::temp_directory_path() / "ehcp-bench-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    die("cannot create a temporary directory");
  }
  return pattern;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  CLI::App app{"Benchmark `ehcp import` against SQLite's own bulk insert of the same rows"};
  app.add_option("--events", options.events, "Events to import")->capture_default_str();
  app.add_option("--seed", options.seed, "Generator seed")->capture_default_str();
  app.add_option("--window", options.window, "Cases per date-ordered block in the file")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--runs", options.runs, "Repeat and report the median")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--as-of", options.as_of, "The import's --as-of date")->capture_default_str();
  app.add_option("--ehcp", options.ehcp, "The ehcp binary")->capture_default_str();
  app.add_option("--schema", options.schema, "Schema SQL for the ceiling")->capture_default_str();
  app.add_option("--dir", options.dir, "Working directory (default: a new one under $TMPDIR)");
  app.add_flag("--keep", options.keep, "Keep the events file and databases");
  app.add_flag("--check", options.check, "Exit 2 if a goal is missed");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 1;
  }

  const bool own_dir = options.dir.empty();
  const fs::path dir = own_dir ? make_temp_dir() : fs::path(options.dir);
  fs::create_directories(dir);
  std::cout << "bench_import: " << options.ehcp << " (" << EHCP_BUILD_CONFIG << " build)\n"
            << "  working in " << dir.string() << "\n";
  if (std::string_view(EHCP_BUILD_CONFIG) != "Release") {
    std::cout << "  note: figures are only comparable from a Release build\n";
  }

  const EventsFile file = write_events_file(options, dir);
  std::cout << "  generated " << grouped(static_cast<double>(file.events)) << " events for "
            << grouped(static_cast<double>(file.cases)) << " cases ("
            << fixed(static_cast<double>(file.bytes) / (1 << 20), 1) << " MiB) in "
            << fixed(file.seconds, 2) << " s\n"
            << std::flush;

  // ehcp first, while this process is still small; then build the ceiling's rows in memory.
  std::vector<ChildRun> ehcp_runs;
  for (int r = 1; r <= options.runs; ++r) {
    ehcp_runs.push_back(run_ehcp(options, file, dir, r));
    const ChildRun& run = ehcp_runs.back();
    std::cout << "  ehcp run " << r << ": " << fixed(run.seconds, 3) << " s, peak RSS "
              << fixed(megabytes(run.peak_rss_kib), 1) << " MB; ehcp said: " << run.output
              << std::flush;
  }
  const std::vector<Row> rows = rows_from(file);
  std::vector<CeilingRun> ceiling_runs;
  for (int r = 1; r <= options.runs; ++r) {
    ceiling_runs.push_back(run_ceiling(options, rows, dir, r));
    const CeilingRun& run = ceiling_runs.back();
    std::cout << "  SQLite run " << r << ": " << fixed(run.seconds(), 3) << " s (insert+commit "
              << fixed(run.insert_seconds, 3) << " s, close/checkpoint "
              << fixed(run.close_seconds, 3) << " s)\n"
              << std::flush;
  }

  const ChildRun ehcp = median_by(ehcp_runs, [](const ChildRun& r) { return r.seconds; });
  const CeilingRun ceiling =
      median_by(ceiling_runs, [](const CeilingRun& r) { return r.seconds(); });
  long peak_kib = 0;
  for (const auto& r : ehcp_runs) {
    peak_kib = std::max(peak_kib, r.peak_rss_kib);
  }
  const double n = static_cast<double>(file.events);
  const double ehcp_rate = n / ehcp.seconds;
  const double peak_mb = megabytes(peak_kib);
  const bool rate_ok = ehcp_rate >= kGoalEventsPerSecond;
  const bool memory_ok = peak_mb < kGoalPeakMB;
  const double ratio = ehcp.seconds / ceiling.seconds();
  const bool ratio_ok = ratio <= kGoalRatio;

  std::cout << "\n"
            << "events                      " << grouped(n) << " ("
            << grouped(static_cast<double>(file.cases)) << " cases, " << options.runs
            << (options.runs == 1 ? " run" : " runs, median") << ")\n"
            << "ehcp import                 " << fixed(ehcp.seconds, 3) << " s  "
            << grouped(ehcp_rate) << " events/s\n"
            << "ehcp peak RSS               " << fixed(peak_mb, 1) << " MB\n"
            << "SQLite bulk insert          " << fixed(ceiling.seconds(), 3) << " s  "
            << grouped(n / ceiling.seconds()) << " rows/s\n"
            << "ratio (ehcp / SQLite time)  " << fixed(ratio, 2) << "x\n"
            << "goal >= " << grouped(kGoalEventsPerSecond) << " events/s   "
            << (rate_ok ? "MET" : "NOT MET") << "\n"
            << "goal peak RSS < " << fixed(kGoalPeakMB, 0) << " MB      "
            << (memory_ok ? "MET" : "NOT MET") << "\n"
            << "goal ratio <= " << fixed(kGoalRatio, 0) << "x SQLite       "
            << (ratio_ok ? "MET" : "NOT MET") << "\n";

  if (!options.keep) {
    fs::remove(file.path);
    if (own_dir) {
      fs::remove_all(dir);
    }
  }
  return options.check && !(rate_ok && memory_ok && ratio_ok) ? 2 : 0;
}
