// tests for engine/event.h and engine/event_fields.h: every name round-trips.
#include "engine/event.h"

#include <catch2/catch.hpp>

#include "engine/event_fields.h"

using namespace ehcp::engine;

TEST_CASE("every event type's name parses back to the same type") {
  for (std::size_t i = 0; i < kEventTypeCount; ++i) {
    const auto type = static_cast<EventType>(i);
    const auto name = to_string(type);
    INFO(name);
    REQUIRE(name != "?");
    REQUIRE(parse_event_type(name) == type);
  }
}

TEST_CASE("every event type the contract names is accepted, later ones included") {
  for (const char* name :
       {"mediation_requested", "mediation_declined", "mediation_held",
        "mediation_certificate_issued", "appeal_lodged", "appeal_decided", "tribunal_order",
        "moved_out", "transferred_in", "reassessment_requested", "reassessment_decision"}) {
    INFO(name);
    CHECK(parse_event_type(name).has_value());
  }
  CHECK(parse_event_type("tribunal_order") == EventType::kTribunalOrder);
  CHECK(parse_event_type("moved_out") == EventType::kMovedOut);
  CHECK_FALSE(parse_event_type("assessment_teleported").has_value());
}

TEST_CASE("the additions for moves and custody are accepted by name") {
  CHECK(parse_event_type("plan_transferred") == EventType::kPlanTransferred);
  CHECK(parse_event_type("transfer_notice_sent") == EventType::kTransferNoticeSent);
  CHECK(parse_event_type("custody_notified") == EventType::kCustodyNotified);
  CHECK(parse_event_type("custody_plan_shared") == EventType::kCustodyPlanShared);
  CHECK(parse_event_type("custody_ended") == EventType::kCustodyEnded);
}

TEST_CASE("an event's type is the index of its body") {
  Event e;
  e.body = AdviceReceived{"ep"};
  CHECK(e.type() == EventType::kAdviceReceived);
  e.body = TransferExpected{};
  CHECK(e.type() == EventType::kTransferExpected);
}

template <typename E, typename Parse>
void check_round_trip(std::initializer_list<E> values, Parse parse) {
  for (E v : values) {
    const auto name = to_string(v);
    INFO(name);
    CHECK(name != "?");
    CHECK(parse(name) == v);
  }
}

TEST_CASE("every enumerator of the event fields round-trips through its name") {
  check_round_trip({RequestSource::kParent, RequestSource::kYoungPerson, RequestSource::kSchool,
                    RequestSource::kOther},
                   parse_request_source);
  check_round_trip({AssessmentOutcome::kAssess, AssessmentOutcome::kRefuse},
                   parse_assessment_outcome);
  check_round_trip({AdviceService::kEducation, AdviceService::kEducationalPsychology,
                    AdviceService::kHealth, AdviceService::kSocialCare, AdviceService::kEarlyYears,
                    AdviceService::kSchool, AdviceService::kOther},
                   parse_advice_service);
  check_round_trip({ExceptionLimb::kSchoolClosure, ExceptionLimb::kEarlyYearsClosure,
                    ExceptionLimb::kPersonalCircumstances, ExceptionLimb::kAbsence,
                    ExceptionLimb::kMissedAppointment},
                   parse_exception_limb);
  check_round_trip({IssueOutcome::kIssue, IssueOutcome::kNoPlan}, parse_issue_outcome);
  check_round_trip({ConsultationOutcome::kAgree, ConsultationOutcome::kDecline},
                   parse_consultation_outcome);
  check_round_trip({ReviewOutcome::kMaintain, ReviewOutcome::kAmend, ReviewOutcome::kCease},
                   parse_review_outcome);
  check_round_trip({AppealOutcome::kAllowed, AppealOutcome::kDismissed, AppealOutcome::kWithdrawn},
                   parse_appeal_outcome);
  check_round_trip({OrderKind::kAssess, OrderKind::kMakePlan, OrderKind::kAmend,
                    OrderKind::kSectionI, OrderKind::kCeaseDismissed, OrderKind::kOther},
                   parse_order_kind);
  check_round_trip(
      {Phase::kEarlyYears, Phase::kInfant, Phase::kJunior, Phase::kPrimary, Phase::kFirst,
       Phase::kMiddle, Phase::kSecondary, Phase::kPost16, Phase::kSpecial, Phase::kNone},
      parse_phase);
}

TEST_CASE("a name outside the contract does not parse, and the accepted list says why") {
  CHECK_FALSE(parse_assessment_outcome("maybe").has_value());
  CHECK(accepted_assessment_outcome() == "assess or refuse");
  CHECK(accepted_review_outcome() == "maintain, amend or cease");
  CHECK(accepted_order_kind() == "assess, make_plan, amend, section_i, cease_dismissed or other");
  CHECK(accepted_appeal_outcome() == "allowed, dismissed or withdrawn");
}
