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
  }
  packs_.push_back(std::move(pack));
  std::stable_sort(packs_.begin(), packs_.end(), [](const RulePack& a, const RulePack& b) {
    return a.effective_from < b.effective_from;
  });
  return {};
}

Status RuleBook::override_rule(const ClockRule& override_with) {
  bool found = false;
  for (auto& pack : packs_) {
    for (auto& rule : pack.rules) {
      if (rule.clock == override_with.clock && rule.limb == override_with.limb) {
        rule.counting = override_with.counting;
        rule.amount = override_with.amount;
        found = true;
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
  const char* relation = rule.counting == Counting::kDaysBefore    ? " before "
                         : rule.counting == Counting::kImmediately ? ", on the day of "
                                                                   : " from ";
  std::string text = rule.source + ": " + describe_period(rule.counting, rule.amount) + relation +
                     rule.measured_from + " " + format_date(start);
  if (pack != nullptr && pack->count_event_day &&
      (rule.counting == Counting::kWeeksAfter || rule.counting == Counting::kDaysAfter)) {
    text += " (day 1 = " + format_date(start) + ", DfE convention)";
  }
  if (pack != nullptr && pack->general_exception) {
    text += "; " + *pack->general_exception;
  }
  return text;
}

}  // namespace ehcp::engine
