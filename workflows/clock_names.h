// workflows/clock_names.h
//
// The name of every clock (and every check with a period) the machines open, meet or read, as
// the rule pack spells it: one constant per name, so a misspelt clock is a compile error and
// not a rule the book cannot find. A name ending in ':' is a family, completed by an id
// ("advice:ep", "consultation:Oak Lane", "order:assess"). kAll lists them all; a test
// (tests/adapters/rule_pack_coverage_test.cpp) checks that each has a rule in
// adapters/rule_packs/england.json and that each rule there has a name here. Constants only.
#pragma once

#include <array>
#include <string_view>

namespace ehcp::workflows::clocks {

// The assessment (rules.md §2).
inline constexpr const char* kDecisionToAssess = "decision_to_assess";
inline constexpr const char* kAdvicePrefix = "advice:";  // advice:<id>, rule "advice"
inline constexpr const char* kNoPlanNotice = "no_plan_notice";
inline constexpr const char* kFinalPlan = "final_plan";
inline constexpr const char* kDraftPlan = "draft_plan";
inline constexpr const char* kConsultationPrefix = "consultation:";  // consultation:<setting>
// The family's days from the draft (reg 13(1)): a check, not a clock.
inline constexpr const char* kDraftRepresentations = "draft_representations";

// The review (rules.md §3).
inline constexpr const char* kAnnualReview = "annual_review";
inline constexpr const char* kEarlyReview = "early_review";
inline constexpr const char* kReviewNotice = "review_notice";
inline constexpr const char* kReviewReport = "review_report";
inline constexpr const char* kReviewDecision = "review_decision";
inline constexpr const char* kAmendedPlan = "amended_plan";
// The family's days from an amendment notice (reg 22(2)): a check, not a clock.
inline constexpr const char* kAmendmentRepresentations = "amendment_representations";

// Phase transfers (rules.md §4), moves, re-assessment and custody (§5).
inline constexpr const char* kPhaseTransfer = "phase_transfer";
inline constexpr const char* kTransferOut = "transfer_out";
inline constexpr const char* kTransferInNotice = "transfer_in_notice";
inline constexpr const char* kTransferInReview = "transfer_in_review";
inline constexpr const char* kReassessmentDecision = "reassessment_decision";
inline constexpr const char* kReassessmentPlan = "reassessment_plan";
inline constexpr const char* kCustodySharePlan = "custody_share_plan";

// Disagreements (rules.md §6); an order's clock is "order:" + its kind
// (workflows/disagreement/order_limbs.h).
inline constexpr const char* kMediationContact = "mediation_contact";
inline constexpr const char* kMediationCertificate = "mediation_certificate";
inline constexpr const char* kMediationHeld = "mediation_held";
inline constexpr const char* kAppealWindow = "appeal_window";
inline constexpr const char* kOrderPrefix = "order:";

inline constexpr std::array<std::string_view, 26> kAll = {
    kDecisionToAssess,
    kAdvicePrefix,
    kNoPlanNotice,
    kFinalPlan,
    kDraftPlan,
    kConsultationPrefix,
    kDraftRepresentations,
    kAnnualReview,
    kEarlyReview,
    kReviewNotice,
    kReviewReport,
    kReviewDecision,
    kAmendedPlan,
    kAmendmentRepresentations,
    kPhaseTransfer,
    kTransferOut,
    kTransferInNotice,
    kTransferInReview,
    kReassessmentDecision,
    kReassessmentPlan,
    kCustodySharePlan,
    kMediationContact,
    kMediationCertificate,
    kMediationHeld,
    kAppealWindow,
    kOrderPrefix,
};

}  // namespace ehcp::workflows::clocks
