// The annual-review machine on its own (rules.md §3): which clocks each event opens and meets,
// the Devon 2022 rule, and the events it refuses where they fall. Dates computed by hand.
#include "workflows/review/review_workflow.h"

#include <catch2/catch.hpp>

#include "engine/rule_pack.h"
#include "workflows/clock_book.h"

using namespace ehcp;
using engine::make_date;
using workflows::review::ReviewWorkflow;

namespace {

engine::ClockRule rule(const char* clock, engine::Counting counting, int amount) {
  engine::ClockRule r;
  r.clock = clock;
  r.workflow = "review";
  r.counting = counting;
  r.amount = amount;
  r.source = "reg";
  r.measured_from = "start";
  return r;
}

engine::RuleBook review_rules() {
  using engine::Counting;
  engine::RulePack pack;
  pack.name = "2014";
  pack.effective_from = make_date(2014, 9, 1);
  pack.rules = {rule("annual_review", Counting::kMonthsStartingWith, 12),
                rule("review_notice", Counting::kDaysBefore, 14),
                rule("review_report", Counting::kWeeksAfter, 2),
                rule("review_decision", Counting::kWeeksAfter, 4),
                rule("amended_plan", Counting::kWeeksAfter, 8),
                rule("amendment_representations", Counting::kDaysBeginningWith, 15)};
  pack.rules.back().source = "reg 22(2)";
  engine::RuleBook book;
  REQUIRE(book.add(pack).ok());
  return book;
}

template <typename Body>
engine::Event event(engine::Date on, Body body) {
  return engine::Event{"R-1", on, std::nullopt, std::nullopt, std::move(body)};
}

const engine::Clock* find(const workflows::ClockBook& book, const std::string& name) {
  const engine::Clock* found = nullptr;
  for (const auto& c : book.clocks()) {
    if (c.name == name) {
      found = &c;
    }
  }
  return found;
}

}  // namespace

TEST_CASE("a review opens its clocks from the anchor and the meeting", "[review]") {
  const auto rules = review_rules();
  const engine::Calendar calendar;  // the book keeps a reference: it must outlive it
  workflows::ClockBook book(rules, calendar);
  ReviewWorkflow review(book, make_date(2025, 3, 10));
  CHECK(review.state() == "awaiting_meeting");
  REQUIRE(find(book, "annual_review") != nullptr);
  CHECK(find(book, "annual_review")->due == make_date(2026, 3, 9));

  // Notice on 2026-01-27 for a meeting on 2026-02-09: due 2026-01-26, so late.
  REQUIRE(review
              .apply(event(make_date(2026, 1, 27),
                           engine::ReviewMeetingScheduled{make_date(2026, 2, 9)}))
              .ok());
  const auto* notice = find(book, "review_notice");
  REQUIRE(notice != nullptr);
  CHECK(notice->due == make_date(2026, 1, 26));
  CHECK(notice->status_on(make_date(2026, 1, 27)) == engine::ClockStatus::kLate);
  CHECK(review.state() == "meeting_scheduled");

  REQUIRE(review.apply(event(make_date(2026, 2, 9), engine::ReviewMeetingHeld{})).ok());
  CHECK(find(book, "review_report")->due == make_date(2026, 2, 23));
  CHECK(find(book, "review_decision")->due == make_date(2026, 3, 9));
  CHECK(review.state() == "meeting_held");
}

TEST_CASE("an amend decision is met by its amendment notice (Devon 2022)", "[review]") {
  const auto rules = review_rules();
  const engine::Calendar calendar;  // the book keeps a reference: it must outlive it
  workflows::ClockBook book(rules, calendar);
  ReviewWorkflow review(book, make_date(2025, 3, 10));
  REQUIRE(review.apply(event(make_date(2026, 2, 9), engine::ReviewMeetingHeld{})).ok());
  REQUIRE(review
              .apply(event(make_date(2026, 3, 2),
                           engine::ReviewDecision{engine::ReviewOutcome::kAmend}))
              .ok());
  CHECK(review.decided());
  CHECK(review.amending());
  CHECK(review.state() == "awaiting_amendment_notice");
  CHECK(find(book, "annual_review")->met_on == make_date(2026, 3, 2));
  CHECK_FALSE(find(book, "review_decision")->met_on);  // the bare decision does not meet it

  REQUIRE(review.apply(event(make_date(2026, 3, 16), engine::AmendmentNoticeIssued{})).ok());
  CHECK(find(book, "review_decision")->met_on == make_date(2026, 3, 16));
  CHECK(find(book, "review_decision")->status_on(make_date(2026, 3, 16)) ==
        engine::ClockStatus::kLate);
  CHECK(find(book, "amended_plan")->due == make_date(2026, 5, 11));

  // Inside the family's 15 days (to 2026-03-30): met, with a warning.
  REQUIRE(review.apply(event(make_date(2026, 3, 25), engine::AmendedPlanIssued{})).ok());
  CHECK(review.state() == "amended");
  CHECK_FALSE(review.active());
  REQUIRE(review.warnings().size() == 1);
  CHECK(review.warnings()[0].on == make_date(2026, 3, 25));
}

TEST_CASE("a review refuses what cannot happen where it falls, unchanged", "[review]") {
  const auto rules = review_rules();
  const engine::Calendar calendar;  // the book keeps a reference: it must outlive it
  workflows::ClockBook book(rules, calendar);
  ReviewWorkflow review(book, make_date(2025, 3, 10));
  const auto report = review.apply(event(make_date(2026, 2, 1), engine::ReviewReportReceived{}));
  CHECK(report.code() == engine::ErrorCode::kInvalidTransition);
  CHECK(report.message() == "no review report is awaited (review_meeting_held must come first)");
  const auto plan = review.apply(event(make_date(2026, 2, 1), engine::AmendedPlanIssued{}));
  CHECK(plan.message() == "no amendment is awaited (amendment_notice_issued must come first)");
  CHECK(review.state() == "awaiting_meeting");
  // A maintain decision ends the review; a later meeting belongs to the next one.
  REQUIRE(review
              .apply(event(make_date(2026, 3, 2),
                           engine::ReviewDecision{engine::ReviewOutcome::kMaintain}))
              .ok());
  CHECK(review.state() == "maintained");
  const auto again = review.apply(event(make_date(2026, 3, 3), engine::ReviewMeetingHeld{}));
  CHECK(again.message() == "cannot be taken while the review is maintained");
}
