#include "adapters/synthetic/disagreement_story.h"

#include <array>

#include "adapters/synthetic/office_days.h"

namespace ehcp::adapters::synthetic {
namespace {

using office_days::after;

// The share of each appealable decision a family disagrees with. National figures: about one
// appeal a year for every 40 plans and requests refused; mediation is asked for a little more
// often, and is compulsory to consider before appealing (CFA s55).
constexpr double kDisputeRefusal = 0.10;
constexpr double kDisputeNoPlan = 0.15;
constexpr double kDisputePlan = 0.04;
constexpr double kDisputeCease = 0.10;
constexpr double kWantsMediation = 0.7;     // the rest decline it and take the certificate
constexpr double kMediationHeld = 0.85;     // the rest are still waiting, or give up
constexpr double kHeldWithin30Days = 0.8;   // reg 37: most are held within 30 days
constexpr double kCertificateOnTime = 0.9;  // reg 34, 39: 3 working days
constexpr double kAppealsAfterMediation = 0.35;
// allowed, dismissed, withdrawn: most appeals end before a hearing, conceded or withdrawn.
constexpr std::array<double, 3> kAppealOutcomes = {40, 15, 45};
constexpr std::array<const char*, 3> kOutcomeNames = {"allowed", "dismissed", "withdrawn"};

double share(AppealableDecision decision) {
  switch (decision) {
    case AppealableDecision::kRefusedToAssess:
      return kDisputeRefusal;
    case AppealableDecision::kNoPlan:
      return kDisputeNoPlan;
    case AppealableDecision::kPlanContents:
      return kDisputePlan;
    case AppealableDecision::kCeasePlan:
      return kDisputeCease;
  }
  return 0;
}

}  // namespace

void tell_disagreement(CaseStory& c, AppealableDecision decision, engine::Date on) {
  auto& rng = c.rng;
  if (!rng.chance(share(decision))) {
    return;
  }
  const JsonObject notice = JsonObject().date("decision_sent", on);
  // The family's first step, inside their 2 months (reg 33).
  const engine::Date first = after(rng, on, 10, 50);
  engine::Date certificate_due;
  if (rng.chance(kWantsMediation)) {
    c.add(first, "mediation_requested", notice);
    const engine::Date held =
        rng.chance(kHeldWithin30Days) ? after(rng, first, 10, 28) : after(rng, first, 32, 50);
    c.add(held, "mediation_held");
    certificate_due = held;
  } else {
    c.add(first, "mediation_declined", notice);
    certificate_due = first;
  }
  const engine::Date certificate = rng.chance(kCertificateOnTime)
                                       ? after(rng, certificate_due, 1, 4)
                                       : after(rng, certificate_due, 6, 12);
  c.add(certificate, "mediation_certificate_issued");
  if (!rng.chance(kAppealsAfterMediation)) {
    return;
  }
  // Inside the month from the certificate, which the appeal window always includes.
  const engine::Date lodged = after(rng, certificate, 5, 25);
  c.add(lodged, "appeal_lodged", notice);
  // The Tribunal's orders are not written yet: an allowed appeal's order and the assessment,
  // plan or amendment it asks for would have to be woven into the other stories.
  c.add(after(rng, lodged, 90, 200), "appeal_decided",
        JsonObject().text("outcome", kOutcomeNames[rng.weighted(kAppealOutcomes)]));
}

}  // namespace ehcp::adapters::synthetic
