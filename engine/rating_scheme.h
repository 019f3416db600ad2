// engine/rating_scheme.h
//
// How a council rates its indicators against its targets: its own bands (blue/green/amber/red,
// or green/amber/red/grey, ...), each with a name, what it means, a colour, and how far better
// than the target a figure must be to earn it; and each indicator's target trajectory (50% from
// June, 60% from September, ...). Nothing here is a default: with no scheme nothing is rated
// (seed-digest §2.9: the councils' schemes do not map one to one). Values and pure functions;
// thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ehcp::engine {

struct RatingBand {
  std::string name;     // "Green"
  std::string meaning;  // "on or above target"
  std::string colour;   // "#00703c": for charts and swatches; the name is always shown too
  // The least margin over the target that earns this band, in the indicator's own units
  // (percentage points, weeks): 0 is "on target or better", -10 is "no more than 10 points
  // worse". nullopt only for the last band, which takes every figure the others do not.
  std::optional<double> at_least;
};

struct RatingScheme {
  std::vector<RatingBand> bands;  // best first; only the last has no threshold
  RatingBand unrated;             // a figure with no target, or too few cases to rate
};

// A step of a target trajectory: from this month on, the target is `target`.
struct TargetStep {
  int year = 0;
  unsigned month = 1;
  double target = 0;
};

struct IndicatorTargets {
  std::optional<RatingScheme> scheme;
  // Indicator id ("plans_within_20_weeks_excluding_exceptions") -> steps in month order.
  std::map<std::string, std::vector<TargetStep>> trajectories;
};

// The target in force in (year, month): the last step on or before it; nullopt before the
// first step or when the indicator has none.
std::optional<double> target_in(const IndicatorTargets& targets, const std::string& indicator,
                                int year, unsigned month);

// The band of `value` against `target`: the first whose threshold the margin reaches, the
// margin being value − target, or target − value when lower is better. Index into
// scheme.bands.
std::size_t rate(const RatingScheme& scheme, double value, double target, bool higher_is_better);

}  // namespace ehcp::engine
