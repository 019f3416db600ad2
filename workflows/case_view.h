// workflows/case_view.h
//
// What a case's events add up to on evaluation: each workflow it has had (with its state),
// every clock it has ever had, and warnings for procedural slips that are checks, not clocks
// (a final plan issued inside the family's 15 days). A value; safe to share.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/civil_date.h"
#include "engine/clock.h"

namespace ehcp::workflows {

struct WorkflowView {
  std::string workflow;  // "assessment"
  std::string state;     // "gathering_advice": snake_case, the project's own names
  engine::Date opened;
  std::optional<engine::Date> closed;
  // Things the law asks of this workflow in particular: "preparation_for_adulthood" on a
  // review from Year 9; "mediation" and "tribunal" on a disagreement (SEN2 leaves such cases
  // out of the 20-week rates).
  std::vector<std::string> flags;
  bool operator==(const WorkflowView&) const = default;
};

struct Warning {
  engine::Date on;
  std::string text;
  bool operator==(const Warning&) const = default;
};

struct CaseView {
  std::vector<WorkflowView> workflows;
  std::vector<engine::Clock> clocks;  // in order of start, then due
  std::vector<Warning> warnings;
};

}  // namespace ehcp::workflows
