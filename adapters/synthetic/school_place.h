// adapters/synthetic/school_place.h
//
// Where a synthetic child is educated: an invented setting and its phase, chosen to fit the
// child's year group (a nursery, a primary school, a special school, a college), and the
// setting named when the child moves on at a phase transfer. Values; pure given the Random.
#pragma once

#include <optional>
#include <string>

#include "adapters/synthetic/json_object.h"
#include "adapters/synthetic/random.h"
#include "engine/event_fields.h"

namespace ehcp::adapters::synthetic {

struct SchoolPlace {
  std::string name;
  engine::Phase phase = engine::Phase::kNone;
};

// {"name": ..., "phase": ...}, as the events carry a setting.
JsonObject place_json(const SchoolPlace& place);

// A setting for a child in `year_group` (below -1: not yet of nursery age; above 14: an adult
// learner), or nullopt for a child in none yet (half of those under nursery age).
std::optional<SchoolPlace> place_for(Random& rng, int year_group);

// A setting for the same year group whose name is not `other`: a second choice after a
// school declined, or a plan naming somewhere new.
SchoolPlace another_place(Random& rng, int year_group, const std::string& other);

// The setting named for a child moving on from a `from` setting into `next_year_group`.
SchoolPlace place_after_transfer(Random& rng, int next_year_group, engine::Phase from);

}  // namespace ehcp::adapters::synthetic
