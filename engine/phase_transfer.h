// engine/phase_transfer.h
//
// Phase transfers (rules.md §4, reg 18): when a child with a maintained plan is in the last
// year group of their setting's phase in academic year Y, they move in September Y+1, and the
// plan must be reviewed and amended to name the new setting before 15 February of Y+1 (the last
// compliant day is 14 February), before 31 March (30 March) when leaving secondary education for
// post-16, or at least 5 months before the move between post-16 institutions. Those dates, the 5
// months and their citations are the rule pack's (TransferRules); this file only applies them
// and knows which limb a transfer falls under. It derives
// those transfers from the date of birth, the year-group override, the setting's phase history
// and the day the plan was first known; it neither reads the time nor decides which transfers
// have started or been met (the caller filters by start <= as_of and by amended plans). Pure
// functions over values; thread-safe.
//
// Readings chosen where rules.md §4 leaves room (each follows reg 18 and statutory-sources.md):
//  - Which limb: a transfer out of Year 11 or above from a setting that is not post-16 is
//    "secondary school to a post-16 institution", reg 18(1)(a): 30 March. A transfer out of a
//    post-16 setting (its last year group given by the LA) is post-16 to post-16, reg 18(2): the
//    move, taken as 1 September Y+1, less 5 months (1 April Y+1). Every other transfer is reg
//    18(1)(b): 14 February. (The dates in these comments are the 2014 pack's.)
//  - "The phase in force on the due date": each limb is tried against the phase in force on its
//    own due date, (1)(a)/(1)(b) first, then (2); a transfer needs that phase's last year group
//    to equal the child's year group in Y. Before the first entry of the history no phase is
//    known and nothing is derived; the last entry holds from its date on, so a history known up
//    to an as-of date earlier than the due date gives the phase on that as-of date.
//  - transfer_expected to post-16 from a secondary or special school is reg 18(1)(a) (30 March
//    of the move's year), not 14 February: rules.md's table names secondary → post-16 as 30 Mar
//    and the law gives it no other date. From a post-16 setting it is reg 18(2).
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/academic_year.h"
#include "engine/civil_date.h"
#include "engine/event_fields.h"

namespace ehcp::engine {

struct ClockRule;  // engine/rule_pack.h

// The rule pack's three limbs of reg 18 (RuleBook::transfer_rules): each limb's counting, fixed
// date or months, and source. Not owned: the rules live in the RuleBook.
struct TransferRules {
  const ClockRule* school = nullptr;            // reg 18(1)(b): the day before 15 February
  const ClockRule* post16 = nullptr;            // reg 18(1)(a): the day before 31 March
  const ClockRule* post16_to_post16 = nullptr;  // reg 18(2): 5 months before the move
};

// The phase of the child's setting from a date on: one entry per case_opened or
// setting_changed event. Entries need not be sorted; on the same day the later entry wins.
struct PhaseFrom {
  Date from;
  Phase phase = Phase::kNone;

  friend bool operator==(const PhaseFrom&, const PhaseFrom&) = default;
};

// The last year group of each phase. The defaults are the national school structure (nursery
// −1, infant 2, primary and junior 6, secondary 11); an LA adds the phases that have none
// nationally (first and middle in three-tier areas, special, post16, none) or changes these.
// A phase missing from the map derives no transfer.
struct TransferOptions {
  std::map<Phase, int> last_year_group = {{Phase::kEarlyYears, -1},
                                          {Phase::kInfant, 2},
                                          {Phase::kPrimary, 6},
                                          {Phase::kJunior, 6},
                                          {Phase::kSecondary, 11}};
};

// One derived transfer: the child is in `from_year_group` of a `from_phase` setting in
// academic year `academic_year` (Y) and moves in September Y+1.
struct Transfer {
  int academic_year = 0;
  Phase from_phase = Phase::kNone;
  int from_year_group = 0;
  Date start;         // the later of 1 September Y and the day the plan was first known
  Date due;           // the last compliant day: 14 Feb or 30 Mar of Y+1, or 1 Apr for post-16
  std::string basis;  // "reg 18(1)(b): plan amended before 15 February 2027 for the transfer
                      // from Year 6 (primary) in September 2027"
  // The limb of reg 18, as the board's measures group transfers: "school" (1)(b), "post16"
  // (1)(a), "post16_to_post16" (2).
  std::string limb;

  friend bool operator==(const Transfer&, const Transfer&) = default;
};

// The phase in force on `on`: the entry with the latest `from` on or before `on`, or nullopt
// when every entry starts after `on` (or there is none).
std::optional<Phase> phase_on(std::span<const PhaseFrom> phases, Date on);

// Every transfer implied by a maintained plan first known on `made` (M: final_plan_issued or
// plan_in_force), for each academic year Y from academic_year_of(made) to `until_year`
// inclusive, in order of Y. A year gives a transfer when the child's year group in Y (honouring
// `out_of_cohort`) is the last year group of the phase in force on the due date, and M is on or
// before the due date. A plan first known after the due date gets none for that year. Empty
// when until_year is before M's academic year.
std::vector<Transfer> derive_transfers(Date dob,
                                       const std::optional<YearGroupOverride>& out_of_cohort,
                                       std::span<const PhaseFrom> phases, Date made, int until_year,
                                       const TransferOptions& options, const TransferRules& rules);

// The last compliant day for a transfer_expected move on `move` from a `from_phase` setting to
// `to_phase`: post-16 → post-16, the move less 5 months, month-end clamped (2027-01-31 →
// 2026-08-31); secondary or special → post-16, 30 March of the move's year; anything else,
// 14 February of the move's year.
Date expected_transfer_due(Phase to_phase, Phase from_phase, Date move, const TransferRules& rules);

// The limb of reg 18 for a transfer_expected move, named as Transfer::limb is.
std::string expected_transfer_limb(Phase to_phase, Phase from_phase);

// The basis text for expected_transfer_due: "reg 18(2): plan amended at least 5 months before
// the move from post16 to post16 on 31 January 2027".
std::string expected_transfer_basis(Phase to_phase, Phase from_phase, Date move,
                                    const TransferRules& rules);

}  // namespace ehcp::engine
