// tests/engine/breach_report_test.cpp
//
// engine/breach_report.h: which statutory clocks a nightly report lists as overdue, new, due soon
// or excepted, in what order, and the counts by clock and team for the night and the one before.
//
// The report date throughout is Wed 1 Apr 2026. Easter 2026 falls in the next ten working days
// (Good Friday 3 Apr, Easter Monday 6 Apr), so "due soon" reaches Fri 17 Apr: 2, 7, 8, 9, 10,
// 13, 14, 15, 16, 17 Apr. The night before (Tue 31 Mar) it reached Thu 16 Apr.
#include "engine/breach_report.h"

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

namespace Catch {
template <>
struct StringMaker<ehcp::engine::BreachTally> {
  static std::string convert(const ehcp::engine::BreachTally& t) {
    std::ostringstream out;
    out << "{overdue " << t.overdue << ", new " << t.new_breaches << ", due_soon " << t.due_soon
        << ", excepted " << t.excepted << "}";
    return out.str();
  }
};
}  // namespace Catch

namespace ehcp::engine {
namespace {

Date d(int y, unsigned m, unsigned day) { return make_date(y, m, day); }

const Date kD = d(2026, 4, 1);

BreachCandidate candidate(std::string case_ref, std::string clock, Date due,
                          std::string team = "North") {
  BreachCandidate c;
  c.case_ref = std::move(case_ref);
  c.clock.name = std::move(clock);
  c.clock.workflow = "assessment";
  c.clock.start = d(2026, 1, 5);
  c.clock.due = due;
  c.caseworker = "Omar Quillfeather";
  c.team = std::move(team);
  c.child = "Ada Example";
  return c;
}

BreachTally tally(int overdue, int new_breaches, int due_soon, int excepted) {
  return BreachTally{
      .overdue = overdue, .new_breaches = new_breaches, .due_soon = due_soon, .excepted = excepted};
}

std::vector<std::string> refs(const std::vector<BreachEntry>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) {
    out.push_back(e.case_ref + " " + e.clock);
  }
  return out;
}

BreachReport report_of(std::vector<BreachCandidate> cs, bool previous_report) {
  const Calendar calendar;
  return compose_breach_report(cs, kD, calendar, previous_report);
}

TEST_CASE("due soon looks ten working days ahead, across Easter", "[breach_report]") {
  const Calendar calendar;
  CHECK(due_soon_horizon(kD, calendar) == d(2026, 4, 17));
  CHECK(due_soon_horizon(d(2026, 3, 31), calendar) == d(2026, 4, 16));
  // From Fri 10 Apr: 13-17, 20-24 Apr.
  CHECK(due_soon_horizon(d(2026, 4, 10), calendar) == d(2026, 4, 24));
}

TEST_CASE("a clock first overdue on the report date is new, whatever earlier reports showed",
          "[breach_report]") {
  auto c = candidate("A-1", "final_plan", d(2026, 3, 31));
  c.reported_before = true;
  for (const bool previous_report : {false, true}) {
    const auto report = report_of({c}, previous_report);
    CHECK(report.as_of == kD);
    CHECK(report.previous_report == previous_report);
    REQUIRE(report.new_breaches.size() == 1);
    REQUIRE(report.overdue.size() == 1);
    const BreachEntry& e = report.overdue[0];
    CHECK(e.case_ref == "A-1");
    CHECK(e.clock == "final_plan");
    CHECK(e.workflow == "assessment");
    CHECK(e.start == d(2026, 1, 5));
    CHECK(e.due == d(2026, 3, 31));
    CHECK(e.days_overdue == 1);
    CHECK(e.working_days_left == 0);
    CHECK(e.caseworker == "Omar Quillfeather");
    CHECK(e.team == "North");
    CHECK(e.child == "Ada Example");
    CHECK_FALSE(e.exception);
    CHECK(report.total == tally(1, 1, 0, 0));
  }
}

TEST_CASE("an older breach is new only when an earlier report exists and none showed it",
          "[breach_report]") {
  auto c = candidate("A-1", "final_plan", d(2026, 3, 20));  // 12 days overdue on 1 Apr
  // No report before this one: nothing to compare with, so not new.
  auto report = report_of({c}, false);
  REQUIRE(report.overdue.size() == 1);
  CHECK(report.overdue[0].days_overdue == 12);
  CHECK(report.new_breaches.empty());
  // Earlier reports exist and none showed it (a backdated event made it overdue): new.
  report = report_of({c}, true);
  CHECK(refs(report.new_breaches) == std::vector<std::string>{"A-1 final_plan"});
  CHECK(report.total == tally(1, 1, 0, 0));
  // An earlier report showed it: overdue, not new.
  c.reported_before = true;
  report = report_of({c}, true);
  CHECK(report.overdue.size() == 1);
  CHECK(report.new_breaches.empty());
  CHECK(report.total == tally(1, 0, 0, 0));
}

TEST_CASE("an overdue clock excepted on or before the date is excepted, not a breach",
          "[breach_report]") {
  auto c = candidate("A-1", "decision_to_assess", d(2026, 3, 20));
  c.clock.exception_on = kD;
  auto report = report_of({c}, true);
  CHECK(report.overdue.empty());
  CHECK(report.new_breaches.empty());
  REQUIRE(report.excepted.size() == 1);
  CHECK(report.excepted[0].exception);
  CHECK(report.excepted[0].days_overdue == 12);
  CHECK(report.total == tally(0, 0, 0, 1));
  // The exception applies only from tomorrow: today it is still a (new) breach.
  c.clock.exception_on = d(2026, 4, 2);
  report = report_of({c}, true);
  CHECK(report.excepted.empty());
  REQUIRE(report.overdue.size() == 1);
  CHECK_FALSE(report.overdue[0].exception);
  CHECK(report.total == tally(1, 1, 0, 0));
}

TEST_CASE("due soon is after the date and up to ten working days ahead, soonest first",
          "[breach_report]") {
  const auto report = report_of({candidate("A-5", "final_plan", d(2026, 4, 18)),  // Sat: beyond
                                 candidate("A-4", "final_plan", d(2026, 4, 17)),  // 10th
                                 candidate("A-3", "final_plan", d(2026, 4, 6)),   // Easter Monday
                                 candidate("A-2", "final_plan", d(2026, 4, 2)),   // tomorrow
                                 candidate("A-1", "final_plan", kD)},             // due today
                                false);
  CHECK(refs(report.due_soon) ==
        std::vector<std::string>{"A-2 final_plan", "A-3 final_plan", "A-4 final_plan"});
  REQUIRE(report.due_soon.size() == 3);
  CHECK(report.due_soon[0].working_days_left == 1);
  CHECK(report.due_soon[1].working_days_left == 1);  // only Thu 2 Apr lies between
  CHECK(report.due_soon[2].working_days_left == 10);
  CHECK(report.due_soon[0].days_overdue == 0);
  // Due today: neither overdue nor due soon.
  CHECK(report.overdue.empty());
  CHECK(report.excepted.empty());
  CHECK(report.total == tally(0, 0, 3, 0));
}

TEST_CASE("a clock that has not started by the date is not in the report", "[breach_report]") {
  auto c = candidate("A-1", "advice:ep", d(2026, 4, 10));
  c.clock.start = d(2026, 4, 2);
  const auto report = report_of({c}, true);
  CHECK(report.due_soon.empty());
  CHECK(report.total == tally(0, 0, 0, 0));
}

TEST_CASE("guidance clocks and clocks met or ended by the date are never listed",
          "[breach_report]") {
  auto guidance = candidate("A-1", "draft_plan", d(2026, 3, 20));
  guidance.clock.statutory = false;
  auto guidance_soon = candidate("A-2", "draft_plan", d(2026, 4, 7));
  guidance_soon.clock.statutory = false;
  auto met = candidate("A-3", "final_plan", d(2026, 3, 20));
  met.clock.met_on = d(2026, 3, 25);
  auto ended = candidate("A-4", "final_plan", d(2026, 3, 20));
  ended.clock.ended_on = d(2026, 3, 30);
  auto met_early = candidate("A-5", "final_plan", d(2026, 4, 7));
  met_early.clock.met_on = d(2026, 3, 30);
  const auto report = report_of({guidance, guidance_soon, met, ended, met_early}, true);
  CHECK(report.overdue.empty());
  CHECK(report.new_breaches.empty());
  CHECK(report.due_soon.empty());
  CHECK(report.excepted.empty());
  CHECK(report.total == tally(0, 0, 0, 0));
  CHECK(report.previous_total == tally(0, 0, 0, 0));
  CHECK(report.by_clock.empty());
  CHECK(report.by_team.empty());
}

TEST_CASE("a clock met after the report date is still overdue as of that date", "[breach_report]") {
  auto c = candidate("A-1", "final_plan", d(2026, 3, 20));
  c.clock.met_on = d(2026, 4, 3);
  c.reported_before = true;
  const auto report = report_of({c}, true);
  CHECK(refs(report.overdue) == std::vector<std::string>{"A-1 final_plan"});
}

TEST_CASE("overdue and excepted lists put the most overdue first, then case, then clock",
          "[breach_report]") {
  std::vector<BreachCandidate> cs{
      candidate("C-2", "final_plan", d(2026, 3, 20)),
      candidate("C-0", "final_plan", d(2026, 3, 31)),
      candidate("C-1", "final_plan", d(2026, 3, 20)),
      candidate("C-3", "final_plan", d(2026, 3, 10)),
      candidate("C-1", "decision_to_assess", d(2026, 3, 20)),
  };
  for (auto& c : cs) {
    c.reported_before = true;
  }
  auto report = report_of(cs, true);
  CHECK(refs(report.overdue) == std::vector<std::string>{"C-3 final_plan", "C-1 decision_to_assess",
                                                         "C-1 final_plan", "C-2 final_plan",
                                                         "C-0 final_plan"});
  REQUIRE(report.overdue.size() == 5);
  CHECK(report.overdue[0].days_overdue == 22);
  CHECK(report.overdue[4].days_overdue == 1);
  CHECK(refs(report.new_breaches) == std::vector<std::string>{"C-0 final_plan"});
  for (auto& c : cs) {
    c.clock.exception_on = d(2026, 3, 1);
  }
  report = report_of(cs, true);
  CHECK(report.overdue.empty());
  CHECK(refs(report.excepted) ==
        std::vector<std::string>{"C-3 final_plan", "C-1 decision_to_assess", "C-1 final_plan",
                                 "C-2 final_plan", "C-0 final_plan"});
}

TEST_CASE("counts by clock and by team for the night and the night before", "[breach_report]") {
  std::vector<BreachCandidate> cs;
  // First overdue today: new today; the night before it was due that day, so in no list.
  cs.push_back(candidate("T-1", "final_plan", d(2026, 3, 31), "North"));
  // Long overdue and reported: overdue both nights.
  cs.push_back(candidate("T-2", "final_plan", d(2026, 3, 20), "North"));
  cs.back().reported_before = true;
  // Overdue and never reported, no team: new today, overdue the night before.
  cs.push_back(candidate("T-3", "advice:ep", d(2026, 3, 20), ""));
  // Due Fri 17 Apr: the 10th working day today, the 11th the night before.
  cs.push_back(candidate("T-4", "advice:ep", d(2026, 4, 17), ""));
  // Due 30 Mar, met today: nothing today; the night before it was first overdue, so new.
  cs.push_back(candidate("T-5", "advice:health", d(2026, 3, 30), "South"));
  cs.back().clock.met_on = kD;
  // Excepted from today; overdue the night before.
  cs.push_back(candidate("T-6", "decision_to_assess", d(2026, 3, 20), "South"));
  cs.back().clock.exception_on = kD;
  cs.back().reported_before = true;
  // Guidance: never counted.
  cs.push_back(candidate("T-7", "draft_plan", d(2026, 3, 20), "North"));
  cs.back().clock.statutory = false;
  // Due Thu 16 Apr: due soon both nights (9 working days left today).
  cs.push_back(candidate("T-8", "final_plan", d(2026, 4, 16), "South"));

  const auto report = report_of(cs, true);
  CHECK(refs(report.overdue) ==
        std::vector<std::string>{"T-2 final_plan", "T-3 advice:ep", "T-1 final_plan"});
  CHECK(refs(report.new_breaches) == std::vector<std::string>{"T-3 advice:ep", "T-1 final_plan"});
  CHECK(refs(report.due_soon) == std::vector<std::string>{"T-8 final_plan", "T-4 advice:ep"});
  CHECK(report.due_soon[0].working_days_left == 9);
  CHECK(refs(report.excepted) == std::vector<std::string>{"T-6 decision_to_assess"});

  CHECK(report.total == tally(3, 2, 2, 1));
  CHECK(report.by_clock.size() == 3);
  CHECK(report.by_clock.at("final_plan") == tally(2, 1, 1, 0));
  CHECK(report.by_clock.at("advice:ep") == tally(1, 1, 1, 0));
  CHECK(report.by_clock.at("decision_to_assess") == tally(0, 0, 0, 1));
  CHECK(report.by_team.size() == 3);
  CHECK(report.by_team.at("North") == tally(2, 1, 0, 0));
  CHECK(report.by_team.at("(no team)") == tally(1, 1, 1, 0));
  CHECK(report.by_team.at("South") == tally(0, 0, 1, 1));

  CHECK(report.previous_total == tally(4, 1, 1, 0));
  CHECK(report.previous_by_clock.size() == 4);
  CHECK(report.previous_by_clock.at("final_plan") == tally(1, 0, 1, 0));
  CHECK(report.previous_by_clock.at("advice:ep") == tally(1, 0, 0, 0));
  CHECK(report.previous_by_clock.at("advice:health") == tally(1, 1, 0, 0));
  CHECK(report.previous_by_clock.at("decision_to_assess") == tally(1, 0, 0, 0));
  CHECK(report.previous_by_team.size() == 3);
  CHECK(report.previous_by_team.at("North") == tally(1, 0, 0, 0));
  CHECK(report.previous_by_team.at("(no team)") == tally(1, 0, 0, 0));
  CHECK(report.previous_by_team.at("South") == tally(2, 1, 1, 0));
}

}  // namespace
}  // namespace ehcp::engine
