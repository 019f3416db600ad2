#include "cli/time_source.h"

#include <chrono>

#include <date/tz.h>

namespace ehcp::cli {

engine::Date london_today() { return london_date_at(std::chrono::system_clock::now()); }

engine::Date london_date_at(std::chrono::system_clock::time_point t) {
  const date::zoned_time now{"Europe/London", t};
  // The London wall-clock day, re-read as a civil date.
  return engine::Date{date::floor<date::days>(now.get_local_time()).time_since_epoch()};
}

std::chrono::sys_seconds now_to_the_second() {
  return date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::string utc_timestamp_now() {
  const auto now = date::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
  return date::format("%FT%TZ", now);
}

}  // namespace ehcp::cli
