#include "engine/academic_year.h"

namespace ehcp::engine {
namespace {

// Reception is the year group of a child who turns 5 during the academic year.
constexpr int kReceptionAge = 5;
constexpr int kNursery = -1;
constexpr int kReception = 0;

}  // namespace

int academic_year_of(Date d) {
  const date::year_month_day ymd{d};
  const int year = static_cast<int>(ymd.year());
  return ymd.month() >= date::September ? year : year - 1;
}

Date academic_year_start(int year) { return make_date(year, 9, 1); }

Date academic_year_end(int year) { return make_date(year + 1, 8, 31); }

int cohort_year_group(Date dob, Date on) {
  return academic_year_of(on) - academic_year_of(dob) - kReceptionAge;
}

int year_group(Date dob, Date on, const std::optional<YearGroupOverride>& out_of_cohort) {
  if (!out_of_cohort) {
    return cohort_year_group(dob, on);
  }
  const int years_since = academic_year_of(on) - academic_year_of(out_of_cohort->set_on);
  if (years_since < 0) {
    return cohort_year_group(dob, on);
  }
  return out_of_cohort->year_group + years_since;
}

std::string year_group_name(int group) {
  if (group < kNursery) {
    return "Early years";
  }
  if (group == kNursery) {
    return "Nursery";
  }
  if (group == kReception) {
    return "Reception";
  }
  return "Year " + std::to_string(group);
}

}  // namespace ehcp::engine
