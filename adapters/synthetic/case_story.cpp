#include "adapters/synthetic/case_story.h"

namespace ehcp::adapters::synthetic {

void CaseStory::change_setting(engine::Date on, SchoolPlace place) {
  add(on, "setting_changed", JsonObject().object("setting", place_json(place)));
  phases.push_back({on, place.phase});
  setting = std::move(place);
}

void CaseStory::reassign(engine::Date on) {
  const int now = rng.between(0, TeamPlan::kCaseworkersPerTeam - 1);
  const std::string& next = teams.caseworker(team, now);
  caseworker =
      next == caseworker ? teams.caseworker(team, (now + 1) % TeamPlan::kCaseworkersPerTeam) : next;
  add(on, "caseworker_assigned",
      JsonObject().text("caseworker", caseworker).text("team", teams.team(team)));
}

void CaseStory::open(engine::Date on) {
  JsonObject fields;
  fields.object("child", child_json(child))
      .text("caseworker", caseworker)
      .text("team", teams.team(team));
  if (setting) {
    fields.object("setting", place_json(*setting));
    phases.push_back({on, setting->phase});
  }
  if (const auto group = recorded_year_group(child, on)) {
    fields.number("year_group", *group);
  }
  draft.add(on, "case_opened", teams.intake(team), fields);
}

}  // namespace ehcp::adapters::synthetic
