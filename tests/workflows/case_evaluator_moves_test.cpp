// The case evaluator with moves between LAs, re-assessments and detentions (rules.md §5): how
// these events reach their machines, what a move ends, the first review of a plan transferred
// in, a detained person's assessment, and the checks that are warnings, not clocks. Dates
// computed by hand.
#include <catch2/catch.hpp>

#include "engine/case_record.h"
#include "tests/workflows/rule_fixtures.h"
#include "workflows/case_evaluator.h"

using namespace ehcp;
using engine::ClockStatus;
using engine::make_date;

namespace {

class History {
 public:
  History() : rules_(test::rules_with_moves()) {}
  History& add(const char* on, engine::EventBody body) {
    events_.push_back({static_cast<std::int64_t>(events_.size() + 1),
                       engine::Event{"A-1", *engine::parse_date(on), std::nullopt, std::nullopt,
                                     std::move(body)}});
    return *this;
  }
  workflows::Evaluation evaluate() const {
    auto sorted = events_;
    engine::sort_for_replay(sorted);
    return workflows::evaluate_case(sorted, rules_, engine::Calendar{});
  }

 private:
  engine::RuleBook rules_;
  std::vector<engine::RecordedEvent> events_;
};

engine::CaseOpened child(const char* dob, engine::Phase phase = engine::Phase::kPrimary) {
  engine::CaseOpened opened;
  opened.child = {"Ada", "Example", *engine::parse_date(dob), {}, {}, {}};
  opened.setting = engine::Setting{"Oak Lane", phase};
  return opened;
}

const engine::Clock& clock(const workflows::CaseView& view, const std::string& name,
                           std::optional<engine::Date> start = std::nullopt) {
  for (const auto& c : view.clocks) {
    if (c.name == name && (!start || c.start == *start)) {
      return c;
    }
  }
  FAIL("no clock " << name);
  return view.clocks.front();
}

bool has_clock(const workflows::CaseView& view, const std::string& name) {
  return std::any_of(view.clocks.begin(), view.clocks.end(),
                     [&](const engine::Clock& c) { return c.name == name; });
}

const workflows::WorkflowView& latest(const workflows::CaseView& view, const std::string& name) {
  const workflows::WorkflowView* found = nullptr;
  for (const auto& w : view.workflows) {
    if (w.workflow == name) {
      found = &w;
    }
  }
  REQUIRE(found != nullptr);
  return *found;
}

std::string rejection(const workflows::Evaluation& e) {
  REQUIRE(e.rejection.has_value());
  return e.rejection->reason;
}

using engine::AssessmentOutcome;

}  // namespace

TEST_CASE("a move out ends the plan here, its reviews and transfers, and times the plan's sending",
          "[move]") {
  History h;
  // A Year 5 child (born 2015-10-10) with a plan: Year 6 in 2026/27, transfer due 14 Feb 2027.
  h.add("2026-01-05", child("2015-10-10"))
      .add("2026-01-05", engine::PlanInForce{make_date(2024, 6, 3), make_date(2025, 6, 2)})
      .add("2026-09-21", engine::MovedOut{"Westshire", make_date(2026, 9, 7)});
  const auto e = h.evaluate();
  REQUIRE_FALSE(e.rejection);
  // Aware Mon 7 Sep: 15 working days end Fri 25 Sep, after the move on Mon 21 Sep.
  CHECK(clock(e.view, "transfer_out").due == make_date(2026, 9, 25));
  CHECK(clock(e.view, "transfer_out").start == make_date(2026, 9, 21));
  CHECK(clock(e.view, "annual_review").ended_on == make_date(2026, 9, 21));
  CHECK(clock(e.view, "phase_transfer").ended_on == make_date(2026, 9, 21));
  CHECK(latest(e.view, "move").state == "sending_plan");
}

TEST_CASE("after a move out the plan is no longer this LA's to review", "[move]") {
  History h;
  h.add("2026-01-05", child("2015-10-10"))
      .add("2026-01-05", engine::PlanInForce{make_date(2024, 6, 3), std::nullopt})
      .add("2026-03-02", engine::MovedOut{"Westshire", std::nullopt})
      .add("2026-03-10", engine::ReviewMeetingHeld{});
  CHECK(rejection(h.evaluate()) == "review_meeting_held on 2026-03-10: no plan is in force");
}

