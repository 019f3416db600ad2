// The 2014 pack's limits for the clocks of rules.md §2, §3 and §5, built in code so that the
// workflow tests need no files: the assessment (and a detained person's limbs), the review, the
// moves between LAs, re-assessment and custody, and the checks, reg 18 limbs and pack-wide
// limits any test pack can take (add_pack_limits). Sources and texts are short stand-ins; the
// limits, countings, fixed dates, limbs, exception limbs and statutory flags are the real
// pack's (and so are the sources that are not stand-ins): tests/adapters/rule_fixtures_test.cpp
// compares them with england.json.
#pragma once

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/rule_pack.h"

namespace ehcp::test {

inline engine::ClockRule pack_rule(const char* clock, const char* limb, const char* workflow,
                                   engine::Counting counting, int amount,
                                   std::vector<engine::ExceptionLimb> limbs = {},
                                   bool statutory = true) {
  engine::ClockRule r;
  r.clock = clock;
  r.limb = limb;
  r.workflow = workflow;
  r.counting = counting;
  r.amount = amount;
  r.statutory = statutory;
  r.source = std::string("src ") + clock + (*limb != '\0' ? std::string(" ") + limb : "");
  r.measured_from = "start";
  r.exception_limbs = std::move(limbs);
  return r;
}

// One of the family's 2-month windows from a decision notice (reg 33, HESC rule 20(1)(c)).
inline engine::ClockRule family_rule(const char* clock, const char* limb) {
  engine::ClockRule r = pack_rule(clock, limb, "disagreement", engine::Counting::kMonthsAfter, 2);
  r.family = true;
  return r;
}

// The family's days from a draft and from an amendment notice (reg 13(1), 22(2)): checks.
inline std::vector<engine::ClockRule> representation_rules() {
  using C = engine::Counting;
  std::vector<engine::ClockRule> rules = {
      pack_rule("draft_representations", "", "assessment", C::kDaysBeginningWith, 15),
      pack_rule("amendment_representations", "", "review", C::kDaysBeginningWith, 15)};
  rules[0].source = "reg 13(1)";  // cited in the warnings tests check
  rules[1].source = "reg 22(2)";
  return rules;
}

// The three limbs of reg 18.
inline std::vector<engine::ClockRule> phase_transfer_rules() {
  using C = engine::Counting;
  std::vector<engine::ClockRule> rules = {
      pack_rule("phase_transfer", "school", "transfer", C::kDayBeforeFixedDate, 0),
      pack_rule("phase_transfer", "post16", "transfer", C::kDayBeforeFixedDate, 0),
      pack_rule("phase_transfer", "post16_to_post16", "transfer", C::kMonthsBefore, 5)};
  rules[0].fixed_date = date::February / 15;
  rules[1].fixed_date = date::March / 31;
  // The basis texts tests check cite the limbs as the pack does.
  rules[0].source = "reg 18(1)(b)";
  rules[1].source = "reg 18(1)(a)";
  rules[2].source = "reg 18(2)";
  return rules;
}

// The reg 18 limbs as engine/phase_transfer takes them; the rules live for the whole run.
inline engine::TransferRules reg18_rules() {
  static const std::vector<engine::ClockRule> rules = phase_transfer_rules();
  return {&rules[0], &rules[1], &rules[2]};
}

// Adds the checks, the reg 18 limbs and the pack-wide limits (the exceptions' thresholds, Year 9)
// to a test's pack, and marks custody_share_plan a guidance target (CoP ch. 10, rules.md §5).
inline void add_pack_limits(engine::RulePack& pack) {
  for (auto& rule : pack.rules) {
    if (rule.clock == "custody_share_plan") {
      rule.statutory = false;
    }
  }
  for (auto rules : {representation_rules(), phase_transfer_rules()}) {
    pack.rules.insert(pack.rules.end(), rules.begin(), rules.end());
  }
  pack.exception_thresholds = engine::ExceptionThresholds{4, 4, 1, "src exceptions"};
  pack.preparation_for_adulthood = engine::AdulthoodRule{9, "src adulthood"};
}

// `book` with add_pack_limits applied to each of its packs.
inline engine::RuleBook with_pack_limits(const engine::RuleBook& book) {
  engine::RuleBook out;
  for (engine::RulePack pack : book.packs()) {
    add_pack_limits(pack);
    REQUIRE(out.add(std::move(pack)).ok());
  }
  return out;
}

inline engine::RuleBook rules_with_moves() {
  using C = engine::Counting;
  using L = engine::ExceptionLimb;
  const std::vector<L> e_list = {L::kSchoolClosure, L::kEarlyYearsClosure,
                                 L::kPersonalCircumstances, L::kAbsence};
  const std::vector<L> detained = {L::kSchoolClosure, L::kPersonalCircumstances, L::kAbsence};
  const std::vector<L> advice = {L::kPersonalCircumstances, L::kAbsence, L::kMissedAppointment};
  engine::RulePack pack;
  pack.name = "2014";
  pack.effective_from = engine::make_date(2014, 9, 1);
  pack.rules = {
      pack_rule("decision_to_assess", "", "assessment", C::kWeeksAfter, 6, e_list),
      pack_rule("decision_to_assess", "detained", "assessment", C::kWeeksAfter, 6, detained),
      pack_rule("advice", "", "assessment", C::kWeeksAfter, 6, advice),
      pack_rule("no_plan_notice", "", "assessment", C::kWeeksAfter, 16, e_list),
      pack_rule("no_plan_notice", "detained", "assessment", C::kWeeksAfter, 16, detained),
      pack_rule("final_plan", "", "assessment", C::kWeeksAfter, 20, e_list),
      pack_rule("final_plan", "detained", "assessment", C::kWeeksAfter, 20, detained),
      pack_rule("draft_plan", "", "assessment", C::kWeeksAfter, 14, {}, false),
      pack_rule("consultation", "", "assessment", C::kDaysBeginningWith, 15, {}, false),
      pack_rule("annual_review", "", "review", C::kMonthsStartingWith, 12),
      pack_rule("review_notice", "", "review", C::kDaysBefore, 14),
      pack_rule("review_report", "", "review", C::kWeeksAfter, 2),
      pack_rule("review_decision", "", "review", C::kWeeksAfter, 4),
      pack_rule("amended_plan", "", "review", C::kWeeksAfter, 8),
      pack_rule("transfer_out", "", "move", C::kImmediately, 0),
      pack_rule("transfer_out", "aware", "move", C::kWorkingDaysBeginningWith, 15),
      pack_rule("transfer_in_notice", "", "move", C::kWeeksAfter, 6),
      pack_rule("transfer_in_review", "", "review", C::kMonthsStartingWith, 12),
      pack_rule("transfer_in_review", "transfer", "review", C::kMonthsStartingWith, 3),
      pack_rule("reassessment_decision", "", "reassessment", C::kDaysAfter, 15),
      pack_rule("reassessment_plan", "", "reassessment", C::kWeeksAfter, 14, e_list),
      pack_rule("custody_share_plan", "", "custody", C::kWorkingDaysAfter, 5),
      // The family's windows every appealable decision opens (rules.md §6).
      family_rule("mediation_contact", ""),
      family_rule("appeal_window", ""),
  };
  engine::RuleBook book;
  REQUIRE(book.add(pack).ok());
  return with_pack_limits(book);
}

}  // namespace ehcp::test
