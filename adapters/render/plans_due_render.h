// adapters/render/plans_due_render.h
//
// The board pack's "plans due to pass 20 weeks next month" (adapters/report/plans_due.h) in
// `ehcp report kpi`'s table and JSON: the count only, since the board pack names no case.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "adapters/report/plans_due.h"

namespace ehcp::adapters::render {

// "Plans due to pass 20 weeks next month (January 2027): 3, 1 with an exception\n".
std::string plans_due_to_text(const report::PlansDue& due);
// {"from", "to", "plans", "with_exception"}.
nlohmann::ordered_json plans_due_to_json(const report::PlansDue& due);

}  // namespace ehcp::adapters::render
