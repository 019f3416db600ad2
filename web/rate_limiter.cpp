#include "web/rate_limiter.h"

namespace ehcp::web {

void RateLimiter::forget_old(std::deque<Clock::time_point>& times, Clock::time_point now) const {
  while (!times.empty() && times.front() + window_ <= now) {
    times.pop_front();
  }
}

bool RateLimiter::allowed(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(key);
  if (it == failures_.end()) {
    return true;
  }
  forget_old(it->second, now);
  if (it->second.empty()) {
    failures_.erase(it);
    return true;
  }
  return static_cast<int>(it->second.size()) < max_failures_;
}

void RateLimiter::failed(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto& times = failures_[key];
  forget_old(times, now);
  times.push_back(now);
}

void RateLimiter::succeeded(const std::string& key) {
  std::lock_guard lock(mutex_);
  failures_.erase(key);
}

}  // namespace ehcp::web
