// tests for workflows/case_evaluator.h: the assessment machine's clocks, outcomes, rejections,
// warnings and exceptions, on hand-computed dates (rules.md §1–2). Engine only: the rule pack
// is built here, so these tests need no files.
#include "workflows/case_evaluator.h"

#include <algorithm>
#include <random>

#include <catch2/catch.hpp>

#include "engine/case_record.h"
#include "tests/workflows/rule_fixtures.h"

using namespace ehcp;
using engine::make_date;

namespace {

engine::ClockRule rule(const char* clock, engine::Counting counting, int amount, bool statutory,
                       std::vector<engine::ExceptionLimb> limbs) {
  return {clock, "",      "assessment",     counting, amount,      statutory,
          "reg", "start", std::move(limbs), "act",    std::nullopt};
}

// The 2014 limits of rules.md §2.
engine::RuleBook rules_2014() {
  using engine::Counting;
  using L = engine::ExceptionLimb;
  const std::vector<L> main = {L::kSchoolClosure, L::kEarlyYearsClosure, L::kPersonalCircumstances,
                               L::kAbsence};
  engine::RulePack pack;
  pack.name = "2014";
  pack.effective_from = make_date(2014, 9, 1);
  pack.rules = {rule("decision_to_assess", Counting::kWeeksAfter, 6, true, main),
                rule("advice", Counting::kWeeksAfter, 6, true,
                     {L::kPersonalCircumstances, L::kAbsence, L::kMissedAppointment}),
                rule("no_plan_notice", Counting::kWeeksAfter, 16, true, main),
                rule("final_plan", Counting::kWeeksAfter, 20, true, main),
                rule("draft_plan", Counting::kWeeksAfter, 14, false, {}),
                rule("consultation", Counting::kDaysBeginningWith, 15, false, {}),
                // The family's windows a refusal or a no-plan decision opens (rules.md §6).
                rule("mediation_contact", Counting::kMonthsAfter, 2, true, {}),
                rule("appeal_window", Counting::kMonthsAfter, 2, true, {})};
  engine::RuleBook book;
  REQUIRE(book.add(pack).ok());
  return book;
}

class History {
 public:
  History& add(const char* on, engine::EventBody body) {
    events_.push_back({static_cast<std::int64_t>(events_.size() + 1),
                       engine::Event{"A-1", *engine::parse_date(on), std::nullopt, std::nullopt,
                                     std::move(body)}});
    return *this;
  }
  workflows::Evaluation evaluate(const engine::Calendar& calendar = engine::Calendar{}) const {
    auto sorted = events_;
    engine::sort_for_replay(sorted);
    return workflows::evaluate_case(sorted, rules_, calendar);
  }
  std::vector<engine::RecordedEvent>& events() { return events_; }
  const engine::RuleBook& rules() const { return rules_; }

 private:
  engine::RuleBook rules_ = test::with_pack_limits(rules_2014());
  std::vector<engine::RecordedEvent> events_;
};

const engine::Clock& clock(const workflows::Evaluation& e, const std::string& name) {
  const auto it = std::find_if(e.view.clocks.begin(), e.view.clocks.end(),
                               [&](const engine::Clock& c) { return c.name == name; });
  REQUIRE(it != e.view.clocks.end());
  return *it;
}

History requested_on(const char* on) {
  History h;
  engine::CaseOpened opened;
  opened.child = {"Ada", "Example", make_date(2017, 5, 2), {}, {}, {}};
  opened.setting = engine::Setting{"Oak Lane Primary", engine::Phase::kPrimary};
  h.add(on, opened).add(on, engine::AssessmentRequested{engine::RequestSource::kParent});
  return h;
}

using engine::ClockStatus;

}  // namespace

