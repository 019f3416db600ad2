// tests for adapters/jsonl/event_decoder.h: every contract type decodes; every bad field is named.
#include "adapters/jsonl/event_decoder.h"

#include <fstream>
#include <set>

#include <catch2/catch.hpp>

using namespace ehcp;
using adapters::jsonl::decode_event;
using adapters::jsonl::parse_line;

namespace {

std::string decode_error(const std::string& line) {
  auto object = parse_line(line);
  if (!object.ok()) {
    return object.status().message();
  }
  auto event = decode_event(object.value());
  return event.ok() ? std::string("(accepted)") : event.status().message();
}

}  // namespace

TEST_CASE("every line of the every-event-type fixture decodes to the type it names") {
  std::ifstream in(EHCP_FIXTURES "/every_event_type.jsonl");
  REQUIRE(in);
  std::string line;
  std::set<engine::EventType> seen;
  while (std::getline(in, line)) {
    auto object = parse_line(line);
    REQUIRE(object.ok());
    auto event = decode_event(object.value());
    INFO(line);
    REQUIRE(event.ok());
    CHECK(engine::to_string(event.value().type()) == object.value()["type"].get<std::string>());
    seen.insert(event.value().type());
  }
  CHECK(seen.size() == engine::kEventTypeCount);
}

TEST_CASE("decoded fields carry the values of the line") {
  auto object = parse_line(
      R"({"case":"A-1","type":"exception_recorded","on":"2026-03-02","id":"x1","by":"sam",)"
      R"("limb":"absence","from":"2026-03-01","note":"abroad"})");
  REQUIRE(object.ok());
  auto event = decode_event(object.value());
  REQUIRE(event.ok());
  CHECK(event.value().case_ref == "A-1");
  CHECK(event.value().id == "x1");
  CHECK(event.value().by == "sam");
  const auto& body = std::get<engine::ExceptionRecorded>(event.value().body);
  CHECK(body.limb == engine::ExceptionLimb::kAbsence);
  CHECK(body.from == engine::make_date(2026, 3, 1));
  CHECK_FALSE(body.to.has_value());
  CHECK_FALSE(body.advice.has_value());
  CHECK(body.note == "abroad");
}

