#include "adapters/synthetic/caseload.h"

#include <algorithm>
#include <cstdio>

#include "adapters/synthetic/assessment_story.h"
#include "adapters/synthetic/case_story.h"
#include "adapters/synthetic/caseload_shape.h"
#include "adapters/synthetic/move_story.h"
#include "adapters/synthetic/office_days.h"
#include "adapters/synthetic/plan_story.h"
#include "adapters/synthetic/sen2_codes.h"

namespace ehcp::adapters::synthetic {
namespace {

using Kind = AssessmentOutcome::Kind;
using office_days::after;

constexpr double kOpenedWithRequest = 0.85;
constexpr double kOpenedWithTransfer = 0.7;
constexpr double kClosedAfterNoPlan = 0.5;
constexpr double kClosedAfterWithdrawal = 0.8;

void choose_team(CaseStory& c, const Caseload& caseload) {
  c.team =
      static_cast<std::size_t>(c.rng.between(0, static_cast<int>(caseload.teams().teams()) - 1));
  c.caseworker =
      caseload.teams().caseworker(c.team, c.rng.between(0, TeamPlan::kCaseworkersPerTeam - 1));
}

// A plan the council made before ehcp, loaded on the case's load day with plan_in_force.
void tell_legacy_plan(CaseStory& c, const Caseload& caseload, std::uint64_t number) {
  auto& rng = c.rng;
  const engine::Date load = caseload.timeline().load_day(number);
  c.child = make_child(rng, load, shape::kAgeOfLegacyPlans, number);
  c.setting = place_for(rng, c.child.year_group(load));
  c.open(load);
  // Reviewed within the year before go-live, or overdue already (a backlog ehcp inherits).
  const PlanHistory plan = earlier_plan(rng, c.child, load, shape::kLegacyReviewOverdueShare);
  JsonObject fields;
  fields.date("made", plan.made);
  if (plan.last_reviewed) {
    fields.date("last_reviewed", *plan.last_reviewed);
  }
  fields.text("primary_need", primary_need_for(c.child));
  c.add(load, "plan_in_force", fields);
  tell_plan(c, {load, plan.last_reviewed.value_or(plan.made)});
}

// Opens child `number`'s case on `day` (a `same_day` share of the time), else on the working
// day `fewest` to `most` days before it, the child's age drawn with `ages`.
void open_near(CaseStory& c, std::uint64_t number, engine::Date day, double same_day, int fewest,
               int most, const std::array<double, 6>& ages) {
  auto& rng = c.rng;
  const engine::Date opened =
      rng.chance(same_day) ? day
                           : office_days::on_or_before(day - date::days{rng.between(fewest, most)});
  c.child = make_child(rng, opened, ages, number);
  c.setting = place_for(rng, c.child.year_group(opened));
  c.open(opened);
}

// A plan another LA made, transferred in with the child on the day a request would have come:
// the case opened that day or a little before (the old LA gave notice), then the plan's life.
void tell_transferred_plan(CaseStory& c, const Caseload& caseload, std::uint64_t number) {
  const engine::Date transfer = caseload.timeline().request_day(number);
  open_near(c, number, transfer, kOpenedWithTransfer, 3, 20, shape::kAgeOfLegacyPlans);
  tell_plan(c, tell_transfer_in(c, transfer));
}

void close_case(CaseStory& c, engine::Date after_day, const char* reason) {
  // After whatever came of the decision too (a mediation, an appeal).
  c.add(after(c.rng, std::max(after_day, c.draft.latest()), 20, 120), "case_closed",
        JsonObject().text("reason", reason));
}

// A request received since go-live: the assessment, and the plan if one is issued.
void tell_request(CaseStory& c, const Caseload& caseload, std::uint64_t number) {
  auto& rng = c.rng;
  const engine::Date request = caseload.timeline().request_day(number);
  // Most cases open with the request; some children were known to the team a little earlier.
  open_near(c, number, request, kOpenedWithRequest, 5, 30, shape::kAgeAtRequest);
  AssessmentOutcome outcome = tell_assessment(c, request);
  if (outcome.kind == Kind::kRefused && rng.chance(shape::kAskAgainAfterRefusal)) {
    outcome = tell_assessment(c, after(rng, outcome.on, 120, 330));
  }
  switch (outcome.kind) {
    case Kind::kRefused:
      if (rng.chance(shape::kClosedAfterRefusal)) {
        close_case(c, outcome.on, "request refused");
      }
      break;
    case Kind::kNoPlan:
      if (rng.chance(kClosedAfterNoPlan)) {
        close_case(c, outcome.on, "no plan: needs met by the setting");
      }
      break;
    case Kind::kWithdrawn:
      if (rng.chance(kClosedAfterWithdrawal)) {
        close_case(c, outcome.on, "request withdrawn");
      }
      break;
    case Kind::kPlan:
      if (outcome.on <= c.as_of()) {
        tell_plan(c, {outcome.on, outcome.on});
      }
      break;
  }
}

}  // namespace

std::optional<std::string> as_of_problem(engine::Date as_of) {
  const engine::Date earliest = engine::make_date(2018, 1, 1);
  const engine::Date latest = engine::make_date(2099, 12, 31);
  if (as_of < earliest || as_of > latest) {
    return engine::format_date(as_of) + " is outside " + engine::format_date(earliest) + " to " +
           engine::format_date(latest) + ": a synthetic caseload has " +
           std::to_string(shape::kHistoryYears) +
           " years of history, which must start after EHC plans began (1 September 2014)";
  }
  return std::nullopt;
}

Caseload::Caseload(CaseloadOptions options)
    : options_(std::move(options)),
      timeline_(options_.as_of, options_.cases),
      teams_(options_.cases) {}

std::string Caseload::ref(std::uint64_t number) const {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%07llu", static_cast<unsigned long long>(number));
  return options_.ref_prefix + digits;
}

std::vector<GeneratedEvent> Caseload::make_case(std::uint64_t number) const {
  CaseStory story(ref(number), options_.as_of, mix64(options_.seed ^ mix64(number)), teams_);
  choose_team(story, *this);
  if (timeline_.is_legacy(number)) {
    tell_legacy_plan(story, *this, number);
  } else if (story.rng.chance(shape::kTransferredInShare)) {
    tell_transferred_plan(story, *this, number);
  } else {
    tell_request(story, *this, number);
  }
  return story.draft.finish();
}

}  // namespace ehcp::adapters::synthetic
