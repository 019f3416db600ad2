// adapters/synthetic/caseload_stream.h
//
// A synthetic caseload as a stream of JSON Lines, in constant memory whatever the number of
// cases: the cases are made in blocks of `window` consecutive cases, each block put in date
// order, so neighbouring lines mostly belong to different cases, as in a nightly feed, while
// each case's events stay in date order and within one block. Only one block is held at a
// time. A case's content does not depend on the window or on where the stream is cut. Not
// thread-safe; one reader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "adapters/synthetic/caseload.h"

namespace ehcp::adapters::synthetic {

struct StreamLimits {
  // The stream stops after this many cases have been made, or this many events written,
  // whichever comes first (and never after the caseload's N cases). A cut by events leaves the
  // last cases part-way, which is still a valid import.
  std::uint64_t max_cases = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t max_events = std::numeric_limits<std::uint64_t>::max();
  // Cases per date-ordered block: 1 means grouped by case.
  std::size_t window = 64;
};

// A little under the events a case yields on average (17.5 for seed 1 at 5,000 cases), for
// planning a stream by a target number of events: cases planned with it always reach the count.
inline constexpr double kMeanEventsPerCase = 16.0;

class CaseloadStream {
 public:
  // `caseload` must outlive the stream.
  explicit CaseloadStream(const Caseload& caseload, StreamLimits limits = {});

  // Replaces `line` with the next event's JSON (no newline). False when the stream has ended.
  bool next(std::string& line);

  std::uint64_t events_written() const { return events_written_; }
  // Cases whose case_opened has been written.
  std::uint64_t cases_started() const { return cases_started_; }

 private:
  struct BlockEvent {
    engine::Date on;
    std::string json;
    bool opens_case;
  };

  bool fill_block();

  const Caseload& caseload_;
  StreamLimits limits_;
  std::vector<BlockEvent> block_;  // the current block's events, in date order
  std::size_t next_in_block_ = 0;
  std::uint64_t cases_made_ = 0;
  std::uint64_t cases_started_ = 0;
  std::uint64_t events_written_ = 0;
};

}  // namespace ehcp::adapters::synthetic
