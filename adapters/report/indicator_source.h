// adapters/report/indicator_source.h
//
// The facts the board's indicators are computed from (engine/indicator_facts.h), read from the
// derived tables: the needs assessments that touch the window (workflows) with their children
// (cases: date of birth, gender, ethnicity, team; never a name) and their clocks; advice
// received and reviews and transfers due in the window. Clocks come from covering partial
// indexes (schema 0004), so a national pack reads a few hundred megabytes, not the whole
// table. Mediations, appeals and Tribunal orders come from the event history itself, through a
// partial index. The window is `from` to `to`, widened to the 12 months of the trend.
// Read-only.
#pragma once

#include "adapters/sqlite/database.h"
#include "engine/civil_date.h"
#include "engine/indicator_facts.h"
#include "engine/status.h"

namespace ehcp::adapters::report {

engine::Result<engine::IndicatorFacts> load_indicator_facts(sqlite::Database& db, engine::Date from,
                                                            engine::Date to);

}  // namespace ehcp::adapters::report
