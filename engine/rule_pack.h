// engine/rule_pack.h
//
// The law as data (architecture.md, principle 3). A RulePack is one effective-dated set of
// clock rules (the 2014 Regulations; the 2020 coronavirus rules, which applied to clocks that
// started between 1 May and 25 Sep 2020): for each clock, how its period is counted, how long
// it runs, whether it is statutory, which exception limbs can flag it and the citation users
// see in its basis text. A RuleBook holds the packs and answers "which rule governs a clock
// that started on this date". Code decides which clock opens on which event; the pack decides
// how long it runs and why. Values only; a built RuleBook is safe to share between threads.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/calendar.h"
#include "engine/civil_date.h"
#include "engine/counting.h"
#include "engine/escalation.h"
#include "engine/event_fields.h"
#include "engine/phase_transfer.h"
#include "engine/status.h"

namespace ehcp::engine {

struct ClockRule {
  std::string clock;  // "decision_to_assess"; a family for suffixed clocks: "advice"
  // One time limit of several the law sets for the same clock, each its own rule: the limbs of
  // a Tribunal order ("tribunal.notify", "tribunal.final_plan" for order:assess), the
  // certificate's month of the appeal window. Empty for a clock with one limit.
  std::string limb;
  std::string workflow;  // "assessment"
  Counting counting = Counting::kWeeksAfter;
  int amount = 0;
  bool statutory = true;
  std::string source;                          // "reg 5(1)"
  std::string measured_from;                   // "request received": the words after "6 weeks from"
  std::vector<ExceptionLimb> exception_limbs;  // limbs that can flag this clock
  std::string action;  // what meets it, for the queues: "issue the final plan"
  // This clock's own escalation ladder (an LA override), else the pack's.
  std::optional<std::vector<EscalationRung>> escalation;
  // The family's deadline, not the LA's (its windows to contact the mediation adviser and to
  // appeal): never a breach, not in the breach report or the queues, climbing no ladder unless
  // the LA gives it one of its own.
  bool family = false;
  // The fixed date of a kDayBeforeFixedDate rule, in whatever year the caller counts in
  // ("before 15 February" of the calendar year of transfer: 02-15); none for other countings.
  std::optional<date::month_day> fixed_date = std::nullopt;
  bool operator==(const ClockRule&) const = default;
};

// The lengths the assessment's exceptions turn on (reg 5(4), 8(2), 10(4), 13(3); rules.md §2).
struct ExceptionThresholds {
  int absence_weeks = 0;  // limb (d): absent for at least 4 continuous weeks in the period
  int closure_weeks = 0;  // limbs (a), (b): a closure of at least 4 continuous weeks ...
  int closure_window_weeks =
      0;               // ... advice asked from 1 week before it to 1 week before reopening
  std::string source;  // "reg 5(4), 8(2), 10(4), 13(3)"
  bool operator==(const ExceptionThresholds&) const = default;
};

// A review must consider preparation for adulthood from a year group on (rules.md §3).
struct AdulthoodRule {
  int from_year_group = 0;  // Year 9
  std::string source;
  bool operator==(const AdulthoodRule&) const = default;
};

struct RulePack {
  std::string name;  // "2014", "2020-coronavirus"
  Date effective_from;
  std::optional<Date> effective_to;  // inclusive; open: still in force
  // The DfE reading of "within N weeks" (the event day is day 1) instead of the legal one.
  bool count_event_day = false;
  // A pack-wide exception the law added for its period (reg 2A, coronavirus), if any.
  std::optional<std::string> general_exception;
  std::vector<ClockRule> rules;
  std::vector<EscalationRung> escalation;  // the ladder every clock of this pack climbs
  // Pack-wide limits that are not clocks; a pack without them cannot judge what they decide.
  std::optional<ExceptionThresholds> exception_thresholds = std::nullopt;
  std::optional<AdulthoodRule> preparation_for_adulthood = std::nullopt;

