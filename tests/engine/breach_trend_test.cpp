// tests for engine/breach_trend.h: the overdue count on each night, and clocks met late.
#include "engine/breach_trend.h"

#include <vector>

#include <catch2/catch.hpp>

using namespace ehcp;
using engine::make_date;

namespace {

engine::Clock clock(engine::Date start, engine::Date due) {
  engine::Clock c;
  c.name = "decision_to_assess";
  c.workflow = "assessment";
  c.start = start;
  c.due = due;
  return c;
}

}  // namespace

TEST_CASE("the trend counts each night's overdue clocks as the report does", "[breach_trend]") {
  std::vector<engine::Clock> clocks;
  // Due 1 May: overdue from 2 May, met late on 5 May (overdue on 2, 3, 4 May).
  clocks.push_back(clock(make_date(2026, 3, 20), make_date(2026, 5, 1)));
  clocks.back().met_on = make_date(2026, 5, 5);
  // Due 3 May, never met: overdue from 4 May; an exception from 6 May takes it out.
  clocks.push_back(clock(make_date(2026, 3, 22), make_date(2026, 5, 3)));
  clocks.back().exception_on = make_date(2026, 5, 6);
  // Guidance is never a breach.
  clocks.push_back(clock(make_date(2026, 3, 1), make_date(2026, 4, 1)));
  clocks.back().statutory = false;
  // Met on time.
  clocks.push_back(clock(make_date(2026, 3, 1), make_date(2026, 5, 4)));
  clocks.back().met_on = make_date(2026, 5, 4);

  const std::vector<engine::Date> nights{make_date(2026, 5, 1), make_date(2026, 5, 2),
                                         make_date(2026, 5, 4), make_date(2026, 5, 5),
                                         make_date(2026, 5, 6)};
  const auto trend = engine::breach_trend(clocks, nights);
  REQUIRE(trend.size() == 5);
  CHECK(trend[0] == engine::BreachNight{make_date(2026, 5, 1), 0});
  CHECK(trend[1] == engine::BreachNight{make_date(2026, 5, 2), 1});
  CHECK(trend[2] == engine::BreachNight{make_date(2026, 5, 4), 2});
  CHECK(trend[3] == engine::BreachNight{make_date(2026, 5, 5), 1});  // the first was met
  CHECK(trend[4] == engine::BreachNight{make_date(2026, 5, 6), 0});  // excepted

  CHECK(engine::met_late_between(clocks, make_date(2026, 5, 1), make_date(2026, 5, 31)) == 1);
  CHECK(engine::met_late_between(clocks, make_date(2026, 5, 6), make_date(2026, 5, 31)) == 0);
}
