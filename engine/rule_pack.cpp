#include "engine/rule_pack.h"

#include <algorithm>
#include <set>

namespace ehcp::engine {
namespace {

// "advice:ep" -> "advice"; "final_plan" -> "final_plan".
std::string_view family_of(std::string_view clock) {
  const auto colon = clock.find(':');
  return colon == std::string_view::npos ? clock : clock.substr(0, colon);
}

// Why `rule` cannot count its period, or empty: a fixed-date counting needs its date, and
// only it has one.
std::string fixed_date_problem(const ClockRule& rule) {
  const bool fixed = rule.counting == Counting::kDayBeforeFixedDate;
  const std::string what =
      "clock '" + rule.clock + "'" + (rule.limb.empty() ? "" : " limb '" + rule.limb + "'");
  if (fixed && !rule.fixed_date) {
    return what + " counts the day before a fixed date but gives no fixed_date";
  }
  // A common year: a fixed date must exist in every year (29 February does not).
  if (fixed && !(date::year{2001} / rule.fixed_date->month() / rule.fixed_date->day()).ok()) {
    return what + " has a fixed_date that is not in every year";
  }
  if (!fixed && rule.fixed_date) {
    return what + " has a fixed_date but counts " + std::string(to_string(rule.counting));
  }
  return {};
}

constexpr std::string_view kPhaseTransfer = "phase_transfer";

}  // namespace

Status RuleBook::add(RulePack pack) {
  if (pack.rules.empty()) {
    return Status::invalid_input("rule pack '" + pack.name + "' has no rules");
  }
  if (pack.effective_to && *pack.effective_to < pack.effective_from) {
    return Status::invalid_input("rule pack '" + pack.name + "' ends before it starts");
  }
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& rule : pack.rules) {
    if (!seen.insert({rule.clock, rule.limb}).second) {
      return Status::invalid_input("rule pack '" + pack.name + "' has clock '" + rule.clock + "'" +
                                   (rule.limb.empty() ? "" : " limb '" + rule.limb + "'") +
                                   " twice");
    }
    if (rule.amount < 0) {
      return Status::invalid_input("rule pack '" + pack.name + "': clock '" + rule.clock +
                                   "' has a negative limit");
    }
    if (const std::string problem = fixed_date_problem(rule); !problem.empty()) {
      return Status::invalid_input("rule pack '" + pack.name + "': " + problem);
    }
  }
  packs_.push_back(std::move(pack));
  std::stable_sort(packs_.begin(), packs_.end(), [](const RulePack& a, const RulePack& b) {
    return a.effective_from < b.effective_from;
  });
  return {};
}

Status RuleBook::override_rule(const ClockRule& override_with) {
  const auto overridden = [&](ClockRule rule) {
    rule.counting = override_with.counting;
    rule.amount = override_with.amount;
    if (override_with.fixed_date || override_with.counting != Counting::kDayBeforeFixedDate) {
      rule.fixed_date = override_with.fixed_date;
    }
    return rule;
  };
  bool found = false;
  for (const auto& pack : packs_) {  // checked first, so that a bad override changes nothing
    for (const auto& rule : pack.rules) {
      if (rule.clock == override_with.clock && rule.limb == override_with.limb) {
        if (const std::string problem = fixed_date_problem(overridden(rule)); !problem.empty()) {
          return Status::invalid_input(problem);
        }
        found = true;
      }
    }
  }
  for (auto& pack : packs_) {
    for (auto& rule : pack.rules) {
      if (rule.clock == override_with.clock && rule.limb == override_with.limb) {
        rule = overridden(rule);
      }
    }
  }
  if (!found) {
    return Status::invalid_input(
        "no rule pack has a clock '" + override_with.clock + "'" +
        (override_with.limb.empty() ? "" : " with limb '" + override_with.limb + "'"));
  }
  return {};
}

void RuleBook::set_count_event_day(bool on) {
  for (auto& pack : packs_) {
    pack.count_event_day = on;
  }
}

const RulePack* RuleBook::pack_on(Date start) const {
  const RulePack* found = nullptr;
  for (const auto& pack : packs_) {  // sorted by effective_from: the last in force wins
    if (pack.in_force_on(start)) {
      found = &pack;
    }
  }
  return found;
}

