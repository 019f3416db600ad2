// adapters/synthetic/random.h
//
// The synthetic caseload's only source of chance: xoshiro256** seeded through splitmix64, with
// our own arithmetic for ranges and probabilities (the std distributions differ between
// standard libraries, and the same seed must give the same file everywhere). Each case has its
// own, seeded from (seed, case number), so a case never depends on the cases made before it.
// A value; not thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace ehcp::adapters::synthetic {

// splitmix64's finaliser: a well-mixed 64-bit hash, for deriving one seed from others.
std::uint64_t mix64(std::uint64_t x);

class Random {
 public:
  explicit Random(std::uint64_t seed);

  std::uint64_t next();
  // Uniform in [lo, hi]; lo when hi < lo.
  int between(int lo, int hi);
  // True with probability p.
  bool chance(double p);

  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[static_cast<std::size_t>(between(0, static_cast<int>(N) - 1))];
  }

  // An index drawn in proportion to `weights` (which need not sum to 1).
  template <std::size_t N>
  std::size_t weighted(const std::array<double, N>& weights) {
    double total = 0;
    for (const double w : weights) {
      total += w;
    }
    double x = unit() * total;
    for (std::size_t i = 0; i + 1 < N; ++i) {
      if (x < weights[i]) {
        return i;
      }
      x -= weights[i];
    }
    return N - 1;
  }

 private:
  // Uniform in [0, 1).
  double unit();

  std::array<std::uint64_t, 4> state_{};
};

}  // namespace ehcp::adapters::synthetic
