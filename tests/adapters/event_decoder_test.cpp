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
  CHECK(decode_error(head + R"("type":"tribunal_order","order":"assess"})") ==
        "event type 'tribunal_order' is not supported by this version yet");
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
