// adapters/derivation/derivation.h
//
// What derives a case's clocks besides its events: this build's evaluation, the national rule
// packs compiled in, and the LA configuration's calendar and rules sections. Every database keeps
// the inputs it was derived with (schema 7), so a command run with other inputs knows its rows
// are stale and can say what changed in words ("office closure 31 Mar-1 Apr 2026 added").
// The other sections of the configuration (who is told, the board's targets) derive nothing.
// Values; pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/config/la_config.h"
#include "engine/civil_date.h"

namespace ehcp::adapters::derivation {

struct Derivation {
  nlohmann::json inputs;    // {"engine", "packs", "calendar", "rules"}
  std::string fingerprint;  // 16 hex digits over the inputs' canonical text
};

// The derivation `config` gives with this build.
Derivation derivation_of(const config::LaConfig& config);

// One difference between two derivations' inputs. `from`..`to` is the span of days it touches
// (a closure, a holiday) when it has one; `clock` the clock family it names (an override).
struct Change {
  std::string text;
  std::optional<engine::Date> from;
  std::optional<engine::Date> to;
  std::string clock;
};

// What differs from `before` to `after`, in the order of the inputs; empty when nothing does.
std::vector<Change> changes_between(const nlohmann::json& before, const nlohmann::json& after);

// The changes that can explain a move of the clock `name` whose period runs from `start` to
// `last` (the later of its old and new due dates): those naming its family, those whose days
// fall in the period, and those that touch everything (a new build, a new pack). All of them
// when none is singled out.
std::vector<std::string> reasons_for(const std::vector<Change>& changes, const std::string& name,
                                     engine::Date start, engine::Date last);

// The texts joined with "; ".
std::string in_words(const std::vector<Change>& changes);

}  // namespace ehcp::adapters::derivation
