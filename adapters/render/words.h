// adapters/render/words.h
//
// Names as a caseworker says them: the title of every clock ("Educational psychology advice",
// "Decision whether to assess"), workflow ("Needs assessment"), state ("Gathering advice") and
// event type ("Advice received"), for every human-facing table and page. JSON and CSV keep the
// identifiers (contract.md §3, §4); only text and HTML use these. An identifier with no title
// here (a name no machine gives yet) reads as itself, so nothing is ever hidden; a test
// (tests/adapters/words_test.cpp) checks that every clock, workflow, state and event type the
// code knows has one. Pure functions; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/civil_date.h"
#include "engine/clock.h"
#include "engine/event.h"

namespace ehcp::adapters::render {

// The title of clock `name` ("advice:ep") whose detail is `detail` (an advice clock's service,
// "educational_psychology"): "Educational psychology advice". An advice clock without a known
// service reads "Advice (ep)"; a consultation "Consultation with Oak Lane"; an order by its kind.
std::string clock_title(std::string_view name, std::string_view detail = {});
std::string clock_title(const engine::Clock& clock);

// A clock as a list names it: its name and detail, and the case it is of (for a list of many).
struct ClockLabel {
  std::string_view name;
  std::string_view detail;
  std::string_view case_ref;
};

// The titles of clocks listed together, in the same order: as clock_title, but two different
// clocks of one case with one title (two educational psychology advices) each add their id:
// "Educational psychology advice (ep2)".
std::vector<std::string> clock_titles(std::span<const ClockLabel> clocks);
std::vector<std::string> clock_titles(std::span<const engine::Clock> clocks);

// "Needs assessment", "Review", "Mediation and appeal".
std::string workflow_title(std::string_view workflow);

// The state `state` of a workflow `workflow` as words: "Gathering advice", "Review meeting
// held"; a state shared by two workflows may read differently in each ("Waiting for the
// decision whether to re-assess").
std::string state_title(std::string_view workflow, std::string_view state);

// A workflow's flag: "From Year 9: preparation for adulthood", "Mediation", "Tribunal".
std::string flag_title(std::string_view flag);

// "Advice received", "Decision whether to issue a plan".
std::string_view event_title(engine::EventType type);
// The same by the contract's name ("advice_received"); an unknown name reads as itself.
std::string event_title(std::string_view type);

// "Reception", "Year 4", or, past Year 14 (a young person up to 25), "Aged 28": the age on `on`
// of someone born on `dob`.
std::string year_group_or_age(int year_group, engine::Date dob, engine::Date on);

}  // namespace ehcp::adapters::render
