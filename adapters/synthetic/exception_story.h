// adapters/synthetic/exception_story.h
//
// The statutory exceptions a synthetic assessment meets (rules.md §2, reg 5(4), 8(2), 10(4),
// 13(3)), for a share of assessments: exceptional personal circumstances (for the whole
// assessment or one piece of advice), a missed appointment with the educational psychologist
// or a health professional, the family's absence from the area for 4 weeks or more, or a
// school closed for the summer when its advice was asked. Each is recorded after its period,
// with dates the engine accepts, and delays what it touches.
#pragma once

#include <vector>

#include "adapters/synthetic/case_story.h"
#include "adapters/synthetic/caseload_shape.h"
#include "engine/civil_date.h"

namespace ehcp::adapters::synthetic {

// One piece of advice asked for in the assessment, and when it came back.
struct AdviceAsked {
  const shape::AdviceDelay* advice;
  engine::Date requested;
  engine::Date received;
};

// For a share of assessments of the request received on `request`, records one exception;
// an advice it touches may come back later. Returns the days it adds to the rest of the
// assessment (0 when there is none).
int tell_exception(CaseStory& story, engine::Date request, std::vector<AdviceAsked>& asked);

}  // namespace ehcp::adapters::synthetic