TEST_CASE("a request opens the decision, no-plan, final-plan and draft clocks on its day") {
  const auto e = requested_on("2026-01-05").evaluate();
  REQUIRE_FALSE(e.rejection);
  CHECK(e.view.workflows.at(0).state == "awaiting_decision");
  CHECK(clock(e, "decision_to_assess").due == make_date(2026, 2, 16));
  CHECK(clock(e, "no_plan_notice").due == make_date(2026, 4, 27));
  CHECK(clock(e, "final_plan").due == make_date(2026, 5, 25));
  CHECK(clock(e, "draft_plan").due == make_date(2026, 4, 13));
  CHECK_FALSE(clock(e, "draft_plan").statutory);
}

TEST_CASE("the happy path meets every clock and finalises the assessment") {
  auto h = requested_on("2026-01-05");
  h.add("2026-02-10", engine::AssessmentDecision{engine::AssessmentOutcome::kAssess})
      .add("2026-02-12",
           engine::AdviceRequested{"ep", engine::AdviceService::kEducationalPsychology})
      .add("2026-03-20", engine::AdviceReceived{"ep"})
      .add("2026-03-25", engine::IssueDecision{engine::IssueOutcome::kIssue})
      .add("2026-04-01", engine::DraftPlanIssued{})
      .add("2026-04-02", engine::SchoolConsulted{"Oak Lane Primary"})
      .add("2026-04-10",
           engine::ConsultationResponse{"Oak Lane Primary", engine::ConsultationOutcome::kAgree})
      .add("2026-05-01", engine::FinalPlanIssued{});
  const auto e = h.evaluate();
  REQUIRE_FALSE(e.rejection);
  const auto d = make_date(2026, 6, 1);
  CHECK(e.view.workflows.at(0).state == "finalised");
  CHECK(e.view.workflows.at(0).closed == make_date(2026, 5, 1));
  CHECK(clock(e, "decision_to_assess").status_on(d) == ClockStatus::kMet);
  CHECK(clock(e, "advice:ep").due == make_date(2026, 3, 26));
  CHECK(clock(e, "advice:ep").status_on(d) == ClockStatus::kMet);
  CHECK(clock(e, "no_plan_notice").status_on(d) == ClockStatus::kNotApplicable);
  CHECK(clock(e, "draft_plan").status_on(d) == ClockStatus::kMet);
  CHECK(clock(e, "consultation:Oak Lane Primary").due == make_date(2026, 4, 16));
  CHECK(clock(e, "final_plan").status_on(d) == ClockStatus::kMet);
  CHECK(e.view.warnings.empty());
}

TEST_CASE("a refusal meets the decision clock and makes every other clock not applicable") {
  auto h = requested_on("2026-01-05");
  h.add("2026-02-20", engine::AssessmentDecision{engine::AssessmentOutcome::kRefuse});
  const auto e = h.evaluate();
  CHECK(e.view.workflows.at(0).state == "refused");
  CHECK(clock(e, "decision_to_assess").status_on(make_date(2026, 3, 1)) == ClockStatus::kLate);
  CHECK(clock(e, "final_plan").status_on(make_date(2026, 9, 1)) == ClockStatus::kNotApplicable);
}

TEST_CASE("a no-plan decision after 16 weeks is late; after it nothing is breached") {
  auto h = requested_on("2026-01-05");
  h.add("2026-02-10", engine::AssessmentDecision{engine::AssessmentOutcome::kAssess})
      .add("2026-04-28", engine::IssueDecision{engine::IssueOutcome::kNoPlan});
  const auto e = h.evaluate();
  CHECK(e.view.workflows.at(0).state == "no_plan");
  CHECK(clock(e, "no_plan_notice").status_on(make_date(2026, 5, 1)) == ClockStatus::kLate);
  CHECK(clock(e, "no_plan_notice").status_on(make_date(2026, 4, 28)) == ClockStatus::kLate);
  CHECK(clock(e, "no_plan_notice").status_on(make_date(2026, 4, 27)) == ClockStatus::kOpen);
  CHECK(clock(e, "final_plan").status_on(make_date(2026, 6, 1)) == ClockStatus::kNotApplicable);
}

