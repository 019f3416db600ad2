// workflows/disagreement/order_limbs.h
//
// What a Tribunal order asks of the LA, limb by limb (rules.md §6, reg 44(2)), and which later
// event meets or ends each limb. The same limbs serve an unopposed appeal (reg 45) and a
// mediation agreement on an appealable matter (reg 42(2)); the ground only picks the rule
// pack's rule, and so the citation. How long each limb runs is the rule pack's: here is only
// which event answers which limb. Pure; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "engine/event.h"

namespace ehcp::workflows::disagreement {

// Why the LA must do what an order says: the order itself, not opposing the appeal, or an
// agreement in mediation. Its name starts each limb's name in the rule pack ("tribunal.notify").
enum class Ground { kTribunal, kUnopposed, kAgreement };

std::string_view to_string(Ground ground);

// The clock an order of `kind` runs: "order:assess", "order:cease_dismissed".
std::string order_clock(engine::OrderKind kind);

// The limbs of an order of `kind`, in the order the law gives them: "notify", "no_plan",
// "final_plan" for an order to assess; one limb for amend, section_i, cease_dismissed and
// other.
std::span<const std::string_view> order_steps(engine::OrderKind kind);

// The rule pack's limb for `step` of an order on `ground`: "tribunal.notify".
std::string limb_name(Ground ground, std::string_view step);

enum class LimbEffect {
  kNone,   // the event says nothing about this limb
  kMeets,  // the LA did what the limb asks
  kEnds,   // the limb no longer applies (a decision to issue ends the no-plan limb)
};

// What `event` does to limb `step` of an order of `kind`:
//  - assess (or re-assess): notify is met by assessment_decision or reassessment_decision
//    `assess`; no_plan by issue_decision `no_plan` (an `issue` decision ends it); final_plan by
//    final_plan_issued or, after a re-assessment, amended_plan_issued (a `no_plan` decision
//    ends it). An outcome also ends the earlier limbs still open.
//  - make_plan: draft by draft_plan_issued; final by final_plan_issued or amended_plan_issued
//    (which end an open draft limb).
//  - amend and section_i: amended_plan_issued.
//  - cease_dismissed: plan_ceased.
//  - other (an agreement in mediation on a matter the Tribunal cannot hear, reg 42(3)):
//    agreement_carried_out.
LimbEffect limb_effect(engine::OrderKind kind, std::string_view step, const engine::Event& event);

}  // namespace ehcp::workflows::disagreement
