// engine/indicator_facts.h
//
// What the board's indicators (rules.md §7) are computed from: plain records read from the
// clock and workflow tables, one per needs assessment, piece of advice, review, transfer and
// disagreement, and the children the assessments concern as the breakdowns see them (no name;
// the date of birth only to place a child in an age band and a year group on the day that
// counts). Only requests and plans are broken down, so only assessments name their child. The
// adapter fills them; engine/indicators.h turns them into the pack. Values; safe to share.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/academic_year.h"
#include "engine/civil_date.h"

namespace ehcp::engine {

using ChildIndex = std::uint32_t;  // a position in IndicatorFacts::children

struct ChildFacts {
  Date dob;
  std::optional<YearGroupOverride> out_of_cohort;
  std::string gender;     // as recorded; empty when not recorded
  std::string ethnicity;  // as recorded; empty when not recorded
  std::string team;       // the case's team now; empty when unassigned
};

// One needs assessment (workflow `assessment`): its request, its decisions and its plan.
struct AssessmentFacts {
  ChildIndex child = 0;
  Date requested;                           // the LA received the request (the clocks' start)
  std::optional<Date> closed;               // refused, no plan, plan issued or withdrawn
  bool refused = false;                     // closed by a decision not to assess
  std::optional<Date> decided;              // the decision whether to assess was made
  Date decision_due;                        // 6 weeks
  std::optional<Date> no_plan_on;           // decided, after assessing, not to issue a plan
  std::optional<Date> issued;               // the final plan was issued
  Date issue_due;                           // 20 weeks
  std::optional<Date> issue_excepted_from;  // an exception applied to the 20-week limit from
  // The first mediation, appeal or Tribunal order on the case on or after the request: SEN2
  // leaves such cases out of both 20-week rates (rules.md §7).
  std::optional<Date> disagreement_from;
};

// One piece of advice asked of a service (reg 8: 6 weeks from the request).
struct AdviceFacts {
  std::string service;  // "educational_psychology", as the event names it
  Date requested;
  Date due;
  std::optional<Date> received;
};

// A clock measured in the cohort of its due date: annual reviews (12 months), review decisions
// (4 weeks from the meeting), phase transfers (15 February, 31 March).
struct DueFacts {
  Date due;
  std::optional<Date> met_on;
  std::optional<Date> ended_on;  // no longer applies (a plan ceased)
  std::string detail;            // a transfer's limb of reg 18: "school", "post16", ...
};

enum class DisagreementKind { kMediation, kAppeal, kTribunalOrder };

struct DisagreementFacts {
  Date on;
  DisagreementKind kind = DisagreementKind::kMediation;
};

struct IndicatorFacts {
  std::vector<ChildFacts> children;
  std::vector<AssessmentFacts> assessments;
  std::vector<AdviceFacts> advice;
  std::vector<DueFacts> annual_reviews;
  std::vector<DueFacts> review_decisions;
  std::vector<DueFacts> transfers;
  std::vector<DisagreementFacts> disagreements;
};

}  // namespace ehcp::engine