TEST_CASE("a plan sent ahead of the move is met once the move is recorded", "[move]") {
  History h;
  h.add("2026-01-05", child("2015-10-10"))
      .add("2026-01-05", engine::PlanInForce{make_date(2024, 6, 3), std::nullopt})
      .add("2026-02-27", engine::PlanTransferred{"Westshire"});
  auto e = h.evaluate();
  REQUIRE_FALSE(e.rejection);
  CHECK_FALSE(has_clock(e.view, "transfer_out"));
  REQUIRE(e.view.warnings.size() == 1);
  CHECK(e.view.warnings[0].text ==
        "plan sent to another LA on 2026-02-27 with no move out of the area recorded: record "
        "moved_out on the day of the move (reg 15(2))");
  CHECK(clock(e.view, "annual_review").ended_on == std::nullopt);  // still this LA's plan

  h.add("2026-03-02", engine::MovedOut{"Westshire", make_date(2026, 1, 12)});
  e = h.evaluate();
  REQUIRE_FALSE(e.rejection);
  CHECK(e.view.warnings.empty());
  CHECK(clock(e.view, "transfer_out").met_on == make_date(2026, 2, 27));
  CHECK(latest(e.view, "move").state == "plan_sent");
}

TEST_CASE("a move out ends the assessment in progress, and no plan is to be sent", "[move]") {
  History h;
  h.add("2026-01-05", child("2015-10-10"))
      .add("2026-01-05", engine::AssessmentRequested{})
      .add("2026-03-02", engine::MovedOut{"Westshire", std::nullopt});
  const auto e = h.evaluate();
  REQUIRE_FALSE(e.rejection);
  CHECK_FALSE(has_clock(e.view, "transfer_out"));
  // Decision due 16 Feb: overdue the day before the move, not applicable from it.
  CHECK(clock(e.view, "decision_to_assess").status_on(make_date(2026, 3, 1)) ==
        ClockStatus::kOverdue);
  CHECK(clock(e.view, "decision_to_assess").status_on(make_date(2026, 3, 2)) ==
        ClockStatus::kNotApplicable);
  CHECK(latest(e.view, "move").state == "moved_away");
  CHECK(latest(e.view, "assessment").closed == make_date(2026, 3, 2));
}

TEST_CASE("a plan transferred in is first reviewed by the later of 12 months and 3 months",
          "[move]") {
  History h;
  h.add("2026-11-02", child("2012-10-03", engine::Phase::kSecondary))
      .add("2026-11-02",
           engine::TransferredIn{"Eastshire", make_date(2021, 3, 1), make_date(2026, 1, 20)});
  auto e = h.evaluate();
  REQUIRE_FALSE(e.rejection);
  CHECK(clock(e.view, "transfer_in_notice").due == make_date(2026, 12, 14));
  // 12 months starting 20 Jan 2026 end 19 Jan 2027; 3 months starting 2 Nov 2026 end 1 Feb 2027.
  const auto& review = clock(e.view, "transfer_in_review");
  CHECK(review.due == make_date(2027, 2, 1));
  CHECK(review.workflow == "review");
  CHECK(review.start == make_date(2026, 11, 2));
  CHECK_FALSE(has_clock(e.view, "annual_review"));
  CHECK(latest(e.view, "review").opened == make_date(2026, 11, 2));

  h.add("2026-12-01", engine::TransferNoticeSent{})
      .add("2027-01-18", engine::ReviewMeetingHeld{})
      .add("2027-01-25", engine::ReviewDecision{engine::ReviewOutcome::kMaintain});
  e = h.evaluate();
  REQUIRE_FALSE(e.rejection);
  CHECK(clock(e.view, "transfer_in_notice").met_on == make_date(2026, 12, 1));
  CHECK(clock(e.view, "transfer_in_review").met_on == make_date(2027, 1, 25));
  CHECK(clock(e.view, "annual_review").start == make_date(2027, 1, 25));
  CHECK(clock(e.view, "annual_review").due == make_date(2028, 1, 24));
}

