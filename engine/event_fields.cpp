#include "engine/event_fields.h"

#include "engine/detail/enum_names.h"

namespace ehcp::engine {
namespace {

using detail::EnumNames;

constexpr EnumNames<RequestSource, 4> kRequestSources{
    {{RequestSource::kParent, "parent"},
     {RequestSource::kYoungPerson, "young_person"},
     {RequestSource::kSchool, "school"},
     {RequestSource::kOther, "other"}}};
constexpr EnumNames<AssessmentOutcome, 2> kAssessmentOutcomes{
    {{AssessmentOutcome::kAssess, "assess"}, {AssessmentOutcome::kRefuse, "refuse"}}};
constexpr EnumNames<AdviceService, 7> kAdviceServices{
    {{AdviceService::kEducation, "education"},
     {AdviceService::kEducationalPsychology, "educational_psychology"},
     {AdviceService::kHealth, "health"},
     {AdviceService::kSocialCare, "social_care"},
     {AdviceService::kEarlyYears, "early_years"},
     {AdviceService::kSchool, "school"},
     {AdviceService::kOther, "other"}}};
constexpr EnumNames<ExceptionLimb, 5> kExceptionLimbs{
    {{ExceptionLimb::kSchoolClosure, "school_closure"},
     {ExceptionLimb::kEarlyYearsClosure, "early_years_closure"},
     {ExceptionLimb::kPersonalCircumstances, "personal_circumstances"},
     {ExceptionLimb::kAbsence, "absence"},
     {ExceptionLimb::kMissedAppointment, "missed_appointment"}}};
constexpr EnumNames<IssueOutcome, 2> kIssueOutcomes{
    {{IssueOutcome::kIssue, "issue"}, {IssueOutcome::kNoPlan, "no_plan"}}};
constexpr EnumNames<ConsultationOutcome, 2> kConsultationOutcomes{
    {{ConsultationOutcome::kAgree, "agree"}, {ConsultationOutcome::kDecline, "decline"}}};
constexpr EnumNames<ReviewOutcome, 3> kReviewOutcomes{{{ReviewOutcome::kMaintain, "maintain"},
                                                       {ReviewOutcome::kAmend, "amend"},
                                                       {ReviewOutcome::kCease, "cease"}}};
constexpr EnumNames<AppealOutcome, 3> kAppealOutcomes{{{AppealOutcome::kAllowed, "allowed"},
                                                       {AppealOutcome::kDismissed, "dismissed"},
                                                       {AppealOutcome::kWithdrawn, "withdrawn"}}};
constexpr EnumNames<OrderKind, 6> kOrderKinds{{{OrderKind::kAssess, "assess"},
                                               {OrderKind::kMakePlan, "make_plan"},
                                               {OrderKind::kAmend, "amend"},
                                               {OrderKind::kSectionI, "section_i"},
                                               {OrderKind::kCeaseDismissed, "cease_dismissed"},
                                               {OrderKind::kOther, "other"}}};
constexpr EnumNames<Phase, 10> kPhases{{{Phase::kEarlyYears, "early_years"},
                                        {Phase::kInfant, "infant"},
                                        {Phase::kJunior, "junior"},
                                        {Phase::kPrimary, "primary"},
                                        {Phase::kFirst, "first"},
                                        {Phase::kMiddle, "middle"},
                                        {Phase::kSecondary, "secondary"},
                                        {Phase::kPost16, "post16"},
                                        {Phase::kSpecial, "special"},
                                        {Phase::kNone, "none"}}};

}  // namespace

#define EHCP_DEFINE_ENUM_NAMES(Enum, snake, table)                                 \
  std::string_view to_string(Enum value) { return detail::name_of(table, value); } \
  std::optional<Enum> parse_##snake(std::string_view text) {                       \
    return detail::value_of(table, text);                                          \
  }                                                                                \
  std::string accepted_##snake() { return detail::list_names(table); }

EHCP_DEFINE_ENUM_NAMES(RequestSource, request_source, kRequestSources)
EHCP_DEFINE_ENUM_NAMES(AssessmentOutcome, assessment_outcome, kAssessmentOutcomes)
EHCP_DEFINE_ENUM_NAMES(AdviceService, advice_service, kAdviceServices)
EHCP_DEFINE_ENUM_NAMES(ExceptionLimb, exception_limb, kExceptionLimbs)
EHCP_DEFINE_ENUM_NAMES(IssueOutcome, issue_outcome, kIssueOutcomes)
EHCP_DEFINE_ENUM_NAMES(ConsultationOutcome, consultation_outcome, kConsultationOutcomes)
EHCP_DEFINE_ENUM_NAMES(ReviewOutcome, review_outcome, kReviewOutcomes)
EHCP_DEFINE_ENUM_NAMES(AppealOutcome, appeal_outcome, kAppealOutcomes)
EHCP_DEFINE_ENUM_NAMES(OrderKind, order_kind, kOrderKinds)
EHCP_DEFINE_ENUM_NAMES(Phase, phase, kPhases)

#undef EHCP_DEFINE_ENUM_NAMES

}  // namespace ehcp::engine
