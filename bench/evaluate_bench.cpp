// bench_evaluate: how fast are whole assessment histories re-evaluated in memory, on one core?
//
// The goal: 1,000,000 histories of about 12 events each in under 10 s on one core.
//
// 1. Not timed: generates N cases with the synthetic caseload (adapters/synthetic/, as of
//    2026-11-25; the stream `ehcp generate` and bench_import write), decodes every line with
//    adapters::jsonl::parse_line and decode_event into engine::RecordedEvent (seq = arrival, the
//    line number), groups them per case and sorts each case with engine::sort_for_replay. --layout
//    compact (the default) puts the cases back to back in one array, as a rebuild reading case by
//    case would see them;
//    --layout interleaved keeps one vector a case, filled as the interleaved stream arrives,
//    which leaves glibc's heap fragmented (see bench/README.md). --in FILE reads the histories
//    from a JSON Lines file instead (the XState comparison, bench/peer_xstate.sh, gives both
//    sides the same file) and lays them out compactly, cases in order of first appearance.
// 2. Timed: workflows::evaluate_case for every case, one after another on this thread, with
//    the national rule book and a default engine::Calendar. Counts clocks, warnings and
//    rejections (the first few reasons are printed).
// 3. The baseline, timed the same way over the same data: engine::fold_case_record for every
//    case, the cost of touching the events at all.
// 4. Repeats --runs times (default 3) after --warmup runs (default 0) and reports the medians,
//    their ratio, peak RSS, and whether the goal is met; and the assessment checksum
//    (bench/peer_checksum.h) the XState peer prints over the same histories.
// --dump FILE writes each case's assessment as text instead of timing, to diff with the peer's.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <numeric>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <CLI/CLI.hpp>
#include <sys/resource.h>
#include <unistd.h>

#include "adapters/config/rule_pack_loader.h"
#include "adapters/jsonl/event_decoder.h"
#include "adapters/synthetic/caseload_stream.h"
#include "bench/peer_checksum.h"
#include "bench/report_format.h"
#include "engine/calendar.h"
#include "engine/case_record.h"
#include "engine/civil_date.h"
#include "engine/event.h"
#include "engine/rule_pack.h"
#include "workflows/case_evaluator.h"

namespace {

using ehcp::bench::fixed;
using ehcp::bench::grouped;

using Clock = std::chrono::steady_clock;
using ehcp::engine::RecordedEvent;

// The goal, for 1,000,000 histories on one core.
constexpr double kGoalHistories = 1'000'000;
constexpr double kGoalSeconds = 10;
constexpr std::size_t kRejectionsShown = 5;

struct Options {
  std::uint64_t cases = 1'000'000;
  std::uint64_t seed = 1;
  std::size_t window = 64;
  int runs = 3;
  std::string layout = "compact";  // or "interleaved"
  std::string in;                  // a JSON Lines file to read instead of generating
  int warmup = 0;
  // Statuses in the checksum are taken on this day: the generator's last date.
  std::string as_of = "2026-06-30";
  std::string dump;
  bool check = false;
  std::string perf_fifo;  // perf record --control fifo:PATH: profile only the evaluation
};

[[noreturn]] void die(const std::string& message) {
  std::cerr << "bench_evaluate: FAILED: " << message << "\n";
  std::exit(1);
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU time this thread has used: against wall time, it shows whether another process took the
// core during a run.
double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// Sends "enable"/"disable" to `perf record --delay=-1 --control fifo:PATH`, if given.
class PerfControl {
 public:
  explicit PerfControl(const std::string& path) {
    if (!path.empty()) {
      fifo_.open(path);
      if (!fifo_) {
        die("cannot open the perf control fifo " + path);
      }
    }
  }
  void send(const char* command) {
    if (fifo_.is_open()) {
      fifo_ << command << '\n' << std::flush;
    }
  }

 private:
  std::ofstream fifo_;
};

// Peak resident set so far (ru_maxrss is KiB on Linux), in decimal MB.
double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) * 1024 / 1e6;
}

// Resident set now, in decimal MB.
double current_rss_mb() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0;
  long resident = 0;
  statm >> pages >> resident;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1e6;
}

// --- 1. the histories -----------------------------------------------------------------------

