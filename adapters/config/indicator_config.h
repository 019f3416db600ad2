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
// Errors name the entry: "indicators.rating.bands[1].colour must be #rrggbb".
#pragma once

#include <nlohmann/json.hpp>

#include "engine/rating_scheme.h"
#include "engine/status.h"

namespace ehcp::adapters::config {

engine::Status read_indicators(const nlohmann::json& section, engine::IndicatorTargets& out);

}  // namespace ehcp::adapters::config
