// A detention on its own (rules.md §5, SI 2015/62): the plan shared within 5 working days of
// the LA being told, and the release. Dates computed by hand.
#include "workflows/custody/custody_workflow.h"

#include <catch2/catch.hpp>

#include "tests/workflows/rule_fixtures.h"
#include "workflows/clock_book.h"

using namespace ehcp;
using engine::ClockStatus;
using engine::make_date;
using workflows::custody::CustodyWorkflow;

namespace {

template <typename Body>
engine::Event event(engine::Date on, Body body) {
  return engine::Event{"C-1", on, std::nullopt, std::nullopt, std::move(body)};
}

}  // namespace

TEST_CASE("the plan is shared within 5 working days of the notification, Easter skipped",
          "[custody]") {
  const auto rules = test::rules_with_moves();
  const engine::Calendar calendar;  // the book keeps a reference: it must outlive it
  workflows::ClockBook book(rules, calendar);
  // Told Wed 24 Mar 2027: Thu 25 (1), Good Friday, Easter Monday, Tue 30 (2), Wed 31 (3),
  // Thu 1 Apr (4), Fri 2 Apr (5).
  CustodyWorkflow custody(book, make_date(2027, 3, 24), true);
  REQUIRE(custody.status().ok());
  REQUIRE(book.clocks().size() == 1);
  CHECK(book.clocks()[0].name == "custody_share_plan");
  CHECK(book.clocks()[0].due == make_date(2027, 4, 2));
  CHECK(custody.state() == "sharing_plan");
  CHECK(custody.in_custody());

  REQUIRE(custody.apply(event(make_date(2027, 4, 1), engine::CustodyPlanShared{})).ok());
  CHECK(book.clocks()[0].status_on(make_date(2027, 4, 1)) == ClockStatus::kMet);
  CHECK(custody.state() == "plan_shared");
  CHECK(custody.apply(event(make_date(2027, 4, 2), engine::CustodyPlanShared{})).message() ==
        "the plan was already shared on 1 April 2027");

  REQUIRE(custody.apply(event(make_date(2027, 6, 30), engine::CustodyEnded{})).ok());
  CHECK(custody.state() == "released");
  CHECK_FALSE(custody.in_custody());
  CHECK(custody.closed() == make_date(2027, 6, 30));
}

TEST_CASE("released before the plan was shared, the duty ends with the release", "[custody]") {
  const auto rules = test::rules_with_moves();
  const engine::Calendar calendar;  // the book keeps a reference: it must outlive it
  workflows::ClockBook book(rules, calendar);
  // Told Wed 23 Dec 2026: Thu 24 (1), Christmas, Boxing Day's substitute Mon 28, Tue 29 (2),
  // Wed 30 (3), Thu 31 (4), New Year's Day, Mon 4 Jan 2027 (5).
  CustodyWorkflow custody(book, make_date(2026, 12, 23), true);
  CHECK(book.clocks()[0].due == make_date(2027, 1, 4));
  REQUIRE(custody.apply(event(make_date(2027, 1, 8), engine::CustodyEnded{})).ok());
  CHECK(book.clocks()[0].status_on(make_date(2027, 1, 7)) == ClockStatus::kOverdue);
  CHECK(book.clocks()[0].status_on(make_date(2027, 1, 8)) == ClockStatus::kNotApplicable);
  CHECK(custody.apply(event(make_date(2027, 1, 9), engine::CustodyPlanShared{})).message() ==
        "cannot be taken while the custody is released");
}

TEST_CASE("with no plan in force a detention has nothing to share", "[custody]") {
  const auto rules = test::rules_with_moves();
  const engine::Calendar calendar;  // the book keeps a reference: it must outlive it
  workflows::ClockBook book(rules, calendar);
  CustodyWorkflow custody(book, make_date(2026, 5, 4), false);
  CHECK(book.clocks().empty());
  CHECK(custody.state() == "detained");
  CHECK(custody.apply(event(make_date(2026, 5, 5), engine::CustodyPlanShared{})).message() ==
        "cannot be taken while the custody is detained");
  custody.close(make_date(2026, 6, 1));
  CHECK_FALSE(custody.in_custody());
}
