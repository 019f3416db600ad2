// adapters/render/progress_line.h
//
// The one line a long command keeps rewriting on a terminal while it works:
// "import: reading 1,204,000 of about 2,400,000 events (50%), 61,000 a second, about 20 s left".
// Pure: the caller says how long the stage has been running.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ehcp::adapters::render {

// `seconds` is the time since the stage began; the rate and time left are left out until it
// is long enough to mean something, and the time left when the total is not known.
std::string progress_line(std::string_view command, std::string_view stage, std::string_view unit,
                          std::uint64_t done, std::uint64_t total, double seconds);

// "1,204,000".
std::string with_thousands(std::uint64_t n);

}  // namespace ehcp::adapters::render
