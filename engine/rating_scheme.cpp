#include "engine/rating_scheme.h"

namespace ehcp::engine {

std::optional<double> target_in(const IndicatorTargets& targets, const std::string& indicator,
                                int year, unsigned month) {
  const auto found = targets.trajectories.find(indicator);
  if (found == targets.trajectories.end()) {
    return std::nullopt;
  }
  std::optional<double> in_force;
  for (const TargetStep& step : found->second) {
    if (step.year > year || (step.year == year && step.month > month)) {
      break;
    }
    in_force = step.target;
  }
  return in_force;
}

std::size_t rate(const RatingScheme& scheme, double value, double target, bool higher_is_better) {
  const double margin = higher_is_better ? value - target : target - value;
  // A small tolerance so that 59.99999 (a rounding of 60%) is not rated below a 60% target.
  constexpr double kTolerance = 1e-9;
  for (std::size_t i = 0; i < scheme.bands.size(); ++i) {
    const auto& threshold = scheme.bands[i].at_least;
    if (!threshold || margin + kTolerance >= *threshold) {
      return i;
    }
  }
  return scheme.bands.empty() ? 0 : scheme.bands.size() - 1;
}

}  // namespace ehcp::engine
