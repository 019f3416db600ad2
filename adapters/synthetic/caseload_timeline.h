// adapters/synthetic/caseload_timeline.h
//
// When a synthetic caseload's cases begin. ehcp went live `shape::kHistoryYears` before the
// as-of date: the first cases (a `shape::kLegacyShare` of them) are the plans the council
// already maintained, loaded over the first working days after go-live; the others are
// requests received from go-live to the as-of date, numbered in the order they arrived, more
// each year and fewer in the school holidays. Depends only on (as-of, number of cases). Built
// once per run; read-only after, so safe to share.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/civil_date.h"

namespace ehcp::adapters::synthetic {

class CaseloadTimeline {
 public:
  CaseloadTimeline(engine::Date as_of, std::uint64_t cases);

  engine::Date as_of() const { return as_of_; }
  engine::Date go_live() const { return go_live_; }
  // Cases 1 to legacy_cases() are plans made before go-live; the rest are requests.
  std::uint64_t legacy_cases() const { return legacy_cases_; }
  bool is_legacy(std::uint64_t case_number) const { return case_number <= legacy_cases_; }
  // The day legacy case `case_number` was loaded.
  engine::Date load_day(std::uint64_t case_number) const;
  // The day request `case_number` (after the legacy cases) was received; never decreasing
  // with the case number.
  engine::Date request_day(std::uint64_t case_number) const;

 private:
  engine::Date as_of_;
  engine::Date go_live_;
  std::uint64_t cases_;
  std::uint64_t legacy_cases_;
  std::vector<engine::Date> load_days_;     // the first working days after go-live
  std::vector<engine::Date> request_days_;  // every working day from go-live to as-of
  std::vector<double> cumulative_;          // requests expected up to and including each day
};

}  // namespace ehcp::adapters::synthetic
