// bench_events: writes synthetic needs-assessment histories as JSON Lines, valid for
// `ehcp import`. Deterministic for a seed.
//
//   bench_events --cases C [--events N] [--seed S] [--window W] [--out FILE]
#include <cmath>
#include <fstream>
#include <iostream>
#include <vector>

#include <CLI/CLI.hpp>

#include "bench/synthetic_events.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  CLI::App app{"Write synthetic EHC needs-assessment events as JSON Lines"};
  std::uint64_t cases = 0;
  std::uint64_t events = 0;
  ehcp::bench::GeneratorOptions options;
  std::string out_path;
  app.add_option("--cases", cases, "Number of cases (all their events are written)");
  app.add_option("--events", events, "Stop after this many events (the last cases part-way)");
  app.add_option("--seed", options.seed, "Random seed")->capture_default_str();
  app.add_option("--window", options.window, "Cases per date-ordered block (1 = grouped by case)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--out", out_path, "Output file (default: standard output)");
  try {
    app.parse(argc, argv);
    if (cases == 0 && events == 0) {
      throw CLI::ValidationError("--cases or --events is required");
    }
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 1;
  }

  if (cases > 0) {
    options.max_cases = cases;
    options.planned_cases = cases;
  } else {
    options.planned_cases = static_cast<std::uint64_t>(
        std::ceil(static_cast<double>(events) / ehcp::bench::kMeanEventsPerCase));
  }
  if (events > 0) {
    options.max_events = events;
  }

  std::ofstream file;
  std::vector<char> buffer(1 << 20);
  std::ostream* out = &std::cout;
  if (!out_path.empty() && out_path != "-") {
    file.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    file.open(out_path, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "bench_events: cannot write " << out_path << "\n";
      return 3;
    }
    out = &file;
  }
  ehcp::bench::EventGenerator generator(options);
  std::string line;
  while (generator.next(line)) {
    *out << line << '\n';
  }
  out->flush();
  if (!*out) {
    std::cerr << "bench_events: write failed\n";
    return 3;
  }
  std::cerr << "bench_events: " << generator.events_written() << " event(s) for "
            << generator.cases_started() << " case(s)\n";
  return 0;
}
