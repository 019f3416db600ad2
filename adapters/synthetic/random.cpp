#include "adapters/synthetic/random.h"

namespace ehcp::adapters::synthetic {
namespace {

constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

std::uint64_t mix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

Random::Random(std::uint64_t seed) {
  // Successive splitmix64 outputs, as xoshiro's authors recommend: never all zero.
  for (auto& word : state_) {
    seed += 0x9E3779B97F4A7C15ULL;
    word = mix64(seed);
  }
}

std::uint64_t Random::next() {
  const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
  const std::uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = rotl(state_[3], 45);
  return result;
}

int Random::between(int lo, int hi) {
  if (hi <= lo) {
    return lo;
  }
  const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo) + 1;
  return lo + static_cast<int>(next() % span);
}

bool Random::chance(double p) { return unit() < p; }

double Random::unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

}  // namespace ehcp::adapters::synthetic