Status RuleBook::set_ladder(std::string_view clock, const std::vector<EscalationRung>& ladder) {
  bool found = false;
  for (auto& pack : packs_) {
    if (clock == "*") {
      pack.escalation = ladder;
      for (auto& rule : pack.rules) {
        rule.escalation.reset();
      }
      found = true;
      continue;
    }
    for (auto& rule : pack.rules) {
      if (rule.clock == clock) {
        rule.escalation = ladder;
        found = true;
      }
    }
  }
  if (!found) {
    return Status::invalid_input("no rule pack has a clock named '" + std::string(clock) + "'");
  }
  return {};
}

std::span<const EscalationRung> RuleBook::ladder_for(std::string_view clock, Date start) const {
  const RulePack* pack = pack_on(start);
  const ClockRule* rule = rule_for(clock, start);
  if (pack == nullptr || rule == nullptr) {
    return {};
  }
  if (rule->escalation) {
    return *rule->escalation;
  }
  if (rule->family) {
    return {};
  }
  return pack->escalation;
}

const ClockRule* RuleBook::rule_for(std::string_view clock, Date start,
                                    std::string_view limb) const {
  const RulePack* pack = pack_on(start);
  if (pack == nullptr) {
    return nullptr;
  }
  const auto family = family_of(clock);
  const ClockRule* plain = nullptr;
  const ClockRule* first_limb = nullptr;
  for (const auto& rule : pack->rules) {
    if (rule.clock != clock && rule.clock != family) {
      continue;
    }
    if (rule.limb == limb) {
      return &rule;
    }
    if (rule.limb.empty() && plain == nullptr) {
      plain = &rule;
    }
    if (first_limb == nullptr) {
      first_limb = &rule;
    }
  }
  return plain != nullptr ? plain : first_limb;
}

Date RuleBook::due(const ClockRule& rule, Date start, const Calendar& calendar) const {
  const RulePack* pack = pack_on(start);
  const bool count_event_day = pack != nullptr && pack->count_event_day;
  return last_compliant_day(rule.counting, start, rule.amount, calendar, count_event_day);
}

std::string RuleBook::basis(const ClockRule& rule, Date start) const {
  const RulePack* pack = pack_on(start);
  const char* relation =
      rule.counting == Counting::kDaysBefore || rule.counting == Counting::kMonthsBefore
          ? " before "
      : rule.counting == Counting::kImmediately ? ", on the day of "
                                                : " from ";
  // One buffer, reserved once: a basis is built for every clock of every case re-derived.
  const std::string period = describe_period(rule.counting, rule.amount);
  std::string text;
  text.reserve(rule.source.size() + period.size() + rule.measured_from.size() + 96 +
               (pack != nullptr && pack->general_exception ? pack->general_exception->size() : 0));
  text += rule.source;
  text += ": ";
  text += period;
  text += relation;
  text += rule.measured_from;
  text += ' ';
  append_date(text, start);
  if (pack != nullptr && pack->count_event_day &&
      (rule.counting == Counting::kWeeksAfter || rule.counting == Counting::kDaysAfter)) {
    text += " (day 1 = ";
    append_date(text, start);
    text += ", DfE convention)";
  }
  if (pack != nullptr && pack->general_exception) {
    text += "; ";
    text += *pack->general_exception;
  }
  return text;
}

std::optional<TransferRules> RuleBook::transfer_rules(Date on) const {
  const auto limb = [&](std::string_view name) -> const ClockRule* {
    const ClockRule* rule = rule_for(kPhaseTransfer, on, name);
    return rule != nullptr && rule->limb == name ? rule : nullptr;
  };
  TransferRules rules{limb("school"), limb("post16"), limb("post16_to_post16")};
  if (rules.school == nullptr || rules.post16 == nullptr || rules.post16_to_post16 == nullptr) {
    return std::nullopt;
  }
  return rules;
}

const ExceptionThresholds* RuleBook::exception_thresholds(Date on) const {
  const RulePack* pack = pack_on(on);
  return pack != nullptr && pack->exception_thresholds ? &*pack->exception_thresholds : nullptr;
}

const AdulthoodRule* RuleBook::preparation_for_adulthood(Date on) const {
  const RulePack* pack = pack_on(on);
  return pack != nullptr && pack->preparation_for_adulthood ? &*pack->preparation_for_adulthood
                                                            : nullptr;
}

}  // namespace ehcp::engine
