// adapters/synthetic/caseload.h
//
// A synthetic caseload of N cases as of a date, for `ehcp generate`, `ehcp demo`, the tests
// and the benchmarks: every line valid for `ehcp import --as-of` that date, all names invented.
// Case n is one of the council's plans made before ehcp went live (loaded with plan_in_force)
// or one of the cases arriving since (caseload_timeline.h): a request, or a plan transferred in
// from another council; its child, team and caseworker are drawn, then its stories are written
// (assessment_story.h, move_story.h, plan_story.h and the stories they tell) and cut at the
// as-of date, so on that date there are assessments in progress, clocks overdue and due soon,
// and reviews and transfers due. A case's content depends only on (seed, case number, N,
// as-of), never on which other cases are made. The proportions: caseload_shape.h. Built once
// per run; make_case is const and may be called from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "adapters/synthetic/case_draft.h"
#include "adapters/synthetic/caseload_timeline.h"
#include "adapters/synthetic/team_plan.h"
#include "engine/civil_date.h"

namespace ehcp::adapters::synthetic {

struct CaseloadOptions {
  std::uint64_t seed = 1;
  std::uint64_t cases = 1000;  // N: shapes the whole caseload (teams, dates, legacy plans)
  engine::Date as_of;          // no event falls after it
  std::string ref_prefix = "EHC-";
};

// Why a caseload cannot be made as of `as_of`, or nullopt when it can: its years of history
// must begin after the first plans (1 September 2014), and bank holidays are known to 2100.
std::optional<std::string> as_of_problem(engine::Date as_of);

class Caseload {
 public:
  explicit Caseload(CaseloadOptions options);

  // Case `number` (1 to N): its events in date order, up to the as-of date.
  std::vector<GeneratedEvent> make_case(std::uint64_t number) const;
  // The case's reference: the prefix and the number, zero-padded to 7 digits ("EHC-0000042").
  std::string ref(std::uint64_t number) const;

  const CaseloadOptions& options() const { return options_; }
  const CaseloadTimeline& timeline() const { return timeline_; }
  const TeamPlan& teams() const { return teams_; }

 private:
  CaseloadOptions options_;
  CaseloadTimeline timeline_;
  TeamPlan teams_;
};

}  // namespace ehcp::adapters::synthetic
