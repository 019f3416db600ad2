// adapters/render/rederive_render.h
//
// How `ehcp rederive` (and the nightly run after a change) says what moved: one row a clock
// whose due date changed, appeared or went, from what date to what date and why, as aligned
// text, CSV or JSON. Takes values; writes nothing itself.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "adapters/derivation/rederive.h"
#include "adapters/render/table.h"

namespace ehcp::adapters::render {

Table moved_clocks_table(const derivation::Rederived& r);
nlohmann::json rederived_json(const derivation::Rederived& r, bool dry_run);
// The closing line: "re-derived 5,000 case(s): 3 clock(s) moved in 2 case(s)".
std::string rederived_summary(const derivation::Rederived& r, bool dry_run);

}  // namespace ehcp::adapters::render
