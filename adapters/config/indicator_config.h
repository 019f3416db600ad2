// adapters/config/indicator_config.h
//
// The "indicators" section of the LA configuration: the council's own rating bands and each
// indicator's target trajectory (engine/rating_scheme.h). For example:
//
//   "indicators": {
//     "rating": {
//       "bands": [
//         {"name": "Green", "meaning": "on or above target", "colour": "#00703c", "at_least": 0},
//         {"name": "Amber", "meaning": "up to 10 points below", "colour": "#f47738", "at_least":
//         -10},
//         {"name": "Red", "meaning": "more than 10 points below", "colour": "#d4351c"}],
//       "unrated": {"name": "Grey", "meaning": "no target", "colour": "#b1b4b6"}},
//     "targets": {
//       "plans_within_20_weeks_excluding_exceptions": [
//         {"from": "2026-01", "target": 50}, {"from": "2026-04", "target": 60}]}}
//
// A target is a finite number within its unit's range: 0 to 100 for a percentage, 0 to 260 for
// weeks, 0 to 1,000,000 for a count; a band's at_least within +-1,000,000. Every problem goes
// to `problems` with its key path: "indicators.rating.bands[1].colour: must be #rrggbb".
#pragma once

#include <nlohmann/json.hpp>

#include "adapters/config/config_reader.h"
#include "engine/rating_scheme.h"

namespace ehcp::adapters::config {

// Reads the section (at path "indicators") into `out`; a band or step with a problem is left out.
void read_indicators(const nlohmann::json& section, engine::IndicatorTargets& out,
                     Problems& problems);

}  // namespace ehcp::adapters::config
