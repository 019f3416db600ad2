// adapters/sqlite/clock_digest.h
//
// A digest of a case's clocks: 64 bits over every field of every clock, taken in one canonical
// order, so that the same set of clocks gives the same digest whatever order it comes in. The
// clock store keeps it beside the rows (clock_digests, schema 12); `ehcp rederive` compares it
// with the digest of what it derives instead of reading every row back. Two different sets
// share a digest with a chance of about 1 in 2^64. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <span>

#include "engine/clock.h"

namespace ehcp::adapters::sqlite {

// The canonical order: a total order on every field (start, name, detail, due, then the rest).
bool clock_order(const engine::Clock& a, const engine::Clock& b);

// The digest of `clocks`, in any order. Stable across builds and platforms: it is stored.
std::uint64_t clock_digest(std::span<const engine::Clock> clocks);

}  // namespace ehcp::adapters::sqlite
