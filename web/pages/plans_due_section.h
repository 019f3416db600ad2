// web/pages/plans_due_section.h
//
// The board pack page's "Plans due to pass 20 weeks next month" (adapters/report/plans_due.h):
// the council's count for everyone who sees the pack; for a manager, also their own team's case
// references, each a link to the case (never a name).
#pragma once

#include <string>

#include "web/page_context.h"

namespace ehcp::web::pages {

// The section's HTML, or an error paragraph when the clocks cannot be read.
std::string plans_due_section(PageContext& context);

}  // namespace ehcp::web::pages
