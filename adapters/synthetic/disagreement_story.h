// adapters/synthetic/disagreement_story.h
//
// Where a synthetic family disagrees with a decision: for a share of each kind of appealable
// decision, mediation asked for (most held, some late) or declined, the certificate, and for
// about a third an appeal to the Tribunal and its end. Tribunal orders are not written: what an
// order asks (an assessment, a plan, an amendment) would have to be woven into the other
// stories. Every appealable decision the other stories make passes through here.
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

// For a share of `decision`s notified on `on`: mediation_requested or mediation_declined (with
// `decision_sent`), mediation_held, mediation_certificate_issued, then perhaps appeal_lodged and
// appeal_decided, dated after `on` and cut at the as-of date like every other event.
void tell_disagreement(CaseStory& story, AppealableDecision decision, engine::Date on);

}  // namespace ehcp::adapters::synthetic
