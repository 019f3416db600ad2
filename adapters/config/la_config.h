// adapters/config/la_config.h
//
// The local authority's own configuration, read from a JSON file: today its calendar (extra
// holidays, holidays to remove, school holidays and office closures), so a council changes
// these without a rebuild, and its rule-pack overrides (limits it sets itself, the DfE
// counting convention). Later issues add escalation rungs and targets to the same file. Errors name
// the entry and field: "calendar.closures[2].to: impossible date 2026-02-30". The loaded value is
// plain data; safe to share once built.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "engine/calendar.h"
#include "engine/rule_pack.h"
#include "engine/status.h"

namespace ehcp::adapters::config {

struct LaConfig {
  engine::Calendar calendar;
  engine::RuleBook rules;  // the national packs, with the LA's overrides applied
};

// The defaults: national rules and calendar, no closures.
engine::Result<LaConfig> default_la_config();

// The configuration in `path`. A missing file or a bad entry is kInvalidInput naming it.
engine::Result<LaConfig> load_la_config(const std::string& path);

// The same, from an already parsed document (for tests and for configuration kept elsewhere).
engine::Result<LaConfig> la_config_from_json(const nlohmann::json& document);

}  // namespace ehcp::adapters::config
