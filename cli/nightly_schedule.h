// cli/nightly_schedule.h
//
// When `ehcp run` wakes and which nights it runs. The nightly run happens at a London
// wall-clock time (the LA configuration's nightly.at, 02:00 by default), so its instant moves
// with British Summer Time. The night a run belongs to is the London civil date of its
// scheduled instant. Pure functions of the instant they are given: nothing here reads the clock,
// so they are safe to call from any thread.
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "engine/civil_date.h"

namespace ehcp::cli {

// The instant of `night`'s run at hour:minute London time. On the spring-forward day a time in
// the missing hour (01:00 to 01:59) runs when the gap ends, 02:00 BST (01:00 UTC); on the
// fall-back day a time in the repeated hour runs at its first occurrence (BST) only.
std::chrono::sys_seconds scheduled_instant(engine::Date night, int hour, int minute);

// The first scheduled instant strictly after `now`: at exactly tonight's instant, tomorrow's.
std::chrono::sys_seconds next_run_after(std::chrono::sys_seconds now, int hour, int minute);

// The nights whose scheduled instant is at or before `now` and which come after `last_done`,
// oldest first. With no `last_done` (a fresh install), only the latest such night: history is
// not invented. At most `max_catch_up` (>= 1) nights, the most recent; the caller can tell how
// many older ones were dropped from the gap between `last_done` and the first night returned.
std::vector<engine::Date> nights_to_run(std::optional<engine::Date> last_done,
                                        std::chrono::sys_seconds now, int hour, int minute,
                                        int max_catch_up);

}  // namespace ehcp::cli
