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

struct CaseShown {
  engine::CaseRecord record;
  engine::Date as_of;
  std::vector<ShownEvent> events;      // effective-date order, on or before as_of, voided too
  std::size_t later_events = 0;        // recorded but dated after as_of
  workflows::CaseView view;            // workflows and clocks as of as_of
  std::optional<std::string> problem;  // why the history could not be evaluated in full
};

int year_group_on(const engine::CaseRecord& record, engine::Date on);

// What an event says beyond its header (case, type, on, id, by, child): "outcome=assess".
std::string event_details(const nlohmann::json& object);
// How a clock stands on `as_of`: "12 days left", "due today", "3 days overdue", "met 2026-02-10",
// "met 2026-02-10, 4 days late", "not applicable from 2026-03-01".
std::string clock_standing(const engine::Clock& c, engine::Date as_of);

std::string case_to_text(const CaseShown& shown);
nlohmann::json case_to_json(const CaseShown& shown);

// The rows of `case list`: one per case, year group as of `as_of`.
Table case_list_table(const std::vector<engine::CaseRecord>& cases, engine::Date as_of);
nlohmann::json case_list_json(const std::vector<engine::CaseRecord>& cases, engine::Date as_of);

}  // namespace ehcp::adapters::render
