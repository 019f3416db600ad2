// adapters/detail/nearest.h
//
// Did-you-mean: the names nearest a word nobody knows, by edit distance, for the messages that
// refuse it (a configuration key, a clock, a caseworker or team). Pure.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ehcp::adapters::detail {

// The Levenshtein distance: single-character insertions, deletions and substitutions.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest `word` by edit distance, when near enough to be what was meant (at most
// half the word's length apart, or one containing the other); nullopt when none is.
std::optional<std::string> nearest(std::string_view word,
                                   const std::vector<std::string>& candidates);

// Up to `limit` candidates near enough to `word` (as nearest() judges, ignoring ASCII case), the
// nearest first; ties in the order given.
std::vector<std::string> nearest_names(std::string_view word,
                                       const std::vector<std::string>& candidates,
                                       std::size_t limit = 3);

}  // namespace ehcp::adapters::detail
