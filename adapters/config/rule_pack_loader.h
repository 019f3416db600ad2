// adapters/config/rule_pack_loader.h
//
// Reads rule packs from JSON into an engine::RuleBook: the national packs compiled into ehcp
// (adapters/rule_packs/england.json); an LA's overrides of them are rule_overrides.h's. Besides its
// rules a pack may carry "exception_thresholds" {absence_weeks, closure_weeks,
// closure_window_weeks, source} and "preparation_for_adulthood" {from_year_group, source}, which
// a pack that inherits takes from its parent. Errors name the pack, entry and field.
#pragma once

#include <optional>
#include <string>

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

// "02-15" as a month and day that every year has (not 02-29), or nullopt.
std::optional<date::month_day> parse_month_day(const std::string& text);

}  // namespace ehcp::adapters::config
