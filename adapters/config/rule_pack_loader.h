// adapters/config/rule_pack_loader.h
//
// Reads rule packs from JSON into an engine::RuleBook: the national packs compiled into ehcp
// (adapters/rule_packs/england.json) and an LA's overrides from its configuration ("rules":
// {"count_event_day": true, "overrides": [{"clock": "draft_plan", "counting": "weeks_after",
// "amount": 16}]}; a limb counted to a fixed date takes "fixed_date": "MM-DD"). Besides its
// rules a pack may carry "exception_thresholds" {absence_weeks, closure_weeks,
// closure_window_weeks, source} and "preparation_for_adulthood" {from_year_group, source}, which
// a pack that inherits takes from its parent. Errors name the pack, entry and field.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/rule_pack.h"
#include "engine/status.h"

namespace ehcp::adapters::config {

// The packs shipped with this build, as the document they are read from.
const nlohmann::json& national_packs_json();

// The packs shipped with this build.
engine::Result<engine::RuleBook> national_rule_book();

// Packs from a document {"packs": [...]}. A pack may "inherit" an earlier pack's rules by name.
engine::Result<engine::RuleBook> rule_book_from_json(const nlohmann::json& document);

// Applies an LA configuration's "rules" section to `book`.
engine::Status apply_rule_overrides(engine::RuleBook& book, const nlohmann::json& rules);

}  // namespace ehcp::adapters::config
