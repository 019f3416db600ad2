// tests for the rule packs shipped with ehcp and for engine::RuleBook over them: limits,
// effective dating, basis text, the DfE convention and an LA's overrides.
#include "adapters/config/rule_pack_loader.h"

#include <catch2/catch.hpp>

#include "adapters/config/la_config.h"

using namespace ehcp;
using engine::make_date;

namespace {

engine::RuleBook national() {
  auto book = adapters::config::national_rule_book();
  REQUIRE(book.ok());
  return std::move(book).value();
}

std::string due_of(const engine::RuleBook& book, const char* clock, engine::Date start) {
  const auto* rule = book.rule_for(clock, start);
  REQUIRE(rule != nullptr);
  return engine::format_date(book.due(*rule, start, engine::Calendar{}));
}

}  // namespace

TEST_CASE("the shipped packs give the assessment clocks of rules.md §2 (contract §3 example)") {
  const auto book = national();
  const auto request = make_date(2026, 1, 5);
  CHECK(due_of(book, "decision_to_assess", request) == "2026-02-16");
  CHECK(due_of(book, "no_plan_notice", request) == "2026-04-27");
  CHECK(due_of(book, "final_plan", request) == "2026-05-25");
  CHECK(due_of(book, "draft_plan", request) == "2026-04-13");
  CHECK(due_of(book, "advice:ep", make_date(2026, 2, 12)) == "2026-03-26");
  CHECK(due_of(book, "consultation:Oak Lane", make_date(2026, 3, 2)) == "2026-03-16");
  CHECK(due_of(book, "annual_review", make_date(2028, 2, 29)) == "2029-02-28");
  CHECK_FALSE(book.rule_for("draft_plan", request)->statutory);
  CHECK(book.rule_for("teleport", request) == nullptr);
}

TEST_CASE("a clock's basis says the rule, the period and where it runs from") {
  const auto book = national();
  const auto* rule = book.rule_for("decision_to_assess", make_date(2026, 1, 5));
  CHECK(book.basis(*rule, make_date(2026, 1, 5)) ==
        "reg 5(1): 6 weeks from request received 2026-01-05");
  const auto* advice = book.rule_for("advice:ep", make_date(2026, 2, 12));
  CHECK(book.basis(*advice, make_date(2026, 2, 12)) ==
        "reg 8: 6 weeks from advice request received 2026-02-12");
}

TEST_CASE("the 2020 coronavirus pack governs clocks started from 1 May to 25 Sep 2020 only") {
  const auto book = national();
  CHECK(book.pack_on(make_date(2020, 4, 30))->name == "2014");
  CHECK(book.pack_on(make_date(2020, 5, 1))->name == "2020-coronavirus");
  CHECK(book.pack_on(make_date(2020, 9, 25))->name == "2020-coronavirus");
  CHECK(book.pack_on(make_date(2020, 9, 26))->name == "2014");
  CHECK(book.pack_on(make_date(2014, 8, 31)) == nullptr);
  // Same limits (inherited), with reg 2A named in the basis.
  CHECK(due_of(book, "final_plan", make_date(2020, 6, 1)) == "2020-10-19");
  const auto* rule = book.rule_for("final_plan", make_date(2020, 6, 1));
  CHECK(book.basis(*rule, make_date(2020, 6, 1)).find("reg 2A") != std::string::npos);
}

TEST_CASE("every exception limb a rule lists is one rules.md allows for that clock") {
  const auto book = national();
  const auto* advice = book.rule_for("advice:x", make_date(2026, 1, 5));
  CHECK(advice->exception_limbs ==
        std::vector<engine::ExceptionLimb>{engine::ExceptionLimb::kPersonalCircumstances,
                                           engine::ExceptionLimb::kAbsence,
                                           engine::ExceptionLimb::kMissedAppointment});
  CHECK(book.rule_for("annual_review", make_date(2026, 1, 5))->exception_limbs.empty());
  CHECK(book.rule_for("final_plan", make_date(2026, 1, 5))->exception_limbs.size() == 4);
}

