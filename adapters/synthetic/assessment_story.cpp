#include "adapters/synthetic/assessment_story.h"

#include <algorithm>
#include <vector>

#include "adapters/synthetic/caseload_shape.h"
#include "adapters/synthetic/disagreement_story.h"
#include "adapters/synthetic/exception_story.h"
#include "adapters/synthetic/office_days.h"
#include "adapters/synthetic/sen2_codes.h"

namespace ehcp::adapters::synthetic {
namespace {

using Kind = AssessmentOutcome::Kind;
using office_days::after;
using office_days::within_or_late;

constexpr int kSixWeeks = 42;
constexpr double kConsultationLate = 0.3;
constexpr int kYoungPersonAge = 16;
// The family's 15 days from the draft (the day it is served is day 1).
constexpr int kRepresentationDays = 15;

std::vector<AdviceAsked> ask_for_advice(CaseStory& c, engine::Date decision) {
  auto& rng = c.rng;
  const bool below_reception = c.child.year_group(decision) < 0;
  std::vector<AdviceAsked> asked;
  for (const auto* advice :
       {below_reception ? &shape::kEarlyYearsAdvice : &shape::kEducationAdvice,
        &shape::kPsychologyAdvice, &shape::kHealthAdvice, &shape::kSocialCareAdvice}) {
    const engine::Date requested = after(rng, decision, 0, 7);
    asked.push_back({advice, requested,
                     within_or_late(rng, requested, rng.chance(advice->on_time), 10, kSixWeeks,
                                    advice->latest_day)});
  }
  return asked;
}

void write_advice(CaseStory& c, const std::vector<AdviceAsked>& asked, engine::Date before) {
  for (const auto& a : asked) {
    if (a.requested < before) {
      c.add(a.requested, "advice_requested",
            JsonObject().text("advice", a.advice->advice).text("service", a.advice->service));
    }
    if (a.received < before) {
      c.add(a.received, "advice_received", JsonObject().text("advice", a.advice->advice));
    }
  }
}

// Drafting, the family's comments, consultation and the final plan, from the decision to issue.
engine::Date make_plan(CaseStory& c, engine::Date issue, int delay) {
  auto& rng = c.rng;
  const engine::Date draft = after(rng, issue, 2, 10);
  c.add(draft, "draft_plan_issued");
  bool said_all = false;
  if (rng.chance(shape::kFamilyResponds)) {
    said_all = rng.chance(shape::kNoFurtherRepresentations);
    c.add(after(rng, draft, 4, 14), "family_response",
          said_all ? JsonObject().flag("no_further_representations", true) : JsonObject());
  }
  const int year_group = c.child.year_group(draft);
  const bool keeps_setting = c.setting && c.setting->phase != engine::Phase::kNone &&
                             rng.chance(shape::kNamesCurrentSetting);
  SchoolPlace school =
      keeps_setting ? *c.setting
                    : another_place(rng, year_group, c.setting ? c.setting->name : std::string());
  engine::Date consulted = after(rng, draft, 0, 4);
  engine::Date responded = after(rng, consulted, 5, rng.chance(kConsultationLate) ? 30 : 15);
  c.add(consulted, "school_consulted", JsonObject().text("setting", school.name));
  if (rng.chance(shape::kConsultationDeclined)) {
    c.add(responded, "consultation_response",
          JsonObject().text("setting", school.name).text("outcome", "decline"));
    school = another_place(rng, year_group, school.name);
    consulted = after(rng, responded, 1, 5);
    responded = after(rng, consulted, 5, 20);
    c.add(consulted, "school_consulted", JsonObject().text("setting", school.name));
  }
  c.add(responded, "consultation_response",
        JsonObject().text("setting", school.name).text("outcome", "agree"));
  // Not before the family's 15 days are over, unless they said they had no more to say.
  const engine::Date earliest =
      said_all ? responded : std::max(responded, draft + date::days{kRepresentationDays});
  engine::Date final_plan = after(rng, earliest + date::days{delay}, 1, 7);
  if (rng.chance(shape::kFinalPlanBacklog)) {
    final_plan = after(rng, final_plan, 20, 110);  // waiting for a panel or a signature
  }
  c.add(final_plan, "final_plan_issued",
        JsonObject()
            .object("names_setting", place_json(school))
            .text("primary_need", primary_need_for(c.child)));
  tell_disagreement(c, AppealableDecision::kPlanContents, final_plan);
  if (!c.setting || c.setting->name != school.name) {
    c.change_setting(after(rng, final_plan, 5, 40), school);
  }
  return final_plan;
}

}  // namespace

std::string_view request_source(Random& rng, int age) {
  if (age >= kYoungPersonAge) {
    static constexpr std::array<std::string_view, 4> kSources = {"young_person", "parent", "school",
                                                                 "other"};
    return kSources[rng.weighted(shape::kSourceFrom16)];
  }
  static constexpr std::array<std::string_view, 3> kSources = {"parent", "school", "other"};
  return kSources[rng.weighted(shape::kSourceUnder16)];
}

AssessmentOutcome tell_assessment(CaseStory& c, engine::Date request) {
  auto& rng = c.rng;
  c.draft.add(request, "assessment_requested", c.teams.intake(c.team),
              JsonObject().text("source", request_source(rng, c.child.age(request))));
  // Reg 5: decide within 6 weeks of the request.
  const engine::Date decision =
      within_or_late(rng, request, rng.chance(shape::kDecisionOnTime), 14, kSixWeeks, 80);
  if (rng.chance(shape::kRefuseShare)) {
    c.add(decision, "assessment_decision", JsonObject().text("outcome", "refuse"));
    tell_disagreement(c, AppealableDecision::kRefusedToAssess, decision);
    return {Kind::kRefused, decision};
  }
  c.add(decision, "assessment_decision", JsonObject().text("outcome", "assess"));
  if (rng.chance(shape::kCaseworkerChangesInAssessment)) {
    c.reassign(after(rng, decision, 1, 30));
  }
  auto asked = ask_for_advice(c, decision);
  if (rng.chance(shape::kWithdrawnShare)) {
    const engine::Date withdrawn = after(rng, decision, 10, 70);
    write_advice(c, asked, withdrawn);
    c.add(withdrawn, "assessment_withdrawn", JsonObject().text("reason", "request withdrawn"));
    return {Kind::kWithdrawn, withdrawn};
  }
  const int delay = tell_exception(c, request, asked);
  write_advice(c, asked, engine::Date::max());
  engine::Date last_advice = decision;
  for (const auto& a : asked) {
    last_advice = std::max(last_advice, a.received);
  }
  const engine::Date issue = after(rng, last_advice + date::days{delay / 2}, 3, 15);
  if (rng.chance(shape::kNoPlanShare)) {
    c.add(issue, "issue_decision", JsonObject().text("outcome", "no_plan"));
    tell_disagreement(c, AppealableDecision::kNoPlan, issue);
    return {Kind::kNoPlan, issue};
  }
  c.add(issue, "issue_decision", JsonObject().text("outcome", "issue"));
  return {Kind::kPlan, make_plan(c, issue, delay / 2)};
}

}  // namespace ehcp::adapters::synthetic
