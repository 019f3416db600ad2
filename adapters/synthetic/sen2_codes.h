// adapters/synthetic/sen2_codes.h
//
// SEN2 codes for a synthetic child (a primary need in roughly the national shares of plans)
// and a synthetic setting (its placement type, from the kind of setting its name says), and
// why a plan ceased. Each is a function of the child's or setting's name, never a new draw
// from the Random, so that adding them left every other part of a seeded caseload as it was.
// Pure; thread-safe.
#pragma once

#include <string_view>

#include "adapters/synthetic/child_profile.h"

namespace ehcp::adapters::synthetic {

// One of the rule pack's sen2 need codes.
std::string_view primary_need_for(const ChildProfile& child);

// One of the rule pack's sen2 placement codes for a setting called `name`.
std::string_view placement_for(std::string_view name);

// One of the rule pack's sen2 cease reasons for a plan ceased for `child`, an adult or not.
std::string_view cease_reason_for(const ChildProfile& child, bool adult);

}  // namespace ehcp::adapters::synthetic
