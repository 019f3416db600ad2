// adapters/render/transfer_render.h
//
// How `ehcp report transfers` prints: counts by transfer and the plans, as text, CSV or JSON.
// Takes values; writes nothing itself.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "adapters/report/transfer_report.h"

namespace ehcp::adapters::render {

std::string transfers_to_text(const report::TransferReport& report, bool names);
std::string transfers_to_csv(const report::TransferReport& report, bool names);
nlohmann::ordered_json transfers_to_json(const report::TransferReport& report);

}  // namespace ehcp::adapters::render
