#include "engine/phase_transfer.h"

#include <algorithm>
#include <string>
#include <utility>

#include "engine/counting.h"
#include "engine/rule_pack.h"

namespace ehcp::engine {
namespace {

// Year 11 is the last year of compulsory secondary education: leaving it, or a later year, from
// a school is the transfer "from secondary school to a post-16 institution" (reg 18(1)(a)).
constexpr int kFirstPost16LeavingYearGroup = 11;

// Which limb of reg 18 sets a due date.
enum class Limb {
  kPost16FromSecondary,  // reg 18(1)(a): before 31 March of the calendar year of transfer
  kOtherPhases,          // reg 18(1)(b): before 15 February of the calendar year of transfer
  kPost16ToPost16,       // reg 18(2): at least 5 months before the transfer
};

std::string limb_name(Limb limb) {
  switch (limb) {
    case Limb::kPost16FromSecondary:
      return "post16";
    case Limb::kOtherPhases:
      return "school";
    case Limb::kPost16ToPost16:
      return "post16_to_post16";
  }
  return "";
}

const ClockRule& rule_of(Limb limb, const TransferRules& rules) {
  switch (limb) {
    case Limb::kPost16FromSecondary:
      return *rules.post16;
    case Limb::kOtherPhases:
      return *rules.school;
    case Limb::kPost16ToPost16:
      return *rules.post16_to_post16;
  }
  return *rules.school;  // unreachable: every limb is handled above
}

// The limb's last compliant day for a move on `move`: the day before its fixed date in the
// move's calendar year, or its period counted back from the move.
Date limb_due(const ClockRule& rule, Date move) {
  if (rule.counting == Counting::kDayBeforeFixedDate && rule.fixed_date) {
    const int year = static_cast<int>(date::year_month_day{move}.year());
    return day_before(year, static_cast<unsigned>(rule.fixed_date->month()),
                      static_cast<unsigned>(rule.fixed_date->day()));
  }
  // The transfer limbs count months or calendar days, never working days, so any calendar gives
  // the same answer; one built once, because building one (1995-2100) costs more than a case.
  static const Calendar kAnyCalendar;
  return last_compliant_day(rule.counting, move, rule.amount, kAnyCalendar);
}

// "reg 18(1)(b): plan amended before 15 February 2027", the start of every basis text.
std::string limb_basis(const ClockRule& rule, Date due) {
  if (rule.counting == Counting::kDayBeforeFixedDate) {
    return rule.source + ": plan amended before " + format_date_words(due + date::days{1});
  }
  return rule.source + ": plan amended at least " + describe_period(rule.counting, rule.amount) +
         " before";
}

Limb expected_limb(Phase to_phase, Phase from_phase) {
  if (to_phase != Phase::kPost16) {
    return Limb::kOtherPhases;
  }
  if (from_phase == Phase::kPost16) {
    return Limb::kPost16ToPost16;
  }
  if (from_phase == Phase::kSecondary || from_phase == Phase::kSpecial) {
    return Limb::kPost16FromSecondary;
  }
  return Limb::kOtherPhases;
}

std::optional<int> last_year_group_of(const TransferOptions& options, Phase phase) {
  const auto found = options.last_year_group.find(phase);
  if (found == options.last_year_group.end()) {
    return std::nullopt;
  }
  return found->second;
}

// The transfer out of `group` in academic year `year` under `limb`, if the phase in force on
// that limb's due date ends with `group` and is one the limb applies to.
std::optional<Transfer> transfer_under(Limb limb, int year, int group,
                                       std::span<const PhaseFrom> phases,
                                       const TransferOptions& options, const TransferRules& rules) {
  const Date move = academic_year_start(year + 1);
  const ClockRule& rule = rule_of(limb, rules);
  const Date due = limb_due(rule, move);
  const std::optional<Phase> phase = phase_on(phases, due);
  if (!phase || (*phase == Phase::kPost16) != (limb == Limb::kPost16ToPost16)) {
    return std::nullopt;
  }
  if (last_year_group_of(options, *phase) != group) {
    return std::nullopt;
  }
  const std::string from = year_group_name(group) + " (" + std::string(to_string(*phase)) + ")";
  std::string basis = limb_basis(rule, due);
  if (limb == Limb::kPost16ToPost16) {
    basis += " the transfer from " + from + " in " + format_month_words(move) + ", by " +
             format_date_words(due) + " (the move taken as " + format_date_words(move) + ")";
  } else {
    basis += " for the transfer from " + from + " in " + format_month_words(move);
  }
  return Transfer{year, *phase,           group,          academic_year_start(year),
                  due,  std::move(basis), limb_name(limb)};
}

}  // namespace

std::optional<Phase> phase_on(std::span<const PhaseFrom> phases, Date on) {
  const PhaseFrom* in_force = nullptr;
  for (const PhaseFrom& entry : phases) {
    if (entry.from <= on && (in_force == nullptr || entry.from >= in_force->from)) {
      in_force = &entry;
    }
  }
  if (in_force == nullptr) {
    return std::nullopt;
  }
  return in_force->phase;
}

std::vector<Transfer> derive_transfers(Date dob,
                                       const std::optional<YearGroupOverride>& out_of_cohort,
                                       std::span<const PhaseFrom> phases, Date made, int until_year,
                                       const TransferOptions& options, const TransferRules& rules) {
  std::vector<Transfer> transfers;
  for (int year = academic_year_of(made); year <= until_year; ++year) {
    const int group = year_group(dob, academic_year_start(year), out_of_cohort);
    const Limb school_limb =
        group >= kFirstPost16LeavingYearGroup ? Limb::kPost16FromSecondary : Limb::kOtherPhases;
    std::optional<Transfer> transfer =
        transfer_under(school_limb, year, group, phases, options, rules);
    if (!transfer) {
      transfer = transfer_under(Limb::kPost16ToPost16, year, group, phases, options, rules);
    }
    if (!transfer || made > transfer->due) {
      continue;
    }
    transfer->start = std::max(transfer->start, made);
    transfers.push_back(std::move(*transfer));
  }
  return transfers;
}

Date expected_transfer_due(Phase to_phase, Phase from_phase, Date move,
                           const TransferRules& rules) {
  return limb_due(rule_of(expected_limb(to_phase, from_phase), rules), move);
}

std::string expected_transfer_limb(Phase to_phase, Phase from_phase) {
  return limb_name(expected_limb(to_phase, from_phase));
}

std::string expected_transfer_basis(Phase to_phase, Phase from_phase, Date move,
                                    const TransferRules& rules) {
  const Limb limb = expected_limb(to_phase, from_phase);
  const ClockRule& rule = rule_of(limb, rules);
  const Date due = limb_due(rule, move);
  const std::string move_text = " the move from " + std::string(to_string(from_phase)) + " to " +
                                std::string(to_string(to_phase)) + " on " + format_date_words(move);
  if (limb == Limb::kPost16ToPost16) {
    return limb_basis(rule, due) + move_text + ", by " + format_date_words(due);
  }
  return limb_basis(rule, due) + " for" + move_text;
}

}  // namespace ehcp::engine
