// cli/synthetic_options.h
//
// What `ehcp generate` and `ehcp demo` share: how many cases, the seed, and the as-of date (the
// global --as-of, default today in London), read strictly and checked, so a mistake is
// reported naming the flag ("--cases: '5e3' is not a whole number from 1 to 10000000").
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "adapters/synthetic/caseload.h"
#include "cli/context.h"
#include "engine/status.h"

namespace ehcp::cli {

// As typed: checked by synthetic_options(), not by CLI11, for messages that name the flag.
struct SyntheticArgs {
  std::string cases;
  std::string seed = "1";
};

inline constexpr std::uint64_t kMaxSyntheticCases = 10'000'000;

void add_seed_option(CLI::App& command, SyntheticArgs& args);

// The caseload the arguments ask for, or a usage error naming the flag that is wrong.
engine::Result<adapters::synthetic::CaseloadOptions> synthetic_options(const Context& context,
                                                                       const SyntheticArgs& args);

}  // namespace ehcp::cli
