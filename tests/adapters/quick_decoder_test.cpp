// tests for adapters/jsonl/quick_decoder.h: whatever it accepts it decodes as the strict decoder
// does (every event type, a synthetic caseload, escapes and UTF-8), and it leaves to the strict
// decoder every line it does not fully understand, so stored events read as they were imported.
#include "adapters/jsonl/quick_decoder.h"

#include <fstream>
#include <set>

#include <catch2/catch.hpp>

#include "adapters/jsonl/event_decoder.h"
#include "adapters/sqlite/event_store.h"
#include "adapters/synthetic/caseload.h"
#include "tests/test_size.h"

using namespace ehcp;
using adapters::jsonl::quick_decode;

namespace {

// The strict decoder's event, or nullopt where it refuses the line.
std::optional<engine::Event> strict(const std::string& line) {
  auto object = adapters::jsonl::parse_line(line);
  if (!object.ok()) {
    return std::nullopt;
  }
  auto event = adapters::jsonl::decode_event(object.value());
  if (!event.ok()) {
    return std::nullopt;
  }
  return std::move(event).value();
}

// The quick decoder accepts `line` and reads it as the strict one does.
void check_same(const std::string& line) {
  INFO(line);
  const auto expected = strict(line);
  REQUIRE(expected);
  const auto quick = quick_decode(line);
  REQUIRE(quick);
  CHECK(*quick == *expected);
}

}  // namespace

TEST_CASE("quick decoder: every event type of the fixture decodes as the strict decoder has it") {
  std::ifstream in(EHCP_FIXTURES "/every_event_type.jsonl");
  REQUIRE(in);
  std::string line;
  std::set<engine::EventType> seen;
  while (std::getline(in, line)) {
    INFO(line);
    const auto expected = strict(line);
    REQUIRE(expected);
    // A line with a key the contract does not name (the fixture has one) falls back.
    if (const auto event = quick_decode(line)) {
      CHECK(*event == *expected);
      seen.insert(event->type());
    } else {
      CHECK(line.find("\"note\":\"kept and ignored\"") != std::string::npos);
    }
  }
  CHECK(seen.size() == engine::kEventTypeCount);
}

TEST_CASE("quick decoder: a synthetic caseload round-trips, every event as the strict decoder") {
  adapters::synthetic::CaseloadOptions options;
  options.cases = test::sized(3000, 300);
  options.as_of = engine::make_date(2026, 12, 7);
  const adapters::synthetic::Caseload caseload(options);
  std::set<engine::EventType> seen;
  std::size_t events = 0;
  for (std::uint64_t n = 1; n <= options.cases; ++n) {
    for (const auto& e : caseload.make_case(n)) {
      const auto expected = strict(e.json);
      REQUIRE(expected);
      const auto quick = quick_decode(e.json);
      INFO(e.json);
      REQUIRE(quick);  // the generator writes only the contract's fields: none falls back
      REQUIRE(*quick == *expected);
      seen.insert(quick->type());
      ++events;
    }
  }
  CHECK(events > options.cases * 5);
  CHECK(seen.size() > 25);  // the stories reach most types; the fixture reaches them all
}

TEST_CASE("quick decoder: escapes, UTF-8, spaces, nulls and key order read as the strict one") {
  const std::string head = R"({"case":"A-1","on":"2026-03-02",)";
  check_same(head +
             R"("type":"exception_recorded","limb":"absence","note":"a \"b\"\\ \/ \n\t\r\b\f"})");
  check_same(head +
             "\"type\":\"case_closed\",\"reason\":\"Zo\xC3\xAB \xE2\x82\xAC \xF0\x9F\x98\x80\"}");
  check_same(
      " {\r\n \"type\" : \"draft_plan_issued\" ,\t\"on\":\"2026-03-02\", \"case\":\"A-1\"} \n");
  check_same(head + R"("type":"final_plan_issued","names_setting":null,"primary_need":null})");
  check_same(head +
             R"("type":"final_plan_issued","names_setting":{"phase":"secondary","name":"X"}})");
  check_same(head + R"("type":"tribunal_order","order":"assess","unopposed":true})");
  check_same(head + R"("type":"family_response","no_further_representations":false})");
  check_same(head + R"("type":"event_voided","seq":12,"reason":"typo"})");
  check_same(head + R"("type":"event_voided","seq":123456789012345678,"reason":"typo"})");
  check_same(R"({"case":"A-1","type":"case_opened","on":"2025-09-01","child":{"given_name":"A",)"
             R"("family_name":"B","dob":"2015-03-14"},"year_group":0})");
}

