// bench/peer_checksum.h
//
// What proves bench_evaluate and the XState peer (bench/xstate) did the same work on the same
// histories: one line of counts and day-number sums over the needs-assessment clocks and
// workflows (workflow "assessment": rules.md §2's decision_to_assess, advice:<id>,
// no_plan_notice, final_plan, draft_plan and consultation:<setting>), written field for field
// as bench/xstate/checksum.mjs writes it. ehcp's review and phase-transfer clocks, which the
// peer does not have, are left out; warnings are all the case's (on histories without review
// events, which is what bench/peer_xstate.sh feeds both, they are the assessment's). A rejected
// history counts only as a rejection: its view is empty on both sides.
#pragma once

#include <array>
#include <cstdint>
#include <ostream>
#include <string>

#include "engine/civil_date.h"
#include "workflows/case_evaluator.h"

namespace ehcp::bench {

class AssessmentChecksum {
 public:
  // Statuses are taken on `as_of`.
  explicit AssessmentChecksum(engine::Date as_of) : as_of_(as_of) {}

  void add(const workflows::Evaluation& evaluation);

  // "clocks=N open=N ... rejections=N": the same fields, in the same order, as the peer's.
  std::string str() const;

 private:
  static constexpr std::size_t kStatuses = 5;  // engine::ClockStatus
  static constexpr std::size_t kStates = 8;    // the assessment's states

  engine::Date as_of_;
  std::int64_t clocks_ = 0;
  std::array<std::int64_t, kStatuses> by_status_{};
  std::int64_t excepted_ = 0;
  std::int64_t start_sum_ = 0;  // days since 1970-01-01
  std::int64_t due_sum_ = 0;
  std::int64_t met_sum_ = 0;
  std::int64_t ended_sum_ = 0;
  std::int64_t basis_bytes_ = 0;
  std::int64_t assessments_ = 0;
  std::array<std::int64_t, kStates> by_state_{};
  std::int64_t warnings_ = 0;
  std::int64_t rejections_ = 0;
};

// Writes one case's evaluation as the text lines bench/xstate/checksum.mjs's dumpLines writes
// (its assessment workflows, its assessment clocks in view order, its warnings, or the
// rejection), so the two can be diffed on hand-written edge cases.
void dump_case(std::ostream& out, const std::string& ref, const workflows::Evaluation& evaluation,
               engine::Date as_of);

}  // namespace ehcp::bench
