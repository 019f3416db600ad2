// adapters/report/shown_case.h
//
// One case as `ehcp case show` and the web service's case page show it: the case as it stood on
// a date (workflows::case_as_of over its stored events), its events in replay order with the
// objects as imported, voided events marked with their corrections and each correction with the
// event it voids. Refuses a case that does not exist or was opened after the date, and a
// database whose clocks were derived otherwise than `config` derives them. Read-only.
#pragma once

#include <string>

#include "adapters/config/la_config.h"
#include "adapters/render/case_render.h"
#include "adapters/sqlite/database.h"
#include "engine/civil_date.h"
#include "engine/status.h"

namespace ehcp::adapters::report {

engine::Result<render::CaseShown> load_shown_case(sqlite::Database& db,
                                                  const config::LaConfig& config,
                                                  const std::string& ref, engine::Date as_of);

}  // namespace ehcp::adapters::report