  bool in_force_on(Date d) const {
    return effective_from <= d && (!effective_to || d <= *effective_to);
  }
};

// What the 12 months of each later annual review start with (rules.md §3): the date of the
// previous review's decision (the default), or, as a rule-pack option, its meeting.
enum class ReviewAnchor { kDecision, kMeeting };

class RuleBook {
 public:
  // Adds a pack. Fails (kInvalidInput) when the pack is empty, its dates are reversed, a
  // clock (with the same limb) appears twice in it, or a rule counts before a fixed date
  // without giving one (or gives one for another counting).
  Status add(RulePack pack);

  // Replaces the limits of `clock` (of its limb) in every pack with the LA's own (an LA that
  // sets the draft plan target at 16 weeks), or fails when no pack has that clock and limb.
  // The rule's fixed date is replaced when the override gives one; a fixed-date counting
  // left without a date, or a date left on another counting, fails and changes nothing.
  Status override_rule(const ClockRule& rule);

  // Gives `clock` (a name or family, e.g. "advice") its own escalation ladder in every pack
  // that has it, or every clock when `clock` is "*"; fails when no pack has that clock.
  Status set_ladder(std::string_view clock, const std::vector<EscalationRung>& ladder);

  // Sets the DfE counting convention on every pack (an LA that reports that way).
  void set_count_event_day(bool on);

  void set_review_anchor(ReviewAnchor anchor) { review_anchor_ = anchor; }
  ReviewAnchor review_anchor() const { return review_anchor_; }

  // Under-5s: the CoP asks the LA to consider reviewing every 3 to 6 months (guidance). Off by
  // default; when on, a child under 5 at a review's start also has an `early_review` target.
  void set_under_five_reviews(bool on) { under_five_reviews_ = on; }
  bool under_five_reviews() const { return under_five_reviews_; }

  // The last year group of each phase that ends in a transfer (rules.md §4): national for
  // early years, infant, primary, junior and secondary; an LA gives its own for three-tier
  // areas (first, middle) and any other phase.
  void set_last_year_group(Phase phase, int year_group) {
    transfers_.last_year_group[phase] = year_group;
  }
  const TransferOptions& transfer_options() const { return transfers_; }

  // The pack in force on `start`: of those in force then, the one that came into force last.
  const RulePack* pack_on(Date start) const;

  // The rule for a clock named `clock` ("advice:ep" finds the family "advice") that starts on
  // `start`, or nullptr when no pack in force then has it. `limb` (a clock's detail) picks one
  // limb of a clock with several; when no rule has that limb (an advice clock's service), the
  // clock's rule without a limb, else its first limb (whose ladder every limb shares).
  const ClockRule* rule_for(std::string_view clock, Date start, std::string_view limb = {}) const;

  // The clock's last compliant day, by the rule's counting and the pack's convention.
  Date due(const ClockRule& rule, Date start, const Calendar& calendar) const;

  // The escalation ladder a clock named `clock` that starts on `start` climbs: its rule's own,
  // else its pack's (none for the family's deadlines); empty when no pack in force then has the
  // clock.
  std::span<const EscalationRung> ladder_for(std::string_view clock, Date start) const;

  // Why the due date is what it is: "reg 5(1): 6 weeks from request received 2026-01-05",
  // with "(day 1 = 2026-01-05)" when the DfE convention counted the start day.
  std::string basis(const ClockRule& rule, Date start) const;

  // True when the clock named `clock` that starts on `start` is the family's deadline.
  bool family_deadline(std::string_view clock, Date start) const {
    const ClockRule* rule = rule_for(clock, start);
    return rule != nullptr && rule->family;
  }
  // The three limbs of reg 18 (clock phase_transfer, limbs "school", "post16",
  // "post16_to_post16") in the pack in force on `on`, or nullopt when it lacks one of them.
  // The pointers are into this book.
  std::optional<TransferRules> transfer_rules(Date on) const;

  // The pack-wide limits in force on `on`, or nullptr when that pack gives none.
  const ExceptionThresholds* exception_thresholds(Date on) const;
  const AdulthoodRule* preparation_for_adulthood(Date on) const;

  const std::vector<RulePack>& packs() const { return packs_; }

 private:
  std::vector<RulePack> packs_;
  ReviewAnchor review_anchor_ = ReviewAnchor::kDecision;
  bool under_five_reviews_ = false;
  TransferOptions transfers_;
};

}  // namespace ehcp::engine
