// adapters/synthetic/custody_story.h
//
// A synthetic detention of a young person with a plan (rules.md §5, SI 2015/62): the LA told
// of it (custody_notified, usually naming an invented establishment), the plan shared with the
// youth offending team and the establishment (custody_plan_shared, most within 5 working days
// of the notification), and the young person's release weeks or months later (custody_ended).
// The plan story (plan_story.h) chooses who is detained and when, and ceases no plan during a
// detention. Proportions and delays: caseload_shape.h.
#pragma once

#include "adapters/synthetic/case_story.h"
#include "engine/civil_date.h"

namespace ehcp::adapters::synthetic {

// Writes a detention the LA is told of on `notified` (a working day, a plan in force and no
// other detention open). Returns the day it ends (possibly after the as-of date).
engine::Date tell_custody(CaseStory& story, engine::Date notified);

}  // namespace ehcp::adapters::synthetic
