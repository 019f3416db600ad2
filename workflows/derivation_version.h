// workflows/derivation_version.h
//
// Names the evaluation this build performs, for the fingerprint every database keeps of what
// derived its clocks (adapters/derivation/derivation.h). Change it in the same commit as any
// change to engine/ or workflows/ that derives a clock, a workflow or a case record differently:
// the next command then finds the database's rows stale and `ehcp rederive` (or the nightly run)
// derives them again. A change that derives nothing differently leaves it alone.
#pragma once

#include <string_view>

namespace ehcp::workflows {

inline constexpr std::string_view kDerivationVersion =
    "2026-12-07.3 (orders carried out, family windows, guidance custody, mediation beside an "
    "appeal, each review its own clocks)";

}  // namespace ehcp::workflows