TEST_CASE("with no issue decision by week 16 the no-plan clock is overdue") {
  auto h = requested_on("2026-01-05");
  h.add("2026-02-10", engine::AssessmentDecision{engine::AssessmentOutcome::kAssess});
  const auto e = h.evaluate();
  CHECK(clock(e, "no_plan_notice").status_on(make_date(2026, 4, 28)) == ClockStatus::kOverdue);
}

TEST_CASE("a withdrawal ends the open clocks; before it they were what the dates say") {
  auto h = requested_on("2026-01-05");
  h.add("2026-02-20", engine::AssessmentWithdrawn{"moved away"});
  const auto e = h.evaluate();
  CHECK(e.view.workflows.at(0).state == "withdrawn");
  const auto& decision = clock(e, "decision_to_assess");
  CHECK(decision.status_on(make_date(2026, 2, 19)) == ClockStatus::kOverdue);
  CHECK(decision.status_on(make_date(2026, 2, 20)) == ClockStatus::kNotApplicable);
}

TEST_CASE("an event the assessment cannot take where it falls is rejected naming the state") {
  auto h = requested_on("2026-01-05");
  h.add("2026-02-01", engine::FinalPlanIssued{});
  const auto e = h.evaluate();
  REQUIRE(e.rejection);
  CHECK(e.rejection->seq == 3);
  CHECK(e.rejection->reason ==
        "final_plan_issued on 2026-02-01: cannot be taken while the assessment is "
        "awaiting_decision");
  auto none = History{};
  none.add("2026-01-05", engine::AssessmentDecision{engine::AssessmentOutcome::kAssess});
  CHECK(none.evaluate().rejection->reason ==
        "assessment_decision on 2026-01-05: no assessment has been requested");
  auto advice = requested_on("2026-01-05");
  advice.add("2026-02-01", engine::AdviceReceived{"ep"});
  CHECK(advice.evaluate().rejection->reason ==
        "advice_received on 2026-02-01: no advice 'ep' is awaited (advice_requested must come "
        "first)");
  auto twice = requested_on("2026-01-05");
  twice.add("2026-01-20", engine::AssessmentRequested{engine::RequestSource::kSchool});
  CHECK(twice.evaluate().rejection->reason ==
        "assessment_requested on 2026-01-20: an assessment requested on 2026-01-05 is still "
        "open (it is awaiting_decision)");
}

TEST_CASE("a new request after a refusal starts a second assessment with its own clocks") {
  auto h = requested_on("2026-01-05");
  h.add("2026-02-10", engine::AssessmentDecision{engine::AssessmentOutcome::kRefuse})
      .add("2026-09-01", engine::AssessmentRequested{engine::RequestSource::kSchool});
  const auto e = h.evaluate();
  REQUIRE_FALSE(e.rejection);
  REQUIRE(e.view.workflows.size() == 2);
  CHECK(e.view.workflows[1].state == "awaiting_decision");
  CHECK(e.view.clocks.back().start == make_date(2026, 9, 1));
}

TEST_CASE("a final plan inside the family's 15 days is a warning unless they had no more to say") {
  auto h = requested_on("2026-01-05");
  h.add("2026-02-10", engine::AssessmentDecision{engine::AssessmentOutcome::kAssess})
      .add("2026-03-25", engine::IssueDecision{engine::IssueOutcome::kIssue})
      .add("2026-04-01", engine::DraftPlanIssued{})
      .add("2026-04-15", engine::FinalPlanIssued{});  // day 15 of the 15 days
  const auto e = h.evaluate();
  REQUIRE(e.view.warnings.size() == 1);
  CHECK(e.view.warnings[0].text.find("inside the family's 15 days") != std::string::npos);
  h.add("2026-04-03", engine::FamilyResponse{true});
  CHECK(h.evaluate().view.warnings.empty());
}

