// adapters/jsonl/event_bodies.h
//
// The table of event bodies: which fields each event type has, their kinds, required or not,
// and which SEN2 code list or enum names their values. Shared by the strict decoder
// (event_decoder.cpp, over nlohmann's DOM) and the quick one (quick_decoder.cpp, over the text
// of a stored payload). A Reader has FieldReader's members (required_string, optional_date,
// required_enum, ...). Stateless; thread-safe.
#pragma once

#include <array>

#include "adapters/config/sen2_pack.h"
#include "engine/event.h"
#include "engine/event_fields.h"

namespace ehcp::adapters::jsonl {
namespace bodies {

using engine::EventBody;
namespace e = engine;

// SEN2's need codes, which case_opened and the plan events may carry (primary_need).
inline const config::Sen2CodeList& needs() { return config::national_sen2_pack().needs; }

// The fields of a setting and of a child, read from their nested object the same way by both
// Readers (each checks first that the field is an object).
template <typename Reader>
engine::Setting setting_fields(Reader& r) {
  engine::Setting setting;
  setting.name = r.required_string("name");
  setting.phase = r.required_enum("phase", engine::parse_phase, engine::accepted_phase);
  setting.placement = r.optional_code("placement", config::national_sen2_pack().placements);
  return setting;
}
template <typename Reader>
engine::Child child_fields(Reader& r) {
  engine::Child child;
  child.given_name = r.required_string("given_name");
  child.family_name = r.required_string("family_name");
  child.dob = r.required_date("dob");
  child.gender = r.optional_string("gender");
  child.ethnicity = r.optional_string("ethnicity");
  child.upn = r.optional_string("upn");
  return child;
}

// One body per event type, in EventType order: each reads exactly the fields the contract gives
// that type, through `Reader` (FieldReader over a parsed object, or quick_decoder.cpp's reader
// over the stored text), so the two decoders cannot disagree on which field is what.
template <typename Reader>
inline constexpr std::array<EventBody (*)(Reader&), engine::kEventTypeCount> kEventBodies = {
    [](Reader& r) -> EventBody {
      e::CaseOpened b;
      b.child = r.required_child("child");
      b.caseworker = r.optional_string("caseworker");
      b.team = r.optional_string("team");
      b.setting = r.optional_setting("setting");
      b.year_group = r.optional_int("year_group");
      b.primary_need = r.optional_code("primary_need", needs());
      return b;
    },
    [](Reader& r) -> EventBody {
      return e::CaseworkerAssigned{r.required_string("caseworker"), r.optional_string("team")};
    },
    [](Reader& r) -> EventBody { return e::SettingChanged{r.required_setting("setting")}; },
    [](Reader& r) -> EventBody { return e::CaseClosed{r.required_string("reason")}; },
    [](Reader& r) -> EventBody {
      return e::AssessmentRequested{
          r.required_enum("source", e::parse_request_source, e::accepted_request_source)};
    },
    [](Reader& r) -> EventBody {
      return e::AssessmentDecision{
          r.required_enum("outcome", e::parse_assessment_outcome, e::accepted_assessment_outcome)};
    },
    [](Reader& r) -> EventBody {
      e::AdviceRequested b;
      b.advice = r.required_string("advice");
      b.service = r.required_enum("service", e::parse_advice_service, e::accepted_advice_service);
      return b;
    },
    [](Reader& r) -> EventBody { return e::AdviceReceived{r.required_string("advice")}; },
    [](Reader& r) -> EventBody {
      e::ExceptionRecorded b;
      b.limb = r.required_enum("limb", e::parse_exception_limb, e::accepted_exception_limb);
      b.advice = r.optional_string("advice");
      b.from = r.optional_date("from");
      b.to = r.optional_date("to");
      b.note = r.optional_string("note");
      return b;
    },
    [](Reader& r) -> EventBody {
      return e::IssueDecision{
          r.required_enum("outcome", e::parse_issue_outcome, e::accepted_issue_outcome)};
    },
    [](Reader&) -> EventBody { return e::DraftPlanIssued{}; },
    [](Reader& r) -> EventBody { return e::SchoolConsulted{r.required_string("setting")}; },
    [](Reader& r) -> EventBody {
      e::ConsultationResponse b;
      b.setting = r.required_string("setting");
      b.outcome = r.required_enum("outcome", e::parse_consultation_outcome,
                                  e::accepted_consultation_outcome);
      return b;
    },
    [](Reader& r) -> EventBody {
      return e::FamilyResponse{r.optional_bool("no_further_representations", false)};
    },
    [](Reader& r) -> EventBody {
      e::FinalPlanIssued b;
      b.names_setting = r.optional_setting("names_setting");
      b.primary_need = r.optional_code("primary_need", needs());
      return b;
    },
    [](Reader& r) -> EventBody { return e::AssessmentWithdrawn{r.required_string("reason")}; },
    [](Reader& r) -> EventBody {
      e::PlanInForce b;
      b.made = r.required_date("made");
      b.last_reviewed = r.optional_date("last_reviewed");
      b.primary_need = r.optional_code("primary_need", needs());
      return b;
    },
    [](Reader& r) -> EventBody { return e::ReviewMeetingScheduled{r.required_date("meeting")}; },
    [](Reader&) -> EventBody { return e::ReviewMeetingHeld{}; },
    [](Reader&) -> EventBody { return e::ReviewReportReceived{}; },
    [](Reader& r) -> EventBody {
      return e::ReviewDecision{
          r.required_enum("outcome", e::parse_review_outcome, e::accepted_review_outcome)};
    },
    [](Reader&) -> EventBody { return e::AmendmentNoticeIssued{}; },
    [](Reader& r) -> EventBody {
      e::AmendedPlanIssued b;
      b.names_setting = r.optional_setting("names_setting");
      b.primary_need = r.optional_code("primary_need", needs());
      return b;
    },
    [](Reader&) -> EventBody { return e::AmendmentWithdrawn{}; },
    [](Reader& r) -> EventBody {
      e::PlanCeased b;
      b.reason = r.required_string("reason");
      b.cease_reason = r.optional_code("cease_reason", config::national_sen2_pack().cease_reasons);
      return b;
    },
    [](Reader& r) -> EventBody {
      e::TransferExpected b;
      b.to_phase = r.required_enum("to_phase", e::parse_phase, e::accepted_phase);
      b.move = r.required_date("move");
      return b;
    },
    [](Reader& r) -> EventBody { return e::MediationRequested{r.optional_date("decision_sent")}; },
    [](Reader& r) -> EventBody { return e::MediationDeclined{r.optional_date("decision_sent")}; },
    [](Reader& r) -> EventBody {
      return e::MediationHeld{
          r.optional_enum("agreement", e::parse_order_kind, e::accepted_order_kind)};
    },
    [](Reader&) -> EventBody { return e::MediationCertificateIssued{}; },
    [](Reader& r) -> EventBody { return e::AppealLodged{r.optional_date("decision_sent")}; },
    [](Reader& r) -> EventBody {
      return e::AppealDecided{
          r.required_enum("outcome", e::parse_appeal_outcome, e::accepted_appeal_outcome)};
    },
    [](Reader& r) -> EventBody {
      e::TribunalOrder b;
      b.order = r.required_enum("order", e::parse_order_kind, e::accepted_order_kind);
      b.unopposed = r.optional_bool("unopposed", false);
      return b;
    },
    [](Reader& r) -> EventBody {
      e::MovedOut b;
      b.to_la = r.required_string("to_la");
      b.aware_on = r.optional_date("aware_on");
      return b;
    },
    [](Reader& r) -> EventBody { return e::PlanTransferred{r.optional_string("to_la")}; },
    [](Reader& r) -> EventBody {
      e::TransferredIn b;
      b.from_la = r.required_string("from_la");
      b.made = r.required_date("made");
      b.last_reviewed = r.optional_date("last_reviewed");
      b.primary_need = r.optional_code("primary_need", needs());
      return b;
    },
    [](Reader&) -> EventBody { return e::TransferNoticeSent{}; },
    [](Reader& r) -> EventBody {
      return e::ReassessmentRequested{
          r.optional_enum("source", e::parse_request_source, e::accepted_request_source)};
    },
    [](Reader& r) -> EventBody {
      return e::ReassessmentDecision{
          r.required_enum("outcome", e::parse_assessment_outcome, e::accepted_assessment_outcome)};
    },
    [](Reader& r) -> EventBody { return e::CustodyNotified{r.optional_string("establishment")}; },
    [](Reader&) -> EventBody { return e::CustodyPlanShared{}; },
    [](Reader&) -> EventBody { return e::CustodyEnded{}; },
    [](Reader&) -> EventBody { return e::AgreementCarriedOut{}; },
    [](Reader& r) -> EventBody {
      e::EventVoided b;
      b.event = r.optional_string("event");
      b.seq = r.optional_int64("seq");
      b.reason = r.required_string("reason");
      return b;
    },
};

}  // namespace bodies

using bodies::kEventBodies;

}  // namespace ehcp::adapters::jsonl
