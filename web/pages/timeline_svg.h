// web/pages/timeline_svg.h
//
// The case page's timeline: one row per clock from its start to its due date, a dot where it
// was met, and a dashed line for the as-of date. Inline SVG with role="img", a <title> and a
// <desc>; every row is labelled in words (the table beside it says the same), so nothing rests
// on colour. Presentation attributes only: the Content-Security-Policy allows no inline style.
#pragma once

#include <string>
#include <vector>

#include "engine/civil_date.h"
#include "engine/clock.h"

namespace ehcp::web::pages {

std::string timeline_svg(const std::vector<engine::Clock>& clocks, engine::Date as_of);

}  // namespace ehcp::web::pages
