// The disagreement machine on its own (rules.md §6): which clocks mediation, the certificate,
// the appeal and each kind of order open and meet, the appeal window's later-of rule, the
// family's windows closing unused, the flags, and the events it refuses where they fall.
// Limits as in the 2014 pack; dates computed by hand.
#include "workflows/disagreement/disagreement_workflow.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/rule_pack.h"
#include "workflows/clock_book.h"

using namespace ehcp;
using engine::ClockStatus;
using engine::make_date;
using engine::OrderKind;
using workflows::disagreement::DisagreementWorkflow;

namespace {

engine::ClockRule rule(const char* clock, const char* limb, engine::Counting counting, int amount,
                       const char* measured_from = "start") {
  engine::ClockRule r;
  r.clock = clock;
  r.limb = limb;
  r.workflow = "disagreement";
  r.counting = counting;
  r.amount = amount;
  r.source = "src";
  r.measured_from = measured_from;
  return r;
}

engine::RuleBook disagreement_rules() {
  using engine::Counting;
  engine::RulePack pack;
  pack.name = "2014";
  pack.effective_from = make_date(2014, 9, 1);
  pack.rules = {
      rule("mediation_contact", "", Counting::kMonthsAfter, 2),
      rule("mediation_certificate", "", Counting::kWorkingDaysAfter, 3),
      rule("mediation_held", "", Counting::kDaysAfter, 30),
      rule("appeal_window", "", Counting::kMonthsAfter, 2, "decision"),
      rule("appeal_window", "certificate", Counting::kMonthsAfter, 1, "certificate"),
  };
  for (const char* ground : {"tribunal", "unopposed", "agreement"}) {
    const std::string g = ground;
    for (const auto& [clock, step, weeks] : std::vector<std::tuple<const char*, std::string, int>>{
             {"order:assess", ".notify", 2},
             {"order:assess", ".no_plan", 10},
             {"order:assess", ".final_plan", 14},
             {"order:make_plan", ".draft", 5},
             {"order:make_plan", ".final", 11},
             {"order:amend", ".amended_plan", 5},
             {"order:section_i", ".amended_plan", 2}}) {
      pack.rules.push_back(rule(clock, "", Counting::kWeeksAfter, weeks, ground));
      pack.rules.back().limb = g + step;
    }
  }
  pack.rules.push_back(rule("order:cease_dismissed", "tribunal.cease", Counting::kImmediately, 0));
  engine::RuleBook book;
  REQUIRE(book.add(pack).ok());
  return book;
}

template <typename Body>
engine::Event event(engine::Date on, Body body) {
  return engine::Event{"D-1", on, std::nullopt, std::nullopt, std::move(body)};
}

// Every clock of `name` in the book, in the order they were opened.
std::vector<const engine::Clock*> all(const workflows::ClockBook& book, const std::string& name) {
  std::vector<const engine::Clock*> out;
  for (const auto& c : book.clocks()) {
    if (c.name == name) {
      out.push_back(&c);
    }
  }
  return out;
}

const engine::Clock& one(const workflows::ClockBook& book, const std::string& name) {
  const auto found = all(book, name);
  REQUIRE(found.size() == 1);
  return *found.front();
}

struct Fixture {
  engine::RuleBook rules = disagreement_rules();
  engine::Calendar calendar;
  workflows::ClockBook book{rules, calendar};
};

}  // namespace

