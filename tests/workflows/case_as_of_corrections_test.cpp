// tests for workflows/case_as_of.h and workflows/corrections.h: an event_voided takes its event
// out of everything derived, whatever the date, and a void that cannot be taken is refused with
// a reason naming it. Dates computed by hand: a request received Mon 2026-01-05 is due a
// decision by Mon 2026-02-16 (6 weeks); one received Mon 2026-01-12 by Mon 2026-02-23.
#include <catch2/catch.hpp>

#include "engine/case_record.h"
#include "tests/workflows/rule_fixtures.h"
#include "workflows/case_as_of.h"

using namespace ehcp;
using engine::make_date;

namespace {

class History {
 public:
  History() : rules_(test::rules_with_moves()) {}
  // Adds an event with the next seq; `id`, when given, is its idempotency id.
  History& add(const char* on, engine::EventBody body, const char* id = nullptr) {
    events_.push_back({static_cast<std::int64_t>(events_.size() + 1),
                       engine::Event{"A-1", *engine::parse_date(on),
                                     id ? std::optional<std::string>(id) : std::nullopt,
                                     std::string("Sam"), std::move(body)}});
    return *this;
  }
  History& void_seq(const char* on, std::int64_t seq, const char* reason = "wrong date") {
    return add(on, engine::EventVoided{std::nullopt, seq, reason});
  }
  History& void_id(const char* on, const char* id) {
    return add(on, engine::EventVoided{std::string(id), std::nullopt, "recorded twice"});
  }
  workflows::CaseAsOf as_of(std::optional<engine::Date> on = std::nullopt) const {
    return workflows::case_as_of(events_, rules_, calendar_, on);
  }
  const engine::RuleBook& rules() const { return rules_; }

 private:
  engine::RuleBook rules_;
  engine::Calendar calendar_;
  std::vector<engine::RecordedEvent> events_;
};

engine::CaseOpened child() {
  engine::CaseOpened opened;
  opened.child = {"Ada", "Example", make_date(2017, 5, 2), {}, {}, {}};
  return opened;
}

const engine::Clock* clock_named(const workflows::CaseAsOf& c, const std::string& name) {
  for (const auto& clock : c.view.clocks) {
    if (clock.name == name) {
      return &clock;
    }
  }
  return nullptr;
}

std::string rejection_of(const workflows::CaseAsOf& c) {
  return c.rejection ? c.rejection->reason : std::string("(accepted)");
}

}  // namespace

TEST_CASE("a request voided and recorded again on the right date moves the decision clock") {
  History h;
  h.add("2026-01-02", child())
      .add("2026-01-05", engine::AssessmentRequested{})  // #2: the wrong date
      .void_seq("2026-01-20", 2)
      .add("2026-01-12", engine::AssessmentRequested{});  // #4: the right one
  const auto now = h.as_of();
  REQUIRE_FALSE(now.rejection);
  const auto* decision = clock_named(now, "decision_to_assess");
  REQUIRE(decision != nullptr);
  CHECK(decision->start == make_date(2026, 1, 12));
  CHECK(decision->due == make_date(2026, 2, 23));
  CHECK(now.view.clocks.size() == 4);  // one assessment's clocks, not two
  CHECK(now.known.size() == 2);        // case_opened and the right request
  REQUIRE(now.corrections.size() == 1);
  CHECK(now.corrections[0].voided.seq == 2);
  CHECK(now.corrections[0].correction.seq == 3);
}

TEST_CASE("a void applies as of a date before the void itself: the event never happened") {
  History h;
  h.add("2026-01-02", child())
      .add("2026-01-05", engine::AssessmentRequested{})
      .void_seq("2026-03-02", 2);
  // As of 2026-01-10 the void (dated 2026-03-02) is still to come, yet the request is gone.
  const auto before = h.as_of(make_date(2026, 1, 10));
  REQUIRE_FALSE(before.rejection);
  CHECK(before.view.clocks.empty());
  CHECK(before.view.workflows.empty());
  CHECK(before.later_events == 1);  // the void, dated after the date
  CHECK(before.corrections.size() == 1);
}

