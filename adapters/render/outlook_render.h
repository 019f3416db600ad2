// adapters/render/outlook_render.h
//
// How `ehcp report outlook` prints: a table in words for the board (each week's deadlines by
// team and clock title), CSV and JSON with the identifiers (contract.md §4). Takes values.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "adapters/report/outlook.h"

namespace ehcp::adapters::render {

std::string outlook_to_text(const report::Outlook& outlook);
// One line a week, team and clock that has a deadline: week,from,to,team,clock,due,will_breach.
std::string outlook_to_csv(const report::Outlook& outlook);
nlohmann::ordered_json outlook_to_json(const report::Outlook& outlook);

}  // namespace ehcp::adapters::render