TEST_CASE("a late final plan is late, and overdue from the day after it was due") {
  auto h = requested_on("2026-01-05");
  h.add("2026-02-10", engine::AssessmentDecision{engine::AssessmentOutcome::kAssess})
      .add("2026-03-25", engine::IssueDecision{engine::IssueOutcome::kIssue})
      .add("2026-04-01", engine::DraftPlanIssued{})
      .add("2026-06-10", engine::FinalPlanIssued{});
  const auto e = h.evaluate();  // kept: clock() returns a reference into it
  const auto& c = clock(e, "final_plan");
  CHECK(c.status_on(make_date(2026, 5, 26)) == ClockStatus::kOverdue);
  CHECK(c.status_on(make_date(2026, 6, 10)) == ClockStatus::kLate);
}

TEST_CASE("an exception flags only the clocks its limb covers and never moves a due date") {
  auto h = requested_on("2026-01-05");
  h.add("2026-02-10", engine::AssessmentDecision{engine::AssessmentOutcome::kAssess})
      .add("2026-02-12",
           engine::AdviceRequested{"ep", engine::AdviceService::kEducationalPsychology});
  engine::ExceptionRecorded personal;
  personal.limb = engine::ExceptionLimb::kPersonalCircumstances;
  personal.from = make_date(2026, 3, 1);
  personal.to = make_date(2026, 3, 20);
  h.add("2026-03-02", personal);
  const auto e = h.evaluate();
  REQUIRE_FALSE(e.rejection);
  CHECK(clock(e, "final_plan").excepted_on(make_date(2026, 3, 1)));
  CHECK(clock(e, "final_plan").due == make_date(2026, 5, 25));
  CHECK(clock(e, "no_plan_notice").excepted_on(make_date(2026, 3, 1)));
  CHECK_FALSE(clock(e, "decision_to_assess").exception_on);  // its period ended 16 Feb
  CHECK_FALSE(clock(e, "advice:ep").exception_on);           // recorded without 'advice'
  CHECK_FALSE(clock(e, "draft_plan").exception_on);          // guidance: no exceptions
}

TEST_CASE("an advice exception flags that advice clock only; a missed appointment needs one") {
  auto h = requested_on("2026-01-05");
  h.add("2026-02-10", engine::AssessmentDecision{engine::AssessmentOutcome::kAssess})
      .add("2026-02-12", engine::AdviceRequested{"health", engine::AdviceService::kHealth});
  engine::ExceptionRecorded missed;
  missed.limb = engine::ExceptionLimb::kMissedAppointment;
  missed.advice = "health";
  h.add("2026-03-01", missed);
  const auto e = h.evaluate();
  REQUIRE_FALSE(e.rejection);
  CHECK(clock(e, "advice:health").exception_on == make_date(2026, 3, 1));
  CHECK_FALSE(clock(e, "final_plan").exception_on);

  auto bad = requested_on("2026-01-05");
  engine::ExceptionRecorded no_advice;
  no_advice.limb = engine::ExceptionLimb::kMissedAppointment;
  bad.add("2026-01-20", no_advice);
  CHECK(bad.evaluate().rejection->reason ==
        "exception_recorded on 2026-01-20: a missed appointment excepts an advice clock only "
        "(reg 8(2)(c)): give 'advice'");
}

TEST_CASE("an absence shorter than 4 continuous weeks within the period is rejected") {
  auto h = requested_on("2026-01-05");
  engine::ExceptionRecorded absence;
  absence.limb = engine::ExceptionLimb::kAbsence;
  absence.from = make_date(2026, 2, 1);
  absence.to = make_date(2026, 2, 27);  // 27 days
  h.add("2026-02-27", absence);
  CHECK(h.evaluate().rejection->reason ==
        "exception_recorded on 2026-02-27: an absence must last at least 4 continuous weeks "
        "within the period; of 2026-02-01 to 2026-02-27 at most 27 day(s) fall within a clock's "
        "period");
  auto ok = requested_on("2026-01-05");
  absence.to = make_date(2026, 2, 28);  // 28 days
  ok.add("2026-02-28", absence);
  const auto e = ok.evaluate();
  REQUIRE_FALSE(e.rejection);
  CHECK(clock(e, "final_plan").exception_on == make_date(2026, 2, 1));
  CHECK_FALSE(clock(e, "decision_to_assess").exception_on);  // only 16 days inside its period
}