TEST_CASE("quick decoder: what it does not fully understand is left to the strict decoder") {
  const std::string head = R"({"case":"A-1","on":"2026-01-05",)";
  // Accepted by the strict decoder: an unknown key (at any depth), a \u escape, a large number.
  for (const auto& line : std::vector<std::string>{
           head + R"("type":"draft_plan_issued","colour":"blue"})",
           head + R"("type":"draft_plan_issued","colour":[1,2]})",
           head + R"("type":"draft_plan_issued","extra":{"a":{"b":1}}})",
           head + R"("type":"setting_changed","setting":{"name":"X","phase":"primary","z":1}})",
           head + R"("type":"case_closed","reason":"caf\u00e9"})",
           head + R"("type":"event_voided","seq":1234567890123456789,"reason":"x"})",
           "\xEF\xBB\xBF" + head + R"("type":"draft_plan_issued"})",
       }) {
    INFO(line);
    CHECK(strict(line));
    CHECK_FALSE(quick_decode(line));
  }
  // Refused by the strict decoder, which gives the reason.
  for (const auto& line : std::vector<std::string>{
           head + R"("type":"draft_plan_issued")",
           head + R"("type":"draft_plan_issued"} x)",
           head + R"("type":"draft_plan_issued","type":"case_closed","reason":"x"})",
           head + R"("type":"no_such_type"})",
           head + R"("type":"case_closed"})",
           head + R"("type":"case_closed","reason":5})",
           head + R"("type":"tribunal_order","order":"assess","unopposed":"yes"})",
           head + R"("type":"event_voided","seq":1.5,"reason":"x"})",
           head + R"("type":"event_voided","seq":-0,"reason":"x"})",
           head + R"("type":"event_voided","seq":01,"reason":"x"})",
           head + R"("type":"final_plan_issued","primary_need":"NOPE"})",
           head + R"("type":"review_meeting_scheduled","meeting":"2026-02-30"})",
           head + R"("type":"case_closed","reason":"bad \x escape"})",
           head + "\"type\":\"case_closed\",\"reason\":\"\xC3\x28\"}",
           head + "\"type\":\"case_closed\",\"reason\":\"\xED\xA0\x80\"}",
           head + "\"type\":\"case_closed\",\"reason\":\"tab\there\"}",
           R"({"case":"","on":"2026-01-05","type":"draft_plan_issued"})",
           R"({"case":"A-1","on":"2026-01-05","type":"draft_plan_issued","id":7})",
           R"(["not","an","object"])",
       }) {
    INFO(line);
    CHECK_FALSE(quick_decode(line));
  }
}

TEST_CASE("decode_payloads reads quick and fallen-back payloads alike, and names a bad one") {
  const std::string head = R"({"case":"A-1","on":"2026-01-05",)";
  const std::vector<adapters::sqlite::StoredPayload> rows = {
      {1, head + R"("type":"draft_plan_issued"})"},
      {2, head + R"("type":"case_closed","reason":"caf\u00e9","colour":"blue"})"},
  };
  auto events = adapters::sqlite::decode_payloads(rows);
  REQUIRE(events.ok());
  REQUIRE(events.value().size() == 2);
  CHECK(events.value()[0].seq == 1);
  CHECK(events.value()[0].event == *strict(rows[0].payload));
  CHECK(std::get<engine::CaseClosed>(events.value()[1].event.body).reason == "caf\xC3\xA9");

  auto bad = adapters::sqlite::decode_payloads({{7, head + R"("type":"case_closed"})"}});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("7") != std::string::npos);
  CHECK(bad.status().message().find("missing field 'reason'") != std::string::npos);
}
