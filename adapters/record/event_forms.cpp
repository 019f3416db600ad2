#include "adapters/record/event_forms.h"

namespace ehcp::adapters::record {
namespace {

using engine::EventType;

const std::vector<Choice> kSources = {
    {"parent", "The child's parent", ""},
    {"young_person", "The young person", "Aged 16 to 25"},
    {"school", "The school, college or nursery", ""},
    {"other", "Someone else", "For example a health or social care professional"},
};

const std::vector<Choice> kAssessOutcomes = {
    {"assess", "Assess the needs", ""},
    {"refuse", "Refuse to assess", "The family must be told of the right to appeal"},
};

const std::vector<Choice> kServices = {
    {"educational_psychology", "Educational psychology", ""},
    {"education", "Education", "From the school, college or a teacher"},
    {"health", "Health", "For example a paediatrician or therapist"},
    {"social_care", "Social care", ""},
    {"early_years", "Early years", ""},
    {"school", "The school or setting", ""},
    {"other", "Other", ""},
};

const std::vector<Choice> kLimbs = {
    {"personal_circumstances", "Exceptional personal circumstances of the child or family",
     "For example a bereavement or a stay in hospital"},
    {"absence", "The child or family was away from the area for 4 weeks or more", ""},
    {"school_closure", "The school or college was closed for 4 weeks or more", ""},
    {"early_years_closure", "The nursery or early years setting was closed for 4 weeks or more",
     ""},
    {"missed_appointment", "An appointment for an examination or test was missed",
     "Applies to the advice it was for"},
};

const std::vector<Choice> kIssueOutcomes = {
    {"issue", "Issue a plan", ""},
    {"no_plan", "Not to issue a plan", "The family must be told of the right to appeal"},
};

const std::vector<Choice> kConsultationOutcomes = {
    {"agree", "Agreed to be named", ""},
    {"decline", "Declined", ""},
};

const std::vector<Choice> kReviewOutcomes = {
    {"maintain", "Keep the plan as it is", ""},
    {"amend", "Amend the plan", ""},
    {"cease", "Cease the plan", ""},
};

const std::vector<Choice> kAppealOutcomes = {
    {"allowed", "Allowed", "Record what the Tribunal ordered as orders"},
    {"dismissed", "Dismissed", ""},
    {"withdrawn", "Withdrawn", ""},
};

const std::vector<Choice> kOrders = {
    {"assess", "Assess, or re-assess, the needs", ""},
    {"make_plan", "Make and maintain a plan", ""},
    {"amend", "Amend the content of the plan", ""},
    {"section_i", "Amend only the school or college named", ""},
    {"cease_dismissed", "Cease the plan (the appeal against ceasing was dismissed)", ""},
};

std::vector<Choice> agreement_choices() {
  std::vector<Choice> out = kOrders;
  out.pop_back();  // an agreement to cease is not a mediation outcome the law names
  out.push_back({"other", "Something the Tribunal cannot decide",
                 "For example health or social care provision: to be done within 2 weeks"});
  return out;
}

const std::vector<Choice> kPhases = {
    {"early_years", "Early years", ""},
    {"infant", "Infant", ""},
    {"junior", "Junior", ""},
    {"primary", "Primary", ""},
    {"first", "First", ""},
    {"middle", "Middle", ""},
    {"secondary", "Secondary", ""},
    {"post16", "Post-16", "A college or sixth form"},
    {"special", "Special", ""},
    {"none", "None of these", ""},
};

FormField date(std::string name, std::string label, std::string hint = "", bool optional = false) {
  return {
      std::move(name), std::move(label), std::move(hint), FieldKind::kDate, optional, {}, {}, ""};
}
// A choice; optional when `blank` names leaving it blank.
FormField choice(std::string name, std::string label, std::vector<Choice> choices,
                 std::string blank = "", std::string hint = "") {
  const bool optional = !blank.empty();
  return {std::move(name), std::move(label),   std::move(hint),    FieldKind::kChoice,
          optional,        std::move(choices), CaseChoices::kNone, std::move(blank)};
}
FormField text(std::string name, std::string label, std::string hint = "", bool optional = false) {
  return {
      std::move(name), std::move(label), std::move(hint), FieldKind::kText, optional, {}, {}, ""};
}
FormField long_text(std::string name, std::string label, bool optional = false) {
  return {std::move(name), std::move(label), "", FieldKind::kLongText, optional, {}, {}, ""};
}
FormField yes(std::string name, std::string label, std::string hint = "") {
  return {std::move(name), std::move(label), std::move(hint), FieldKind::kYes, true, {}, {}, ""};
}
FormField from_case(std::string name, std::string label, CaseChoices from, std::string blank = "",
                    std::string hint = "") {
  const bool optional = !blank.empty();
  return {
      std::move(name), std::move(label), std::move(hint), FieldKind::kChoice, optional, {}, from,
      std::move(blank)};
}
std::vector<FormField> setting_fields(const std::string& object, bool optional,
                                      const std::string& what) {
  return {text(object + ".name", "Name of the " + what, "", optional),
          choice(object + ".phase", "Phase of the " + what, kPhases, optional ? "Not known" : "")};
}

const char* kAssessment = "Needs assessment";
const char* kPlan = "The plan and its reviews";
const char* kDisagreement = "Mediation and appeals";
const char* kMoves = "Moves, re-assessment and custody";
const char* kCase = "The case";
const char* kSentHint =
    "The day the council sent its decision letter. Leave blank if it was the "
    "latest decision recorded";

std::vector<EventForm> build() {
  return {
      {EventType::kAssessmentRequested,
       kAssessment,
       "Date the council received the request",
       "",
       {choice("source", "Who asked?", kSources)}},
      {EventType::kAssessmentDecision,
       kAssessment,
       "Date of the decision",
       "",
       {choice("outcome", "What was decided?", kAssessOutcomes)}},
      {EventType::kAdviceRequested,
       kAssessment,
       "Date the adviser received the request",
       "The 6 weeks for advice run from this day",
       {choice("service", "Which service was asked?", kServices),
        text("advice", "A short name for this advice",
             "Tells this advice apart from the rest, for example ep or paediatrics")}},
      {EventType::kAdviceReceived,
       kAssessment,
       "Date the advice was received",
       "",
       {from_case("advice", "Which advice arrived?", CaseChoices::kAwaitedAdvice)}},
      {EventType::kExceptionRecorded,
       kAssessment,
       "Date the exception was recorded",
       "",
       {choice("limb", "Why can the time limit not be met?", kLimbs),
        from_case("advice", "Does it apply to one piece of advice only?",
                  CaseChoices::kAwaitedAdvice, "No: to every time limit it can apply to"),
        date("from", "First day it applied", "", true),
        date("to", "Last day it applied", "Leave blank if it is still going on", true),
        long_text("note", "Note", true)}},
      {EventType::kIssueDecision,
       kAssessment,
       "Date of the decision",
       "",
       {choice("outcome", "What was decided?", kIssueOutcomes)}},
      {EventType::kDraftPlanIssued,
       kAssessment,
       "Date the draft was sent",
       "The family then has 15 days to comment",
       {}},
      {EventType::kSchoolConsulted,
       kAssessment,
       "Date the consultation was sent",
       "",
       {text("setting", "Name of the school or college", "As it will appear on the plan")}},
      {EventType::kConsultationResponse,
       kAssessment,
       "Date the reply was received",
       "",
       {from_case("setting", "Which school or college replied?", CaseChoices::kOpenConsultations),
        choice("outcome", "What did they say?", kConsultationOutcomes)}},
      {EventType::kFamilyResponse,
       kAssessment,
       "Date the comments were received",
       "On a draft plan or on proposed amendments",
       {yes("no_further_representations", "The family said they have nothing more to add")}},
      {EventType::kFinalPlanIssued, kAssessment, "Date the plan was issued", "",
       setting_fields("names_setting", true, "school or college the plan names")},
      {EventType::kAssessmentWithdrawn,
       kAssessment,
       "Date it was stopped",
       "",
       {long_text("reason", "Why was it stopped?")}},
      {EventType::kPlanInForce,
       kPlan,
       "Date it was entered",
       "",
       {date("made", "Date the plan was first made"),
        date("last_reviewed", "Date it was last reviewed", "Leave blank if it has not been",
             true)}},
      {EventType::kReviewMeetingScheduled,
       kPlan,
       "Date the invitations were sent",
       "At least 2 weeks before the meeting",
       {date("meeting", "Date of the meeting")}},
      {EventType::kReviewMeetingHeld, kPlan, "Date of the meeting", "", {}},
      {EventType::kReviewReportReceived, kPlan, "Date the report was received", "", {}},
      {EventType::kReviewDecision,
       kPlan,
       "Date of the decision",
       "",
       {choice("outcome", "What was decided?", kReviewOutcomes)}},
      {EventType::kAmendmentNoticeIssued,
       kPlan,
       "Date the notice was sent",
       "The family then has 15 days to comment",
       {}},
      {EventType::kAmendedPlanIssued, kPlan, "Date it was issued", "",
       setting_fields("names_setting", true, "school or college the plan names")},
      {EventType::kAmendmentWithdrawn, kPlan, "Date they were withdrawn", "", {}},
      {EventType::kTransferExpected,
       kPlan,
       "Date the move became known",
       "For moves the service cannot work out from the year group",
       {choice("to_phase", "Which phase will the child or young person move to?", kPhases),
        date("move", "Date of the move")}},
      {EventType::kPlanCeased,
       kPlan,
       "Date it ceased",
       "",
       {long_text("reason", "Why did it cease?")}},
      {EventType::kMediationRequested,
       kDisagreement,
       "Date the request was received",
       "",
       {date("decision_sent", "Date of the decision letter", kSentHint, true)}},
      {EventType::kMediationDeclined,
       kDisagreement,
       "Date the family declined it",
       "",
       {date("decision_sent", "Date of the decision letter", kSentHint, true)}},
      {EventType::kMediationHeld,
       kDisagreement,
       "Date of the mediation",
       "",
       {choice("agreement", "Was something agreed that the council must do?", agreement_choices(),
               "Nothing was agreed")}},
      {EventType::kMediationCertificateIssued, kDisagreement, "Date it was issued", "", {}},
      {EventType::kAgreementCarriedOut, kDisagreement, "Date it was done", "", {}},
      {EventType::kAppealLodged,
       kDisagreement,
       "Date it was lodged",
       "",
       {date("decision_sent", "Date of the decision letter", kSentHint, true)}},
      {EventType::kAppealDecided,
       kDisagreement,
       "Date of the decision",
       "",
       {choice("outcome", "How did the appeal end?", kAppealOutcomes)}},
      {EventType::kTribunalOrder,
       kDisagreement,
       "Date of the order",
       "",
       {choice("order", "What must the council do?", kOrders),
        yes("unopposed", "The council did not oppose the appeal",
            "The date is the day the council told the Tribunal")}},
      {EventType::kMovedOut,
       kMoves,
       "Date of the move",
       "",
       {text("to_la", "Which council?"), date("aware_on", "Date the council found out",
                                              "Leave blank if it was the day of the move", true)}},
      {EventType::kPlanTransferred,
       kMoves,
       "Date it was sent",
       "",
       {text("to_la", "Which council?", "", true)}},
      {EventType::kTransferredIn,
       kMoves,
       "Date of the transfer",
       "",
       {text("from_la", "Which council?"), date("made", "Date the plan was first made"),
        date("last_reviewed", "Date it was last reviewed", "Leave blank if it has not been",
             true)}},
      {EventType::kTransferNoticeSent,
       kMoves,
       "Date the letter was sent",
       "Whether the council will assess, and when it will review",
       {}},
      {EventType::kReassessmentRequested,
       kMoves,
       "Date the request was received",
       "",
       {choice("source", "Who asked?", kSources, "The council itself")}},
      {EventType::kReassessmentDecision,
       kMoves,
       "Date of the decision",
       "",
       {choice("outcome", "What was decided?", kAssessOutcomes)}},
      {EventType::kCustodyNotified,
       kMoves,
       "Date the council was told",
       "",
       {text("establishment", "Where is the young person held?", "", true)}},
      {EventType::kCustodyPlanShared,
       kMoves,
       "Date it was shared",
       "And with the establishment",
       {}},
      {EventType::kCustodyEnded, kMoves, "Date of release", "", {}},
      {EventType::kSettingChanged, kCase, "Date the child started there", "",
       setting_fields("setting", false, "new setting")},
      {EventType::kCaseClosed,
       kCase,
       "Date it was closed",
       "",
       {long_text("reason", "Why was it closed?")}},
  };
}

}  // namespace

std::span<const EventForm> event_forms() {
  static const std::vector<EventForm> kForms = build();
  return kForms;
}

const EventForm* form_for(engine::EventType type) {
  for (const auto& form : event_forms()) {
    if (form.type == type) {
      return &form;
    }
  }
  return nullptr;
}

const EventForm* form_named(std::string_view name) {
  const auto type = engine::parse_event_type(name);
  return type ? form_for(*type) : nullptr;
}

}  // namespace ehcp::adapters::record
