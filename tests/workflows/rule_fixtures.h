// The 2014 pack's limits for the clocks of rules.md §2, §3 and §5, built in code so that the
// workflow tests need no files: the assessment (and a detained person's limbs), the review, the
// moves between LAs, re-assessment and custody. Sources and texts are short stand-ins; the
// limits, countings, limbs and exception limbs are the real pack's.
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
  return book;
}

}  // namespace ehcp::test