TEST_CASE("an LA can set its own draft-plan target and the DfE counting convention") {
  auto config = adapters::config::la_config_from_json(nlohmann::json::parse(R"({"rules": {
      "count_event_day": true,
      "overrides": [{"clock": "draft_plan", "counting": "weeks_after", "amount": 16}]}})"));
  REQUIRE(config.ok());
  const auto& book = config.value().rules;
  const auto request = make_date(2026, 1, 5);
  CHECK(due_of(book, "draft_plan", request) == "2026-04-26");  // 16 weeks, day 1 = request
  CHECK(due_of(book, "final_plan", request) == "2026-05-24");
  const auto* rule = book.rule_for("final_plan", request);
  CHECK(book.basis(*rule, request) ==
        "reg 13(2): 20 weeks from request received 2026-01-05 (day 1 = 2026-01-05, DfE "
        "convention)");
}

TEST_CASE("bad rule packs and overrides are rejected naming the entry") {
  using adapters::config::rule_book_from_json;
  const auto error = [](const char* text) {
    auto book = rule_book_from_json(nlohmann::json::parse(text));
    return book.ok() ? std::string("(accepted)") : book.status().message();
  };
  CHECK(error(R"({})") == "rule packs: expected {\"packs\": [...]}");
  CHECK(error(R"({"packs": [{"name": "x", "effective_from": "2014-02-30"}]})") ==
        "packs[0]: field 'effective_from': impossible date 2014-02-30");
  CHECK(error(R"({"packs": [{"name": "x", "effective_from": "2014-09-01", "inherit": "y"}]})") ==
        "packs[0]: inherits 'y', which no earlier pack is named");
  CHECK(error(R"({"packs": [{"name": "x", "effective_from": "2014-09-01", "rules": [
      {"clock": "a", "workflow": "w", "counting": "fortnights", "amount": 1, "source": "s",
       "measured_from": "m"}]}]})") ==
        "packs[0].rules[0]: field 'counting' must be weeks_after, days_after, months_after, "
        "days_beginning_with, months_starting_with, working_days_beginning_with, "
        "working_days_after, day_before_fixed_date, days_before, months_before or immediately, "
        "not 'fortnights'");
  CHECK(error(R"({"packs": [{"name": "x", "effective_from": "2014-09-01", "rules": []}]})") ==
        "packs[0]: rule pack 'x' has no rules");
  auto la = adapters::config::la_config_from_json(nlohmann::json::parse(
      R"({"rules": {"overrides": [{"clock": "teleport", "counting": "weeks_after", "amount": 1}]}})"));
  REQUIRE_FALSE(la.ok());
  CHECK(la.status().message() == "rules.overrides[0].clock: no rule pack has a clock 'teleport'");
}

TEST_CASE("the shipped packs carry the default escalation ladder, and the 2020 pack inherits it") {
  const auto book = national();
  const auto& ladder = book.pack_on(make_date(2026, 1, 5))->escalation;
  REQUIRE(ladder.size() == 4);
  CHECK(ladder[0].name == "due_soon");
  CHECK(ladder[3].notify == std::vector<std::string>{"head_of_service"});
  CHECK(book.pack_on(make_date(2020, 6, 1))->escalation == ladder);
  // A final plan due Mon 25 May 2026 (spring bank holiday): due_soon 10 working days before
  // (Mon 11 May), due on the day, overdue Tue 26 May, escalated 10 working days after
  // (Mon 8 Jun).
  const engine::Calendar calendar;
  const auto due = make_date(2026, 5, 25);
  CHECK(engine::fires_on(ladder[0], due, calendar) == make_date(2026, 5, 11));
  CHECK(engine::fires_on(ladder[1], due, calendar) == due);
  CHECK(engine::fires_on(ladder[2], due, calendar) == make_date(2026, 5, 26));
  CHECK(engine::fires_on(ladder[3], due, calendar) == make_date(2026, 6, 8));
}

TEST_CASE("a rung without anyone to notify is rejected naming it") {
  auto book = adapters::config::rule_book_from_json(nlohmann::json::parse(R"({"packs": [
      {"name": "x", "effective_from": "2014-09-01",
       "escalation": [{"rung": "due", "offset": 0, "notify": []}],
       "rules": [{"clock": "a", "workflow": "w", "counting": "weeks_after", "amount": 1,
                  "source": "s", "measured_from": "m"}]}]})"));
  REQUIRE_FALSE(book.ok());
  CHECK(book.status().message() ==
        "packs[0].escalation[0]: field 'notify' must list at least one role");
}

