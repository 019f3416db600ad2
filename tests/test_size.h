// How big the tests' synthetic caseloads are. Under AddressSanitizer and UBSan the same tests run
// on smaller ones: they are there to catch memory and undefined-behaviour faults, which a few
// hundred cases reach as surely as thousands, and the sanitized build runs several times slower.
// The optimised build keeps the full sizes, and with them the statistical checks.
#pragma once

#include <cstdint>

namespace ehcp::test {

#ifdef EHCP_SANITIZED
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif

// `full` in the optimised build, `sanitized` under the sanitizers.
constexpr std::uint64_t sized(std::uint64_t full, std::uint64_t sanitized) {
  return kSanitized ? sanitized : full;
}

}  // namespace ehcp::test