TEST_CASE("each kind of bad line is rejected with a reason naming the field") {
  const std::string head = R"({"case":"A-1","on":"2026-01-05",)";
  CHECK(decode_error("{\"case\":").starts_with("malformed JSON: "));
  CHECK(decode_error("[1]") == "a line must be one JSON object, not array");
  CHECK(decode_error(R"({"case":"A-1","on":"2026-01-05"})") == "missing field 'type'");
  CHECK(decode_error(head + R"("type":"assessment_teleported"})") ==
        "unknown event type 'assessment_teleported'");
  CHECK(decode_error(head + R"("type":"moved_out","aware_on":"2026-01-05"})") ==
        "missing field 'to_la'");
  CHECK(decode_error(head + R"("type":"moved_out","to_la":"","aware_on":"2026-01-05"})") ==
        "field 'to_la' is empty");
  CHECK(decode_error(head + R"("type":"moved_out","to_la":"X","aware_on":"soon"})") ==
        "field 'aware_on' must be a date YYYY-MM-DD, not \"soon\"");
  CHECK(decode_error(head + R"("type":"transferred_in","from_la":"X"})") == "missing field 'made'");
  CHECK(decode_error(head + R"("type":"transferred_in","from_la":"X","made":"2026-02-01"})") ==
        "field 'made' (2026-02-01) is after the event's date 2026-01-05");
  CHECK(decode_error(head + R"("type":"reassessment_decision"})") == "missing field 'outcome'");
  CHECK(decode_error(head + R"("type":"reassessment_requested","source":"neighbour"})")
            .starts_with("field 'source' must be "));
  CHECK(decode_error(R"({"case":"A-1","type":"draft_plan_issued"})") == "missing field 'on'");
  CHECK(decode_error(R"({"on":"2026-01-05","type":"draft_plan_issued"})") ==
        "missing field 'case'");
  CHECK(decode_error(R"({"case":"A-1","on":"2026-02-30","type":"draft_plan_issued"})") ==
        "field 'on': impossible date 2026-02-30");
  CHECK(decode_error(R"({"case":"A-1","on":"5 Jan 2026","type":"draft_plan_issued"})") ==
        "field 'on' must be a date YYYY-MM-DD, not \"5 Jan 2026\"");
  CHECK(decode_error(R"({"case":"A-1","on":20260105,"type":"draft_plan_issued"})") ==
        "field 'on' must be a date YYYY-MM-DD, not 20260105");
  CHECK(decode_error(head + R"("type":"assessment_decision"})") == "missing field 'outcome'");
  CHECK(decode_error(head + R"("type":"assessment_decision","outcome":"maybe"})") ==
        "field 'outcome' must be assess or refuse, not 'maybe'");
  CHECK(decode_error(head + R"("type":"assessment_decision","outcome":1})") ==
        "field 'outcome' must be a string, not 1");
  CHECK(decode_error(head + R"("type":"setting_changed","setting":{"name":"X"}})") ==
        "missing field 'setting.phase'");
  CHECK(decode_error(head + R"("type":"setting_changed","setting":"X"})")
            .starts_with("field 'setting' must be an object"));
  CHECK(decode_error(head + R"("type":"case_opened","child":{"given_name":"A","family_name":"B",)"
                            R"("dob":"2019-02-29"}})") ==
        "field 'child.dob': impossible date 2019-02-29");
  CHECK(decode_error(head + R"("type":"case_opened","child":{"given_name":"A","family_name":"B",)"
                            R"("dob":"2019-02-28"},"year_group":"5"})") ==
        "field 'year_group' must be a whole number, not \"5\"");
  CHECK(decode_error(head + R"("type":"family_response","no_further_representations":"yes"})") ==
        "field 'no_further_representations' must be true or false, not \"yes\"");
  CHECK(decode_error(R"({"case":"","on":"2026-01-05","type":"draft_plan_issued"})") ==
        "field 'case': case reference is empty");
  CHECK(decode_error(R"({"case":"A-1","on":"2026-01-05","type":"draft_plan_issued","id":7})") ==
        "field 'id' must be a string, not 7");
}

TEST_CASE("unknown fields and explicit nulls in optional fields are accepted") {
  const std::string head = R"({"case":"A-1","on":"2026-01-05",)";
  CHECK(decode_error(head + R"("type":"draft_plan_issued","colour":"blue"})") == "(accepted)");
  CHECK(decode_error(head + R"("type":"final_plan_issued","names_setting":null})") == "(accepted)");
}

TEST_CASE("the disagreement events decode with their fields, the optional ones included") {
  const std::string head = R"({"case":"A-1","on":"2026-03-02",)";
  auto decode = [&](const std::string& rest) {
    auto object = parse_line(head + rest);
    REQUIRE(object.ok());
    auto event = decode_event(object.value());
    REQUIRE(event.ok());
    return event.value();
  };
  const auto requested = decode(R"("type":"mediation_requested","decision_sent":"2026-01-12"})");
  CHECK(std::get<engine::MediationRequested>(requested.body).decision_sent ==
        engine::make_date(2026, 1, 12));
  CHECK_FALSE(std::get<engine::MediationDeclined>(decode(R"("type":"mediation_declined"})").body)
                  .decision_sent.has_value());
  CHECK(std::get<engine::AppealLodged>(
            decode(R"("type":"appeal_lodged","decision_sent":"2026-03-02"})").body)
            .decision_sent == engine::make_date(2026, 3, 2));
  CHECK(std::get<engine::MediationHeld>(
            decode(R"("type":"mediation_held","agreement":"make_plan"})").body)
            .agreement == engine::OrderKind::kMakePlan);
  CHECK_FALSE(std::get<engine::MediationHeld>(decode(R"("type":"mediation_held"})").body)
                  .agreement.has_value());
  CHECK(decode(R"("type":"mediation_certificate_issued"})").type() ==
        engine::EventType::kMediationCertificateIssued);
  CHECK(std::get<engine::AppealDecided>(
            decode(R"("type":"appeal_decided","outcome":"withdrawn"})").body)
            .outcome == engine::AppealOutcome::kWithdrawn);
  const auto order = std::get<engine::TribunalOrder>(
      decode(R"("type":"tribunal_order","order":"section_i","unopposed":true})").body);
  CHECK(order.order == engine::OrderKind::kSectionI);
  CHECK(order.unopposed);
  CHECK_FALSE(std::get<engine::TribunalOrder>(
                  decode(R"("type":"tribunal_order","order":"cease_dismissed"})").body)
                  .unopposed);
}

