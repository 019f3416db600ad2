// adapters/synthetic/assessment_story.h
//
// A synthetic EHC needs assessment (rules.md §2), from the request to its outcome: the
// decision whether to assess (a quarter refused), advice from each service with its own
// delays, now and then an exception with a realistic limb, the decision whether to issue a
// plan, the draft, the family's comments, consultation with a school (which may decline) and
// the final plan naming a setting. Proportions and delays: caseload_shape.h. Events after the
// as-of date are written too and cut later, so an assessment near the date is still in
// progress on it.
#pragma once

#include <string_view>

#include "adapters/synthetic/case_story.h"
#include "adapters/synthetic/random.h"
#include "engine/civil_date.h"

namespace ehcp::adapters::synthetic {

struct AssessmentOutcome {
  enum class Kind { kRefused, kWithdrawn, kNoPlan, kPlan };
  Kind kind = Kind::kRefused;
  engine::Date on;  // the day of the outcome (the final plan's day for kPlan)
};

// Writes the assessment of the request received on `request`. The case must be open by then.
AssessmentOutcome tell_assessment(CaseStory& story, engine::Date request);

// Who asks for an assessment or a re-assessment of a child `age` years old: parents, schools
// or others, and from 16 the young person.
std::string_view request_source(Random& rng, int age);

}  // namespace ehcp::adapters::synthetic
