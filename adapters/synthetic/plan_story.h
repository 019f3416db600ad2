// adapters/synthetic/plan_story.h
//
// A synthetic EHC plan's life from the day ehcp first knows it (its final plan, or its load
// with plan_in_force) to the as-of date (rules.md §3, §4): an annual review each year (notice,
// meeting, report, decision; some late), now and then an amendment (notice, amended plan, a
// few withdrawn), the phase transfers the engine derives from the child's year group and
// setting (a review in the autumn, the plan amended to name the next setting, most before
// 15 February or 31 March, and the move in September), post-16 and special-school moves
// recorded as transfer_expected, and for some the plan ceased and the case closed. Now and
// then, between reviews: a re-assessment (reassessment_story.h), a detention of a young person
// (custody_story.h), or a move out of the area, which ends the plan's life here
// (move_story.h).
#pragma once

#include <optional>

#include "adapters/synthetic/case_story.h"
#include "adapters/synthetic/random.h"
#include "engine/civil_date.h"

namespace ehcp::adapters::synthetic {

struct PlanStart {
  engine::Date known;   // the plan's first event in ehcp: nothing of it is written before
  engine::Date anchor;  // the first review's 12 months start here
};

void tell_plan(CaseStory& story, PlanStart start);

// A plan made before `on` (by the council before ehcp, or by another council): made up to 8
// years earlier (never before plans began, 1 September 2014, nor before the child was 2), and
// for a plan over a year old its last review, within the year before `on` or, for a share
// `review_overdue`, longer ago.
struct PlanHistory {
  engine::Date made;
  std::optional<engine::Date> last_reviewed;
};
PlanHistory earlier_plan(Random& rng, const ChildProfile& child, engine::Date on,
                         double review_overdue);

}  // namespace ehcp::adapters::synthetic
