#include "adapters/synthetic/caseload_stream.h"

#include <algorithm>

namespace ehcp::adapters::synthetic {

CaseloadStream::CaseloadStream(const Caseload& caseload, StreamLimits limits)
    : caseload_(caseload), limits_(limits) {
  limits_.window = std::max<std::size_t>(limits_.window, 1);
  limits_.max_cases = std::min(limits_.max_cases, caseload_.options().cases);
}

bool CaseloadStream::fill_block() {
  block_.clear();
  next_in_block_ = 0;
  for (std::size_t i = 0; i < limits_.window && cases_made_ < limits_.max_cases; ++i) {
    ++cases_made_;
    auto events = caseload_.make_case(cases_made_);
    for (std::size_t k = 0; k < events.size(); ++k) {
      block_.push_back({events[k].on, std::move(events[k].json), k == 0});
    }
  }
  // Stable, and the block was built case by case: each case's own order survives, and
  // same-day events of different cases keep case-number order, so the stream is reproducible.
  std::stable_sort(block_.begin(), block_.end(),
                   [](const BlockEvent& a, const BlockEvent& b) { return a.on < b.on; });
  return !block_.empty();
}

bool CaseloadStream::next(std::string& line) {
  if (events_written_ >= limits_.max_events) {
    return false;
  }
  // A block can be empty only when the cases are used up.
  if (next_in_block_ == block_.size() && !fill_block()) {
    return false;
  }
  BlockEvent& event = block_[next_in_block_++];
  line = std::move(event.json);
  if (event.opens_case) {
    ++cases_started_;  // every other event of a case comes after its case_opened
  }
  ++events_written_;
  return true;
}

}  // namespace ehcp::adapters::synthetic
