#include "engine/clock.h"

namespace ehcp::engine {

ClockStatus Clock::status_on(Date as_of) const {
  if (met_on && *met_on <= as_of) {
    return *met_on <= due ? ClockStatus::kMet : ClockStatus::kLate;
  }
  if (ended_on && *ended_on <= as_of) {
    return ClockStatus::kNotApplicable;
  }
  return as_of <= due ? ClockStatus::kOpen : ClockStatus::kOverdue;
}

int Clock::days_overdue(Date as_of) const {
  if (status_on(as_of) != ClockStatus::kOverdue) {
    return 0;
  }
  return static_cast<int>((as_of - due).count());
}

}  // namespace ehcp::engine
