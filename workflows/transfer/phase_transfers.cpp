#include "workflows/transfer/phase_transfers.h"

#include "workflows/clock_names.h"

namespace ehcp::workflows::transfer {
namespace {

// Academic years from the one of birth to Year 14's (A + 5 + 14), the last year group with a plan.
constexpr int kLastTransferYears = 19;

// The first amended plan naming a setting on or after `from`: what meets a transfer.
std::optional<engine::Date> named_from(std::span<const engine::Date> naming, engine::Date from) {
  for (const engine::Date d : naming) {
    if (d >= from) {
      return d;
    }
  }
  return std::nullopt;
}

// One transfer's clock and workflow entry, or nothing when the plan had already stopped.
void add_transfer(CaseView& view, const TransferHistory& history, const engine::RuleBook& rules,
                  std::optional<engine::Date> plan_ended, engine::Date start, engine::Date due,
                  std::string basis, std::string limb, engine::Date naming_from) {
  if (plan_ended && *plan_ended < start) {
    return;  // no plan, no transfer
  }
  const engine::ClockRule* rule = rules.rule_for(clocks::kPhaseTransfer, start, limb);
  engine::Clock c;
  c.name = clocks::kPhaseTransfer;
  c.workflow = kWorkflow;
  c.start = start;
  c.due = due;
  c.statutory = rule == nullptr || rule->statutory;
  c.basis = std::move(basis);
  c.detail = std::move(limb);
  c.met_on = named_from(history.naming, naming_from);
  if (!c.met_on && plan_ended) {
    c.ended_on = plan_ended;
  }
  view.workflows.push_back({kWorkflow,
                            c.met_on ? "named" : (c.ended_on ? "ended" : "awaiting_amendment"),
                            start,
                            c.met_on ? c.met_on : c.ended_on,
                            {}});
  view.clocks.push_back(std::move(c));
}

// The period in force on `on`, if any.
const PlanPeriod* period_on(std::span<const PlanPeriod> plans, engine::Date on) {
  for (auto it = plans.rbegin(); it != plans.rend(); ++it) {
    if (it->known <= on) {
      return &*it;
    }
  }
  return nullptr;
}

}  // namespace

void add_phase_transfers(const TransferHistory& history, const engine::RuleBook& rules,
                         CaseView& view) {
  // Far enough for any last year group an LA could configure (Year 14 at the latest).
  const int until = engine::academic_year_of(history.dob) + kLastTransferYears;
  for (const PlanPeriod& plan : history.plans) {
    // The limbs in force when the plan became known (the national packs agree on them).
    const auto limbs = rules.transfer_rules(plan.known);
    if (!limbs) {
      continue;
    }
    for (const auto& t :
         engine::derive_transfers(history.dob, history.out_of_cohort, history.phases, plan.known,
                                  until, rules.transfer_options(), *limbs)) {
      add_transfer(view, history, rules, plan.ended, t.start, t.due, t.basis, t.limb,
                   engine::academic_year_start(t.academic_year));
    }
  }
  for (const ExpectedMove& move : history.expected) {
    const auto limbs = rules.transfer_rules(move.on);
    if (!limbs) {
      continue;
    }
    const engine::Phase from =
        engine::phase_on(history.phases, move.on).value_or(engine::Phase::kNone);
    const PlanPeriod* plan = period_on(history.plans, move.on);
    add_transfer(view, history, rules, plan != nullptr ? plan->ended : std::nullopt, move.on,
                 engine::expected_transfer_due(move.to_phase, from, move.move, *limbs),
                 engine::expected_transfer_basis(move.to_phase, from, move.move, *limbs),
                 engine::expected_transfer_limb(move.to_phase, from), move.on);
  }
}

}  // namespace ehcp::workflows::transfer
