// web/rate_limiter.h
//
// Sign-in attempts, limited per account and per address: after `max_failures` failed attempts
// within `window`, further attempts for that key are refused until the oldest failure leaves the
// window. A success clears the account's failures. In memory (a restart forgets it); times are
// passed in, so tests need no clock. Thread-safe.
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace ehcp::web {

class RateLimiter {
 public:
  using Clock = std::chrono::system_clock;
  RateLimiter(int max_failures, Clock::duration window)
      : max_failures_(max_failures), window_(window) {}

  // False when `key` has had max_failures failures within the window before `now`.
  bool allowed(const std::string& key, Clock::time_point now);
  void failed(const std::string& key, Clock::time_point now);
  void succeeded(const std::string& key);

 private:
  void forget_old(std::deque<Clock::time_point>& times, Clock::time_point now) const;

  int max_failures_;
  Clock::duration window_;
  std::mutex mutex_;
  std::map<std::string, std::deque<Clock::time_point>> failures_;
};

}  // namespace ehcp::web