TEST_CASE("the case record forgets a voided caseworker assignment, named by its id") {
  History h;
  h.add("2026-01-02", child())
      .add("2026-01-05", engine::CaseworkerAssigned{"Sam", std::nullopt})
      .add("2026-01-06", engine::CaseworkerAssigned{"Wrong Person", std::string("East")}, "c-2")
      .void_id("2026-01-07", "c-2");
  const auto shown = h.as_of();
  REQUIRE_FALSE(shown.rejection);
  CHECK(shown.record.caseworker == "Sam");
  CHECK_FALSE(shown.record.team.has_value());
}

TEST_CASE("voiding a request whose assessment goes on names the void and the event left over") {
  History h;
  h.add("2026-01-02", child())
      .add("2026-01-05", engine::AssessmentRequested{})                                  // #2
      .add("2026-02-10", engine::AssessmentDecision{})                                   // #3
      .add("2026-02-12", engine::AdviceRequested{"ep", engine::AdviceService::kHealth})  // #4
      .void_seq("2026-03-02", 2);                                                        // #5
  const auto refused = h.as_of();
  REQUIRE(refused.rejection);
  CHECK(refused.rejection->seq == 5);
  CHECK(refused.rejection->reason ==
        "voiding assessment_requested on 2026-01-05 (#2) leaves assessment_decision on "
        "2026-02-10 (#3) that cannot be taken (no assessment has been requested): void it as "
        "well, in the same import");
  h.void_seq("2026-03-02", 3).void_seq("2026-03-02", 4);
  const auto accepted = h.as_of();
  REQUIRE_FALSE(accepted.rejection);
  CHECK(accepted.view.clocks.empty());
  CHECK(accepted.corrections.size() == 3);
}

TEST_CASE("a void of a case_opened, of a void, of an unknown or later event, or twice is refused") {
  const auto refusal = [](auto&& build) {
    History h;
    h.add("2026-01-02", child(), "open-1").add("2026-01-05", engine::AssessmentRequested{}, "r-1");
    build(h);
    return rejection_of(h.as_of());
  };
  CHECK(refusal([](History& h) { h.void_id("2026-01-09", "open-1"); }) ==
        "event_voided on 2026-01-09: case_opened on 2026-01-02 (#1) cannot be voided: close the "
        "case instead (case_closed), and open the right one under a new reference");
  CHECK(refusal([](History& h) { h.void_seq("2026-01-09", 2).void_seq("2026-01-09", 3); }) ==
        "event_voided on 2026-01-09: event_voided on 2026-01-09 (#3) is a correction, which "
        "cannot be voided: to undo it, record the event it voided again, under a new id");
  CHECK(refusal([](History& h) { h.void_seq("2026-01-09", 2).void_id("2026-01-10", "r-1"); }) ==
        "event_voided on 2026-01-10: assessment_requested on 2026-01-05 (#2) was already voided "
        "by #3 on 2026-01-09");
  CHECK(refusal([](History& h) { h.void_seq("2026-01-09", 9); }) ==
        "event_voided on 2026-01-09: no event #9 in case 'A-1'");
  CHECK(refusal([](History& h) { h.void_id("2026-01-09", "nope"); }) ==
        "event_voided on 2026-01-09: no event with id 'nope' in case 'A-1'");
  CHECK(refusal([](History& h) {
          h.void_seq("2026-01-09", 4).add("2026-01-09", engine::CaseClosed{"moved"});
        }) ==
        "event_voided on 2026-01-09: names case_closed on 2026-01-09 (#4), recorded after it: a "
        "correction voids only what was recorded before it");
}

TEST_CASE("the case evaluator refuses a correction: only case_as_of may take it") {
  History h;
  h.add("2026-01-02", child());
  std::vector<engine::RecordedEvent> events = {
      {1, engine::Event{"A-1", make_date(2026, 1, 2), std::nullopt, std::nullopt, child()}},
      {2, engine::Event{"A-1", make_date(2026, 1, 9), std::nullopt, std::nullopt,
                        engine::EventVoided{std::nullopt, 1, "x"}}}};
  const auto evaluation = workflows::evaluate_case(events, h.rules(), engine::Calendar{});
  REQUIRE(evaluation.rejection);
  CHECK(evaluation.rejection->seq == 2);
}
