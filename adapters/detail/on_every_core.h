// adapters/detail/on_every_core.h
//
// Runs pure work (deriving cases: no storage, no shared state) on every core, up to 8 threads:
// `work(t, threads)` is called once on each thread t in [0, threads), the caller's own thread
// being t = 0, and is expected to take the items i with i % threads == t. Returns when all are
// done. Shared by the import and `ehcp rederive`. InBackground runs the same on threads of its
// own, so that the caller can read the next batch meanwhile.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <thread>
#include <utility>
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

// `work(t, threads)` on `threads` threads of its own, t in [0, threads), from construction
// until join() (or destruction). The caller's thread is free meanwhile.
class InBackground {
 public:
  explicit InBackground(std::function<void(std::size_t, std::size_t)> work)
      : work_(std::move(work)) {
    const std::size_t threads = derive_threads();
    for (std::size_t t = 0; t < threads; ++t) {
      pool_.emplace_back([this, t, threads] { work_(t, threads); });
    }
  }
  InBackground(const InBackground&) = delete;
  InBackground& operator=(const InBackground&) = delete;
  ~InBackground() { join(); }

  void join() {
    for (auto& thread : pool_) {
      if (thread.joinable()) {
        thread.join();
      }
    }
  }

 private:
  std::function<void(std::size_t, std::size_t)> work_;
  std::vector<std::thread> pool_;
};

}  // namespace ehcp::adapters::detail