TEST_CASE("a plan transferred in while one is in force is refused", "[move]") {
  History h;
  h.add("2026-01-05", child("2015-10-10"))
      .add("2026-01-05", engine::PlanInForce{make_date(2024, 6, 3), std::nullopt})
      .add("2026-03-02", engine::TransferredIn{"Eastshire", make_date(2024, 6, 3), std::nullopt});
  CHECK(rejection(h.evaluate()) ==
        "transferred_in on 2026-03-02: a plan is already in force (since 2024-06-03)");
}

TEST_CASE("a child who moved away and came back with a plan has the new plan's transfers",
          "[move]") {
  History h;
  // Born 2015-10-10: Year 6 in 2026/27 (transfer due 14 Feb 2027).
  h.add("2025-09-01", child("2015-10-10"))
      .add("2025-09-01", engine::PlanInForce{make_date(2024, 6, 3), std::nullopt})
      .add("2025-10-01", engine::MovedOut{"Westshire", std::nullopt})
      .add("2025-10-01", engine::PlanTransferred{})
      .add("2026-10-05",
           engine::TransferredIn{"Westshire", make_date(2024, 6, 3), make_date(2026, 5, 11)});
  const auto e = h.evaluate();
  REQUIRE_FALSE(e.rejection);
  const auto& transfer = clock(e.view, "phase_transfer", make_date(2026, 10, 5));
  CHECK(transfer.due == make_date(2027, 2, 14));
  CHECK_FALSE(transfer.ended_on.has_value());
}

TEST_CASE("a plan ceased during a detention is a warning, not a clock", "[custody]") {
  History h;
  h.add("2026-01-05", child("2009-10-10", engine::Phase::kSecondary))
      .add("2026-01-05", engine::PlanInForce{make_date(2024, 6, 3), std::nullopt})
      .add("2026-05-04", engine::CustodyNotified{"Synthetic Secure Centre"})
      .add("2026-05-06", engine::CustodyPlanShared{})
      .add("2026-06-01", engine::PlanCeased{"detained"});
  const auto e = h.evaluate();
  REQUIRE_FALSE(e.rejection);
  CHECK(clock(e.view, "custody_share_plan").due == make_date(2026, 5, 11));
  CHECK(clock(e.view, "custody_share_plan").met_on == make_date(2026, 5, 6));
  REQUIRE(e.view.warnings.size() == 1);
  CHECK(e.view.warnings[0].text ==
        "plan ceased on 2026-06-01 while the young person is detained (the LA was told on "
        "2026-05-04): a plan is kept during a detention and may not be ceased because of it "
        "(CFA s74)");
}

TEST_CASE(
    "an assessment asked for during a detention is a detained person's, after it an "
    "ordinary one",
    "[custody]") {
  History h;
  h.add("2026-01-05", child("2009-10-10", engine::Phase::kSecondary))
      .add("2026-02-02", engine::CustodyNotified{})
      .add("2026-02-09", engine::AssessmentRequested{});
  auto e = h.evaluate();
  REQUIRE_FALSE(e.rejection);
  CHECK(latest(e.view, "custody").state == "detained");
  CHECK_FALSE(has_clock(e.view, "custody_share_plan"));
  CHECK(latest(e.view, "assessment").flags == std::vector<std::string>{"detained"});
  CHECK(clock(e.view, "final_plan").detail == "detained");
  CHECK(clock(e.view, "final_plan").basis ==
        "src final_plan detained: 20 weeks from start 2026-02-09");

  engine::ExceptionRecorded closure;
  closure.limb = engine::ExceptionLimb::kEarlyYearsClosure;
  closure.from = make_date(2026, 3, 2);
  h.add("2026-03-02", closure);
  CHECK(rejection(h.evaluate()) ==
        "exception_recorded on 2026-03-02: limb early_years_closure cannot except "
        "decision_to_assess (src decision_to_assess detained) or any other clock of this "
        "assessment");
}