TEST_CASE("a bad disagreement field is rejected naming the field") {
  const std::string head = R"({"case":"A-1","on":"2026-03-02",)";
  CHECK(decode_error(head + R"("type":"tribunal_order"})") == "missing field 'order'");
  CHECK(decode_error(head + R"("type":"tribunal_order","order":"dismiss"})") ==
        "field 'order' must be assess, make_plan, amend, section_i, cease_dismissed or other, "
        "not 'dismiss'");
  CHECK(decode_error(head + R"("type":"tribunal_order","order":"other"})") ==
        "field 'order' cannot be other: that is a mediation agreement on a matter the Tribunal "
        "cannot hear (mediation_held with agreement other, reg 42(3))");
  CHECK(decode_error(head + R"("type":"tribunal_order","order":"amend","unopposed":"yes"})") ==
        "field 'unopposed' must be true or false, not \"yes\"");
  CHECK(decode_error(head +
                     R"("type":"tribunal_order","order":"cease_dismissed","unopposed":true})") ==
        "field 'unopposed': an appeal the LA does not oppose is not dismissed (order "
        "cease_dismissed)");
  CHECK(decode_error(head + R"("type":"appeal_decided"})") == "missing field 'outcome'");
  CHECK(decode_error(head + R"("type":"appeal_decided","outcome":"won"})") ==
        "field 'outcome' must be allowed, dismissed or withdrawn, not 'won'");
  CHECK(decode_error(head + R"("type":"mediation_requested","decision_sent":"2026-02-30"})") ==
        "field 'decision_sent': impossible date 2026-02-30");
  CHECK(decode_error(head + R"("type":"appeal_lodged","decision_sent":20260112})") ==
        "field 'decision_sent' must be a date YYYY-MM-DD, not 20260112");
  CHECK(decode_error(head + R"("type":"mediation_declined","decision_sent":"2026-03-03"})") ==
        "field 'decision_sent' (2026-03-03) is after the event's date 2026-03-02");
  CHECK(decode_error(head + R"("type":"mediation_held","agreement":"cease"})") ==
        "field 'agreement' must be assess, make_plan, amend, section_i, cease_dismissed or "
        "other, not 'cease'");
  CHECK(decode_error(head + R"("type":"mediation_held","agreement":"cease_dismissed"})") ==
        "field 'agreement' cannot be cease_dismissed: that is the Tribunal dismissing an appeal; "
        "an agreement is assess, make_plan, amend, section_i or other");
  CHECK(decode_error(head + R"("type":"mediation_held","agreement":null})") == "(accepted)");
}

TEST_CASE("a correction decodes naming its event by id or by seq, with its reason") {
  const std::string head = R"({"case":"A-1","on":"2026-12-07","type":"event_voided",)";
  auto decode = [&](const std::string& rest) {
    auto object = parse_line(head + rest);
    REQUIRE(object.ok());
    auto event = decode_event(object.value());
    REQUIRE(event.ok());
    return std::get<engine::EventVoided>(event.value().body);
  };
  const auto by_id = decode(R"("event":"a-12","reason":"wrong date"})");
  CHECK(by_id.event == "a-12");
  CHECK_FALSE(by_id.seq.has_value());
  CHECK(by_id.reason == "wrong date");
  const auto by_seq = decode(R"("seq":9000000000,"reason":"recorded twice","by":"Sam"})");
  CHECK(by_seq.seq == 9000000000);
  CHECK_FALSE(by_seq.event.has_value());
}

