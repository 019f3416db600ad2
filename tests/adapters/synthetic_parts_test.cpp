// tests for the parts of adapters/synthetic/: teams at council and national scale, the other
// councils and establishments named, the JSON written by hand, the random stream's ranges and
// the office days.
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "adapters/synthetic/json_object.h"
#include "adapters/synthetic/names.h"
#include "adapters/synthetic/office_days.h"
#include "adapters/synthetic/random.h"
#include "adapters/synthetic/team_plan.h"

using namespace ehcp;
using adapters::synthetic::JsonObject;
using adapters::synthetic::Random;
using adapters::synthetic::TeamPlan;

TEST_CASE("one council has four area teams named as the example configuration expects") {
  const TeamPlan plan(5000);
  CHECK(plan.councils() == 1);
  REQUIRE(plan.teams() == 4);
  CHECK(plan.team(0) == "North");
  CHECK(plan.team(3) == "West");
  CHECK(plan.intake(0) == "intake.north");
}

TEST_CASE("a national caseload has a council per 6,500 cases and every name once") {
  const TeamPlan plan(1'000'000);
  CHECK(plan.councils() == 154);
  std::set<std::string> teams;
  std::set<std::string> caseworkers;
  for (std::size_t t = 0; t < plan.teams(); ++t) {
    teams.insert(plan.team(t));
    for (int c = 0; c < TeamPlan::kCaseworkersPerTeam; ++c) {
      caseworkers.insert(plan.caseworker(t, c));
    }
  }
  CHECK(teams.size() == 154 * 4);
  CHECK(caseworkers.size() == 154 * 4 * TeamPlan::kCaseworkersPerTeam);
  CHECK(plan.intake(0).find(' ') == std::string::npos);
}

TEST_CASE("a team's caseworkers have different family names") {
  const TeamPlan plan(5000);
  std::set<std::string> families;
  for (int c = 0; c < TeamPlan::kCaseworkersPerTeam; ++c) {
    const std::string& name = plan.caseworker(0, c);
    families.insert(name.substr(name.find(' ') + 1));
  }
  CHECK(families.size() == TeamPlan::kCaseworkersPerTeam);
}

TEST_CASE("the councils children move between and the establishments are plainly invented") {
  namespace names = adapters::synthetic::names;
  const auto invented = [](std::string_view name) {
    for (const std::string_view stem : {"Example", "Sample", "Placeholder", "Specimen"}) {
      if (name.starts_with(stem)) {
        return true;
      }
    }
    return false;
  };
  std::set<std::string_view> councils;
  for (const auto council : names::kOtherCouncils) {
    CHECK(invented(council));
    CHECK(council.ends_with(" Council"));
    // Never the example configuration's own council.
    CHECK(council.find("Exampleshire") == std::string_view::npos);
    councils.insert(council);
  }
  CHECK(councils.size() == names::kOtherCouncils.size());
  for (const auto establishment : names::kEstablishments) {
    CHECK(invented(establishment));
  }
}

TEST_CASE("office days count working days and place a step in time or late") {
  namespace office_days = adapters::synthetic::office_days;
  // Friday 18 December 2026: the 5th working day after it is Tuesday 29 December, past
  // Christmas Day (Friday) and Boxing Day's substitute (Monday 28 December).
  const engine::Date friday = engine::make_date(2026, 12, 18);
  CHECK(office_days::plus_working_days(friday, 0) == friday);
  CHECK(office_days::plus_working_days(friday, 1) == engine::make_date(2026, 12, 21));
  CHECK(office_days::plus_working_days(friday, 5) == engine::make_date(2026, 12, 29));
  Random rng(9);
  const engine::Date from = engine::make_date(2026, 3, 2);
  for (int i = 0; i < 200; ++i) {
    const engine::Date in_time = office_days::within_or_late(rng, from, true, 3, 15, 40);
    CHECK(in_time > from);
    CHECK(in_time <= from + date::days{15});
    CHECK(office_days::is_open(in_time));
    const engine::Date late = office_days::within_or_late(rng, from, false, 3, 15, 40);
    CHECK(late > from + date::days{14});
    CHECK(office_days::is_open(late));
  }
}

TEST_CASE("JSON written by hand escapes what it must and parses back") {
  JsonObject inner;
  inner.text("name", "St \"Quoted\" \\ School\n").number("n", -3);
  JsonObject outer;
  outer.text("a", "plain").flag("yes", true).date("on", engine::make_date(2026, 2, 28));
  outer.object("inner", inner).merge(JsonObject().number("last", 7));
  const auto parsed = nlohmann::json::parse(outer.str());
  CHECK(parsed["a"] == "plain");
  CHECK(parsed["yes"] == true);
  CHECK(parsed["on"] == "2026-02-28");
  CHECK(parsed["inner"]["name"] == "St \"Quoted\" \\ School\n");
  CHECK(parsed["inner"]["n"] == -3);
  CHECK(parsed["last"] == 7);
  CHECK(JsonObject().str() == "{}");
}

TEST_CASE("the random stream stays in its ranges and repeats for a seed") {
  Random a(42);
  Random b(42);
  for (int i = 0; i < 1000; ++i) {
    const int x = a.between(-2, 5);
    CHECK(x >= -2);
    CHECK(x <= 5);
    CHECK(x == b.between(-2, 5));
  }
  CHECK(a.between(3, 3) == 3);
  CHECK_FALSE(a.chance(0));
  CHECK(a.chance(1));
  const std::array<double, 3> weights = {0, 1, 0};
  CHECK(a.weighted(weights) == 1);
}
