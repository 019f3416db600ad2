// adapters/synthetic/office_days.h
//
// The days council officers record things on: weekdays that are not bank holidays in England
// and Wales (engine::Calendar's rules, with no LA closures). Synthetic events land on these
// days. Pure functions over one shared, read-only calendar; thread-safe.
#pragma once

#include "adapters/synthetic/random.h"
#include "engine/civil_date.h"

namespace ehcp::adapters::synthetic::office_days {

bool is_open(engine::Date d);
engine::Date on_or_after(engine::Date d);
engine::Date on_or_before(engine::Date d);

// A working day roughly `lo` to `hi` calendar days after `d` (drawn uniformly). Counted in
// working days, five for every seven, so the weekdays come out even: moving weekend dates to
// Monday would pile events on Mondays. `lo` 0 may give `d` itself when it is a working day.
engine::Date after(Random& rng, engine::Date d, int lo, int hi);

// The `n`th working day after `d` (`d` itself never counted; `d` when n is 0).
engine::Date plus_working_days(engine::Date d, int n);

// A working day within `limit` calendar days after `from` (at least about `earliest`) if
// `on_time`, else after the limit, up to about `latest` days: a step done in time, or late.
engine::Date within_or_late(Random& rng, engine::Date from, bool on_time, int earliest, int limit,
                            int latest);

}  // namespace ehcp::adapters::synthetic::office_days