TEST_CASE("mediation runs from the family's request to its certificate, then the appeal",
          "[disagreement]") {
  Fixture f;
  // Refusal notified Mon 2 Mar 2026; the family asks for mediation on Mon 16 Mar.
  DisagreementWorkflow d(f.book, make_date(2026, 3, 2),
                         event(make_date(2026, 3, 16), engine::MediationRequested{}));
  REQUIRE(d.status().ok());
  CHECK(d.state() == "awaiting_mediation");
  CHECK(d.flags() == std::vector<std::string>{"mediation"});
  // 2 months after 2 Mar: 2 May; met by the request on 16 Mar.
  CHECK(one(f.book, "mediation_contact").due == make_date(2026, 5, 2));
  CHECK(one(f.book, "mediation_contact").met_on == make_date(2026, 3, 16));
  // 30 days after 16 Mar: 15 Apr.
  CHECK(one(f.book, "mediation_held").due == make_date(2026, 4, 15));
  // The appeal window runs from the notice too, before any certificate: 2 May.
  CHECK(one(f.book, "appeal_window").due == make_date(2026, 5, 2));

  // Held Thu 9 Apr: the certificate within 3 working days, skipping nothing: Tue 14 Apr
  // (Good Friday 3 Apr and Easter Monday 6 Apr 2026 are behind it).
  REQUIRE(d.apply(event(make_date(2026, 4, 9), engine::MediationHeld{})).ok());
  CHECK(one(f.book, "mediation_held").status_on(make_date(2026, 4, 9)) == ClockStatus::kMet);
  CHECK(one(f.book, "mediation_certificate").due == make_date(2026, 4, 14));
  CHECK(d.state() == "awaiting_certificate");

  // Issued Tue 14 Apr: one month on is 14 May, later than 2 May, so the window moves.
  REQUIRE(d.apply(event(make_date(2026, 4, 14), engine::MediationCertificateIssued{})).ok());
  CHECK(one(f.book, "mediation_certificate").status_on(make_date(2026, 4, 14)) ==
        ClockStatus::kMet);
  CHECK(one(f.book, "appeal_window").due == make_date(2026, 5, 14));
  CHECK(one(f.book, "appeal_window").basis ==
        "src: 1 month from certificate 2026-04-14 (later than src: 2 months from decision "
        "2026-03-02)");
  CHECK(d.state() == "certificate_issued");

  REQUIRE(d.apply(event(make_date(2026, 5, 14), engine::AppealLodged{})).ok());
  CHECK(one(f.book, "appeal_window").status_on(make_date(2026, 5, 14)) == ClockStatus::kMet);
  CHECK(d.state() == "appealed");
  CHECK(d.flags() == std::vector<std::string>{"mediation", "tribunal"});
  CHECK_FALSE(d.closed().has_value());
}

TEST_CASE("a certificate earlier than a month before the window's end leaves the window alone",
          "[disagreement]") {
  Fixture f;
  // Decision sent 31 Aug 2026: 2 months on is 31 Oct. A decline on Fri 4 Sep gives a
  // certificate due Wed 9 Sep; issued then, a month on is 9 Oct, earlier than 31 Oct.
  DisagreementWorkflow d(f.book, make_date(2026, 8, 31),
                         event(make_date(2026, 9, 4), engine::MediationDeclined{}));
  REQUIRE(d.status().ok());
  CHECK(d.state() == "awaiting_certificate");
  CHECK(d.flags().empty());  // a declined mediation is no mediation
  CHECK(one(f.book, "mediation_certificate").due == make_date(2026, 9, 9));
  REQUIRE(d.apply(event(make_date(2026, 9, 9), engine::MediationCertificateIssued{})).ok());
  CHECK(one(f.book, "appeal_window").due == make_date(2026, 10, 31));
}

TEST_CASE("the family's windows let pass no longer apply from the next day, never overdue",
          "[disagreement]") {
  Fixture f;
  // Decision sent 31 Dec 2026: 2 months on, February has no 31st, so 28 Feb 2027.
  DisagreementWorkflow d(f.book, make_date(2026, 12, 31),
                         event(make_date(2027, 1, 11), engine::MediationDeclined{}));
  REQUIRE(d.apply(event(make_date(2027, 1, 13), engine::MediationCertificateIssued{})).ok());
  d.close_unused_windows();
  const auto& window = one(f.book, "appeal_window");
  CHECK(window.due == make_date(2027, 2, 28));
  CHECK(window.status_on(make_date(2027, 2, 28)) == ClockStatus::kOpen);
  CHECK(window.status_on(make_date(2027, 3, 1)) == ClockStatus::kNotApplicable);
  CHECK(one(f.book, "mediation_contact").status_on(make_date(2027, 3, 1)) == ClockStatus::kMet);
}

