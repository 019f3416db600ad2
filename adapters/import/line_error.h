// adapters/import/line_error.h
//
// One rejected line of an input file: its 1-based number and the reason, as the user sees it
// ("line 4: unknown case 'A-9'"). Plain value.
#pragma once

#include <cstddef>
#include <string>

namespace ehcp::adapters {

struct LineError {
  std::size_t line = 0;
  std::string reason;

  std::string to_string() const { return "line " + std::to_string(line) + ": " + reason; }
  bool operator==(const LineError&) const = default;
};

}  // namespace ehcp::adapters