TEST_CASE("a bad correction is rejected naming the field") {
  const std::string head = R"({"case":"A-1","on":"2026-12-07","type":"event_voided",)";
  const std::string one_of =
      "name the event to void with exactly one of field 'event' (its id) and field 'seq' (its "
      "number in `ehcp case show`)";
  CHECK(decode_error(head + R"("seq":12})") == "missing field 'reason'");
  CHECK(decode_error(head + R"("reason":"wrong date"})") == one_of);
  CHECK(decode_error(head + R"("seq":12,"event":"a-12","reason":"wrong date"})") == one_of);
  CHECK(decode_error(head + R"("seq":null,"event":"a-12","reason":"wrong date"})") == "(accepted)");
  CHECK(decode_error(head + R"("seq":"12","reason":"wrong date"})") ==
        "field 'seq' must be a whole number, not \"12\"");
  CHECK(decode_error(head + R"("seq":12.5,"reason":"wrong date"})") ==
        "field 'seq' must be a whole number, not 12.5");
  CHECK(decode_error(head + R"("seq":18446744073709551615,"reason":"wrong date"})") ==
        "field 'seq' is out of range: 18446744073709551615");
  CHECK(decode_error(head + R"("seq":0,"reason":"wrong date"})") ==
        "field 'seq' is 0; events are numbered from 1");
  CHECK(decode_error(head + R"("event":"","reason":"wrong date"})") == "field 'event' is empty");
  CHECK(decode_error(head + R"("event":12,"reason":"wrong date"})") ==
        "field 'event' must be a string, not 12");
  CHECK(decode_error(head + R"("seq":12,"reason":"  "})") ==
        "field 'reason' is empty: say why the event is voided");
  CHECK(decode_error(head + R"("seq":12,"reason":["wrong"]})") ==
        "field 'reason' must be a string, not [\"wrong\"]");
}

TEST_CASE("a number too large for a double is a malformed line, not a crash") {
  // Found by the fuzz target (tests/fuzz/corpus/number_overflow_2e308): nlohmann throws
  // out_of_range, not parse_error, and `ehcp import` ended in SIGABRT.
  CHECK(decode_error(R"({"case":"A-1","type":"case_opened","on":"2026-01-05","x":2e308})") ==
        "malformed JSON: number overflow parsing '2e308'");
  CHECK(decode_error("-1e999") == "malformed JSON: number overflow parsing '-1e999'");
}

TEST_CASE("a line with a key repeated at any depth is refused, naming the key") {
  // The last "case" would otherwise win and the line would go to another case.
  CHECK(decode_error(R"({"case":"A-1","type":"case_closed","on":"2026-01-05","case":"B-1",)"
                     R"("reason":"moved"})") ==
        "repeated key 'case': each key may appear once in an object");
  CHECK(decode_error(R"({"case":"A-1","type":"setting_changed","on":"2026-01-05","setting":)"
                     R"({"name":"X","phase":"primary","phase":"secondary"}})") ==
        "repeated key 'phase' in 'setting': each key may appear once in an object");
  // Unknown fields are kept, and checked too.
  CHECK(decode_error(R"({"case":"A-1","type":"case_closed","on":"2026-01-05","reason":"r",)"
                     R"("extra":[{"k":1,"k":2}]})") ==
        "repeated key 'k': each key may appear once in an object");
  // The same key in two objects is no repeat.
  CHECK(decode_error(R"({"case":"A-1","type":"case_closed","on":"2026-01-05","reason":"r",)"
                     R"("extra":[{"k":1},{"k":2}],"more":{"k":3}})") == "(accepted)");
}

TEST_CASE("a line nested deeper than 64 arrays or objects is refused before it is built") {
  const std::string head = R"({"case":"A-1","type":"case_closed","on":"2026-01-05","reason":"r",)";
  // The line's own object is depth 1, so 63 arrays inside it reach 64: the most taken.
  CHECK(decode_error(head + R"("x":)" + std::string(63, '[') + std::string(63, ']') + "}") ==
        "(accepted)");
  CHECK(decode_error(head + R"("x":)" + std::string(64, '[') + std::string(64, ']') + "}") ==
        "nested more than 64 arrays or objects deep");
  // 20,000 deep (40 KB) is refused at once, not kept to be written out again at every read.
  CHECK(decode_error(head + R"("x":)" + std::string(20000, '[') + std::string(20000, ']') + "}") ==
        "nested more than 64 arrays or objects deep");
}