TEST_CASE("an appeal made late is late, and not applicable between the window and the appeal",
          "[disagreement]") {
  Fixture f;
  DisagreementWorkflow d(f.book, make_date(2026, 1, 30),
                         event(make_date(2026, 4, 1), engine::AppealLodged{}));
  d.close_unused_windows();
  const auto& window = one(f.book, "appeal_window");
  CHECK(window.due == make_date(2026, 3, 30));  // 2 months after 30 Jan
  CHECK(window.status_on(make_date(2026, 3, 31)) == ClockStatus::kNotApplicable);
  CHECK(window.status_on(make_date(2026, 4, 1)) == ClockStatus::kLate);
  CHECK(all(f.book, "mediation_contact").empty());  // no mediation adviser involved
  CHECK(d.state() == "appealed");
}

TEST_CASE("an order to assess opens its three limbs, each met or ended by what the LA does",
          "[disagreement]") {
  Fixture f;
  DisagreementWorkflow d(f.book, make_date(2025, 10, 6),
                         event(make_date(2025, 12, 1), engine::AppealLodged{}));
  REQUIRE(d.apply(event(make_date(2026, 4, 1), engine::AppealDecided{})).ok());
  CHECK(d.state() == "appeal_allowed");
  REQUIRE(d.apply(event(make_date(2026, 4, 1), engine::TribunalOrder{OrderKind::kAssess})).ok());
  CHECK(d.state() == "carrying_out_orders");
  const auto limbs = all(f.book, "order:assess");
  REQUIRE(limbs.size() == 3);
  CHECK(limbs[0]->due == make_date(2026, 4, 15));  // 2 weeks
  CHECK(limbs[1]->due == make_date(2026, 6, 10));  // 10 weeks
  CHECK(limbs[2]->due == make_date(2026, 7, 8));   // 14 weeks
  CHECK(limbs[0]->detail == "tribunal.notify");
  CHECK(limbs[1]->detail == "tribunal.no_plan");
  CHECK(limbs[2]->detail == "tribunal.final_plan");

  const auto refuse =
      event(make_date(2026, 4, 10), engine::AssessmentDecision{engine::AssessmentOutcome::kRefuse});
  CHECK_FALSE(d.awaits(refuse));  // a refusal is not what the order asks
  const auto assess =
      event(make_date(2026, 4, 10), engine::AssessmentDecision{engine::AssessmentOutcome::kAssess});
  REQUIRE(d.awaits(assess));
  REQUIRE(d.apply(assess).ok());
  CHECK(limbs[0]->met_on == make_date(2026, 4, 10));

  const auto issue =
      event(make_date(2026, 6, 1), engine::IssueDecision{engine::IssueOutcome::kIssue});
  REQUIRE(d.awaits(issue));
  REQUIRE(d.apply(issue).ok());
  CHECK(limbs[1]->ended_on == make_date(2026, 6, 1));  // no no-plan notice due now
  CHECK_FALSE(limbs[2]->met_on.has_value());

  const auto final_plan = event(make_date(2026, 7, 9), engine::FinalPlanIssued{});
  REQUIRE(d.apply(final_plan).ok());
  CHECK(limbs[2]->status_on(make_date(2026, 7, 9)) == ClockStatus::kLate);
  CHECK(d.state() == "orders_carried_out");
  CHECK(d.closed() == make_date(2026, 7, 9));
  CHECK_FALSE(d.awaits(final_plan));
}

TEST_CASE("an order to make a plan is met by the draft, then a final or an amended plan",
          "[disagreement]") {
  Fixture f;
  DisagreementWorkflow d(f.book, make_date(2026, 1, 5),
                         event(make_date(2026, 2, 2), engine::AppealLodged{}));
  REQUIRE(d.apply(event(make_date(2026, 6, 1), engine::TribunalOrder{OrderKind::kMakePlan})).ok());
  const auto limbs = all(f.book, "order:make_plan");
  REQUIRE(limbs.size() == 2);
  CHECK(limbs[0]->due == make_date(2026, 7, 6));   // 5 weeks
  CHECK(limbs[1]->due == make_date(2026, 8, 17));  // 11 weeks
  REQUIRE(d.apply(event(make_date(2026, 7, 6), engine::DraftPlanIssued{})).ok());
  CHECK(limbs[0]->status_on(make_date(2026, 7, 6)) == ClockStatus::kMet);
  REQUIRE(d.apply(event(make_date(2026, 8, 17), engine::AmendedPlanIssued{})).ok());
  CHECK(limbs[1]->status_on(make_date(2026, 8, 17)) == ClockStatus::kMet);
  CHECK(d.closed() == make_date(2026, 8, 17));
}

