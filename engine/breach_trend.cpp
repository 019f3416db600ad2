#include "engine/breach_trend.h"

namespace ehcp::engine {

std::vector<BreachNight> breach_trend(std::span<const Clock> clocks, std::span<const Date> nights) {
  std::vector<BreachNight> out;
  out.reserve(nights.size());
  for (const Date night : nights) {
    BreachNight n{night, 0};
    for (const auto& c : clocks) {
      // As compose_breach_report counts Overdue: started, overdue, no exception yet.
      if (c.statutory && c.start <= night && c.status_on(night) == ClockStatus::kOverdue &&
          !c.excepted_on(night)) {
        ++n.overdue;
      }
    }
    out.push_back(n);
  }
  return out;
}

int met_late_between(std::span<const Clock> clocks, Date from, Date to) {
  int n = 0;
  for (const auto& c : clocks) {
    if (c.statutory && c.met_on && *c.met_on > c.due && from <= *c.met_on && *c.met_on <= to) {
      ++n;
    }
  }
  return n;
}

}  // namespace ehcp::engine
