// adapters/synthetic/reassessment_story.h
//
// A synthetic re-assessment of a child or young person with a plan (rules.md §5, CFA s44(2)-(3),
// regs 24-27): the request (or, now and then, the LA's own decision to re-assess), the decision
// within 15 days (most assess, some refuse), advice from education (early years below
// Reception) and the educational psychologist, sometimes health and social care, the draft, the
// family's comments and the amended plan, most within 14 weeks of the decision; for a few the
// LA decides after re-assessing to leave the plan as it is (issue_decision no_plan). The plan
// story (plan_story.h) fits it between reviews, never across an amendment. Proportions and
// delays: caseload_shape.h.
#pragma once

#include "adapters/synthetic/case_story.h"
#include "engine/civil_date.h"

namespace ehcp::adapters::synthetic {

// Writes the re-assessment asked for on `request` (a working day, the plan in force and no
// assessment or amendment open). Returns the day it ends: the refusal, the decision to leave
// the plan unchanged or the amended plan (possibly after the as-of date).
engine::Date tell_reassessment(CaseStory& story, engine::Date request);

}  // namespace ehcp::adapters::synthetic