TEST_CASE(
    "an unopposed appeal and a mediation agreement run the order's limbs on their own "
    "ground",
    "[disagreement]") {
  Fixture f;
  DisagreementWorkflow d(f.book, make_date(2026, 1, 5),
                         event(make_date(2026, 1, 19), engine::MediationRequested{}));
  // Agreement in mediation on 10 Feb to amend the plan: 5 weeks, 17 Mar (reg 42(2)).
  REQUIRE(d.apply(event(make_date(2026, 2, 10), engine::MediationHeld{OrderKind::kAmend})).ok());
  CHECK(one(f.book, "order:amend").due == make_date(2026, 3, 17));
  CHECK(one(f.book, "order:amend").detail == "agreement.amended_plan");
  CHECK(one(f.book, "order:amend").basis == "src: 5 weeks from agreement 2026-02-10");
  REQUIRE(d.apply(event(make_date(2026, 2, 12), engine::MediationCertificateIssued{})).ok());
  REQUIRE(d.apply(event(make_date(2026, 3, 2), engine::AppealLodged{})).ok());
  // The LA tells the Tribunal on 20 Apr it will not oppose: section I in 2 weeks, 4 May.
  REQUIRE(d.apply(event(make_date(2026, 4, 20), engine::TribunalOrder{OrderKind::kSectionI, true}))
              .ok());
  CHECK(one(f.book, "order:section_i").due == make_date(2026, 5, 4));
  CHECK(one(f.book, "order:section_i").detail == "unopposed.amended_plan");
  // One amended plan carries out both.
  REQUIRE(d.apply(event(make_date(2026, 4, 30), engine::AmendedPlanIssued{})).ok());
  CHECK(one(f.book, "order:amend").status_on(make_date(2026, 4, 30)) == ClockStatus::kLate);
  CHECK(one(f.book, "order:section_i").status_on(make_date(2026, 4, 30)) == ClockStatus::kMet);
  CHECK(d.state() == "orders_carried_out");
}

TEST_CASE("an order dismissing an appeal against ceasing is due the same day", "[disagreement]") {
  Fixture f;
  DisagreementWorkflow d(f.book, make_date(2026, 1, 5),
                         event(make_date(2026, 2, 2), engine::AppealLodged{}));
  REQUIRE(d.apply(event(make_date(2026, 6, 1),
                        engine::AppealDecided{engine::AppealOutcome::kDismissed}))
              .ok());
  CHECK(d.state() == "appeal_dismissed");
  CHECK(d.closed() == make_date(2026, 6, 1));
  REQUIRE(d.apply(event(make_date(2026, 6, 1), engine::TribunalOrder{OrderKind::kCeaseDismissed}))
              .ok());
  CHECK_FALSE(d.closed().has_value());  // reopened: the LA has the order to carry out
  CHECK(one(f.book, "order:cease_dismissed").due == make_date(2026, 6, 1));
  REQUIRE(d.apply(event(make_date(2026, 6, 2), engine::PlanCeased{"appeal dismissed"})).ok());
  CHECK(one(f.book, "order:cease_dismissed").status_on(make_date(2026, 6, 2)) ==
        ClockStatus::kLate);
  CHECK(d.closed() == make_date(2026, 6, 2));
}

