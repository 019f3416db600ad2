// adapters/render/breach_render.h
//
// How the nightly deadline-breach report (engine/breach_report.h) is shown: text for a terminal,
// CSV for a spreadsheet (one row per clock), JSON exactly as contract.md §4 for other systems,
// and one self-contained HTML page to e-mail to an improvement board (printable on A4, marked
// OFFICIAL-SENSITIVE, anonymised unless names are asked for). Takes values and returns strings;
// writes nothing itself. Pure; thread-safe.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "adapters/derivation/rederive.h"
#include "engine/breach_report.h"

namespace ehcp::adapters::render {

struct BreachRenderOptions {
  std::string la;      // council name for the heading; may be empty
  bool names = false;  // show the child's name (BreachEntry::child) beside the case reference
  // Tonight's re-derivation after a change of calendar, rules or build, when there was one: the
  // text and HTML reports then say what changed and list the deadlines it moved (the JSON keeps
  // contract.md §4's shape; the moves are in rederived-DATE.json beside it).
  const derivation::Rederived* rederived = nullptr;
  std::string version{};  // the ehcp version, for the footer; empty: no footer line
};

// A heading, the four counts with the change since the night before, then one table per
// non-empty list (an empty list is one line saying there are none).
std::string breaches_to_text(const engine::BreachReport& report,
                             const BreachRenderOptions& options);

// One RFC 4180 table (CRLF line ends), one row per clock: a new breach is its overdue row with
// new=yes. Columns list,new,case[,child],clock,workflow,start,due,days_overdue,
// working_days_left,caseworker,team,exception; a count that does not apply is left empty.
std::string breaches_to_csv(const engine::BreachReport& report, const BreachRenderOptions& options);

// contract.md §4. An ordered_json, not a json, so that dump() keeps the contract's key order
// (as_of, new, overdue, due_soon, excepted; each entry case, clock, due, days_overdue,
// caseworker, team, exception). Caseworker and team are null when empty. Never holds names.
nlohmann::ordered_json breaches_to_json(const engine::BreachReport& report);

// One HTML5 page with inline CSS only (no scripts, links or images), UTF-8. With names false
// the children's names appear nowhere in it, only case references.
std::string breaches_to_html(const engine::BreachReport& report,
                             const BreachRenderOptions& options);

// The title of clock `name` as the counts by clock name it across cases ("advice:ep"): by the
// service its entries name, when they all name one ("Educational psychology advice").
std::string counted_clock_title(const engine::BreachReport& report, const std::string& name);

}  // namespace ehcp::adapters::render
