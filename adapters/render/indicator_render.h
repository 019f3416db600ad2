// adapters/render/indicator_render.h
//
// How `ehcp report kpi` prints the board pack: text for a terminal (the period's figures),
// CSV and JSON with every figure, its trend, the distributions and the breakdowns for the
// council's own BI tools, and one self-contained HTML page for the board (indicator_html.cpp).
// Withheld figures read "c" (null in JSON). Takes values; writes nothing itself.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "engine/indicator_pack.h"

namespace ehcp::adapters::render {

std::string indicators_to_text(const engine::IndicatorPack& pack);
// The headline figures only, one per line with target and rating: for summaries.
std::string indicator_headlines_to_text(const engine::IndicatorPack& pack);
std::string indicators_to_csv(const engine::IndicatorPack& pack);
nlohmann::ordered_json indicators_to_json(const engine::IndicatorPack& pack, const std::string& la);
// `version`: the ehcp version, for the footer ("Made by ehcp 0.1.0"); empty: no footer line.
std::string indicators_to_html(const engine::IndicatorPack& pack, const std::string& la,
                               const std::string& version = "");

}  // namespace ehcp::adapters::render
