// adapters/detail/on_every_core.h
//
// Runs pure work (deriving cases: no storage, no shared state) on every core, up to 8 threads:
// `work(t, threads)` is called once on each thread t in [0, threads), the caller's own thread
// being t = 0, and is expected to take the items i with i % threads == t. Returns when all are
// done. Shared by the import and `ehcp rederive`.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace ehcp::adapters::detail {

inline std::size_t derive_threads() {
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
}

template <typename Work>
void on_every_core(Work&& work) {
  const std::size_t threads = derive_threads();
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) {
    pool.emplace_back([&work, t, threads] { work(t, threads); });
  }
  work(std::size_t{0}, threads);
  for (auto& thread : pool) {
    thread.join();
  }
}

}  // namespace ehcp::adapters::detail
