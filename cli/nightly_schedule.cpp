#include "cli/nightly_schedule.h"

#include <algorithm>

#include <date/tz.h>

#include "cli/time_source.h"

namespace ehcp::cli {
namespace {

const date::time_zone* london() {
  static const date::time_zone* const zone = date::locate_zone("Europe/London");
  return zone;
}

}  // namespace

std::chrono::sys_seconds scheduled_instant(engine::Date night, int hour, int minute) {
  const date::local_seconds wall{night.time_since_epoch() + std::chrono::hours{hour} +
                                 std::chrono::minutes{minute}};
  // choose::earliest picks BST for a repeated time; for a missing one `date` gives the instant
  // the gap ends, whichever is chosen.
  return date::zoned_seconds{london(), wall, date::choose::earliest}.get_sys_time();
}

std::chrono::sys_seconds next_run_after(std::chrono::sys_seconds now, int hour, int minute) {
  // Tonight's run if it is still to come, else tomorrow's: every scheduled instant of an earlier
  // London day lies before any instant of today.
  const engine::Date today = london_date_at(now);
  const auto tonight = scheduled_instant(today, hour, minute);
  if (tonight > now) {
    return tonight;
  }
  return scheduled_instant(today + date::days{1}, hour, minute);
}

std::vector<engine::Date> nights_to_run(std::optional<engine::Date> last_done,
                                        std::chrono::sys_seconds now, int hour, int minute,
                                        int max_catch_up) {
  engine::Date latest = london_date_at(now);
  if (scheduled_instant(latest, hour, minute) > now) {
    latest -= date::days{1};
  }
  engine::Date first = latest;
  if (last_done) {
    first = std::max(*last_done + date::days{1}, latest - date::days{max_catch_up - 1});
  }
  std::vector<engine::Date> nights;
  for (engine::Date night = first; night <= latest; night += date::days{1}) {
    nights.push_back(night);
  }
  return nights;
}

}  // namespace ehcp::cli
