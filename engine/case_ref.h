// engine/case_ref.h
//
// A case reference is the LA's own identifier for a case (contract.md §1): 1 to 64 characters
// from A–Z, a–z, 0–9 and . _ / -. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ehcp::engine {

inline constexpr std::size_t kMaxCaseRefLength = 64;

// Why `ref` is not a valid case reference ("case reference is 70 characters long; at most 64"),
// or nullopt when it is valid.
std::optional<std::string> case_ref_problem(std::string_view ref);

}  // namespace ehcp::engine