TEST_CASE("an assessment after the release has the ordinary clocks and limbs", "[custody]") {
  History h;
  engine::ExceptionRecorded closure;
  closure.limb = engine::ExceptionLimb::kEarlyYearsClosure;
  closure.from = make_date(2026, 8, 3);
  h.add("2026-01-05", child("2009-10-10", engine::Phase::kSecondary))
      .add("2026-02-02", engine::CustodyNotified{})
      .add("2026-07-01", engine::CustodyEnded{})
      .add("2026-07-06", engine::AssessmentRequested{})
      .add("2026-08-03", closure);
  const auto e = h.evaluate();
  REQUIRE_FALSE(e.rejection);
  CHECK(latest(e.view, "assessment").flags.empty());
  CHECK(clock(e.view, "final_plan").detail.empty());
  CHECK(clock(e.view, "final_plan").exception_on == make_date(2026, 8, 3));
  CHECK(latest(e.view, "custody").state == "released");
}

TEST_CASE("an amended plan goes to a review awaiting one before a re-assessment",
          "[reassessment]") {
  History h;
  h.add("2026-01-05", child("2015-10-10"))
      .add("2026-01-05", engine::PlanInForce{make_date(2025, 6, 2), std::nullopt})
      .add("2026-02-02", engine::AmendmentNoticeIssued{})
      .add("2026-02-09", engine::ReassessmentDecision{AssessmentOutcome::kAssess})
      .add("2026-03-02", engine::DraftPlanIssued{})
      .add("2026-03-20", engine::AmendedPlanIssued{});
  auto e = h.evaluate();
  REQUIRE_FALSE(e.rejection);
  CHECK(clock(e.view, "amended_plan").met_on == make_date(2026, 3, 20));
  CHECK_FALSE(clock(e.view, "reassessment_plan").met_on.has_value());
  CHECK(latest(e.view, "reassessment").state == "consulting");

  // The next one, with no review awaiting an amendment, is the re-assessment's.
  h.add("2026-04-01", engine::AmendedPlanIssued{});
  e = h.evaluate();
  REQUIRE_FALSE(e.rejection);
  CHECK(clock(e.view, "reassessment_plan").met_on == make_date(2026, 4, 1));
  CHECK(latest(e.view, "reassessment").state == "plan_issued");
}

TEST_CASE("a re-assessment's plan naming the next school meets the phase transfer",
          "[reassessment]") {
  History h;
  engine::FinalPlanIssued plan;
  plan.names_setting = engine::Setting{"Hill Academy", engine::Phase::kSecondary};
  // Born 2015-10-10: Year 6 in 2026/27, transfer due 14 Feb 2027.
  h.add("2026-01-05", child("2015-10-10"))
      .add("2026-01-05", engine::PlanInForce{make_date(2025, 6, 2), std::nullopt})
      .add("2026-09-07", engine::ReassessmentRequested{})
      .add("2026-09-15", engine::ReassessmentDecision{AssessmentOutcome::kAssess})
      .add("2026-11-02", engine::DraftPlanIssued{})
      .add("2026-11-30", plan);
  const auto e = h.evaluate();
  REQUIRE_FALSE(e.rejection);
  CHECK(clock(e.view, "reassessment_plan").met_on == make_date(2026, 11, 30));
  CHECK(clock(e.view, "phase_transfer").met_on == make_date(2026, 11, 30));
}

TEST_CASE("one assessment or re-assessment is open at a time", "[reassessment]") {
  History h;
  h.add("2026-01-05", child("2015-10-10"))
      .add("2026-01-05", engine::PlanInForce{make_date(2025, 6, 2), std::nullopt})
      .add("2026-02-02", engine::ReassessmentRequested{})
      .add("2026-02-10", engine::AssessmentRequested{});
  CHECK(rejection(h.evaluate()) ==
        "assessment_requested on 2026-02-10: a re-assessment begun on 2026-02-02 is still open "
        "(it is awaiting_decision)");
  History none;
  none.add("2026-01-05", child("2015-10-10")).add("2026-02-02", engine::ReassessmentRequested{});
  CHECK(rejection(none.evaluate()) ==
        "reassessment_requested on 2026-02-02: no plan is in force: a re-assessment is of a "
        "child with a plan");
}
