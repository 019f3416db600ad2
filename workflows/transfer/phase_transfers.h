// workflows/transfer/phase_transfers.h
//
// The phase transfers of rules.md §4 (reg 18) as clocks: those the engine derives from the date
// of birth, the year group and the setting's phases for every period a plan was maintained, and
// those recorded as `transfer_expected`. Each is met by the first amended plan naming a setting
// on or after the September its transfer's academic year starts, and no longer applies once the
// plan stops being maintained (ceased, or sent to another LA). Pure: values in, clocks and
// workflow entries out.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "engine/academic_year.h"
#include "engine/phase_transfer.h"
#include "engine/rule_pack.h"
#include "workflows/case_view.h"

namespace ehcp::workflows::transfer {

inline constexpr const char* kWorkflow = "transfer";

// One period in which this LA maintained a plan: from the day the engine first knew of it (a
// final plan, plan_in_force, transferred_in) to the day it stopped being in force here, if it has.
struct PlanPeriod {
  engine::Date known;
  std::optional<engine::Date> ended;
};

// A move recorded as `transfer_expected` on `on`, to a `to_phase` setting on `move`.
struct ExpectedMove {
  engine::Date on;
  engine::Phase to_phase = engine::Phase::kNone;
  engine::Date move;
};

struct TransferHistory {
  engine::Date dob;
  std::optional<engine::YearGroupOverride> out_of_cohort;
  std::span<const engine::PhaseFrom> phases;  // the setting's phase from each date
  std::span<const PlanPeriod> plans;          // in order; only the last may still be in force
  std::span<const engine::Date> naming;       // amended plans naming a setting, in order
  std::span<const ExpectedMove> expected;
};

// Appends every transfer's clock and workflow entry to `view`, by the limbs of reg 18 and the
// last year groups in `rules`. Derived transfers starting after the as-of date are included:
// hiding them is the caller's. A pack without all three limbs of reg 18 derives none (a test's
// pack of assessment rules only); the national pack has them (tests/adapters check).
void add_phase_transfers(const TransferHistory& history, const engine::RuleBook& rules,
                         CaseView& view);

}  // namespace ehcp::workflows::transfer
