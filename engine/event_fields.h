// engine/event_fields.h
//
// The closed vocabularies that event fields draw from (contract.md §1): request sources,
// outcomes, advice services, exception limbs, setting phases and Tribunal order kinds. Each enum
// has to_string and a parse_<enum> that returns nullopt for a name outside the contract, and
// accepted_<enum>() for the error message that names what would have been accepted. Plain values;
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ehcp::engine {

enum class RequestSource { kParent, kYoungPerson, kSchool, kOther };
enum class AssessmentOutcome { kAssess, kRefuse };
enum class AdviceService {
  kEducation,
  kEducationalPsychology,
  kHealth,
  kSocialCare,
  kEarlyYears,
  kSchool,
  kOther
};
enum class ExceptionLimb {
  kSchoolClosure,          // reg 5(4)(a) etc.: a school or post-16 closure of 4+ weeks
  kEarlyYearsClosure,      // (b): the same for an early-years provider
  kPersonalCircumstances,  // (c): exceptional personal circumstances
  kAbsence,                // (d): absent from the area for 4+ continuous weeks
  kMissedAppointment       // reg 8(2)(c): a missed examination or test (advice clocks only)
};
enum class IssueOutcome { kIssue, kNoPlan };
enum class ConsultationOutcome { kAgree, kDecline };
enum class ReviewOutcome { kMaintain, kAmend, kCease };
// How an appeal to the First-tier Tribunal ended; what the LA must then do comes as orders.
enum class AppealOutcome { kAllowed, kDismissed, kWithdrawn };
// What a Tribunal order (reg 44(2)), an unopposed appeal (reg 45) or a mediation agreement
// (reg 42(2), and 42(3) for `kOther`) requires of the LA.
enum class OrderKind {
  kAssess,          // (b): assess (or re-assess)
  kMakePlan,        // (c): make and maintain a plan
  kAmend,           // (e): amend the plan's content
  kSectionI,        // (f): amend only the school or institution named (section I)
  kCeaseDismissed,  // (a): an appeal against ceasing dismissed: cease
  kOther            // reg 42(3): a mediation agreement on a matter the Tribunal cannot hear
                    // (health or social care provision): carried out within 2 weeks
};
enum class Phase {
  kEarlyYears,
  kInfant,
  kJunior,
  kPrimary,
  kFirst,
  kMiddle,
  kSecondary,
  kPost16,
  kSpecial,
  kNone
};

#define EHCP_DECLARE_ENUM_NAMES(Enum, snake)                \
  std::string_view to_string(Enum value);                   \
  std::optional<Enum> parse_##snake(std::string_view text); \
  std::string accepted_##snake();

EHCP_DECLARE_ENUM_NAMES(RequestSource, request_source)
EHCP_DECLARE_ENUM_NAMES(AssessmentOutcome, assessment_outcome)
EHCP_DECLARE_ENUM_NAMES(AdviceService, advice_service)
EHCP_DECLARE_ENUM_NAMES(ExceptionLimb, exception_limb)
EHCP_DECLARE_ENUM_NAMES(IssueOutcome, issue_outcome)
EHCP_DECLARE_ENUM_NAMES(ConsultationOutcome, consultation_outcome)
EHCP_DECLARE_ENUM_NAMES(ReviewOutcome, review_outcome)
EHCP_DECLARE_ENUM_NAMES(AppealOutcome, appeal_outcome)
EHCP_DECLARE_ENUM_NAMES(OrderKind, order_kind)
EHCP_DECLARE_ENUM_NAMES(Phase, phase)

#undef EHCP_DECLARE_ENUM_NAMES

}  // namespace ehcp::engine
