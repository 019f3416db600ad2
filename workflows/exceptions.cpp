#include "workflows/exceptions.h"

#include <algorithm>

#include "workflows/clock_names.h"

namespace ehcp::workflows {
namespace {

// How long an absence and a closure must last, and how far the closure window reaches, are the
// rule pack's (ExceptionThresholds): 4 weeks, 4 weeks and 1 week in the 2014 pack.
constexpr int kDaysInWeek = 7;

// "4 continuous weeks", "1 week".
std::string weeks_text(int weeks) {
  return std::to_string(weeks) + (weeks == 1 ? " week" : " weeks");
}

// The clock's own rule decides: its detail names the limb of a clock the pack has several rules
// for (a detained person's final_plan has no early-years limb).
bool allows(const engine::Clock& clock, engine::ExceptionLimb limb, const engine::RuleBook& rules) {
  const engine::ClockRule* rule = rules.rule_for(clock.name, clock.start, clock.detail);
  return rule != nullptr && std::find(rule->exception_limbs.begin(), rule->exception_limbs.end(),
                                      limb) != rule->exception_limbs.end();
}

bool is_advice(const engine::Clock& clock) { return clock.name.starts_with(clocks::kAdvicePrefix); }

// Days of [from, to] inside the clock's period [start, due]; `to` open means still going on.
int overlap_days(const engine::Clock& clock, engine::Date from, std::optional<engine::Date> to) {
  const engine::Date first = std::max(from, clock.start);
  const engine::Date last = std::min(to.value_or(clock.due), clock.due);
  return last < first ? 0 : static_cast<int>((last - first).count()) + 1;
}

void flag(engine::Clock& clock, engine::Date on, std::string why) {
  if (!clock.exception_on || on < *clock.exception_on) {
    clock.exception_on = std::max(on, clock.start);
    clock.exception_basis = std::move(why);
  }
}

std::string period_text(engine::Date from, std::optional<engine::Date> to) {
  return engine::format_date(from) + " to " + (to ? engine::format_date(*to) : "continuing");
}

}  // namespace

std::optional<std::string> apply_recorded_exception(const engine::Event& recorded,
                                                    std::vector<engine::Clock*>& clocks,
                                                    const engine::RuleBook& rules) {
  const auto& x = std::get<engine::ExceptionRecorded>(recorded.body);
  const std::string limb(engine::to_string(x.limb));
  const engine::Date from = x.from.value_or(recorded.on);
  if (x.limb == engine::ExceptionLimb::kMissedAppointment && !x.advice) {
    return "a missed appointment excepts an advice clock only (reg 8(2)(c)): give 'advice'";
  }
  const engine::ExceptionThresholds* thresholds = rules.exception_thresholds(recorded.on);
  if (thresholds == nullptr) {
    return "no rule pack in force on " + engine::format_date(recorded.on) +
           " gives the exceptions' thresholds (reg 5(4), 8(2), 10(4), 13(3))";
  }
  const int absence_days = kDaysInWeek * thresholds->absence_weeks;
  int flagged = 0;
  int longest_absence = 0;
  const engine::Clock* refusing = nullptr;  // a clock wanted whose rule does not allow the limb
  for (engine::Clock* clock : clocks) {
    const bool wanted =
        x.advice ? clock->name == clocks::kAdvicePrefix + *x.advice : !is_advice(*clock);
    if (!wanted) {
      continue;
    }
    if (!allows(*clock, x.limb, rules)) {
      if (refusing == nullptr && rules.rule_for(clock->name, clock->start, clock->detail)) {
        refusing = clock;
      }
      continue;
    }
    const int days = overlap_days(*clock, from, x.to);
    if (x.limb == engine::ExceptionLimb::kAbsence) {
      longest_absence = std::max(longest_absence, days);
      if (days < absence_days) {
        continue;
      }
    } else if (days == 0) {
      continue;
    }
    // A continuing absence counts only once it has lasted 4 weeks within the period: until
    // then nobody can know it will.
    const engine::Date applies_from =
        x.limb == engine::ExceptionLimb::kAbsence && !x.to
            ? std::max(from, clock->start) + date::days{absence_days - 1}
            : from;
    flag(*clock, applies_from,
         "exception (" + limb + ") from " + period_text(from, x.to) + ", recorded " +
             engine::format_date(recorded.on) + (x.note ? ": " + *x.note : std::string()));
    ++flagged;
  }
  if (flagged > 0) {
    return std::nullopt;
  }
  if (x.advice) {
    const bool requested = std::any_of(clocks.begin(), clocks.end(), [&](const auto* c) {
      return c->name == clocks::kAdvicePrefix + *x.advice;
    });
    if (!requested) {
      return "no advice '" + *x.advice + "' was requested in this assessment";
    }
    if (x.limb == engine::ExceptionLimb::kSchoolClosure ||
        x.limb == engine::ExceptionLimb::kEarlyYearsClosure) {
      return "limb " + limb + " excepts the 6/16/20-week clocks, not an advice clock";
    }
  }
  if (refusing != nullptr && longest_absence == 0) {
    const engine::ClockRule* rule =
        rules.rule_for(refusing->name, refusing->start, refusing->detail);
    const bool any_allows = std::any_of(clocks.begin(), clocks.end(),
                                        [&](const auto* c) { return allows(*c, x.limb, rules); });
    if (!any_allows) {
      return "limb " + limb + " cannot except " + refusing->name + " (" + rule->source +
             ") or any other clock of this assessment";
    }
  }
  if (x.limb == engine::ExceptionLimb::kAbsence) {
    const int weeks = thresholds->absence_weeks;
    return "an absence must last at least " + std::to_string(weeks) + " continuous week" +
           (weeks == 1 ? "" : "s") + " within the period; of " + period_text(from, x.to) +
           " at most " + std::to_string(longest_absence) + " day(s) fall within a clock's period";
  }
  return "the exception's period " + period_text(from, x.to) +
         " does not overlap any clock it could except";
}

void apply_closure_exceptions(engine::Date advice_requested_on, engine::AdviceService service,
                              const std::optional<std::string>& setting,
                              std::vector<engine::Clock*>& clocks, const engine::RuleBook& rules,
                              const engine::Calendar& calendar) {
  std::optional<engine::ExceptionLimb> limb;
  if (service == engine::AdviceService::kSchool) {
    limb = engine::ExceptionLimb::kSchoolClosure;
  } else if (service == engine::AdviceService::kEarlyYears) {
    limb = engine::ExceptionLimb::kEarlyYearsClosure;
  }
  const engine::ExceptionThresholds* thresholds = rules.exception_thresholds(advice_requested_on);
  if (!limb || thresholds == nullptr) {
    return;  // a pack without thresholds finds no closure limb (the national pack has them)
  }
  const date::days window{kDaysInWeek * thresholds->closure_window_weeks};
  for (const auto& closure :
       calendar.school_closures_of_at_least(kDaysInWeek * thresholds->closure_weeks)) {
    if (closure.setting && closure.setting != setting) {
      continue;
    }
    const engine::Date window_from = closure.from - window;
    const engine::Date reopens = closure.to + date::days{1};
    const engine::Date window_to = reopens - window;
    if (advice_requested_on < window_from || advice_requested_on > window_to) {
      continue;
    }
    for (engine::Clock* clock : clocks) {
      if (is_advice(*clock) || !allows(*clock, *limb, rules) ||
          advice_requested_on < clock->start || advice_requested_on > clock->due) {
        continue;
      }
      flag(*clock, advice_requested_on,
           "exception (" + std::string(engine::to_string(*limb)) + "): advice asked on " +
               engine::format_date(advice_requested_on) + ", within " +
               (thresholds->closure_window_weeks == 1
                    ? std::string("a week")
                    : weeks_text(thresholds->closure_window_weeks)) +
               " of '" + closure.name + "' (" + engine::format_date(closure.from) + " to " +
               engine::format_date(closure.to) + ", " + std::to_string(closure.days()) + " days)");
    }
  }
}

}  // namespace ehcp::workflows
