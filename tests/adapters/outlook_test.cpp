// The outlook's weeks (adapters/report/outlook.h): 7-day weeks from the as-of date, a clock
// due on a week's last day in that week and the next day in the next, nothing before the
// as-of date or after the last week, rows by team (no team last) then clock, and an excepted
// clock due but not counted as a breach to come.
#include "adapters/report/outlook.h"

#include <catch2/catch.hpp>

#include "adapters/render/outlook_render.h"

using namespace ehcp;
using adapters::report::compose_outlook;
using adapters::report::OutlookClock;

namespace {

// Wed 2026-12-09.
const engine::Date kAsOf = engine::make_date(2026, 12, 9);

engine::Date day(int offset) { return kAsOf + date::days{offset}; }

}  // namespace

TEST_CASE("The outlook's weeks are 7 days from the as-of date, every one listed", "[outlook]") {
  const auto outlook = compose_outlook({}, kAsOf, 3);
  REQUIRE(outlook.weeks.size() == 3);
  CHECK(outlook.weeks[0].from == kAsOf);
  CHECK(outlook.weeks[0].to == engine::make_date(2026, 12, 15));
  CHECK(outlook.weeks[2].from == engine::make_date(2026, 12, 23));
  CHECK(outlook.weeks[2].to == engine::make_date(2026, 12, 29));
  for (const auto& week : outlook.weeks) {
    CHECK(week.rows.empty());
    CHECK(week.due == 0);
  }
}

TEST_CASE("A deadline falls in the week its due date is in, and nothing outside the weeks counts",
          "[outlook]") {
  const std::vector<OutlookClock> clocks = {
      {"North", "decision_to_assess", "", day(-1), false},  // overdue: left out
      {"North", "decision_to_assess", "", day(0), false},   // week 1's first day
      {"North", "decision_to_assess", "", day(6), false},   // week 1's last day
      {"North", "decision_to_assess", "", day(7), false},   // week 2's first day
      {"North", "decision_to_assess", "", day(14), false},  // week 3 of 2: left out
  };
  const auto outlook = compose_outlook(clocks, kAsOf, 2);
  REQUIRE(outlook.weeks.size() == 2);
  REQUIRE(outlook.weeks[0].rows.size() == 1);
  CHECK(outlook.weeks[0].rows[0].due == 2);
  CHECK(outlook.weeks[0].rows[0].will_breach == 2);
  CHECK(outlook.weeks[0].due == 2);
  REQUIRE(outlook.weeks[1].rows.size() == 1);
  CHECK(outlook.weeks[1].due == 1);
}

TEST_CASE("Rows are by team, no team last, then clock; an excepted clock will not breach",
          "[outlook]") {
  const std::vector<OutlookClock> clocks = {
      {"", "decision_to_assess", "", day(2), false},
      {"South", "final_plan", "", day(3), false},
      {"North", "final_plan", "", day(1), true},  // excepted
      {"North", "advice:ep", "educational_psychology", day(4), false},
      {"North", "final_plan", "", day(5), false},
  };
  const auto outlook = compose_outlook(clocks, kAsOf, 1);
  const auto& rows = outlook.weeks[0].rows;
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].team == "North");
  CHECK(rows[0].clock == "advice:ep");
  CHECK(rows[0].title == "Educational psychology advice");
  CHECK(rows[1].clock == "final_plan");
  CHECK(rows[1].due == 2);
  CHECK(rows[1].will_breach == 1);
  CHECK(rows[2].team == "South");
  CHECK(rows[3].team.empty());
  CHECK(outlook.weeks[0].due == 5);
  CHECK(outlook.weeks[0].will_breach == 4);

  const auto text = adapters::render::outlook_to_text(outlook);
  CHECK(text.find("Educational psychology advice") != std::string::npos);
  CHECK(text.find("(no team)") != std::string::npos);
  CHECK(text.find("advice:ep") == std::string::npos);  // words, not identifiers
  const auto csv = adapters::render::outlook_to_csv(outlook);
  CHECK(csv.find("1,2026-12-09,2026-12-15,North,advice:ep,1,1\r\n") != std::string::npos);
  CHECK(csv.find("1,2026-12-09,2026-12-15,,decision_to_assess,1,1\r\n") != std::string::npos);
  const auto json = adapters::render::outlook_to_json(outlook);
  CHECK(json["due"] == 5);
  CHECK(json["will_breach"] == 4);
  CHECK(json["weeks"][0]["rows"][3]["team"].is_null());
}
