#include "adapters/report/transfer_report.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <SQLiteCpp/Statement.h>

#include "engine/academic_year.h"
#include "engine/indicators.h"

namespace ehcp::adapters::report {
namespace {

std::string transfer_name(int year_group) {
  switch (year_group) {
    case -1:
      return "Nursery -> Reception";
    case 2:
      return "Year 2 -> Year 3 (infant to junior)";
    case 6:
      return "Year 6 -> Year 7";
    case 11:
      return "Year 11 -> post-16";
    default:
      return engine::year_group_name(year_group) + " -> " +
             engine::year_group_name(year_group + 1) + " (by setting)";
  }
}

TransferStanding standing_of(const TransferRow& r, std::optional<engine::Date> ended,
                             engine::Date as_of) {
  if (r.named_on && *r.named_on <= as_of) {
    return *r.named_on <= r.due ? TransferStanding::kNamedOnTime : TransferStanding::kNamedLate;
  }
  if (ended && *ended <= as_of) {
    return TransferStanding::kNotApplicable;
  }
  return as_of > r.due ? TransferStanding::kOverdue : TransferStanding::kDueAhead;
}

std::optional<engine::Date> date_column(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : engine::parse_date(c.getString());
}

}  // namespace

std::string_view to_string(TransferStanding standing) {
  switch (standing) {
    case TransferStanding::kNamedOnTime:
      return "named on time";
    case TransferStanding::kNamedLate:
      return "named late";
    case TransferStanding::kOverdue:
      return "not named, overdue";
    case TransferStanding::kDueAhead:
      return "not named yet";
    case TransferStanding::kNotApplicable:
      return "not applicable";
  }
  return "";
}

engine::Result<TransferReport> load_transfer_report(sqlite::Database& db, int year,
                                                    engine::Date as_of, bool names) {
  TransferReport report;
  report.year = year;
  report.as_of = as_of;
  std::map<int, TransferGroup> groups;
  const engine::Date named_by = engine::post16_place_named_by(year);
  try {
    // The deadlines of a September move fall in the spring before it.
    SQLite::Statement q(
        db.sql(),
        "SELECT c.case_ref, c.start, c.due, c.met_on, c.ended_on, k.dob, k.year_group_override, "
        "k.opened_on, ifnull(k.setting_name, ''), k.given_name || ' ' || k.family_name, "
        "ifnull(k.caseworker, ''), ifnull(k.team, '') FROM clocks c JOIN cases k ON "
        "k.case_ref = c.case_ref WHERE c.clock = 'phase_transfer' AND c.due BETWEEN ? AND ?");
    q.bind(1, engine::format_date(engine::make_date(year, 1, 1)));
    q.bind(2, engine::format_date(engine::make_date(year, 8, 31)));
    while (q.executeStep()) {
      TransferRow r;
      r.case_ref = q.getColumn(0).getString();
      r.start = *engine::parse_date(q.getColumn(1).getString());
      r.due = *engine::parse_date(q.getColumn(2).getString());
      r.named_on = date_column(q.getColumn(3));
      const auto ended = date_column(q.getColumn(4));
      const engine::Date dob = *engine::parse_date(q.getColumn(5).getString());
      std::optional<engine::YearGroupOverride> override_;
      if (!q.getColumn(6).isNull()) {
        override_ = engine::YearGroupOverride{q.getColumn(6).getInt(),
                                              *engine::parse_date(q.getColumn(7).getString())};
      }
      r.year_group = engine::year_group(dob, r.due, override_);
      r.transfer = transfer_name(r.year_group);
      r.setting = q.getColumn(8).getString();
      if (names) {
        r.child = q.getColumn(9).getString();
      }
      r.caseworker = q.getColumn(10).getString();
      r.team = q.getColumn(11).getString();
      r.standing = standing_of(r, ended, as_of);
      auto& g = groups[r.year_group];
      g.transfer = r.transfer;
      ++g.plans;
      switch (r.standing) {
        case TransferStanding::kNamedOnTime:
          ++g.named_on_time;
          break;
        case TransferStanding::kNamedLate:
          ++g.named_late;
          break;
        case TransferStanding::kOverdue:
          ++g.overdue;
          break;
        case TransferStanding::kDueAhead:
          ++g.due_ahead;
          break;
        case TransferStanding::kNotApplicable:
          ++g.not_applicable;
          break;
      }
      if (r.year_group == 11 && r.standing != TransferStanding::kNotApplicable) {
        ++report.post16_plans;
        if (r.named_on && *r.named_on <= named_by && *r.named_on <= as_of) {
          ++report.post16_named_by_end_of_may;
        }
      }
      report.rows.push_back(std::move(r));
    }
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("transfer report", e.what());
  }
  for (auto& [group, g] : groups) {
    report.groups.push_back(std::move(g));
  }
  std::sort(report.rows.begin(), report.rows.end(), [](const TransferRow& a, const TransferRow& b) {
    return std::tie(a.year_group, a.due, a.case_ref) < std::tie(b.year_group, b.due, b.case_ref);
  });
  return report;
}

}  // namespace ehcp::adapters::report
