// tests/scenario/scenario_run.h
//
// Runs one parsed scenario through the real ehcp binary (EHCP_BINARY) in a fresh temporary
// folder, reporting every failed expectation to Catch as `file:line`. Test code only.
#pragma once

#include <string>

#include "tests/scenario/scenario_file.h"

namespace ehcp::scenario {

void run_scenario(const std::string& file, const Scenario& scenario);

}  // namespace ehcp::scenario
