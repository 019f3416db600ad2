// adapters/render/case_render.h
//
// How `ehcp case show` and `ehcp case list` print a case: text for a caseworker, JSON (the
// contract's §3 fields plus the case's details and events) for other systems, CSV for lists.
// A voided event is listed, marked with the correction that voided it (who, when, why).
// Takes values; writes nothing itself.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/render/table.h"
#include "engine/case_record.h"
#include "workflows/case_view.h"

namespace ehcp::adapters::render {

// The correction that voided a shown event: its arrival number, date, author and reason.
struct VoidedBy {
  std::int64_t seq = 0;
  engine::Date on;
  std::optional<std::string> by;
  std::string reason;
};

// The event a correction voided: its arrival number, type and date.
struct Voids {
  std::int64_t seq = 0;
  std::string type;
  engine::Date on;
};

// One event as shown: its arrival number, the object as imported, and, for an event voided by
// a correction (still shown, but nothing is derived from it), the correction; for a correction,
// the event it voided (its own `seq` field, naming it, is shown as `voids`, since `seq` is each
// event's arrival number in the JSON).
struct ShownEvent {
  std::int64_t seq;
  nlohmann::json object;
  std::optional<VoidedBy> voided;
  std::optional<Voids> voids;
};

// The family's days to comment before a plan: from the draft (reg 13(1)) or an amendment
// notice (reg 22(2)); a check, not a clock (adapters/report/family_days.h finds them).
struct FamilyDays {
  std::string workflow;  // the workflow it belongs to, and the day that opened
  engine::Date opened;
  bool draft = true;  // on the draft plan; false: on proposed amendments
  engine::Date from;
  engine::Date ends;                           // the last of the days
  std::string period;                          // "15 days"
  std::string source;                          // "reg 13(1)"
  std::optional<engine::Date> no_more_to_say;  // the family said so on this day
};

struct CaseShown {
  engine::CaseRecord record;
  engine::Date as_of;
  std::vector<ShownEvent> events;       // effective-date order, on or before as_of, voided too
  std::size_t later_events = 0;         // recorded but dated after as_of
  workflows::CaseView view;             // workflows and clocks as of as_of
  std::optional<std::string> problem;   // why the history could not be evaluated in full
  std::vector<FamilyDays> family_days;  // the family's days to comment, where they matter
};

int year_group_on(const engine::CaseRecord& record, engine::Date on);

// What an event says beyond its header (case, type, on, id, by, child): "outcome=assess".
std::string event_details(const nlohmann::json& object);
// How a clock stands on `as_of`, its status as a word and the rest of the sentence: "Open" ",
// 12 days left" (or ", due today"), "Overdue" " by 3 days", "Met" " on Tue 10 Feb 2026", "Late"
// ": met on Tue 10 Feb 2026, 4 days late", "Not applicable" " from Sun 1 Mar 2026".
struct Standing {
  std::string status;
  std::string rest;
};
Standing clock_standing_parts(const engine::Clock& c, engine::Date as_of);
// The two as one: "Met on Tue 10 Feb 2026".
std::string clock_standing(const engine::Clock& c, engine::Date as_of);

// "The family's 15 days for comments on the draft plan end on Wed 9 Dec 2026 (reg 13(1))", or
// "ended on", or that the family has said it has no more to say.
std::string family_days_text(const FamilyDays& days, engine::Date as_of);

// The year group on `on`, or the age past Year 14: "Year 4", "Aged 28".
std::string year_group_text(const engine::CaseRecord& record, engine::Date on);

std::string case_to_text(const CaseShown& shown);
nlohmann::json case_to_json(const CaseShown& shown);

// The rows of `case list`: one per case, year group as of `as_of`.
Table case_list_table(const std::vector<engine::CaseRecord>& cases, engine::Date as_of);
nlohmann::json case_list_json(const std::vector<engine::CaseRecord>& cases, engine::Date as_of);

}  // namespace ehcp::adapters::render
