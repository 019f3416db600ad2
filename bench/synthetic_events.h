// bench/synthetic_events.h
//
// A deterministic generator of synthetic needs-assessment histories as JSON Lines, every line
// valid for `ehcp import` (contract §1). Used by bench_events and bench_import; meant to become
// the core of a future `ehcp generate`.
//
// Each case is a realistic run of the 20-week process: opened, request, decision to assess (or
// refuse), 3-4 pieces of advice requested and received, decision to issue, draft, consultation
// with one or two schools, final plan. Dates fall on weekdays from a request date in 2023-2025
// and never after 2026-06-30; a history that would run past it stops there (a case still in
// progress). All names are synthetic.
//
// The stream interleaves cases: it is made in blocks of `window` consecutive cases, each block in
// date order, so consecutive lines mostly belong to different cases, as in a nightly feed, while
// each case's own events stay in date order and within one block of the file. A case's content
// depends only on (seed, case number, planned_cases), never on the window or on where the stream
// is cut.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace ehcp::bench {

struct GeneratorOptions {
  std::uint64_t seed = 1;
  // Request dates are spread evenly over 2023-2025 across this many cases.
  std::uint64_t planned_cases = 1000;
  // The stream stops after this many cases have been started, or this many events written,
  // whichever comes first. A cut by events leaves the last cases part-way (still valid).
  std::uint64_t max_cases = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t max_events = std::numeric_limits<std::uint64_t>::max();
  // Cases per date-ordered block: 1 means grouped by case.
  std::size_t window = 64;
  std::string ref_prefix = "B-";
  // 0: four named teams of five caseworkers. Otherwise about this many cases a team ("Team
  // 001", ...), ten caseworkers each, cases assigned at random: the shape of a national database
  // of many councils' teams, for queue benchmarks.
  std::uint64_t cases_per_team = 0;
};

// Roughly how many events a case yields on average; used to plan cases for a target event count.
inline constexpr double kMeanEventsPerCase = 12.4;

class EventGenerator {
 public:
  explicit EventGenerator(GeneratorOptions options);

  // Replaces `line` with the next event's JSON (no newline). False when the stream has ended.
  bool next(std::string& line);

  std::uint64_t events_written() const { return events_written_; }
  // Cases whose case_opened has been written.
  std::uint64_t cases_started() const { return cases_started_; }

  // One case's events, in date order: exposed for tests and for `ehcp generate` later.
  struct PlannedEvent {
    std::int32_t day;  // days since 1970-01-01
    std::string json;
  };
  static std::vector<PlannedEvent> make_case(std::uint64_t seed, std::uint64_t case_number,
                                             std::uint64_t planned_cases,
                                             const std::string& ref_prefix,
                                             std::uint64_t cases_per_team = 0);

 private:
  struct BlockEvent {
    std::int32_t day;
    std::string json;
    bool opens_case;
  };

  bool fill_block();

  GeneratorOptions options_;
  std::vector<BlockEvent> block_;  // the current block's events, in date order
  std::size_t next_in_block_ = 0;
  std::uint64_t cases_made_ = 0;
  std::uint64_t cases_started_ = 0;
  std::uint64_t events_written_ = 0;
};

}  // namespace ehcp::bench
