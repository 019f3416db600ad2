// adapters/report/transfer_report.h
//
// `ehcp report transfers --year Y`: the plans of the cohort moving on in September of year Y
// (the phase_transfer clocks due that spring), grouped by transfer (nursery -> Reception,
// Year 2 -> 3 in infant schools, Year 6 -> 7, Year 11 -> post-16, and the rest by setting), each
// with its status against its deadline (14 February; 30 March for post-16), and for post-16 the
// share with a setting named by the end of May. Read-only.
#pragma once

#include <string>
#include <vector>

#include "adapters/sqlite/database.h"
#include "engine/civil_date.h"
#include "engine/status.h"

namespace ehcp::adapters::report {

enum class TransferStanding {
  kNamedOnTime,
  kNamedLate,
  kOverdue,       // not named, past the deadline
  kDueAhead,      // not named, deadline still to come
  kNotApplicable  // the plan ceased first
};

std::string_view to_string(TransferStanding standing);

struct TransferRow {
  std::string case_ref;
  std::string child;     // empty when anonymised
  std::string transfer;  // "Year 6 -> Year 7"
  int year_group = 0;    // on the deadline
  std::string setting;   // the current setting's name
  engine::Date start;
  engine::Date due;
  std::optional<engine::Date> named_on;
  TransferStanding standing = TransferStanding::kDueAhead;
  std::string caseworker;
  std::string team;
};

struct TransferGroup {
  std::string transfer;
  int plans = 0;
  int named_on_time = 0;
  int named_late = 0;
  int overdue = 0;
  int due_ahead = 0;
  int not_applicable = 0;
};

struct TransferReport {
  int year = 0;  // the September of the move
  engine::Date as_of;
  std::vector<TransferGroup> groups;  // in school order: nursery first
  std::vector<TransferRow> rows;      // by transfer, then due, then case
  int post16_plans = 0;               // Year 11 -> post-16 transfers still applicable
  int post16_named_by_end_of_may = 0;
};

engine::Result<TransferReport> load_transfer_report(sqlite::Database& db, int year,
                                                    engine::Date as_of, bool names);

}  // namespace ehcp::adapters::report
