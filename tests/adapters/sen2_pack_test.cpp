// The SEN2 section of the rule pack (census dates, versions, code lists with their sources),
// the decoder's check of the SEN2 codes events carry (errors name the field), and the XML
// writer's escaping and field set per specification version.
#include "adapters/config/sen2_pack.h"

#include <sstream>

#include <catch2/catch.hpp>

#include "adapters/jsonl/event_decoder.h"
#include "adapters/report/sen2_xml.h"

using namespace ehcp;
using adapters::config::national_sen2_pack;

namespace {

engine::Result<engine::Event> decode(const std::string& line) {
  auto object = adapters::jsonl::parse_line(line);
  REQUIRE(object.ok());
  return adapters::jsonl::decode_event(object.value());
}

}  // namespace

TEST_CASE("the SEN2 pack gives the published census dates and each year's version") {
  const auto& pack = national_sen2_pack();
  REQUIRE(pack.years.size() == 5);
  CHECK(engine::format_date(pack.year(2023)->census) == "2023-01-19");
  CHECK(engine::format_date(pack.year(2024)->census) == "2024-01-18");
  CHECK(engine::format_date(pack.year(2025)->census) == "2025-01-16");
  CHECK(engine::format_date(pack.year(2026)->census) == "2026-01-15");
  CHECK(engine::format_date(pack.year(2027)->census) == "2027-01-21");
  CHECK(pack.year(2030) == nullptr);
  CHECK_FALSE(pack.has_v13_fields(pack.year(2025)->version));
  CHECK(pack.has_v13_fields(pack.year(2027)->version));
  CHECK(adapters::config::version_at_least("1.10", "1.9"));
  for (const auto* list : {&pack.cease_reasons, &pack.placements, &pack.needs,
                           &pack.request_sources, &pack.assessment_outcomes}) {
    CHECK_FALSE(list->source.empty());
    CHECK_FALSE(list->codes.empty());
  }
  // Only these two rest on a cited source (statutory-sources.md X07).
  CHECK_FALSE(pack.cease_reasons.find("left_england")->unverified);
  CHECK_FALSE(pack.cease_reasons.find("transfer_out")->unverified);
  CHECK(pack.cease_reasons.find("max_age")->unverified);
  CHECK(pack.needs.find("SEMH")->dfe == "SEMH");
  // Every request source the events know has a DfE value.
  for (const char* source : {"parent", "young_person", "school", "other"}) {
    CHECK(pack.request_sources.find(source) != nullptr);
  }
}

TEST_CASE("a malformed SEN2 section is refused naming the list and entry") {
  auto missing = adapters::config::sen2_pack_from_json(
      R"({"census_dates":[{"year":2027,"date":"2027-01-21","source":"x"}],"spec_versions":[]})");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() ==
        "sen2: year 2027 has a census date but no specification version");
  auto bad_date = adapters::config::sen2_pack_from_json(
      R"({"census_dates":[{"year":2027,"date":"2027-02-30","source":"x"}],"spec_versions":[]})");
  REQUIRE_FALSE(bad_date.ok());
  CHECK(bad_date.status().message().find("sen2.census_dates") == 0);
}

TEST_CASE("events carry SEN2 codes, and a code the pack does not list is refused by field") {
  auto plan =
      decode(R"({"case":"A-1","type":"final_plan_issued","on":"2026-06-01","primary_need":"ASD",)"
             R"("names_setting":{"name":"Hill School","phase":"special","placement":"special"}})");
  REQUIRE(plan.ok());
  const auto& body = std::get<engine::FinalPlanIssued>(plan.value().body);
  CHECK(body.primary_need == "ASD");
  CHECK(body.names_setting->placement == "special");
  auto ceased = decode(R"({"case":"A-1","type":"plan_ceased","on":"2026-06-01","reason":"moved",)"
                       R"("cease_reason":"left_england"})");
  REQUIRE(ceased.ok());
  CHECK(std::get<engine::PlanCeased>(ceased.value().body).cease_reason == "left_england");

  auto need = decode(R"({"case":"A-1","type":"plan_in_force","on":"2026-06-01",)"
                     R"("made":"2025-01-01","primary_need":"AUT"})");
  REQUIRE_FALSE(need.ok());
  CHECK(need.status().message().find("field 'primary_need' must be SPLD|") == 0);
  CHECK(need.status().message().find("not 'AUT'") != std::string::npos);
  auto placement = decode(R"({"case":"A-1","type":"setting_changed","on":"2026-06-01",)"
                          R"("setting":{"name":"X","phase":"primary","placement":"school"}})");
  REQUIRE_FALSE(placement.ok());
  CHECK(placement.status().message().find("field 'setting.placement' must be mainstream|") == 0);
  auto reason = decode(R"({"case":"A-1","type":"plan_ceased","on":"2026-06-01","reason":"x",)"
                       R"("cease_reason":"bored"})");
  REQUIRE_FALSE(reason.ok());
  CHECK(reason.status().message().find("field 'cease_reason'") == 0);
}

TEST_CASE("the SEN2 XML escapes names and leaves out the v1.3 fields for earlier versions") {
  const auto& pack = national_sen2_pack();
  adapters::report::Sen2Person p;
  p.case_ref = "A-1";
  p.child.given_name = "Ada <Jo>";
  p.child.family_name = "O'Brien & Co";
  p.child.dob = engine::make_date(2015, 1, 1);
  adapters::report::Sen2Request r;
  r.received = engine::make_date(2024, 3, 1);
  r.source = "parent";
  r.outcome = "open";
  p.requests.push_back(r);
  const auto write = [&](int year) {
    std::ostringstream out;
    adapters::report::Sen2XmlWriter w(out, pack, {pack.year(year), "202", "test"});
    w.person(p);
    w.finish();
    return out.str();
  };
  const auto v12 = write(2025);
  CHECK(v12.find("<Surname>O&#39;Brien &amp; Co</Surname>") != std::string::npos);
  CHECK(v12.find("<Forename>Ada &lt;Jo&gt;</Forename>") != std::string::npos);
  CHECK(v12.find("RequestSource") == std::string::npos);
  const auto v13 = write(2027);
  CHECK(v13.find("<RequestSource>P</RequestSource>") != std::string::npos);
  CHECK(v13.find("<AssessmentOutcome>O</AssessmentOutcome>") != std::string::npos);
}
