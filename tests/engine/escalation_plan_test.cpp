// tests/engine/escalation_plan_test.cpp
//
// engine/escalation_plan.h: which rungs of the default ladder a clock reaches by a date, which of
// those notify and which are recorded as skipped, and who each rung tells.
#include "engine/escalation_plan.h"

#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

namespace ehcp::engine {
namespace {

Date d(int y, unsigned m, unsigned day) { return make_date(y, m, day); }

EscalationRung rung(std::string name, int offset, bool working_days,
                    std::vector<std::string> notify) {
  return EscalationRung{.name = std::move(name),
                        .offset = offset,
                        .working_days = working_days,
                        .notify = std::move(notify)};
}

// The default ladder (issue 4), as adapters/rule_packs/england.json gives it.
std::vector<EscalationRung> default_ladder() {
  return {rung("due_soon", -10, true, {"caseworker"}),
          rung("due", 0, false, {"caseworker", "team_manager"}),
          rung("overdue", 1, false, {"team_manager"}),
          rung("escalated", 10, true, {"head_of_service"})};
}

// A decision to assess requested Mon 2 Mar 2026, due Mon 13 Apr 2026 (6 weeks). Easter 2026:
// Good Friday 3 Apr and Easter Monday 6 Apr. So the rungs fire on
//   due_soon  Thu 26 Mar (10 working days back: 10, 9, 8, 7, 2, 1 Apr, 31, 30, 27, 26 Mar)
//   due       Mon 13 Apr
//   overdue   Tue 14 Apr
//   escalated Mon 27 Apr (10 working days on: 14-17, 20-24, 27 Apr)
Clock decision_to_assess() {
  Clock c;
  c.name = "decision_to_assess";
  c.workflow = "assessment";
  c.start = d(2026, 3, 2);
  c.due = d(2026, 4, 13);
  return c;
}

std::vector<std::string> names_of(const std::vector<RungDecision>& plan) {
  std::vector<std::string> out;
  for (const auto& decision : plan) {
    out.push_back(decision.rung->name);
  }
  return out;
}

std::vector<std::string> notified(const std::vector<RungDecision>& plan) {
  std::vector<std::string> out;
  for (const auto& decision : plan) {
    if (decision.notify) {
      out.push_back(decision.rung->name);
    }
  }
  return out;
}

const std::vector<std::string> kNone;

TEST_CASE("the default ladder fires across Easter 2026 on the working days counted by hand",
          "[escalation_plan]") {
  const Calendar calendar;
  const auto ladder = default_ladder();
  const Date due = d(2026, 4, 13);
  CHECK(fires_on(ladder[0], due, calendar) == d(2026, 3, 26));
  CHECK(fires_on(ladder[1], due, calendar) == due);
  CHECK(fires_on(ladder[2], due, calendar) == d(2026, 4, 14));
  CHECK(fires_on(ladder[3], due, calendar) == d(2026, 4, 27));
}

TEST_CASE("nothing is reached the day before due_soon fires", "[escalation_plan]") {
  const Calendar calendar;
  const auto ladder = default_ladder();
  CHECK(plan_escalation(decision_to_assess(), ladder, calendar, d(2026, 3, 25), kNone).empty());
}

TEST_CASE("on its day due_soon alone is reached, and it notifies", "[escalation_plan]") {
  const Calendar calendar;
  const auto ladder = default_ladder();
  const auto plan = plan_escalation(decision_to_assess(), ladder, calendar, d(2026, 3, 26), kNone);
  REQUIRE(plan.size() == 1);
  CHECK(plan[0].rung == &ladder[0]);
  CHECK(plan[0].fires_on == d(2026, 3, 26));
  CHECK(plan[0].notify);
}

TEST_CASE("on the due day with due_soon recorded, only due is planned and it notifies",
          "[escalation_plan]") {
  const Calendar calendar;
  const auto ladder = default_ladder();
  const std::vector<std::string> recorded{"due_soon"};
  const auto plan =
      plan_escalation(decision_to_assess(), ladder, calendar, d(2026, 4, 13), recorded);
  REQUIRE(plan.size() == 1);
  CHECK(plan[0].rung == &ladder[1]);
  CHECK(plan[0].fires_on == d(2026, 4, 13));
  CHECK(plan[0].notify);
}

TEST_CASE("on the due day with nothing recorded, due_soon is skipped and due notifies",
          "[escalation_plan]") {
  const Calendar calendar;
  const auto ladder = default_ladder();
  const auto plan = plan_escalation(decision_to_assess(), ladder, calendar, d(2026, 4, 13), kNone);
  CHECK(names_of(plan) == std::vector<std::string>{"due_soon", "due"});
  CHECK(notified(plan) == std::vector<std::string>{"due"});
}

TEST_CASE("after downtime only the highest rung notifies; the ones it overtook are skipped",
          "[escalation_plan]") {
  const Calendar calendar;
  const auto ladder = default_ladder();
  // Nothing ran from before due_soon until Tue 28 Apr, the day after escalated fired.
  const auto plan = plan_escalation(decision_to_assess(), ladder, calendar, d(2026, 4, 28), kNone);
  REQUIRE(plan.size() == 4);
  CHECK(names_of(plan) == std::vector<std::string>{"due_soon", "due", "overdue", "escalated"});
  CHECK(plan[0].fires_on == d(2026, 3, 26));
  CHECK(plan[1].fires_on == d(2026, 4, 13));
  CHECK(plan[2].fires_on == d(2026, 4, 14));
  CHECK(plan[3].fires_on == d(2026, 4, 27));
  CHECK_FALSE(plan[0].notify);
  CHECK_FALSE(plan[1].notify);
  CHECK_FALSE(plan[2].notify);
  CHECK(plan[3].notify);
}

TEST_CASE("the plan comes in fire-date order even when the ladder is listed otherwise",
          "[escalation_plan]") {
  const Calendar calendar;
  // An LA ladder written latest first.
  const std::vector<EscalationRung> ladder{rung("escalated", 10, true, {"head_of_service"}),
                                           rung("overdue", 1, false, {"team_manager"}),
                                           rung("due_soon", -10, true, {"caseworker"})};
  const auto plan = plan_escalation(decision_to_assess(), ladder, calendar, d(2026, 4, 28), kNone);
  CHECK(names_of(plan) == std::vector<std::string>{"due_soon", "overdue", "escalated"});
  CHECK(notified(plan) == std::vector<std::string>{"escalated"});
}

TEST_CASE("of two rungs firing the same day, the later one in the ladder notifies",
          "[escalation_plan]") {
  const Calendar calendar;
  const std::vector<EscalationRung> ladder{rung("due", 0, false, {"caseworker"}),
                                           rung("due_hos", 0, true, {"head_of_service"})};
  const auto plan = plan_escalation(decision_to_assess(), ladder, calendar, d(2026, 4, 13), kNone);
  CHECK(names_of(plan) == std::vector<std::string>{"due", "due_hos"});
  CHECK(notified(plan) == std::vector<std::string>{"due_hos"});
}

TEST_CASE("with a higher rung already recorded, an unrecorded lower rung is skipped, not notified",
          "[escalation_plan]") {
  const Calendar calendar;
  const auto ladder = default_ladder();
  // Mon 20 Apr: due_soon, due and overdue reached; overdue was recorded, due was not.
  const std::vector<std::string> recorded{"due_soon", "overdue"};
  const auto plan =
      plan_escalation(decision_to_assess(), ladder, calendar, d(2026, 4, 20), recorded);
  REQUIRE(plan.size() == 1);
  CHECK(plan[0].rung == &ladder[1]);
  CHECK_FALSE(plan[0].notify);
  // Only the highest recorded: both lower ones are skipped.
  const std::vector<std::string> only_overdue{"overdue"};
  const auto plan2 =
      plan_escalation(decision_to_assess(), ladder, calendar, d(2026, 4, 20), only_overdue);
  CHECK(names_of(plan2) == std::vector<std::string>{"due_soon", "due"});
  CHECK(notified(plan2).empty());
}

TEST_CASE("every reached rung recorded: nothing more to plan", "[escalation_plan]") {
  const Calendar calendar;
  const auto ladder = default_ladder();
  const std::vector<std::string> recorded{"due_soon", "due", "overdue", "escalated"};
  CHECK(plan_escalation(decision_to_assess(), ladder, calendar, d(2026, 6, 1), recorded).empty());
}

TEST_CASE("a clock met on or before the date escalates no further; met after it still does",
          "[escalation_plan]") {
  const Calendar calendar;
  const auto ladder = default_ladder();
  Clock c = decision_to_assess();
  c.met_on = d(2026, 4, 28);
  CHECK(plan_escalation(c, ladder, calendar, d(2026, 4, 28), kNone).empty());
  c.met_on = d(2026, 4, 10);
  CHECK(plan_escalation(c, ladder, calendar, d(2026, 4, 28), kNone).empty());
  // Met on 1 May: as it stood on 28 Apr the clock was overdue.
  c.met_on = d(2026, 5, 1);
  const auto plan = plan_escalation(c, ladder, calendar, d(2026, 4, 28), kNone);
  CHECK(names_of(plan) == std::vector<std::string>{"due_soon", "due", "overdue", "escalated"});
  CHECK(notified(plan) == std::vector<std::string>{"escalated"});
}

TEST_CASE("an ended clock escalates no further", "[escalation_plan]") {
  const Calendar calendar;
  const auto ladder = default_ladder();
  Clock c = decision_to_assess();
  c.ended_on = d(2026, 4, 28);
  CHECK(plan_escalation(c, ladder, calendar, d(2026, 4, 28), kNone).empty());
  // The day before it ended it was overdue and escalated.
  CHECK(notified(plan_escalation(c, ladder, calendar, d(2026, 4, 27), kNone)) ==
        std::vector<std::string>{"escalated"});
}

TEST_CASE("an exception from the date stops escalation; one from a later date does not",
          "[escalation_plan]") {
  const Calendar calendar;
  const auto ladder = default_ladder();
  Clock c = decision_to_assess();
  c.exception_on = d(2026, 4, 28);
  CHECK(plan_escalation(c, ladder, calendar, d(2026, 4, 28), kNone).empty());
  c.exception_on = d(2026, 4, 1);
  CHECK(plan_escalation(c, ladder, calendar, d(2026, 4, 28), kNone).empty());
  c.exception_on = d(2026, 4, 29);
  CHECK(notified(plan_escalation(c, ladder, calendar, d(2026, 4, 28), kNone)) ==
        std::vector<std::string>{"escalated"});
}

TEST_CASE("a clock does not escalate before it starts, even if a rung's day has passed",
          "[escalation_plan]") {
  const Calendar calendar;
  const auto ladder = default_ladder();
  // A short clock: started Fri 10 Apr, due Mon 13 Apr; due_soon's day (26 Mar) is before it.
  Clock c = decision_to_assess();
  c.start = d(2026, 4, 10);
  CHECK(plan_escalation(c, ladder, calendar, d(2026, 4, 9), kNone).empty());
  const auto plan = plan_escalation(c, ladder, calendar, d(2026, 4, 10), kNone);
  REQUIRE(plan.size() == 1);
  CHECK(plan[0].rung->name == "due_soon");
  CHECK(plan[0].notify);
}

TEST_CASE("a guidance clock climbs only the rungs that reach the caseworker", "[escalation_plan]") {
  const Calendar calendar;
  const auto ladder = default_ladder();
  Clock c = decision_to_assess();
  c.name = "draft_plan";
  c.statutory = false;
  CHECK(names_of(plan_escalation(c, ladder, calendar, d(2026, 3, 26), kNone)) ==
        std::vector<std::string>{"due_soon"});
  // Long after escalated's day: due_soon and due only, due the highest, so it notifies.
  const auto plan = plan_escalation(c, ladder, calendar, d(2026, 5, 29), kNone);
  CHECK(names_of(plan) == std::vector<std::string>{"due_soon", "due"});
  CHECK(notified(plan) == std::vector<std::string>{"due"});
  const std::vector<std::string> recorded{"due_soon", "due"};
  CHECK(plan_escalation(c, ladder, calendar, d(2026, 5, 29), recorded).empty());
}

TEST_CASE("a statutory rung tells its own roles; for guidance only the caseworker",
          "[escalation_plan]") {
  const auto ladder = default_ladder();
  Clock statutory = decision_to_assess();
  CHECK(recipients_of(ladder[1], statutory) ==
        std::vector<std::string>{"caseworker", "team_manager"});
  CHECK(recipients_of(ladder[2], statutory) == std::vector<std::string>{"team_manager"});
  CHECK(recipients_of(ladder[3], statutory) == std::vector<std::string>{"head_of_service"});
  Clock guidance = decision_to_assess();
  guidance.statutory = false;
  CHECK(recipients_of(ladder[0], guidance) == std::vector<std::string>{"caseworker"});
  CHECK(recipients_of(ladder[1], guidance) == std::vector<std::string>{"caseworker"});
  CHECK(recipients_of(ladder[2], guidance).empty());
  CHECK(recipients_of(ladder[3], guidance).empty());
}

}  // namespace
}  // namespace ehcp::engine
