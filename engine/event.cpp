#include "engine/event.h"

#include "engine/detail/enum_names.h"

namespace ehcp::engine {
namespace {

constexpr detail::EnumNames<EventType, kEventTypeCount> kEventTypes{{
    {EventType::kCaseOpened, "case_opened"},
    {EventType::kCaseworkerAssigned, "caseworker_assigned"},
    {EventType::kSettingChanged, "setting_changed"},
    {EventType::kCaseClosed, "case_closed"},
    {EventType::kAssessmentRequested, "assessment_requested"},
    {EventType::kAssessmentDecision, "assessment_decision"},
    {EventType::kAdviceRequested, "advice_requested"},
    {EventType::kAdviceReceived, "advice_received"},
    {EventType::kExceptionRecorded, "exception_recorded"},
    {EventType::kIssueDecision, "issue_decision"},
    {EventType::kDraftPlanIssued, "draft_plan_issued"},
    {EventType::kSchoolConsulted, "school_consulted"},
    {EventType::kConsultationResponse, "consultation_response"},
    {EventType::kFamilyResponse, "family_response"},
    {EventType::kFinalPlanIssued, "final_plan_issued"},
    {EventType::kAssessmentWithdrawn, "assessment_withdrawn"},
    {EventType::kPlanInForce, "plan_in_force"},
    {EventType::kReviewMeetingScheduled, "review_meeting_scheduled"},
    {EventType::kReviewMeetingHeld, "review_meeting_held"},
    {EventType::kReviewReportReceived, "review_report_received"},
    {EventType::kReviewDecision, "review_decision"},
    {EventType::kAmendmentNoticeIssued, "amendment_notice_issued"},
    {EventType::kAmendedPlanIssued, "amended_plan_issued"},
    {EventType::kAmendmentWithdrawn, "amendment_withdrawn"},
    {EventType::kPlanCeased, "plan_ceased"},
    {EventType::kTransferExpected, "transfer_expected"},
    {EventType::kMediationRequested, "mediation_requested"},
    {EventType::kMediationDeclined, "mediation_declined"},
    {EventType::kMediationHeld, "mediation_held"},
    {EventType::kMediationCertificateIssued, "mediation_certificate_issued"},
    {EventType::kAppealLodged, "appeal_lodged"},
    {EventType::kAppealDecided, "appeal_decided"},
    {EventType::kTribunalOrder, "tribunal_order"},
    {EventType::kMovedOut, "moved_out"},
    {EventType::kPlanTransferred, "plan_transferred"},
    {EventType::kTransferredIn, "transferred_in"},
    {EventType::kTransferNoticeSent, "transfer_notice_sent"},
    {EventType::kReassessmentRequested, "reassessment_requested"},
    {EventType::kReassessmentDecision, "reassessment_decision"},
    {EventType::kCustodyNotified, "custody_notified"},
    {EventType::kCustodyPlanShared, "custody_plan_shared"},
    {EventType::kCustodyEnded, "custody_ended"},
    {EventType::kAgreementCarriedOut, "agreement_carried_out"},
    {EventType::kEventVoided, "event_voided"},
}};

}  // namespace

std::string_view to_string(EventType type) { return detail::name_of(kEventTypes, type); }

std::optional<EventType> parse_event_type(std::string_view text) {
  return detail::value_of(kEventTypes, text);
}

}  // namespace ehcp::engine
