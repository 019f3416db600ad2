// engine/suppression.h
//
// Small-number suppression as published statistics do it (DfE's "c"): a count from 1 to 4 is
// withheld, since a handful of children can be recognised from it, and in a set of counts
// shown with their total, when exactly one would be withheld the next smallest is withheld too,
// so that the hidden one cannot be worked out by subtraction. Zero is shown: it identifies no
// one. Pure functions; thread-safe.
#pragma once

#include <span>
#include <vector>

namespace ehcp::engine {

// Counts below this are withheld (1 to 4).
inline constexpr int kSuppressBelow = 5;

// True when `n` must be withheld on its own.
inline bool is_small_count(int n) { return n > 0 && n < kSuppressBelow; }

// Which of `parts` to withhold when they are shown with their total: each small count, and,
// when exactly one part is withheld, also the smallest other non-zero part (the first of equal
// ones). A total that is itself small is the caller's to withhold.
std::vector<bool> suppress_parts(std::span<const int> parts);

}  // namespace ehcp::engine
