#include "adapters/jsonl/event_decoder.h"

#include <array>
#include <functional>

#include "adapters/jsonl/field_reader.h"
#include "adapters/jsonl/strict_json.h"
#include "engine/event_validation.h"

namespace ehcp::adapters::jsonl {
namespace {

using engine::EventBody;
using engine::Status;
namespace e = engine;

using BodyDecoder = EventBody (*)(FieldReader&);

// SEN2's need codes, which case_opened and the plan events may carry (primary_need).
const adapters::config::Sen2CodeList& needs() {
  return adapters::config::national_sen2_pack().needs;
}

// One decoder per event type, in EventType order: each reads exactly the fields the contract
// gives that type.
constexpr std::array<BodyDecoder, engine::kEventTypeCount> kDecoders = {
    [](FieldReader& r) -> EventBody {
      e::CaseOpened b;
      b.child = r.required_child("child");
      b.caseworker = r.optional_string("caseworker");
      b.team = r.optional_string("team");
      b.setting = r.optional_setting("setting");
      b.year_group = r.optional_int("year_group");
      b.primary_need = r.optional_code("primary_need", needs());
      return b;
    },
    [](FieldReader& r) -> EventBody {
      return e::CaseworkerAssigned{r.required_string("caseworker"), r.optional_string("team")};
    },
    [](FieldReader& r) -> EventBody { return e::SettingChanged{r.required_setting("setting")}; },
    [](FieldReader& r) -> EventBody { return e::CaseClosed{r.required_string("reason")}; },
    [](FieldReader& r) -> EventBody {
      return e::AssessmentRequested{
          r.required_enum("source", e::parse_request_source, e::accepted_request_source)};
    },
    [](FieldReader& r) -> EventBody {
      return e::AssessmentDecision{
          r.required_enum("outcome", e::parse_assessment_outcome, e::accepted_assessment_outcome)};
    },
    [](FieldReader& r) -> EventBody {
      e::AdviceRequested b;
      b.advice = r.required_string("advice");
      b.service = r.required_enum("service", e::parse_advice_service, e::accepted_advice_service);
      return b;
    },
    [](FieldReader& r) -> EventBody { return e::AdviceReceived{r.required_string("advice")}; },
    [](FieldReader& r) -> EventBody {
      e::ExceptionRecorded b;
      b.limb = r.required_enum("limb", e::parse_exception_limb, e::accepted_exception_limb);
      b.advice = r.optional_string("advice");
      b.from = r.optional_date("from");
      b.to = r.optional_date("to");
      b.note = r.optional_string("note");
      return b;
    },
    [](FieldReader& r) -> EventBody {
      return e::IssueDecision{
          r.required_enum("outcome", e::parse_issue_outcome, e::accepted_issue_outcome)};
    },
    [](FieldReader&) -> EventBody { return e::DraftPlanIssued{}; },
    [](FieldReader& r) -> EventBody { return e::SchoolConsulted{r.required_string("setting")}; },
    [](FieldReader& r) -> EventBody {
      e::ConsultationResponse b;
      b.setting = r.required_string("setting");
      b.outcome = r.required_enum("outcome", e::parse_consultation_outcome,
                                  e::accepted_consultation_outcome);
      return b;
    },
    [](FieldReader& r) -> EventBody {
      return e::FamilyResponse{r.optional_bool("no_further_representations", false)};
    },
    [](FieldReader& r) -> EventBody {
      e::FinalPlanIssued b;
      b.names_setting = r.optional_setting("names_setting");
      b.primary_need = r.optional_code("primary_need", needs());
      return b;
    },
    [](FieldReader& r) -> EventBody { return e::AssessmentWithdrawn{r.required_string("reason")}; },
    [](FieldReader& r) -> EventBody {
      e::PlanInForce b;
      b.made = r.required_date("made");
      b.last_reviewed = r.optional_date("last_reviewed");
      b.primary_need = r.optional_code("primary_need", needs());
      return b;
    },
    [](FieldReader& r) -> EventBody {
      return e::ReviewMeetingScheduled{r.required_date("meeting")};
    },
    [](FieldReader&) -> EventBody { return e::ReviewMeetingHeld{}; },
    [](FieldReader&) -> EventBody { return e::ReviewReportReceived{}; },
    [](FieldReader& r) -> EventBody {
      return e::ReviewDecision{
          r.required_enum("outcome", e::parse_review_outcome, e::accepted_review_outcome)};
    },
    [](FieldReader&) -> EventBody { return e::AmendmentNoticeIssued{}; },
    [](FieldReader& r) -> EventBody {
      e::AmendedPlanIssued b;
      b.names_setting = r.optional_setting("names_setting");
      b.primary_need = r.optional_code("primary_need", needs());
      return b;
    },
    [](FieldReader&) -> EventBody { return e::AmendmentWithdrawn{}; },
    [](FieldReader& r) -> EventBody {
      e::PlanCeased b;
      b.reason = r.required_string("reason");
      b.cease_reason =
          r.optional_code("cease_reason", adapters::config::national_sen2_pack().cease_reasons);
      return b;
    },
    [](FieldReader& r) -> EventBody {
      e::TransferExpected b;
      b.to_phase = r.required_enum("to_phase", e::parse_phase, e::accepted_phase);
      b.move = r.required_date("move");
      return b;
    },
    [](FieldReader& r) -> EventBody {
      return e::MediationRequested{r.optional_date("decision_sent")};
    },
    [](FieldReader& r) -> EventBody {
      return e::MediationDeclined{r.optional_date("decision_sent")};
    },
    [](FieldReader& r) -> EventBody {
      return e::MediationHeld{
          r.optional_enum("agreement", e::parse_order_kind, e::accepted_order_kind)};
    },
    [](FieldReader&) -> EventBody { return e::MediationCertificateIssued{}; },
    [](FieldReader& r) -> EventBody { return e::AppealLodged{r.optional_date("decision_sent")}; },
    [](FieldReader& r) -> EventBody {
      return e::AppealDecided{
          r.required_enum("outcome", e::parse_appeal_outcome, e::accepted_appeal_outcome)};
    },
    [](FieldReader& r) -> EventBody {
      e::TribunalOrder b;
      b.order = r.required_enum("order", e::parse_order_kind, e::accepted_order_kind);
      b.unopposed = r.optional_bool("unopposed", false);
      return b;
    },
    [](FieldReader& r) -> EventBody {
      e::MovedOut b;
      b.to_la = r.required_string("to_la");
      b.aware_on = r.optional_date("aware_on");
      return b;
    },
    [](FieldReader& r) -> EventBody { return e::PlanTransferred{r.optional_string("to_la")}; },
    [](FieldReader& r) -> EventBody {
      e::TransferredIn b;
      b.from_la = r.required_string("from_la");
      b.made = r.required_date("made");
      b.last_reviewed = r.optional_date("last_reviewed");
      b.primary_need = r.optional_code("primary_need", needs());
      return b;
    },
    [](FieldReader&) -> EventBody { return e::TransferNoticeSent{}; },
    [](FieldReader& r) -> EventBody {
      return e::ReassessmentRequested{
          r.optional_enum("source", e::parse_request_source, e::accepted_request_source)};
    },
    [](FieldReader& r) -> EventBody {
      return e::ReassessmentDecision{
          r.required_enum("outcome", e::parse_assessment_outcome, e::accepted_assessment_outcome)};
    },
    [](FieldReader& r) -> EventBody {
      return e::CustodyNotified{r.optional_string("establishment")};
    },
    [](FieldReader&) -> EventBody { return e::CustodyPlanShared{}; },
    [](FieldReader&) -> EventBody { return e::CustodyEnded{}; },
    [](FieldReader&) -> EventBody { return e::AgreementCarriedOut{}; },
    [](FieldReader& r) -> EventBody {
      e::EventVoided b;
      b.event = r.optional_string("event");
      b.seq = r.optional_int64("seq");
      b.reason = r.required_string("reason");
      return b;
    },
};

}  // namespace

engine::Result<nlohmann::json> parse_line(std::string_view line) {
  auto parsed = parse_strict(line);
  if (!parsed.ok()) {
    return parsed.status();
  }
  nlohmann::json object = std::move(parsed).value();
  if (!object.is_object()) {
    return Status::invalid_input("a line must be one JSON object, not " +
                                 std::string(object.type_name()));
  }
  return object;
}

engine::Result<engine::Event> decode_event(const nlohmann::json& object) {
  FieldReader header(object);
  const std::string type_name = header.required_string("type");
  if (header.error()) {
    return Status::invalid_input(*header.error());
  }
  const auto type = engine::parse_event_type(type_name);
  if (!type) {
    return Status::invalid_input("unknown event type '" + type_name + "'");
  }
  engine::Event event;
  event.case_ref = header.required_string("case");
  event.on = header.required_date("on");
  event.id = header.optional_string("id");
  event.by = header.optional_string("by");
  if (header.error()) {
    return Status::invalid_input(*header.error());
  }
  FieldReader body(object);
  event.body = kDecoders[static_cast<std::size_t>(*type)](body);
  if (body.error()) {
    return Status::invalid_input(*body.error());
  }
  if (event.type() != *type) {  // kDecoders fell out of EventType order: a programmer error
    return Status::internal("decoder for '" + type_name + "' built the wrong event type");
  }
  if (auto problem = engine::event_problem(event)) {
    return Status::invalid_input(*problem);
  }
  return event;
}

}  // namespace ehcp::adapters::jsonl
