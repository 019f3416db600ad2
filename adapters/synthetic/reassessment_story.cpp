#include "adapters/synthetic/reassessment_story.h"

#include <algorithm>
#include <vector>

#include "adapters/synthetic/assessment_story.h"
#include "adapters/synthetic/caseload_shape.h"
#include "adapters/synthetic/disagreement_story.h"
#include "adapters/synthetic/office_days.h"

namespace ehcp::adapters::synthetic {
namespace {

using office_days::after;

constexpr int kDecisionDays = 15;        // reg 25: decide within 15 days of the request
constexpr int kLatestDecision = 40;      // the tail of late decisions
constexpr int kSixWeeks = 42;            // advice, as in an assessment (reg 26)
constexpr int kFourteenWeeks = 98;       // reg 27: the plan 14 weeks from the decision
constexpr int kRepresentationDays = 15;  // the family's 15 days from the draft (day 1)

struct Advice {
  const shape::AdviceDelay* advice;
  engine::Date requested;
  engine::Date received;
};

// Advice asked for on the decision to re-assess: all of it within 6 weeks when `quick`, else
// each service with its own delays.
std::vector<Advice> ask_for_advice(CaseStory& c, engine::Date decision, bool quick) {
  auto& rng = c.rng;
  std::vector<const shape::AdviceDelay*> services = {
      c.child.year_group(decision) < 0 ? &shape::kEarlyYearsAdvice : &shape::kEducationAdvice,
      &shape::kPsychologyAdvice};
  if (rng.chance(shape::kReassessmentHealthAdvice)) {
    services.push_back(&shape::kHealthAdvice);
  }
  if (rng.chance(shape::kReassessmentSocialCareAdvice)) {
    services.push_back(&shape::kSocialCareAdvice);
  }
  std::vector<Advice> asked;
  for (const auto* advice : services) {
    const engine::Date requested = after(rng, decision, 0, 7);
    const bool on_time = quick || rng.chance(advice->on_time);
    asked.push_back(
        {advice, requested,
         office_days::within_or_late(rng, requested, on_time, 10, kSixWeeks, advice->latest_day)});
  }
  return asked;
}

}  // namespace

engine::Date tell_reassessment(CaseStory& c, engine::Date request) {
  auto& rng = c.rng;
  engine::Date decision = request;  // the LA's own decision to re-assess (CFA s44(3))
  if (!rng.chance(shape::kReassessmentByLa)) {
    c.add(request, "reassessment_requested",
          JsonObject().text("source", request_source(rng, c.child.age(request))));
    decision =
        office_days::within_or_late(rng, request, rng.chance(shape::kReassessmentDecisionOnTime), 3,
                                    kDecisionDays, kLatestDecision);
    if (rng.chance(shape::kReassessmentRefused)) {
      c.add(decision, "reassessment_decision", JsonObject().text("outcome", "refuse"));
      tell_disagreement(c, AppealableDecision::kRefusedToAssess, decision);
      return decision;
    }
  }
  c.add(decision, "reassessment_decision", JsonObject().text("outcome", "assess"));
  // A quick re-assessment has its advice within 6 weeks and its plan within the 14 weeks; the
  // rest are held up (late advice, a panel) and miss them.
  const bool quick = rng.chance(shape::kReassessmentPlanOnTime);
  const auto asked = ask_for_advice(c, decision, quick);
  engine::Date last_advice = decision;
  for (const auto& a : asked) {
    c.add(a.requested, "advice_requested",
          JsonObject().text("advice", a.advice->advice).text("service", a.advice->service));
    c.add(a.received, "advice_received", JsonObject().text("advice", a.advice->advice));
    last_advice = std::max(last_advice, a.received);
  }
  if (rng.chance(shape::kReassessmentPlanUnchanged)) {
    const engine::Date unchanged = after(rng, last_advice, 3, 15);
    c.add(unchanged, "issue_decision", JsonObject().text("outcome", "no_plan"));
    tell_disagreement(c, AppealableDecision::kNoPlan, unchanged);
    return unchanged;
  }
  const engine::Date draft = after(rng, last_advice, 2, 10);
  c.add(draft, "draft_plan_issued");
  if (rng.chance(shape::kFamilyResponds)) {
    c.add(after(rng, draft, 4, 14), "family_response");
  }
  // Not before the family's 15 days are over.
  const engine::Date earliest = office_days::on_or_after(draft + date::days{kRepresentationDays});
  const engine::Date due = decision + date::days{kFourteenWeeks};
  const engine::Date amended =
      quick && earliest <= due
          ? std::min(after(rng, earliest, 0, 20), office_days::on_or_before(due))
          : after(rng, std::max(earliest, due), 2, 60);
  c.add(amended, "amended_plan_issued");
  tell_disagreement(c, AppealableDecision::kPlanContents, amended);
  return amended;
}

}  // namespace ehcp::adapters::synthetic
