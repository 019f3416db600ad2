// adapters/render/clock_groups.h
//
// A case's clocks grouped by the workflow they belong to, for the pages and `case show`: each
// needs assessment, each review cycle ("Annual review 2026", "Review from 3 Mar 2026"), each
// disagreement under its own heading with its state, rather than one flat list. A clock belongs
// to the latest workflow of its kind opened before the clock started (a review's decision,
// started at its meeting, stays with that review though the next one opened on the decision),
// or on that day for the clock that opens a review cycle, and not closed before it; an amended
// plan to the review amending (its notice may come after the next review opened); else to the
// first of its kind.
// Pure; takes values.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "workflows/case_view.h"

namespace ehcp::adapters::render {

struct ClockGroup {
  std::string heading;                              // "Needs assessment", "Annual review 2026"
  std::optional<workflows::WorkflowView> workflow;  // none for clocks of no workflow shown
  std::vector<std::size_t> clocks;                  // indexes into the view's clocks, in order
};

// One group per workflow of `view`, in opening order (a workflow with no clocks too), then,
// for clocks of a workflow the view does not list (the family's windows after a decision, with
// no disagreement recorded), one group for each such workflow, headed by its title alone.
std::vector<ClockGroup> clock_groups(const workflows::CaseView& view);

}  // namespace ehcp::adapters::render