// Every case's events, in replay order, and a span per case over them.
struct Histories {
  std::vector<RecordedEvent> flat;                   // compact: all cases, back to back
  std::vector<std::vector<RecordedEvent>> per_case;  // interleaved: one vector a case
  std::vector<std::span<const RecordedEvent>> cases;
  std::uint64_t events = 0;
  double generate_decode_seconds = 0;
  double sort_seconds = 0;
};

ehcp::engine::Event decode(const std::string& line, std::int64_t seq) {
  auto object = ehcp::adapters::jsonl::parse_line(line);
  if (!object.ok()) {
    die("line " + std::to_string(seq) + ": " + object.status().message());
  }
  auto event = ehcp::adapters::jsonl::decode_event(object.value());
  if (!event.ok()) {
    die("line " + std::to_string(seq) + ": " + event.status().message());
  }
  return std::move(event).value();
}

// The caseload the histories come from: --cases cases as of a fixed date, so runs compare.
ehcp::adapters::synthetic::CaseloadOptions caseload_options(const Options& options) {
  ehcp::adapters::synthetic::CaseloadOptions o;
  o.seed = options.seed;
  o.cases = options.cases;
  o.as_of = ehcp::engine::make_date(2026, 11, 25);
  return o;
}

// Puts each case of `out.flat` (case c at [first[c], first[c + 1])) in replay order and records
// its span.
void sort_cases(const std::vector<std::size_t>& first, Histories& out) {
  const auto start = Clock::now();
  std::vector<RecordedEvent> one_case;
  for (std::size_t c = 0; c + 1 < first.size(); ++c) {
    const auto begin = out.flat.begin() + static_cast<std::ptrdiff_t>(first[c]);
    const auto end = out.flat.begin() + static_cast<std::ptrdiff_t>(first[c + 1]);
    one_case.assign(std::make_move_iterator(begin), std::make_move_iterator(end));
    ehcp::engine::sort_for_replay(one_case);
    std::move(one_case.begin(), one_case.end(), begin);
    out.cases.emplace_back(&*begin, one_case.size());
  }
  out.sort_seconds = seconds_since(start);
}

// The default: the stream grouped by case (window 1), decoded straight into one array reserved
// up front, each case sorted in place. Nothing long-lived is freed, so the heap the evaluation
// allocates from is not riddled with holes. A case's content and its own event order do not
// depend on the window, so the evaluations are the same as for the interleaved stream.
void make_compact(const Options& options, Histories& out) {
  const ehcp::adapters::synthetic::Caseload caseload(caseload_options(options));
  ehcp::adapters::synthetic::StreamLimits limits;
  limits.window = 1;
  ehcp::adapters::synthetic::CaseloadStream generator(caseload, limits);

  auto start = Clock::now();
  // Generous, so the array never moves; pages past the end are never touched.
  out.flat.reserve(options.cases * 16);
  std::vector<std::size_t> first;  // each case's first index in flat
  first.reserve(options.cases + 1);
  std::string line;
  std::int64_t seq = 0;
  while (generator.next(line)) {
    ++seq;
    auto event = decode(line, seq);
    if (out.flat.empty() || event.case_ref != out.flat.back().event.case_ref) {
      first.push_back(out.flat.size());
    }
    out.flat.push_back(RecordedEvent{seq, std::move(event)});
  }
  first.push_back(out.flat.size());
  out.events = static_cast<std::uint64_t>(seq);
  out.generate_decode_seconds = seconds_since(start);
  sort_cases(first, out);
}

