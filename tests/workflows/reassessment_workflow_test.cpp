// A re-assessment on its own (rules.md §5, regs 24-27): the 15-day decision, the 14 weeks
// from a decision to re-assess, advice and drafts as in an assessment, its outcomes, and the
// events it refuses where they fall. Dates computed by hand.
#include "workflows/reassessment/reassessment_workflow.h"

#include <catch2/catch.hpp>

#include "tests/workflows/rule_fixtures.h"
#include "workflows/clock_book.h"

using namespace ehcp;
using engine::ClockStatus;
using engine::make_date;
using workflows::reassessment::ReassessmentWorkflow;

namespace {

template <typename Body>
engine::Event event(engine::Date on, Body body) {
  return engine::Event{"R-1", on, std::nullopt, std::nullopt, std::move(body)};
}

const engine::Clock* find(const workflows::ClockBook& book, const std::string& name) {
  for (const auto& c : book.clocks()) {
    if (c.name == name) {
      return &c;
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a request is decided within 15 days, then the plan follows within 14 weeks",
          "[reassessment]") {
  const auto rules = test::rules_with_moves();
  const engine::Calendar calendar;  // the book keeps a reference: it must outlive it
  workflows::ClockBook book(rules, calendar);
  ReassessmentWorkflow r(book, event(make_date(2026, 10, 1), engine::ReassessmentRequested{}));
  REQUIRE(r.status().ok());
  CHECK(r.state() == "awaiting_decision");
  REQUIRE(find(book, "reassessment_decision") != nullptr);
  CHECK(find(book, "reassessment_decision")->due == make_date(2026, 10, 16));
  CHECK_FALSE(r.reassessing());

  REQUIRE(r.apply(event(make_date(2026, 10, 16),
                        engine::ReassessmentDecision{engine::AssessmentOutcome::kAssess}))
              .ok());
  CHECK(find(book, "reassessment_decision")->status_on(make_date(2026, 10, 16)) ==
        ClockStatus::kMet);
  REQUIRE(find(book, "reassessment_plan") != nullptr);
  CHECK(find(book, "reassessment_plan")->due == make_date(2027, 1, 22));  // 16 Oct + 98 days
  CHECK(r.state() == "gathering_advice");
  CHECK(r.reassessing());

  REQUIRE(
      r.apply(event(make_date(2026, 10, 20),
                    engine::AdviceRequested{"ep", engine::AdviceService::kEducationalPsychology}))
          .ok());
  const auto* advice = find(book, "advice:ep");
  REQUIRE(advice != nullptr);
  CHECK(advice->workflow == "reassessment");
  CHECK(advice->detail == "educational_psychology");
  REQUIRE(r.apply(event(make_date(2026, 11, 30), engine::AdviceReceived{"ep"})).ok());

  REQUIRE(r.apply(event(make_date(2026, 12, 7), engine::DraftPlanIssued{})).ok());
  CHECK(r.state() == "consulting");
  CHECK(r.awaits_plan());
  // The family's 15 days run to 21 Dec; an amended plan on 18 Dec is inside them.
  REQUIRE(r.apply(event(make_date(2026, 12, 18), engine::AmendedPlanIssued{})).ok());
  CHECK(find(book, "reassessment_plan")->status_on(make_date(2026, 12, 18)) == ClockStatus::kMet);
  CHECK(r.state() == "plan_issued");
  CHECK(r.closed() == make_date(2026, 12, 18));
  REQUIRE(r.warnings().size() == 1);
  CHECK(r.warnings()[0].text ==
        "amended plan issued on 2026-12-18, inside the family's 15 days from the draft served on "
        "2026-12-07 (to 2026-12-21) with no word that they had no more to say (reg 13(1))");
}

TEST_CASE("a refusal to re-assess ends it with no plan clock", "[reassessment]") {
  const auto rules = test::rules_with_moves();
  const engine::Calendar calendar;  // the book keeps a reference: it must outlive it
  workflows::ClockBook book(rules, calendar);
  ReassessmentWorkflow r(book, event(make_date(2026, 10, 1), engine::ReassessmentRequested{}));
  REQUIRE(r.apply(event(make_date(2026, 10, 17),
                        engine::ReassessmentDecision{engine::AssessmentOutcome::kRefuse}))
              .ok());
  CHECK(find(book, "reassessment_decision")->status_on(make_date(2026, 10, 17)) ==
        ClockStatus::kLate);
  CHECK(find(book, "reassessment_plan") == nullptr);
  CHECK(r.state() == "refused");
  CHECK_FALSE(r.active());
}

TEST_CASE("the LA's own decision to re-assess starts with the 14 weeks", "[reassessment]") {
  const auto rules = test::rules_with_moves();
  const engine::Calendar calendar;  // the book keeps a reference: it must outlive it
  workflows::ClockBook book(rules, calendar);
  ReassessmentWorkflow r(book,
                         event(make_date(2026, 3, 2),
                               engine::ReassessmentDecision{engine::AssessmentOutcome::kAssess}));
  REQUIRE(r.status().ok());
  CHECK(find(book, "reassessment_decision") == nullptr);
  CHECK(find(book, "reassessment_plan")->due == make_date(2026, 6, 8));
  CHECK(r.state() == "gathering_advice");
}

TEST_CASE("deciding to leave the plan as it is ends the 14 weeks and the advice still awaited",
          "[reassessment]") {
  const auto rules = test::rules_with_moves();
  const engine::Calendar calendar;  // the book keeps a reference: it must outlive it
  workflows::ClockBook book(rules, calendar);
  ReassessmentWorkflow r(book, event(make_date(2026, 3, 2), engine::ReassessmentDecision{}));
  REQUIRE(r.apply(event(make_date(2026, 3, 5),
                        engine::AdviceRequested{"health", engine::AdviceService::kHealth}))
              .ok());
  REQUIRE(
      r.apply(event(make_date(2026, 4, 20), engine::IssueDecision{engine::IssueOutcome::kNoPlan}))
          .ok());
  CHECK(r.state() == "plan_unchanged");
  CHECK(find(book, "reassessment_plan")->status_on(make_date(2026, 4, 20)) ==
        ClockStatus::kNotApplicable);
  CHECK(find(book, "advice:health")->status_on(make_date(2026, 4, 20)) ==
        ClockStatus::kNotApplicable);
  // Overdue the day before it ended: that stays what it was then.
  CHECK(find(book, "advice:health")->status_on(make_date(2026, 4, 19)) == ClockStatus::kOverdue);
}

TEST_CASE("a re-assessment refuses what cannot happen where it stands", "[reassessment]") {
  const auto rules = test::rules_with_moves();
  const engine::Calendar calendar;  // the book keeps a reference: it must outlive it
  workflows::ClockBook book(rules, calendar);
  ReassessmentWorkflow r(book, event(make_date(2026, 3, 2), engine::ReassessmentRequested{}));
  auto s =
      r.apply(event(make_date(2026, 3, 3),
                    engine::AdviceRequested{"ep", engine::AdviceService::kEducationalPsychology}));
  CHECK(s.code() == engine::ErrorCode::kInvalidTransition);
  CHECK(s.message() == "cannot be taken while the re-assessment is awaiting_decision");
  REQUIRE(r.apply(event(make_date(2026, 3, 10), engine::ReassessmentDecision{})).ok());
  CHECK(r.apply(event(make_date(2026, 3, 11), engine::ReassessmentDecision{})).message() ==
        "the decision whether to re-assess was already made on 10 March 2026");
  CHECK(r.apply(event(make_date(2026, 3, 12), engine::FinalPlanIssued{})).message() ==
        "cannot be taken while the re-assessment is gathering_advice");
  CHECK(r.apply(event(make_date(2026, 3, 12), engine::AdviceReceived{"ep"})).message() ==
        "no advice 'ep' is awaited (advice_requested must come first)");
  REQUIRE(r.apply(event(make_date(2026, 3, 20), engine::AssessmentWithdrawn{"family asked"})).ok());
  CHECK(r.state() == "withdrawn");
  CHECK(find(book, "reassessment_plan")->status_on(make_date(2026, 3, 20)) ==
        ClockStatus::kNotApplicable);
}
