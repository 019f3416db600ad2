// adapters/render/ethnicity_names.h
//
// The DfE's ethnicity codes (the school census and SEN2 main codes: "WBRI", "APKN") as a board
// reads them ("White British", "Pakistani"). Cases record the code; pages for people show the
// name, while CSV and JSON keep the code for other systems. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace ehcp::adapters::render {

// The name of `code` ("WBRI" -> "White British"); a code the list lacks reads as itself, so a
// council's own extended code is never hidden.
std::string ethnicity_name(std::string_view code);

}  // namespace ehcp::adapters::render
