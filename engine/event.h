// engine/event.h
//
// An Event is one past-tense fact about a case, exactly as contract.md §1 names it: the header
// every event has (case, effective date, idempotency id, author) and one typed body per event
// type. Events are immutable values; every state, clock and report is derived from them.
// EventType and the Body variant list the types in the same order, so an event's type is the
// index of its body and the two can never disagree. Thread-safe as values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "engine/civil_date.h"
#include "engine/event_fields.h"

namespace ehcp::engine {

// A setting (school, college, nursery) as events carry it.
struct Setting {
  std::string name;
  Phase phase = Phase::kNone;
  // An addition for SEN2: the kind of placement, a code of the rule pack's sen2 placements.
  std::optional<std::string> placement = std::nullopt;
  bool operator==(const Setting&) const = default;
};

// The child as case_opened records it. Names are synthetic in every test and demo.
struct Child {
  std::string given_name;
  std::string family_name;
  Date dob;
  std::optional<std::string> gender;
  std::optional<std::string> ethnicity;
  std::optional<std::string> upn;
  bool operator==(const Child&) const = default;
};

// --- Case ---
struct CaseOpened {
  Child child;
  std::optional<std::string> caseworker;
  std::optional<std::string> team;
  std::optional<Setting> setting;
  std::optional<int> year_group;  // override for a child taught out of cohort
  // An addition for SEN2 (here and on the plan events below): the child's primary need, a code
  // of the rule pack's sen2 needs; the latest given on or before a date is the need then.
  // (Initialised so that the aggregates written before the addition still say all they mean.)
  std::optional<std::string> primary_need = std::nullopt;
  bool operator==(const CaseOpened&) const = default;
};
struct CaseworkerAssigned {
  std::string caseworker;
  std::optional<std::string> team;
  bool operator==(const CaseworkerAssigned&) const = default;
};
struct SettingChanged {
  Setting setting;
  bool operator==(const SettingChanged&) const = default;
};
struct CaseClosed {
  std::string reason;
  bool operator==(const CaseClosed&) const = default;
};

// --- Needs assessment ---
struct AssessmentRequested {
  RequestSource source = RequestSource::kOther;
  bool operator==(const AssessmentRequested&) const = default;
};
struct AssessmentDecision {
  AssessmentOutcome outcome = AssessmentOutcome::kAssess;
  bool operator==(const AssessmentDecision&) const = default;
};
struct AdviceRequested {
  std::string advice;
  AdviceService service = AdviceService::kOther;
  bool operator==(const AdviceRequested&) const = default;
};
struct AdviceReceived {
  std::string advice;
  bool operator==(const AdviceReceived&) const = default;
};
struct ExceptionRecorded {
  ExceptionLimb limb = ExceptionLimb::kPersonalCircumstances;
  std::optional<std::string> advice;
  std::optional<Date> from;
  std::optional<Date> to;  // open: still continuing
  std::optional<std::string> note;
  bool operator==(const ExceptionRecorded&) const = default;
};
struct IssueDecision {
  IssueOutcome outcome = IssueOutcome::kIssue;
  bool operator==(const IssueDecision&) const = default;
};
struct DraftPlanIssued {
  bool operator==(const DraftPlanIssued&) const = default;
};
struct SchoolConsulted {
  std::string setting;
  bool operator==(const SchoolConsulted&) const = default;
};
struct ConsultationResponse {
  std::string setting;
  ConsultationOutcome outcome = ConsultationOutcome::kAgree;
  bool operator==(const ConsultationResponse&) const = default;
};
struct FamilyResponse {
  bool no_further_representations = false;
  bool operator==(const FamilyResponse&) const = default;
};
struct FinalPlanIssued {
  std::optional<Setting> names_setting;
  std::optional<std::string> primary_need = std::nullopt;
  bool operator==(const FinalPlanIssued&) const = default;
};
struct AssessmentWithdrawn {
  std::string reason;
  bool operator==(const AssessmentWithdrawn&) const = default;
};

// --- Review, amendment, ceasing, transfer ---
struct PlanInForce {
  Date made;
  std::optional<Date> last_reviewed;
  std::optional<std::string> primary_need = std::nullopt;
  bool operator==(const PlanInForce&) const = default;
};
struct ReviewMeetingScheduled {
  Date meeting;
  bool operator==(const ReviewMeetingScheduled&) const = default;
};
struct ReviewMeetingHeld {
  bool operator==(const ReviewMeetingHeld&) const = default;
};
struct ReviewReportReceived {
  bool operator==(const ReviewReportReceived&) const = default;
};
struct ReviewDecision {
  ReviewOutcome outcome = ReviewOutcome::kMaintain;
  bool operator==(const ReviewDecision&) const = default;
};
struct AmendmentNoticeIssued {
  bool operator==(const AmendmentNoticeIssued&) const = default;
};
struct AmendedPlanIssued {
  std::optional<Setting> names_setting;
  std::optional<std::string> primary_need = std::nullopt;
  bool operator==(const AmendedPlanIssued&) const = default;
};
struct AmendmentWithdrawn {
  bool operator==(const AmendmentWithdrawn&) const = default;
};
struct PlanCeased {
  std::string reason;
  // An addition for SEN2: why, as a code of the rule pack's sen2 cease reasons.
  std::optional<std::string> cease_reason = std::nullopt;
  bool operator==(const PlanCeased&) const = default;
};
struct TransferExpected {
  Phase to_phase = Phase::kNone;
  Date move;
  bool operator==(const TransferExpected&) const = default;
};

// --- Disagreement: mediation, appeal, Tribunal orders ---
// `decision_sent` (optional, an addition to the contract): the day the LA sent the written
// notice of the decision disagreed with, from which the 2-month limits run. Absent: the latest
// appealable decision the case records on or before the event (the evaluator finds it).
struct MediationRequested {
  std::optional<Date> decision_sent;
  bool operator==(const MediationRequested&) const = default;
};
struct MediationDeclined {
  std::optional<Date> decision_sent;
  bool operator==(const MediationDeclined&) const = default;
};
// `agreement` (optional, an addition): the mediation ended in an agreement on an appealable
// matter, which the LA must carry out on the limits of that order (reg 42(2)), or (`other`) on
// a matter the Tribunal cannot hear, to be carried out within 2 weeks (reg 42(3)).
struct MediationHeld {
  std::optional<OrderKind> agreement;
  bool operator==(const MediationHeld&) const = default;
};
struct MediationCertificateIssued {
  bool operator==(const MediationCertificateIssued&) const = default;
};
struct AppealLodged {
  std::optional<Date> decision_sent;
  bool operator==(const AppealLodged&) const = default;
};
struct AppealDecided {
  AppealOutcome outcome = AppealOutcome::kAllowed;
  bool operator==(const AppealDecided&) const = default;
};
// `unopposed` (optional, an addition): the LA told the Tribunal on `on` that it would not
// oppose the appeal (reg 45), conceding what `order` names.
struct TribunalOrder {
  OrderKind order = OrderKind::kAssess;
  bool unopposed = false;
  bool operator==(const TribunalOrder&) const = default;
};

// --- Moves between LAs, re-assessment, custody (rules.md §5) ---
// The child moved out of the LA's area on `on`, to `to_la`. `aware_on` (optional): the day the
// LA became aware of the move, before it or after; absent, the day of the move. A plan in force
// must go to the new LA on the day of the move, or within 15 working days of becoming aware of
// it when the LA did not know 15 working days ahead (reg 15(2)).
struct MovedOut {
  std::string to_la;
  std::optional<Date> aware_on;
  bool operator==(const MovedOut&) const = default;
};
// An addition to the contract: the LA sent the plan to the new LA (reg 15(2)).
struct PlanTransferred {
  std::optional<std::string> to_la;
  bool operator==(const PlanTransferred&) const = default;
};
// A plan made by `from_la` became this LA's on `on`, the day of the transfer (reg 15(3)): it is
// treated as made on `made`, and was last reviewed on `last_reviewed` if ever.
struct TransferredIn {
  std::string from_la;
  Date made;
  std::optional<Date> last_reviewed;
  std::optional<std::string> primary_need = std::nullopt;
  bool operator==(const TransferredIn&) const = default;
};
// An addition: the new LA told the family the plan has transferred, whether it will assess and
// when it will review the plan (reg 15(4)).
struct TransferNoticeSent {
  bool operator==(const TransferNoticeSent&) const = default;
};
// A request to re-assess the needs of a child with a plan, received on `on` (reg 24, 25).
// `source` (optional, as assessment_requested's).
struct ReassessmentRequested {
  std::optional<RequestSource> source;
  bool operator==(const ReassessmentRequested&) const = default;
};
// The LA decided whether to re-assess (`outcome`, required: assess or refuse); a decision to
// assess with no request open is the LA's own (CFA s44(3)).
struct ReassessmentDecision {
  AssessmentOutcome outcome = AssessmentOutcome::kAssess;
  bool operator==(const ReassessmentDecision&) const = default;
};
// Additions for custody (SI 2015/62): the LA was told on `on` that the child or young person is
// detained in relevant youth accommodation (`establishment`, optional); the LA shared the plan
// with the youth offending team and the establishment; the detention ended.
struct CustodyNotified {
  std::optional<std::string> establishment;
  bool operator==(const CustodyNotified&) const = default;
};
struct CustodyPlanShared {
  bool operator==(const CustodyPlanShared&) const = default;
};
struct CustodyEnded {
  bool operator==(const CustodyEnded&) const = default;
};
// An addition: the LA did what it agreed in mediation on a matter the Tribunal cannot hear
// (reg 42(3)).
struct AgreementCarriedOut {
  bool operator==(const AgreementCarriedOut&) const = default;
};

// --- Corrections ---
// An addition: the event named by its `id` (`event`) or its arrival number (`seq`), exactly one
// of the two, was recorded by mistake, for `reason`. The voided event stays in the history and
// the export; everything derived is derived as if it had never happened, whatever the date
// (workflows::case_as_of takes both out before anything is evaluated).
struct EventVoided {
  std::optional<std::string> event;
  std::optional<std::int64_t> seq;
  std::string reason;
  bool operator==(const EventVoided&) const = default;
};

// The order here is the order of EventType below.
using EventBody = std::variant<
    CaseOpened, CaseworkerAssigned, SettingChanged, CaseClosed, AssessmentRequested,
    AssessmentDecision, AdviceRequested, AdviceReceived, ExceptionRecorded, IssueDecision,
    DraftPlanIssued, SchoolConsulted, ConsultationResponse, FamilyResponse, FinalPlanIssued,
    AssessmentWithdrawn, PlanInForce, ReviewMeetingScheduled, ReviewMeetingHeld,
    ReviewReportReceived, ReviewDecision, AmendmentNoticeIssued, AmendedPlanIssued,
    AmendmentWithdrawn, PlanCeased, TransferExpected, MediationRequested, MediationDeclined,
    MediationHeld, MediationCertificateIssued, AppealLodged, AppealDecided, TribunalOrder, MovedOut,
    PlanTransferred, TransferredIn, TransferNoticeSent, ReassessmentRequested, ReassessmentDecision,
    CustodyNotified, CustodyPlanShared, CustodyEnded, AgreementCarriedOut, EventVoided>;

enum class EventType : std::uint8_t {
  kCaseOpened,
  kCaseworkerAssigned,
  kSettingChanged,
  kCaseClosed,
  kAssessmentRequested,
  kAssessmentDecision,
  kAdviceRequested,
  kAdviceReceived,
  kExceptionRecorded,
  kIssueDecision,
  kDraftPlanIssued,
  kSchoolConsulted,
  kConsultationResponse,
  kFamilyResponse,
  kFinalPlanIssued,
  kAssessmentWithdrawn,
  kPlanInForce,
  kReviewMeetingScheduled,
  kReviewMeetingHeld,
  kReviewReportReceived,
  kReviewDecision,
  kAmendmentNoticeIssued,
  kAmendedPlanIssued,
  kAmendmentWithdrawn,
  kPlanCeased,
  kTransferExpected,
  kMediationRequested,
  kMediationDeclined,
  kMediationHeld,
  kMediationCertificateIssued,
  kAppealLodged,
  kAppealDecided,
  kTribunalOrder,
  kMovedOut,
  kPlanTransferred,
  kTransferredIn,
  kTransferNoticeSent,
  kReassessmentRequested,
  kReassessmentDecision,
  kCustodyNotified,
  kCustodyPlanShared,
  kCustodyEnded,
  kAgreementCarriedOut,
  kEventVoided,
};
inline constexpr std::size_t kEventTypeCount = std::variant_size_v<EventBody>;

// The contract's name of the type ("advice_received").
std::string_view to_string(EventType type);
// The type named `text`, or nullopt when the contract has no such type.
std::optional<EventType> parse_event_type(std::string_view text);

struct Event {
  std::string case_ref;
  Date on;
  std::optional<std::string> id;
  std::optional<std::string> by;
  EventBody body;

  EventType type() const { return static_cast<EventType>(body.index()); }
  bool operator==(const Event&) const = default;
};

// An event as the store holds it: the fact plus its place in arrival order, which breaks ties
// between events on the same effective date.
struct RecordedEvent {
  std::int64_t seq = 0;
  Event event;
};

}  // namespace ehcp::engine