// --in FILE: the same compact layout from a file whose cases are interleaved: every line
// decoded into one array, then moved case by case (a counting sort, arrival order kept within
// each case) into `flat`, reserved once. Moving leaves the strings' buffers where they are, so
// little is freed among the long-lived events.
void make_from_file(const Options& options, Histories& out) {
  std::ifstream in(options.in, std::ios::binary);
  if (!in) {
    die("cannot read " + options.in);
  }
  const auto start = Clock::now();
  std::vector<RecordedEvent> read;
  std::vector<std::size_t> case_of;  // each event's case, numbered by first appearance
  std::unordered_map<std::string, std::size_t> index;
  std::string line;
  std::int64_t seq = 0;
  while (std::getline(in, line)) {
    if (line.empty()) {
      continue;
    }
    ++seq;
    auto event = decode(line, seq);
    case_of.push_back(index.try_emplace(event.case_ref, index.size()).first->second);
    read.push_back(RecordedEvent{seq, std::move(event)});
  }
  std::vector<std::size_t> first(index.size() + 1, 0);
  for (const std::size_t c : case_of) {
    ++first[c + 1];
  }
  std::partial_sum(first.begin(), first.end(), first.begin());
  std::vector<std::size_t> next(first.begin(), first.end() - 1);
  out.flat.resize(read.size());
  for (std::size_t i = 0; i < read.size(); ++i) {
    out.flat[next[case_of[i]]++] = std::move(read[i]);
  }
  read = {};
  out.events = static_cast<std::uint64_t>(seq);
  out.generate_decode_seconds = seconds_since(start);
  sort_cases(first, out);
}

// --layout interleaved: the default stream (cases interleaved in blocks of --window), each
// event appended to its case's vector as it arrives. The growing vectors leave the heap full of
// holes among the long-lived events, which glibc's malloc then searches during the evaluation.
void make_interleaved(const Options& options, Histories& out) {
  const ehcp::adapters::synthetic::Caseload caseload(caseload_options(options));
  ehcp::adapters::synthetic::StreamLimits limits;
  limits.window = options.window;
  ehcp::adapters::synthetic::CaseloadStream generator(caseload, limits);

  auto start = Clock::now();
  out.per_case.reserve(options.cases);
  std::unordered_map<std::string, std::size_t> index;
  index.reserve(options.cases);
  std::string line;
  std::int64_t seq = 0;
  while (generator.next(line)) {
    ++seq;
    auto event = decode(line, seq);
    const auto [it, added] = index.try_emplace(event.case_ref, out.per_case.size());
    if (added) {
      out.per_case.emplace_back();
    }
    out.per_case[it->second].push_back(RecordedEvent{seq, std::move(event)});
  }
  out.events = static_cast<std::uint64_t>(seq);
  out.generate_decode_seconds = seconds_since(start);

  start = Clock::now();
  for (auto& events : out.per_case) {
    events.shrink_to_fit();
    ehcp::engine::sort_for_replay(events);
    out.cases.emplace_back(events);
  }
  out.sort_seconds = seconds_since(start);
}

Histories make_histories(const Options& options) {
  Histories out;
  out.cases.reserve(options.cases);
  if (!options.in.empty()) {
    make_from_file(options, out);
    return out;
  }
  if (options.layout == "interleaved") {
    make_interleaved(options, out);
  } else {
    make_compact(options, out);
  }
  if (out.cases.size() != options.cases) {
    die("the generator made " + std::to_string(out.cases.size()) + " cases, not " +
        std::to_string(options.cases));
  }
  return out;
}

// --- 2. evaluation --------------------------------------------------------------------------

struct EvaluateRun {
  double seconds = 0;
  double cpu_seconds = 0;
  std::uint64_t clocks = 0;
  std::uint64_t warnings = 0;
  std::uint64_t workflows = 0;
  std::uint64_t rejections = 0;
  std::vector<std::string> first_rejections;  // "B-0000123: seq 45: reason"
  ehcp::bench::AssessmentChecksum checksum{ehcp::engine::Date{}};
};

EvaluateRun run_evaluate(const Histories& histories, const ehcp::engine::RuleBook& rules,
                         const ehcp::engine::Calendar& calendar, ehcp::engine::Date as_of) {
  EvaluateRun run;
  run.checksum = ehcp::bench::AssessmentChecksum(as_of);
  const double cpu_start = thread_cpu_seconds();
  const auto start = Clock::now();
  for (const auto& events : histories.cases) {
    const auto evaluation = ehcp::workflows::evaluate_case(events, rules, calendar);
    run.clocks += evaluation.view.clocks.size();
    run.warnings += evaluation.view.warnings.size();
    run.workflows += evaluation.view.workflows.size();
    run.checksum.add(evaluation);
    if (evaluation.rejection) {
      ++run.rejections;
      if (run.first_rejections.size() < kRejectionsShown) {
        run.first_rejections.push_back(events.front().event.case_ref + ": seq " +
                                       std::to_string(evaluation.rejection->seq) + ": " +
                                       evaluation.rejection->reason);
      }
    }
  }
  run.seconds = seconds_since(start);
  run.cpu_seconds = thread_cpu_seconds() - cpu_start;
  return run;
}