TEST_CASE("a continuing absence excepts a clock only from the day it reaches 4 weeks") {
  auto h = requested_on("2026-01-05");
  engine::ExceptionRecorded absence;
  absence.limb = engine::ExceptionLimb::kAbsence;
  absence.from = make_date(2026, 3, 1);  // no 'to': still away
  h.add("2026-03-02", absence);
  const auto e = h.evaluate();
  REQUIRE_FALSE(e.rejection);
  CHECK(clock(e, "final_plan").exception_on == make_date(2026, 3, 28));
  CHECK_FALSE(clock(e, "final_plan").excepted_on(make_date(2026, 3, 27)));
  CHECK(clock(e, "final_plan").excepted_on(make_date(2026, 3, 28)));
}

TEST_CASE("advice asked of a school a week before a 4-week closure is found as limb (a)") {
  engine::Calendar calendar;
  REQUIRE(calendar
              .add_closure({engine::ClosureKind::kSchoolHoliday, make_date(2026, 7, 23),
                            make_date(2026, 9, 2), "Summer holiday", std::nullopt})
              .ok());
  auto h = requested_on("2026-06-01");
  h.add("2026-07-01", engine::AssessmentDecision{engine::AssessmentOutcome::kAssess})
      .add("2026-07-16", engine::AdviceRequested{"school", engine::AdviceService::kSchool})
      .add("2026-07-15",
           engine::AdviceRequested{"ep", engine::AdviceService::kEducationalPsychology});
  const auto e = h.evaluate(calendar);
  REQUIRE_FALSE(e.rejection);
  CHECK(clock(e, "final_plan").exception_on == make_date(2026, 7, 16));
  CHECK(clock(e, "final_plan").exception_basis.find("Summer holiday") != std::string::npos);
  CHECK_FALSE(clock(e, "advice:school").exception_on);
  // 15 July is 8 days before the closure: outside the window, so the EP request alone would
  // not do it.
  auto early = requested_on("2026-06-01");
  early.add("2026-07-01", engine::AssessmentDecision{engine::AssessmentOutcome::kAssess})
      .add("2026-07-15", engine::AdviceRequested{"school", engine::AdviceService::kSchool});
  CHECK_FALSE(clock(early.evaluate(calendar), "final_plan").exception_on);
}

TEST_CASE("any arrival order of a valid history gives the same clocks") {
  auto h = requested_on("2026-01-05");
  h.add("2026-02-10", engine::AssessmentDecision{engine::AssessmentOutcome::kAssess})
      .add("2026-02-12",
           engine::AdviceRequested{"ep", engine::AdviceService::kEducationalPsychology})
      .add("2026-02-12", engine::AdviceRequested{"health", engine::AdviceService::kHealth})
      .add("2026-03-20", engine::AdviceReceived{"ep"})
      .add("2026-04-02", engine::AdviceReceived{"health"})
      .add("2026-04-03", engine::IssueDecision{engine::IssueOutcome::kIssue})
      .add("2026-04-10", engine::DraftPlanIssued{})
      .add("2026-04-11", engine::SchoolConsulted{"Oak Lane Primary"})
      .add("2026-04-30",
           engine::ConsultationResponse{"Oak Lane Primary", engine::ConsultationOutcome::kAgree})
      .add("2026-06-01", engine::FinalPlanIssued{});
  const auto expected = h.evaluate();
  REQUIRE_FALSE(expected.rejection);
  std::mt19937 shuffle_rng(20261125);
  for (int round = 0; round < 200; ++round) {
    auto& events = h.events();
    std::shuffle(events.begin(), events.end(), shuffle_rng);
    for (std::size_t i = 0; i < events.size(); ++i) {
      events[i].seq = static_cast<std::int64_t>(i + 1);  // a new arrival order
    }
    const auto e = h.evaluate();
    REQUIRE_FALSE(e.rejection);
    REQUIRE(e.view.clocks == expected.view.clocks);
  }
}
