// adapters/config/rule_overrides.h
//
// The "rules" section of the LA configuration: the council's own limits over the national packs
// and its choices among the options the packs allow. For example:
//
//   "rules": {"count_event_day": true,             // the DfE "day 1" convention
//             "review_anchor": "meeting",          // later reviews run from the meeting
//             "under_five_review_months": 4,       // 3 to 6: an early_review target for under-5s
//             "last_year_group": {"first": 4, "middle": 8},  // three-tier areas, -1 to 14
//             "escalation": {"*": [rungs], "final_plan": [rungs]},
//             "overrides": [{"clock": "draft_plan", "counting": "weeks_after", "amount": 16},
//                           {"clock": "phase_transfer", "limb": "school",
//                            "counting": "day_before_fixed_date", "amount": 0,
//                            "fixed_date": "02-01"}]}
//
// A rung is {"rung": name, "offset": days from the due date (-366 to 366), "working_days": bool,
// "notify": [caseworker, team_manager, head_of_service]}; "*" replaces every clock's ladder and
// applies first, whatever the key order. A clock or limb no pack has is a problem naming the
// nearest clock; every problem goes to `problems`, with its key path.
#pragma once

#include <nlohmann/json.hpp>

#include "adapters/config/config_reader.h"
#include "engine/rule_pack.h"

namespace ehcp::adapters::config {

// Applies `rules` (the section, at path "rules") to `book`. An entry with a problem is not
// applied; the caller refuses the whole configuration when `problems` is not empty.
void apply_rule_overrides(engine::RuleBook& book, const nlohmann::json& rules, Problems& problems);

}  // namespace ehcp::adapters::config