// --- 3. the baseline ------------------------------------------------------------------------

struct FoldRun {
  double seconds = 0;
  std::uint64_t checksum = 0;  // printed, so the fold cannot be optimised away
};

FoldRun run_fold(const Histories& histories) {
  FoldRun run;
  const auto start = Clock::now();
  for (const auto& events : histories.cases) {
    const auto record = ehcp::engine::fold_case_record(events);
    run.checksum += record.case_ref.size() + record.child.family_name.size() +
                    (record.caseworker ? record.caseworker->size() : 0) +
                    (record.setting ? record.setting->name.size() : 0);
  }
  run.seconds = seconds_since(start);
  return run;
}

// --- 4. the report --------------------------------------------------------------------------

template <typename T>
T median_of(std::vector<T> runs) {
  std::sort(runs.begin(), runs.end(), [](const T& a, const T& b) { return a.seconds < b.seconds; });
  return runs[runs.size() / 2];
}

template <typename T>
std::string spread(const std::vector<T>& runs) {
  const auto [lo, hi] = std::minmax_element(
      runs.begin(), runs.end(), [](const T& a, const T& b) { return a.seconds < b.seconds; });
  return fixed(lo->seconds, 3) + "-" + fixed(hi->seconds, 3) + " s";
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  CLI::App app{"Benchmark re-evaluating assessment histories in memory on one core"};
  app.add_option("--cases", options.cases, "Histories (cases) to evaluate")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--seed", options.seed, "Generator seed")->capture_default_str();
  app.add_option("--layout", options.layout,
                 "compact: cases back to back in one array; interleaved: one vector a case, "
                 "filled as the interleaved stream arrives")
      ->capture_default_str()
      ->check(CLI::IsMember({"compact", "interleaved"}));
  app.add_option("--window", options.window,
                 "Cases per date-ordered block of the stream (--layout interleaved)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--runs", options.runs, "Repeat and report the median")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--warmup", options.warmup, "Untimed runs before the measured ones")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--in", options.in,
                 "Read the histories from this JSON Lines file instead of generating them "
                 "(compact layout; --cases, --seed, --layout and --window are then ignored)")
      ->check(CLI::ExistingFile);
  app.add_option("--as-of", options.as_of, "The day the checksum's clock statuses are taken on")
      ->capture_default_str();
  app.add_option("--dump", options.dump,
                 "Write each case's assessment as text to this file and time nothing");
  app.add_flag("--check", options.check, "Exit 2 if the goal is missed");
  app.add_option("--perf-fifo", options.perf_fifo,
                 "perf record --delay=-1 --control fifo:PATH: record only the evaluation");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 1;
  }

  const auto as_of = ehcp::engine::parse_date(options.as_of);
  if (!as_of) {
    die("--as-of: not a date: " + options.as_of);
  }
  std::cout << "bench_evaluate (" << EHCP_BUILD_CONFIG << " build, "
            << (options.in.empty() ? options.layout + " layout" : "histories from " + options.in)
            << ")\n";
  if (std::string_view(EHCP_BUILD_CONFIG) != "Release") {
    std::cout << "  note: figures are only comparable from a Release build\n";
  }

  auto rules = ehcp::adapters::config::national_rule_book();
  if (!rules.ok()) {
    die("national rule book: " + rules.status().message());
  }
  const ehcp::engine::Calendar calendar;

  const Histories histories = make_histories(options);
  const double cases = static_cast<double>(histories.cases.size());
  const double events = static_cast<double>(histories.events);
  std::cout << (options.in.empty() ? "  generated and decoded " : "  read and decoded ")
            << grouped(events) << " events for " << grouped(cases) << " cases ("
            << fixed(events / cases, 2) << " a case) in "
            << fixed(histories.generate_decode_seconds, 1) << " s; sorted in "
            << fixed(histories.sort_seconds, 2) << " s\n"
            << "  sizeof(RecordedEvent) " << sizeof(RecordedEvent) << " bytes; RSS now "
            << fixed(current_rss_mb(), 0) << " MB\n"
            << std::flush;

  if (!options.dump.empty()) {
    std::ofstream dump(options.dump, std::ios::binary | std::ios::trunc);
    for (const auto& events : histories.cases) {
      ehcp::bench::dump_case(dump, events.front().event.case_ref,
                             ehcp::workflows::evaluate_case(events, rules.value(), calendar),
                             *as_of);
    }
    if (!dump.flush()) {
      die("cannot write " + options.dump);
    }
    std::cout << "  wrote " << options.dump << "\n";
    return 0;
  }

  for (int r = 1; r <= options.warmup; ++r) {
    const auto e = run_evaluate(histories, rules.value(), calendar, *as_of);
    std::cout << "  warm-up " << r << ": evaluate " << fixed(e.seconds, 3) << " s\n" << std::flush;
  }
  PerfControl perf(options.perf_fifo);
  std::vector<EvaluateRun> evaluate_runs;
  std::vector<FoldRun> fold_runs;
  for (int r = 1; r <= options.runs; ++r) {
    fold_runs.push_back(run_fold(histories));
    perf.send("enable");
    evaluate_runs.push_back(run_evaluate(histories, rules.value(), calendar, *as_of));
    perf.send("disable");
    const auto& e = evaluate_runs.back();
    const auto& f = fold_runs.back();
    std::cout << "  run " << r << ": evaluate " << fixed(e.seconds, 3) << " s (CPU "
              << fixed(e.cpu_seconds, 3) << " s), fold " << fixed(f.seconds, 3) << " s (checksum "
              << f.checksum << ")\n"
              << std::flush;
  }

  for (const auto& run : evaluate_runs) {
    if (run.checksum.str() != evaluate_runs.front().checksum.str()) {
      die("the runs disagree on the assessment checksum");
    }
  }
  const EvaluateRun evaluate = median_of(evaluate_runs);
  const FoldRun fold = median_of(fold_runs);
  const double projected = evaluate.seconds * kGoalHistories / cases;
  const bool goal_met = projected < kGoalSeconds;
  const std::string how = options.runs == 1 ? "1 run" : std::to_string(options.runs) + " runs";

  std::cout << "\n"
            << "histories                   " << grouped(cases) << " (" << grouped(events)
            << " events, " << how << (options.runs == 1 ? "" : ", median") << ")\n"
            << "clocks produced             " << grouped(static_cast<double>(evaluate.clocks))
            << " (" << fixed(static_cast<double>(evaluate.clocks) / cases, 2) << " a case); "
            << grouped(static_cast<double>(evaluate.workflows)) << " workflows, "
            << grouped(static_cast<double>(evaluate.warnings)) << " warnings\n"
            << "rejections                  " << grouped(static_cast<double>(evaluate.rejections))
            << "\n";
  for (const auto& reason : evaluate.first_rejections) {
    std::cout << "  " << reason << "\n";
  }
  std::cout << "evaluate                    " << fixed(evaluate.seconds, 3) << " s  ("
            << spread(evaluate_runs) << ")\n"
            << "  histories/s               " << grouped(cases / evaluate.seconds) << "\n"
            << "  events/s                  " << grouped(events / evaluate.seconds) << "\n"
            << "  clocks/s                  "
            << grouped(static_cast<double>(evaluate.clocks) / evaluate.seconds) << "\n"
            << "  per history               " << fixed(evaluate.seconds / cases * 1e6, 2) << " us\n"
            << "fold_case_record baseline   " << fixed(fold.seconds, 3) << " s  ("
            << spread(fold_runs) << ")\n"
            << "ratio (evaluate / fold)     " << fixed(evaluate.seconds / fold.seconds, 1) << "x\n"
            << "assessment checksum         " << evaluate.checksum.str() << "\n"
            << "peak RSS                    " << fixed(peak_rss_mb(), 0) << " MB\n";
  if (cases != kGoalHistories) {
    std::cout << "projected for " << grouped(kGoalHistories) << "     " << fixed(projected, 3)
              << " s\n";
  }
  std::cout << "goal " << grouped(kGoalHistories) << " histories < " << fixed(kGoalSeconds, 0)
            << " s on one core   " << (goal_met ? "MET" : "NOT MET") << "\n";
  return options.check && !goal_met ? 2 : 0;
}
