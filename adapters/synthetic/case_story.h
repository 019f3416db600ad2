// adapters/synthetic/case_story.h
//
// The synthetic case being written: its draft events, its own random stream, the child, who
// works the case and where the child is educated. The stories (assessment_story.h,
// plan_story.h, disagreement_story.h, move_story.h, reassessment_story.h, custody_story.h) add
// events in turn and keep these facts current as they go, so a later story sees the setting and
// caseworker an earlier one left behind. One per case; not shared.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "adapters/synthetic/case_draft.h"
#include "adapters/synthetic/child_profile.h"
#include "adapters/synthetic/random.h"
#include "adapters/synthetic/school_place.h"
#include "adapters/synthetic/team_plan.h"
#include "engine/phase_transfer.h"

namespace ehcp::adapters::synthetic {

struct CaseStory {
  CaseStory(std::string ref, engine::Date as_of, std::uint64_t seed, const TeamPlan& team_plan)
      : draft(std::move(ref), as_of), rng(seed), teams(team_plan) {}

  engine::Date as_of() const { return draft.as_of(); }

  // Adds an event recorded by the case's caseworker.
  void add(engine::Date on, std::string_view type, const JsonObject& fields = {}) {
    draft.add(on, type, caseworker, fields);
  }

  // The child moves to `place` on `on` (setting_changed), as the engine will then see it.
  void change_setting(engine::Date on, SchoolPlace place);
  // Another caseworker of the same team takes the case on `on` (caseworker_assigned).
  void reassign(engine::Date on);
  // The case is opened on `on` with what is known of the child then (case_opened).
  void open(engine::Date on);

  CaseDraft draft;
  Random rng;
  const TeamPlan& teams;
  ChildProfile child;
  std::size_t team = 0;
  std::string caseworker;
  std::optional<SchoolPlace> setting;     // where the child is now
  std::vector<engine::PhaseFrom> phases;  // the setting's phase from each date, as events say
};

}  // namespace ehcp::adapters::synthetic
