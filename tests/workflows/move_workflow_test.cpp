// The moves between LAs on their own (rules.md §5, reg 15): the old LA's transfer_out, due on
// the later of the move and 15 working days beginning with the day it became aware, and the new
// LA's notice. Dates computed by hand against England and Wales bank holidays.
#include <catch2/catch.hpp>

#include "tests/workflows/rule_fixtures.h"
#include "workflows/clock_book.h"
#include "workflows/move/move_in_workflow.h"
#include "workflows/move/move_out_workflow.h"

using namespace ehcp;
using engine::ClockStatus;
using engine::make_date;
using workflows::move::MoveInWorkflow;
using workflows::move::MoveOutWorkflow;

namespace {

template <typename Body>
engine::Event event(engine::Date on, Body body) {
  return engine::Event{"M-1", on, std::nullopt, std::nullopt, std::move(body)};
}

const engine::Clock& only(const workflows::ClockBook& book, const std::string& name) {
  const engine::Clock* found = nullptr;
  for (const auto& c : book.clocks()) {
    if (c.name == name) {
      REQUIRE(found == nullptr);
      found = &c;
    }
  }
  REQUIRE(found != nullptr);
  return *found;
}

}  // namespace

TEST_CASE("known 15 working days ahead, the plan is due to go on the day of the move", "[move]") {
  const auto rules = test::rules_with_moves();
  const engine::Calendar calendar;  // the book keeps a reference: it must outlive it
  workflows::ClockBook book(rules, calendar);
  // Aware Mon 12 Jan 2026; its 15th working day is Fri 30 Jan, before the move on Mon 2 Mar.
  MoveOutWorkflow move(book, make_date(2026, 3, 2), make_date(2026, 1, 12), true);
  REQUIRE(move.status().ok());
  const auto& clock = only(book, "transfer_out");
  CHECK(clock.start == make_date(2026, 3, 2));  // nobody sees it before the move is recorded
  CHECK(clock.due == make_date(2026, 3, 2));
  CHECK(clock.basis == "src transfer_out: immediately, on the day of start 2026-03-02");
  CHECK(move.state() == "sending_plan");
  CHECK(move.awaits_plan());

  REQUIRE(move.apply(event(make_date(2026, 3, 2), engine::PlanTransferred{"Westshire"})).ok());
  CHECK(only(book, "transfer_out").status_on(make_date(2026, 3, 2)) == ClockStatus::kMet);
  CHECK(move.state() == "plan_sent");
  CHECK(move.closed() == make_date(2026, 3, 2));
  CHECK_FALSE(move.awaits_plan());

  // Nothing more to send.
  const auto again = move.apply(event(make_date(2026, 3, 3), engine::PlanTransferred{}));
  CHECK(again.code() == engine::ErrorCode::kInvalidTransition);
  CHECK(again.message() == "the plan was already sent to the new LA on 2 March 2026");
}

TEST_CASE("told late, the old LA has 15 working days beginning with the day it knew", "[move]") {
  const auto rules = test::rules_with_moves();
  const engine::Calendar calendar;  // the book keeps a reference: it must outlive it
  workflows::ClockBook book(rules, calendar);
  // Aware Mon 14 Dec 2026, move Mon 21 Dec: 14-18 Dec (5), 21-24 (9), Christmas Day, Boxing
  // Day's substitute Mon 28, 29-31 (12), New Year's Day, Mon 4-Wed 6 Jan 2027 (15).
  MoveOutWorkflow move(book, make_date(2026, 12, 21), make_date(2026, 12, 14), true);
  REQUIRE(move.status().ok());
  const auto& clock = only(book, "transfer_out");
  CHECK(clock.due == make_date(2027, 1, 6));
  CHECK(clock.basis ==
        "src transfer_out aware: 15 working days from start 2026-12-14 (later than src "
        "transfer_out: immediately, on the day of start 2026-12-21)");
  REQUIRE(move.apply(event(make_date(2027, 1, 7), engine::PlanTransferred{})).ok());
  CHECK(only(book, "transfer_out").status_on(make_date(2027, 1, 7)) == ClockStatus::kLate);
}

TEST_CASE("learning of a move after it, the 15 working days run from the day the LA learned",
          "[move]") {
  const auto rules = test::rules_with_moves();
  const engine::Calendar calendar;  // the book keeps a reference: it must outlive it
  workflows::ClockBook book(rules, calendar);
  // Moved Mon 1 Jun 2026, aware Wed 10 Jun: 10-12 (3), 15-19 (8), 22-26 (13), 29-30 (15).
  MoveOutWorkflow move(book, make_date(2026, 6, 1), make_date(2026, 6, 10), true);
  const auto& clock = only(book, "transfer_out");
  CHECK(clock.start == make_date(2026, 6, 10));
  CHECK(clock.due == make_date(2026, 6, 30));
  CHECK(clock.status_on(make_date(2026, 7, 1)) == ClockStatus::kOverdue);
  move.close(make_date(2026, 7, 2));  // the case closed: the plan is not sent by that
  CHECK(only(book, "transfer_out").ended_on == make_date(2026, 7, 2));
}

TEST_CASE("a move without a plan has nothing to send", "[move]") {
  const auto rules = test::rules_with_moves();
  const engine::Calendar calendar;  // the book keeps a reference: it must outlive it
  workflows::ClockBook book(rules, calendar);
  MoveOutWorkflow move(book, make_date(2026, 4, 1), make_date(2026, 4, 1), false);
  REQUIRE(move.status().ok());
  CHECK(book.clocks().empty());
  CHECK(move.state() == "moved_away");
  CHECK(move.closed() == make_date(2026, 4, 1));
  const auto sent = move.apply(event(make_date(2026, 4, 2), engine::PlanTransferred{}));
  CHECK(sent.message() == "cannot be taken while the move is moved_away");
}

TEST_CASE("a plan transferred in is notified within 6 weeks, once", "[move]") {
  const auto rules = test::rules_with_moves();
  const engine::Calendar calendar;  // the book keeps a reference: it must outlive it
  workflows::ClockBook book(rules, calendar);
  MoveInWorkflow move(book, make_date(2026, 11, 2));
  REQUIRE(move.status().ok());
  CHECK(only(book, "transfer_in_notice").due == make_date(2026, 12, 14));
  CHECK(move.state() == "awaiting_notice");
  REQUIRE(move.apply(event(make_date(2026, 12, 15), engine::TransferNoticeSent{})).ok());
  CHECK(only(book, "transfer_in_notice").status_on(make_date(2026, 12, 15)) == ClockStatus::kLate);
  CHECK(move.state() == "notice_sent");
  CHECK(move.closed() == make_date(2026, 12, 15));
  CHECK(move.apply(event(make_date(2026, 12, 16), engine::TransferNoticeSent{})).message() ==
        "the notice of the plan transferred in was already sent on 15 December 2026");
}

TEST_CASE("a transfer in whose notice never came ends with the case", "[move]") {
  const auto rules = test::rules_with_moves();
  const engine::Calendar calendar;  // the book keeps a reference: it must outlive it
  workflows::ClockBook book(rules, calendar);
  MoveInWorkflow move(book, make_date(2026, 11, 2));
  move.close(make_date(2027, 1, 4));
  CHECK(only(book, "transfer_in_notice").status_on(make_date(2027, 1, 4)) ==
        ClockStatus::kNotApplicable);
  CHECK(only(book, "transfer_in_notice").status_on(make_date(2027, 1, 3)) == ClockStatus::kOverdue);
}
