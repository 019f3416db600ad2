// adapters/render/calendar_render.h
//
// How `ehcp calendar` prints one year of an LA's calendar: the bank holidays (by rule, plus
// the LA's additions and removals), the closure periods that touch the year, and the count of
// working days, as text or JSON.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "engine/calendar.h"

namespace ehcp::adapters::render {

std::string calendar_year_to_text(const engine::Calendar& calendar, int year);
nlohmann::json calendar_year_to_json(const engine::Calendar& calendar, int year);

}  // namespace ehcp::adapters::render
