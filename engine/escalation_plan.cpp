#include "engine/escalation_plan.h"

#include <algorithm>

namespace ehcp::engine {
namespace {

constexpr std::string_view kCaseworker = "caseworker";

bool recorded_already(std::span<const std::string> recorded, const std::string& name) {
  return std::find(recorded.begin(), recorded.end(), name) != recorded.end();
}

bool climbs(const EscalationRung& rung, const Clock& clock) {
  return clock.statutory || recorded_already(rung.notify, std::string(kCaseworker));
}

}  // namespace

std::vector<RungDecision> plan_escalation(const Clock& clock,
                                          std::span<const EscalationRung> ladder,
                                          const Calendar& calendar, Date as_of,
                                          std::span<const std::string> recorded) {
  std::vector<RungDecision> out;
  if (as_of < clock.start || clock.excepted_on(as_of)) {
    return out;
  }
  if (const auto status = clock.status_on(as_of);
      status != ClockStatus::kOpen && status != ClockStatus::kOverdue) {
    return out;
  }
  // The highest rung reached, recorded or not: a rung below it can only be skipped. A guidance
  // clock climbs only the rungs that reach the caseworker.
  std::optional<Date> highest_fire;
  std::size_t highest = ladder.size();
  for (std::size_t i = 0; i < ladder.size(); ++i) {
    if (!climbs(ladder[i], clock)) {
      continue;
    }
    const Date day = fires_on(ladder[i], clock.due, calendar);
    if (day <= as_of && (!highest_fire || *highest_fire <= day)) {
      highest_fire = day;
      highest = i;
    }
  }
  for (std::size_t i = 0; i < ladder.size(); ++i) {
    const Date day = fires_on(ladder[i], clock.due, calendar);
    if (!climbs(ladder[i], clock) || day > as_of || recorded_already(recorded, ladder[i].name)) {
      continue;
    }
    out.push_back(RungDecision{&ladder[i], day, i == highest});
  }
  std::stable_sort(out.begin(), out.end(), [](const RungDecision& a, const RungDecision& b) {
    return a.fires_on < b.fires_on;
  });
  return out;
}

std::vector<std::string> recipients_of(const EscalationRung& rung, const Clock& clock) {
  if (clock.statutory) {
    return rung.notify;
  }
  std::vector<std::string> out;
  if (recorded_already(rung.notify, std::string(kCaseworker))) {
    out.emplace_back(kCaseworker);
  }
  return out;
}

}  // namespace ehcp::engine
