// adapters/synthetic/disagreement_story.h
//
// Where a synthetic family disagrees with a decision: mediation, an appeal to the Tribunal and
// its order. The importer does not take those events yet (contract.md, "Disagreement, moves,
// re-assessment (later)"; issue 8), so for now this writes nothing: every appealable decision
// the other stories make already passes through here, and issue 8 fills it in.
#pragma once

#include "adapters/synthetic/case_story.h"
#include "engine/civil_date.h"

namespace ehcp::adapters::synthetic {

// The decisions a family may appeal (CFA s51).
enum class AppealableDecision {
  kRefusedToAssess,
  kNoPlan,
  kPlanContents,  // the final or amended plan: the setting named, the provision
  kCeasePlan,
};

// Issue 8 adds here, for a share of `decision`s notified on `on`: mediation_requested /
// mediation_declined / mediation_held and mediation_certificate_issued, appeal_lodged,
// appeal_decided and tribunal_order (then what the order asks: an assessment, a plan, an
// amendment), dated after `on` and cut at the as-of date like every other event.
void tell_disagreement(CaseStory& story, AppealableDecision decision, engine::Date on);

}  // namespace ehcp::adapters::synthetic
