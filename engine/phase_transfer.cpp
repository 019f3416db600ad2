#include "engine/phase_transfer.h"

#include <algorithm>
#include <string>
#include <utility>

#include "engine/counting.h"

namespace ehcp::engine {
namespace {

// Year 11 is the last year of compulsory secondary education: leaving it, or a later year, from
// a school is the transfer "from secondary school to a post-16 institution" (reg 18(1)(a)).
constexpr int kFirstPost16LeavingYearGroup = 11;
// The fixed dates and the notice period of reg 18. They are code, not rule-pack data, until the
// rule pack can carry fixed-date rules (ClockRule has a counting and an amount only).
constexpr unsigned kPost16FixedMonth = 3;  // reg 18(1)(a): "before 31 March"
constexpr unsigned kPost16FixedDay = 31;
constexpr unsigned kOtherFixedMonth = 2;  // reg 18(1)(b): "before 15 February"
constexpr unsigned kOtherFixedDay = 15;
constexpr int kPost16NoticeMonths = 5;  // reg 18(2): "at least 5 months before"

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

Date limb_due(Limb limb, Date move) {
  const int year = static_cast<int>(date::year_month_day{move}.year());
  switch (limb) {
    case Limb::kPost16FromSecondary:
      return day_before(year, kPost16FixedMonth, kPost16FixedDay);
    case Limb::kOtherPhases:
      return day_before(year, kOtherFixedMonth, kOtherFixedDay);
    case Limb::kPost16ToPost16:
      return add_months_clamped(move, -kPost16NoticeMonths);
  }
  return move;  // unreachable: every limb is handled above
}

// "reg 18(1)(b): plan amended before 15 February 2027", the start of every basis text.
std::string limb_basis(Limb limb, Date due) {
  const Date fixed_date = due + date::days{1};
  switch (limb) {
    case Limb::kPost16FromSecondary:
      return "reg 18(1)(a): plan amended before " + format_date_words(fixed_date);
    case Limb::kOtherPhases:
      return "reg 18(1)(b): plan amended before " + format_date_words(fixed_date);
    case Limb::kPost16ToPost16:
      return "reg 18(2): plan amended at least 5 months before";
  }
  return {};
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
                                       const TransferOptions& options) {
  const Date move = academic_year_start(year + 1);
  const Date due = limb_due(limb, move);
  const std::optional<Phase> phase = phase_on(phases, due);
  if (!phase || (*phase == Phase::kPost16) != (limb == Limb::kPost16ToPost16)) {
    return std::nullopt;
  }
  if (last_year_group_of(options, *phase) != group) {
    return std::nullopt;
  }
  const std::string from = year_group_name(group) + " (" + std::string(to_string(*phase)) + ")";
  std::string basis = limb_basis(limb, due);
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
                                       const TransferOptions& options) {
  std::vector<Transfer> transfers;
  for (int year = academic_year_of(made); year <= until_year; ++year) {
    const int group = year_group(dob, academic_year_start(year), out_of_cohort);
    const Limb school_limb =
        group >= kFirstPost16LeavingYearGroup ? Limb::kPost16FromSecondary : Limb::kOtherPhases;
    std::optional<Transfer> transfer = transfer_under(school_limb, year, group, phases, options);
    if (!transfer) {
      transfer = transfer_under(Limb::kPost16ToPost16, year, group, phases, options);
    }
    if (!transfer || made > transfer->due) {
      continue;
    }
    transfer->start = std::max(transfer->start, made);
    transfers.push_back(std::move(*transfer));
  }
  return transfers;
}

Date expected_transfer_due(Phase to_phase, Phase from_phase, Date move) {
  return limb_due(expected_limb(to_phase, from_phase), move);
}

std::string expected_transfer_limb(Phase to_phase, Phase from_phase) {
  return limb_name(expected_limb(to_phase, from_phase));
}

std::string expected_transfer_basis(Phase to_phase, Phase from_phase, Date move) {
  const Limb limb = expected_limb(to_phase, from_phase);
  const Date due = limb_due(limb, move);
  const std::string move_text = " the move from " + std::string(to_string(from_phase)) + " to " +
                                std::string(to_string(to_phase)) + " on " + format_date_words(move);
  if (limb == Limb::kPost16ToPost16) {
    return limb_basis(limb, due) + move_text + ", by " + format_date_words(due);
  }
  return limb_basis(limb, due) + " for" + move_text;
}

}  // namespace ehcp::engine
