#include "workflows/disagreement/order_limbs.h"

#include <array>

namespace ehcp::workflows::disagreement {
namespace {

using engine::OrderKind;

constexpr std::array<std::string_view, 3> kAssessSteps = {"notify", "no_plan", "final_plan"};
constexpr std::array<std::string_view, 2> kMakePlanSteps = {"draft", "final"};
constexpr std::array<std::string_view, 1> kAmendSteps = {"amended_plan"};
constexpr std::array<std::string_view, 1> kCeaseSteps = {"cease"};
constexpr std::array<std::string_view, 1> kOtherSteps = {"action"};

// An order to assess is also one to re-assess (reg 44(2)(b)): a decision to re-assess meets
// its notice, and the plan it leads to, amended or new, its last limb.
LimbEffect assess_effect(std::string_view step, const engine::Event& e) {
  if (const auto* d = std::get_if<engine::AssessmentDecision>(&e.body)) {
    const bool assess = d->outcome == engine::AssessmentOutcome::kAssess;
    return step == "notify" && assess ? LimbEffect::kMeets : LimbEffect::kNone;
  }
  if (const auto* d = std::get_if<engine::ReassessmentDecision>(&e.body)) {
    const bool assess = d->outcome == engine::AssessmentOutcome::kAssess;
    return step == "notify" && assess ? LimbEffect::kMeets : LimbEffect::kNone;
  }
  if (const auto* d = std::get_if<engine::IssueDecision>(&e.body)) {
    const bool no_plan = d->outcome == engine::IssueOutcome::kNoPlan;
    if (step == "no_plan") {
      return no_plan ? LimbEffect::kMeets : LimbEffect::kEnds;
    }
    // A decision either way means the LA assessed: a notice never recorded no longer applies.
    return step == "final_plan" && !no_plan ? LimbEffect::kNone : LimbEffect::kEnds;
  }
  if (std::holds_alternative<engine::FinalPlanIssued>(e.body) ||
      std::holds_alternative<engine::AmendedPlanIssued>(e.body)) {
    return step == "final_plan" ? LimbEffect::kMeets : LimbEffect::kEnds;
  }
  return LimbEffect::kNone;
}

LimbEffect make_plan_effect(std::string_view step, const engine::Event& e) {
  if (std::holds_alternative<engine::DraftPlanIssued>(e.body)) {
    return step == "draft" ? LimbEffect::kMeets : LimbEffect::kNone;
  }
  if (std::holds_alternative<engine::FinalPlanIssued>(e.body) ||
      std::holds_alternative<engine::AmendedPlanIssued>(e.body)) {
    return step == "final" ? LimbEffect::kMeets : LimbEffect::kEnds;
  }
  return LimbEffect::kNone;
}

}  // namespace

std::string_view to_string(Ground ground) {
  switch (ground) {
    case Ground::kTribunal:
      return "tribunal";
    case Ground::kUnopposed:
      return "unopposed";
    case Ground::kAgreement:
      return "agreement";
  }
  return "?";
}

std::string order_clock(OrderKind kind) { return "order:" + std::string(engine::to_string(kind)); }

std::span<const std::string_view> order_steps(OrderKind kind) {
  switch (kind) {
    case OrderKind::kAssess:
      return kAssessSteps;
    case OrderKind::kMakePlan:
      return kMakePlanSteps;
    case OrderKind::kAmend:
    case OrderKind::kSectionI:
      return kAmendSteps;
    case OrderKind::kCeaseDismissed:
      return kCeaseSteps;
    case OrderKind::kOther:
      return kOtherSteps;
  }
  return {};
}

std::string limb_name(Ground ground, std::string_view step) {
  return std::string(to_string(ground)) + "." + std::string(step);
}

LimbEffect limb_effect(OrderKind kind, std::string_view step, const engine::Event& e) {
  switch (kind) {
    case OrderKind::kAssess:
      return assess_effect(step, e);
    case OrderKind::kMakePlan:
      return make_plan_effect(step, e);
    case OrderKind::kAmend:
    case OrderKind::kSectionI:
      return std::holds_alternative<engine::AmendedPlanIssued>(e.body) ? LimbEffect::kMeets
                                                                       : LimbEffect::kNone;
    case OrderKind::kCeaseDismissed:
      return std::holds_alternative<engine::PlanCeased>(e.body) ? LimbEffect::kMeets
                                                                : LimbEffect::kNone;
    case OrderKind::kOther:
      return std::holds_alternative<engine::AgreementCarriedOut>(e.body) ? LimbEffect::kMeets
                                                                         : LimbEffect::kNone;
  }
  return LimbEffect::kNone;
}

}  // namespace ehcp::workflows::disagreement