TEST_CASE("an LA can move a limb of reg 18 by its fixed date or its months") {
  auto config = adapters::config::la_config_from_json(nlohmann::json::parse(R"({"rules": {
      "overrides": [
        {"clock": "phase_transfer", "limb": "post16_to_post16", "counting": "months_before",
         "amount": 6},
        {"clock": "phase_transfer", "limb": "school", "counting": "day_before_fixed_date",
         "amount": 0, "fixed_date": "02-01"}]}})"));
  REQUIRE(config.ok());
  const auto limbs = config.value().rules.transfer_rules(make_date(2026, 9, 1));
  REQUIRE(limbs);
  using engine::Phase;
  // 6 months before Sun 31 Jan 2027: 31 Jul 2026.
  CHECK(engine::expected_transfer_due(Phase::kPost16, Phase::kPost16, make_date(2027, 1, 31),
                                      *limbs) == make_date(2026, 7, 31));
  // The day before 1 February of the move's year; reg 18(1)(a) keeps its 30 March.
  CHECK(engine::expected_transfer_due(Phase::kSecondary, Phase::kPrimary, make_date(2027, 9, 1),
                                      *limbs) == make_date(2027, 1, 31));
  CHECK(engine::expected_transfer_due(Phase::kPost16, Phase::kSecondary, make_date(2027, 9, 1),
                                      *limbs) == make_date(2027, 3, 30));
  CHECK(engine::expected_transfer_basis(Phase::kPost16, Phase::kPost16, make_date(2027, 1, 31),
                                        *limbs) ==
        "reg 18(2): plan amended at least 6 months before the move from post16 to post16 on 31 "
        "January 2027, by 31 July 2026");
}

TEST_CASE("a fixed date must be a day every year has, on a rule that counts to one") {
  const auto la_error = [](const char* text) {
    auto la = adapters::config::la_config_from_json(nlohmann::json::parse(text));
    return la.ok() ? std::string("(accepted)") : la.status().message();
  };
  CHECK(la_error(R"({"rules": {"overrides": [{"clock": "phase_transfer", "limb": "school",
      "counting": "day_before_fixed_date", "amount": 0, "fixed_date": "02-29"}]}})") ==
        "rules.overrides[0].fixed_date: must be a month and day MM-DD that every year "
        "has (\"02-15\"), not \"02-29\"");
  CHECK(la_error(R"({"rules": {"overrides": [{"clock": "phase_transfer", "limb": "school",
      "counting": "day_before_fixed_date", "amount": 0, "fixed_date": "2-15"}]}})") ==
        "rules.overrides[0].fixed_date: must be a month and day MM-DD that every year "
        "has (\"02-15\"), not \"2-15\"");
  CHECK(la_error(R"({"rules": {"overrides": [{"clock": "draft_plan", "counting": "weeks_after",
      "amount": 16, "fixed_date": "02-15"}]}})") ==
        "rules.overrides[0]: clock 'draft_plan' has a fixed_date but counts weeks_after");
  // The limb keeps its own date when the override gives none.
  CHECK(la_error(R"({"rules": {"overrides": [{"clock": "phase_transfer", "limb": "post16",
      "counting": "day_before_fixed_date", "amount": 0}]}})") == "(accepted)");
  const auto pack_error = [](const char* text) {
    auto book = adapters::config::rule_book_from_json(nlohmann::json::parse(text));
    return book.ok() ? std::string("(accepted)") : book.status().message();
  };
  CHECK(pack_error(R"({"packs": [{"name": "x", "effective_from": "2014-09-01", "rules": [
      {"clock": "a", "limb": "b", "workflow": "w", "counting": "day_before_fixed_date",
       "amount": 0, "source": "s", "measured_from": "m"}]}]})") ==
        "packs[0]: rule pack 'x': clock 'a' limb 'b' counts the day before a fixed date but "
        "gives no fixed_date");
  CHECK(pack_error(R"({"packs": [{"name": "x", "effective_from": "2014-09-01",
      "exception_thresholds": {"absence_weeks": 0, "closure_weeks": 4,
                               "closure_window_weeks": 1, "source": "s"},
      "rules": [{"clock": "a", "workflow": "w", "counting": "weeks_after", "amount": 1,
                 "source": "s", "measured_from": "m"}]}]})") ==
        "packs[0].exception_thresholds: field 'absence_weeks' must be a whole number, 1 or more");
  CHECK(pack_error(R"({"packs": [{"name": "x", "effective_from": "2014-09-01",
      "preparation_for_adulthood": {"from_year_group": 9},
      "rules": [{"clock": "a", "workflow": "w", "counting": "weeks_after", "amount": 1,
                 "source": "s", "measured_from": "m"}]}]})") ==
        "packs[0].preparation_for_adulthood: missing field 'source'");
}
