// tests for engine/clock.h: a clock's status on any date is a pure function of its row.
#include "engine/clock.h"

#include <catch2/catch.hpp>

using namespace ehcp::engine;

namespace {
Clock final_plan() {
  Clock c;
  c.name = "final_plan";
  c.workflow = "assessment";
  c.start = make_date(2026, 1, 5);
  c.due = make_date(2026, 5, 25);  // 20 weeks from the request received on 5 Jan
  c.basis = "reg 13(2): 20 weeks from request received 2026-01-05";
  return c;
}
}  // namespace

TEST_CASE("an unmet clock is open up to and including its due date, overdue after it") {
  const Clock c = final_plan();
  CHECK(c.status_on(make_date(2026, 1, 5)) == ClockStatus::kOpen);
  CHECK(c.status_on(make_date(2026, 5, 25)) == ClockStatus::kOpen);
  CHECK(c.status_on(make_date(2026, 5, 26)) == ClockStatus::kOverdue);
  CHECK(c.days_overdue(make_date(2026, 5, 26)) == 1);
  CHECK(c.days_overdue(make_date(2026, 5, 25)) == 0);
}

TEST_CASE("a clock met on its due date is met; met the day after, late") {
  Clock c = final_plan();
  c.met_on = make_date(2026, 5, 25);
  CHECK(c.status_on(make_date(2026, 6, 30)) == ClockStatus::kMet);
  c.met_on = make_date(2026, 5, 26);
  CHECK(c.status_on(make_date(2026, 6, 30)) == ClockStatus::kLate);
}

TEST_CASE("before the day it is met, a clock's status is what the dates say") {
  Clock c = final_plan();
  c.met_on = make_date(2026, 6, 10);
  CHECK(c.status_on(make_date(2026, 5, 1)) == ClockStatus::kOpen);
  CHECK(c.status_on(make_date(2026, 6, 1)) == ClockStatus::kOverdue);
  CHECK(c.status_on(make_date(2026, 6, 10)) == ClockStatus::kLate);
}

TEST_CASE("an ended clock is not applicable from the day it ended, and overdue before if late") {
  Clock c = final_plan();
  c.ended_on = make_date(2026, 6, 3);  // withdrawn after the 20 weeks had run out
  CHECK(c.status_on(make_date(2026, 6, 2)) == ClockStatus::kOverdue);
  CHECK(c.status_on(make_date(2026, 6, 3)) == ClockStatus::kNotApplicable);
  CHECK(c.days_overdue(make_date(2026, 6, 3)) == 0);
}

TEST_CASE("an exception flags the clock from its day but never moves the due date") {
  Clock c = final_plan();
  c.exception_on = make_date(2026, 3, 1);
  CHECK_FALSE(c.excepted_on(make_date(2026, 2, 28)));
  CHECK(c.excepted_on(make_date(2026, 3, 1)));
  CHECK(c.status_on(make_date(2026, 5, 26)) == ClockStatus::kOverdue);
  CHECK(c.due == make_date(2026, 5, 25));
}

TEST_CASE("every clock status round-trips through its name") {
  for (auto s : {ClockStatus::kOpen, ClockStatus::kOverdue, ClockStatus::kMet, ClockStatus::kLate,
                 ClockStatus::kNotApplicable}) {
    CHECK(parse_clock_status(to_string(s)) == s);
  }
  CHECK(to_string(ClockStatus::kNotApplicable) == "not_applicable");
}
