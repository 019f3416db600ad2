// tests/engine/rule_pack_test.cpp
//
// engine/rule_pack.h, escalation ladders: an LA replaces every pack's ladder ("*") or gives one
// clock (or a family of clocks) its own, and ladder_for answers with the rule's own ladder, else
// its pack's.
#include "engine/rule_pack.h"

#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

namespace ehcp::engine {
namespace {

Date d(int y, unsigned m, unsigned day) { return make_date(y, m, day); }

EscalationRung rung(std::string name, int offset, std::vector<std::string> notify) {
  return EscalationRung{.name = std::move(name),
                        .offset = offset,
                        .working_days = false,
                        .notify = std::move(notify)};
}

ClockRule rule(std::string clock, bool statutory = true) {
  return ClockRule{.clock = std::move(clock),
                   .limb = "",
                   .workflow = "assessment",
                   .counting = Counting::kWeeksAfter,
                   .amount = 6,
                   .statutory = statutory,
                   .source = "reg 5(1)",
                   .measured_from = "request received",
                   .exception_limbs = {},
                   .action = "decide",
                   .escalation = std::nullopt};
}

const std::vector<EscalationRung> kPackLadder{rung("due", 0, {"caseworker"}),
                                              rung("overdue", 1, {"team_manager"})};

// Two packs, as the shipped ones: 2014, and one in force for a while in 2020.
RuleBook book() {
  RuleBook b;
  RulePack main{.name = "2014",
                .effective_from = d(2014, 9, 1),
                .effective_to = std::nullopt,
                .count_event_day = false,
                .general_exception = std::nullopt,
                .rules = {rule("decision_to_assess"), rule("advice"), rule("final_plan"),
                          rule("draft_plan", false)},
                .escalation = kPackLadder};
  RulePack covid = main;
  covid.name = "2020-coronavirus";
  covid.effective_from = d(2020, 5, 1);
  covid.effective_to = d(2020, 9, 25);
  REQUIRE(b.add(std::move(main)).ok());
  REQUIRE(b.add(std::move(covid)).ok());
  return b;
}

std::vector<std::string> names_of(std::span<const EscalationRung> ladder) {
  std::vector<std::string> out;
  for (const auto& r : ladder) {
    out.push_back(r.name);
  }
  return out;
}

const Date k2026 = d(2026, 1, 5);
const Date k2020 = d(2020, 6, 1);

TEST_CASE("a clock climbs its pack's ladder unless it has its own", "[rule_pack]") {
  const RuleBook b = book();
  CHECK(names_of(b.ladder_for("final_plan", k2026)) == std::vector<std::string>{"due", "overdue"});
  CHECK(names_of(b.ladder_for("advice:ep", k2026)) == std::vector<std::string>{"due", "overdue"});
  CHECK(names_of(b.ladder_for("final_plan", k2020)) == std::vector<std::string>{"due", "overdue"});
}

TEST_CASE("no ladder for a clock no pack has, or before any pack was in force", "[rule_pack]") {
  const RuleBook b = book();
  CHECK(b.ladder_for("teleport", k2026).empty());
  CHECK(b.ladder_for("final_plan", d(2014, 8, 31)).empty());
}

TEST_CASE("a clock named in set_ladder gets its own ladder in every pack; others keep the pack's",
          "[rule_pack]") {
  RuleBook b = book();
  const std::vector<EscalationRung> own{rung("late", 5, {"head_of_service"})};
  REQUIRE(b.set_ladder("final_plan", own).ok());
  CHECK(names_of(b.ladder_for("final_plan", k2026)) == std::vector<std::string>{"late"});
  CHECK(names_of(b.ladder_for("final_plan", k2020)) == std::vector<std::string>{"late"});
  CHECK(b.ladder_for("final_plan", k2026)[0] == own[0]);
  CHECK(names_of(b.ladder_for("decision_to_assess", k2026)) ==
        std::vector<std::string>{"due", "overdue"});
  // The pack's own ladder is untouched.
  CHECK(b.pack_on(k2026)->escalation == kPackLadder);
}

TEST_CASE("a family name gives every clock of that family its own ladder", "[rule_pack]") {
  RuleBook b = book();
  const std::vector<EscalationRung> own{rung("chase", -2, {"caseworker"})};
  REQUIRE(b.set_ladder("advice", own).ok());
  CHECK(names_of(b.ladder_for("advice:ep", k2026)) == std::vector<std::string>{"chase"});
  CHECK(names_of(b.ladder_for("advice:health", k2026)) == std::vector<std::string>{"chase"});
  CHECK(names_of(b.ladder_for("final_plan", k2026)) == std::vector<std::string>{"due", "overdue"});
}

TEST_CASE("\"*\" replaces every pack's ladder and clears the clocks' own", "[rule_pack]") {
  RuleBook b = book();
  REQUIRE(b.set_ladder("final_plan", {rung("late", 5, {"head_of_service"})}).ok());
  const std::vector<EscalationRung> everyone{rung("due", 0, {"caseworker", "team_manager"})};
  REQUIRE(b.set_ladder("*", everyone).ok());
  for (const Date start : {k2026, k2020}) {
    CHECK(b.pack_on(start)->escalation == everyone);
    CHECK(names_of(b.ladder_for("final_plan", start)) == std::vector<std::string>{"due"});
    CHECK(names_of(b.ladder_for("advice:ep", start)) == std::vector<std::string>{"due"});
  }
  CHECK_FALSE(b.rule_for("final_plan", k2026)->escalation.has_value());
  // A clock's own ladder set after "*" still wins over it.
  REQUIRE(b.set_ladder("final_plan", {rung("late", 5, {"head_of_service"})}).ok());
  CHECK(names_of(b.ladder_for("final_plan", k2026)) == std::vector<std::string>{"late"});
  CHECK(names_of(b.ladder_for("decision_to_assess", k2026)) == std::vector<std::string>{"due"});
}

TEST_CASE("a ladder for a clock no pack has is refused, and nothing changes", "[rule_pack]") {
  RuleBook b = book();
  const Status status = b.set_ladder("teleport", {rung("late", 5, {"head_of_service"})});
  REQUIRE_FALSE(status.ok());
  CHECK(status.code() == ErrorCode::kInvalidInput);
  CHECK(status.message() == "no rule pack has a clock named 'teleport'");
  CHECK(names_of(b.ladder_for("final_plan", k2026)) == std::vector<std::string>{"due", "overdue"});
}

// A clock the law sets several limits for: one rule per limb, as the Tribunal's order to assess.
ClockRule limb_rule(std::string clock, std::string limb, int weeks) {
  ClockRule r = rule(std::move(clock));
  r.limb = std::move(limb);
  r.amount = weeks;
  r.workflow = "disagreement";
  return r;
}

RuleBook book_with_limbs() {
  RuleBook b;
  RulePack pack{
      .name = "2014",
      .effective_from = d(2014, 9, 1),
      .effective_to = std::nullopt,
      .count_event_day = false,
      .general_exception = std::nullopt,
      .rules = {limb_rule("order:assess", "tribunal.notify", 2),
                limb_rule("order:assess", "tribunal.final_plan", 14),
                limb_rule("appeal_window", "", 8), limb_rule("appeal_window", "certificate", 4)},
      .escalation = kPackLadder};
  REQUIRE(b.add(std::move(pack)).ok());
  return b;
}

TEST_CASE(
    "each limb of a clock is its own rule; another limb or none gives the plain rule, "
    "else the first limb",
    "[rule_pack]") {
  const RuleBook b = book_with_limbs();
  const ClockRule* notify = b.rule_for("order:assess", k2026, "tribunal.notify");
  const ClockRule* final_plan = b.rule_for("order:assess", k2026, "tribunal.final_plan");
  REQUIRE(notify != nullptr);
  REQUIRE(final_plan != nullptr);
  CHECK(notify->amount == 2);
  CHECK(final_plan->amount == 14);
  CHECK(b.rule_for("order:assess", k2026) == notify);
  CHECK(b.rule_for("order:assess", k2026, "agreement.notify") == notify);
  REQUIRE(b.rule_for("appeal_window", k2026) != nullptr);
  CHECK(b.rule_for("appeal_window", k2026)->limb.empty());
  CHECK(b.rule_for("appeal_window", k2026, "certificate")->amount == 4);
  CHECK(b.rule_for("appeal_window", k2026, "health")->limb.empty());  // a detail, not a limb
  CHECK(names_of(b.ladder_for("order:assess", k2026)) ==
        std::vector<std::string>{"due", "overdue"});
}

TEST_CASE("a clock may appear once a limb in a pack, and an override names its limb",
          "[rule_pack]") {
  RuleBook b;
  RulePack twice{.name = "2014",
                 .effective_from = d(2014, 9, 1),
                 .effective_to = std::nullopt,
                 .count_event_day = false,
                 .general_exception = std::nullopt,
                 .rules = {limb_rule("order:amend", "tribunal.amended_plan", 5),
                           limb_rule("order:amend", "tribunal.amended_plan", 6)},
                 .escalation = kPackLadder};
  const Status status = b.add(std::move(twice));
  REQUIRE_FALSE(status.ok());
  CHECK(status.message() ==
        "rule pack '2014' has clock 'order:amend' limb 'tribunal.amended_plan' twice");

  RuleBook limbs = book_with_limbs();
  CHECK(limbs.override_rule(limb_rule("order:assess", "tribunal.final_plan", 16)).ok());
  CHECK(limbs.rule_for("order:assess", k2026, "tribunal.final_plan")->amount == 16);
  CHECK(limbs.rule_for("order:assess", k2026, "tribunal.notify")->amount == 2);
  const Status unknown = limbs.override_rule(limb_rule("order:assess", "", 3));
  CHECK(unknown.message() == "no rule pack has a clock 'order:assess'");
}

}  // namespace
}  // namespace ehcp::engine