TEST_CASE("events the disagreement cannot take where they fall are refused, naming the state",
          "[disagreement]") {
  Fixture f;
  DisagreementWorkflow d(f.book, make_date(2026, 1, 5),
                         event(make_date(2026, 2, 2), engine::MediationDeclined{}));
  auto s = d.apply(event(make_date(2026, 2, 3), engine::TribunalOrder{OrderKind::kAmend}));
  CHECK(s.code() == engine::ErrorCode::kInvalidTransition);
  CHECK(s.message() == "cannot be taken while the disagreement is awaiting_certificate");
  s = d.apply(event(make_date(2026, 2, 3), engine::MediationHeld{}));
  CHECK(s.message() == "cannot be taken while the disagreement is awaiting_certificate");
  REQUIRE(d.apply(event(make_date(2026, 2, 4), engine::MediationCertificateIssued{})).ok());
  s = d.apply(event(make_date(2026, 2, 5), engine::MediationCertificateIssued{}));
  CHECK(s.message() == "the mediation certificate was already issued on 4 February 2026");
  REQUIRE(d.apply(event(make_date(2026, 3, 2), engine::AppealLodged{})).ok());
  REQUIRE(d.apply(event(make_date(2026, 5, 4), engine::TribunalOrder{OrderKind::kAmend})).ok());
  s = d.apply(event(make_date(2026, 5, 5), engine::TribunalOrder{OrderKind::kAmend}));
  CHECK(s.message() == "the order:amend of 2026-05-04 is still being carried out");
  CHECK(all(f.book, "order:amend").size() == 1);
  CHECK_FALSE(d.accepts(engine::EventType::kAppealLodged));
  CHECK(d.accepts(engine::EventType::kTribunalOrder));
  CHECK_FALSE(d.accepts(engine::EventType::kMediationHeld));
}

TEST_CASE("two disagreements in one book keep their own clocks", "[disagreement]") {
  Fixture f;
  DisagreementWorkflow first(f.book, make_date(2026, 1, 5),
                             event(make_date(2026, 1, 20), engine::MediationDeclined{}));
  DisagreementWorkflow second(f.book, make_date(2026, 2, 2),
                              event(make_date(2026, 2, 9), engine::MediationDeclined{}));
  REQUIRE(second.apply(event(make_date(2026, 2, 12), engine::MediationCertificateIssued{})).ok());
  CHECK(first.accepts(engine::EventType::kAppealLodged));
  CHECK_FALSE(second.accepts(engine::EventType::kMediationCertificateIssued));
  REQUIRE(first.apply(event(make_date(2026, 2, 16), engine::AppealLodged{})).ok());
  const auto windows = all(f.book, "appeal_window");
  REQUIRE(windows.size() == 2);
  CHECK(windows[0]->start == make_date(2026, 1, 5));  // the first's, met by its appeal
  CHECK(windows[0]->met_on == make_date(2026, 2, 16));
  CHECK(windows[1]->start ==
        make_date(2026, 2,
                  2));  // the second's: its certificate a month on (12 Mar) is earlier than 2 Apr
  CHECK_FALSE(windows[1]->met_on.has_value());
  second.close(make_date(2026, 2, 20));
  CHECK(windows[1]->ended_on == make_date(2026, 2, 20));
  CHECK(second.closed() == make_date(2026, 2, 20));
  CHECK_FALSE(first.closed().has_value());
}

TEST_CASE("a mediation asked for before an appeal is still held and certified beside it",
          "[disagreement]") {
  Fixture f;
  DisagreementWorkflow d(f.book, make_date(2026, 1, 30),
                         event(make_date(2026, 3, 2), engine::MediationRequested{}));
  REQUIRE(d.apply(event(make_date(2026, 3, 9), engine::AppealLodged{})).ok());
  CHECK(d.state() == "appealed");
  CHECK(d.accepts(engine::EventType::kMediationHeld));
  REQUIRE(d.apply(event(make_date(2026, 3, 25), engine::MediationHeld{})).ok());
  CHECK(d.state() == "appealed");
  REQUIRE(all(f.book, "mediation_held").size() == 1);
  CHECK(all(f.book, "mediation_held")[0]->met_on == make_date(2026, 3, 25));
  CHECK_FALSE(d.accepts(engine::EventType::kMediationHeld));  // held once
  CHECK(d.accepts(engine::EventType::kMediationCertificateIssued));
  REQUIRE(d.apply(event(make_date(2026, 3, 27), engine::MediationCertificateIssued{})).ok());
  REQUIRE(all(f.book, "mediation_certificate").size() == 1);
  CHECK(all(f.book, "mediation_certificate")[0]->met_on == make_date(2026, 3, 27));
  CHECK_FALSE(d.accepts(engine::EventType::kMediationCertificateIssued));
  const auto again = d.apply(event(make_date(2026, 3, 30), engine::MediationHeld{}));
  CHECK(again.message() == "the mediation was already held on 25 March 2026");
}
