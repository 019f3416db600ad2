// tests/adapters/rule_pack_coverage_test.cpp
//
// The national rule pack (adapters/rule_packs/england.json, as compiled in) against the code
// that reads it: every clock name in workflows/clock_names.h and every order limb the
// disagreement machine opens has a rule, every rule has a user, every pack carries the limits
// that are not clocks, and the rules the workflow and engine tests build in C++
// (tests/workflows/rule_fixtures.h) are the pack's.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/config/rule_pack_loader.h"
#include "tests/workflows/rule_fixtures.h"
#include "workflows/clock_names.h"
#include "workflows/disagreement/order_limbs.h"

using namespace ehcp;
using workflows::disagreement::Ground;

namespace {

constexpr std::array kOrderKinds = {
    engine::OrderKind::kAssess,   engine::OrderKind::kMakePlan,       engine::OrderKind::kAmend,
    engine::OrderKind::kSectionI, engine::OrderKind::kCeaseDismissed, engine::OrderKind::kOther};
constexpr std::array kGrounds = {Ground::kTribunal, Ground::kUnopposed, Ground::kAgreement};

const engine::RuleBook& national() {
  static const engine::RuleBook book = adapters::config::national_rule_book().value();
  return book;
}

const engine::RulePack& pack_2014() {
  for (const auto& pack : national().packs()) {
    if (pack.name == "2014") {
      return pack;
    }
  }
  FAIL("the national rule book has no pack named 2014");
  return national().packs().front();
}

// The pack's rule with exactly this clock and limb, or nullptr.
const engine::ClockRule* exact(const engine::RulePack& pack, const std::string& clock,
                               const std::string& limb) {
  for (const auto& rule : pack.rules) {
    if (rule.clock == clock && rule.limb == limb) {
      return &rule;
    }
  }
  return nullptr;
}

bool is_family(std::string_view name) { return name.ends_with(':'); }

// The order limbs the disagreement machine can open for `kind`: one per ground and step.
bool order_limb_used(const engine::ClockRule& rule) {
  for (const auto kind : kOrderKinds) {
    if (rule.clock != workflows::disagreement::order_clock(kind)) {
      continue;
    }
    for (const auto step : workflows::disagreement::order_steps(kind)) {
      for (const auto ground : kGrounds) {
        if (rule.limb == workflows::disagreement::limb_name(ground, step)) {
          return true;
        }
      }
    }
  }
  return false;
}

}  // namespace

TEST_CASE("every clock name the machines use has a rule in every national pack",
          "[rule_pack][coverage]") {
  for (const auto& pack : national().packs()) {
    for (const std::string_view name : workflows::clocks::kAll) {
      INFO("pack " << pack.name << ", clock " << name);
      const std::string family(is_family(name) ? name.substr(0, name.size() - 1) : name);
      const bool found = std::any_of(pack.rules.begin(), pack.rules.end(), [&](const auto& r) {
        // "advice:" is the rule "advice"; "order:" the rules "order:<kind>".
        return r.clock == family || (is_family(name) && r.clock.starts_with(name));
      });
      CHECK(found);
    }
  }
}

TEST_CASE("every step of every kind of order has a rule on at least one ground",
          "[rule_pack][coverage]") {
  for (const auto kind : kOrderKinds) {
    for (const auto step : workflows::disagreement::order_steps(kind)) {
      const std::string clock = workflows::disagreement::order_clock(kind);
      INFO(clock << " step " << step);
      CHECK(std::any_of(kGrounds.begin(), kGrounds.end(), [&](Ground g) {
        return exact(pack_2014(), clock, workflows::disagreement::limb_name(g, step)) != nullptr;
      }));
    }
  }
}

TEST_CASE("every rule in the national pack is one the code uses", "[rule_pack][coverage]") {
  for (const auto& pack : national().packs()) {
    for (const auto& rule : pack.rules) {
      INFO("pack " << pack.name << ", clock " << rule.clock << " limb '" << rule.limb << "'");
      if (rule.clock.starts_with(workflows::clocks::kOrderPrefix)) {
        CHECK(order_limb_used(rule));
        continue;
      }
      const bool named =
          std::any_of(workflows::clocks::kAll.begin(), workflows::clocks::kAll.end(),
                      [&](std::string_view n) { return n == rule.clock || n == rule.clock + ":"; });
      CHECK(named);
    }
  }
}

TEST_CASE("every national pack gives the reg 18 limbs, the exceptions' thresholds and Year 9",
          "[rule_pack][coverage]") {
  for (const auto& pack : national().packs()) {
    INFO("pack " << pack.name);
    const auto limbs = national().transfer_rules(pack.effective_from);
    REQUIRE(limbs);
    CHECK(limbs->school->fixed_date == date::February / 15);
    CHECK(limbs->post16->fixed_date == date::March / 31);
    CHECK(limbs->post16_to_post16->counting == engine::Counting::kMonthsBefore);
    CHECK(limbs->post16_to_post16->amount == 5);
    CHECK(national().exception_thresholds(pack.effective_from) != nullptr);
    CHECK(national().preparation_for_adulthood(pack.effective_from) != nullptr);
  }
}

TEST_CASE("the rules the workflow and engine tests build are the national pack's",
          "[rule_pack][fixtures]") {
  const engine::RuleBook fixtures = test::rules_with_moves();
  REQUIRE(fixtures.packs().size() == 1);
  const engine::RulePack& copy = fixtures.packs().front();
  const engine::RulePack& real = pack_2014();
  for (const auto& rule : copy.rules) {
    INFO("clock " << rule.clock << " limb '" << rule.limb << "'");
    const engine::ClockRule* pack_rule = exact(real, rule.clock, rule.limb);
    REQUIRE(pack_rule != nullptr);
    CHECK(rule.workflow == pack_rule->workflow);
    CHECK(rule.counting == pack_rule->counting);
    CHECK(rule.amount == pack_rule->amount);
    CHECK(rule.fixed_date == pack_rule->fixed_date);
    CHECK(rule.statutory == pack_rule->statutory);
    CHECK(rule.exception_limbs == pack_rule->exception_limbs);
    if (!rule.source.starts_with("src ")) {  // a stand-in, else the pack's own citation
      CHECK(rule.source == pack_rule->source);
    }
  }
  REQUIRE(copy.exception_thresholds);
  REQUIRE(real.exception_thresholds);
  CHECK(copy.exception_thresholds->absence_weeks == real.exception_thresholds->absence_weeks);
  CHECK(copy.exception_thresholds->closure_weeks == real.exception_thresholds->closure_weeks);
  CHECK(copy.exception_thresholds->closure_window_weeks ==
        real.exception_thresholds->closure_window_weeks);
  REQUIRE(copy.preparation_for_adulthood);
  REQUIRE(real.preparation_for_adulthood);
  CHECK(copy.preparation_for_adulthood->from_year_group ==
        real.preparation_for_adulthood->from_year_group);
  // The engine tests' reg 18 limbs are the same rules.
  const engine::TransferRules reg18 = test::reg18_rules();
  for (const engine::ClockRule* rule : {reg18.school, reg18.post16, reg18.post16_to_post16}) {
    const engine::ClockRule* pack_rule = exact(real, rule->clock, rule->limb);
    REQUIRE(pack_rule != nullptr);
    CHECK(rule->counting == pack_rule->counting);
    CHECK(rule->amount == pack_rule->amount);
    CHECK(rule->fixed_date == pack_rule->fixed_date);
    CHECK(rule->source == pack_rule->source);
  }
}
