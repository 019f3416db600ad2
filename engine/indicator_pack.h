// engine/indicator_pack.h
//
// The board's monthly pack as data: every indicator of rules.md §7 for the period, its trend
// over the 12 months to the period's end with the target in force each month and its rating,
// the distributions (plans by time taken, assessments in progress by age) and the equality
// breakdowns. Small counts are already withheld here (engine/suppression.h), so no renderer can
// show one: a withheld figure has no value and zero numerator and denominator. No child is
// named; nothing carries a date of birth. A value; safe to share.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/civil_date.h"
#include "engine/rating_scheme.h"

namespace ehcp::engine {

enum class IndicatorUnit { kCount, kPercent, kWeeks };

struct Figure {
  std::optional<double> value;      // nullopt: no cases in the cohort, or withheld
  bool suppressed = false;          // withheld: a count below 5 went into it
  int numerator = 0;                // percentages: the cases meeting the standard
  int denominator = 0;              // the cases in the cohort (counts: the count itself)
  std::optional<double> target;     // the council's target in force then
  std::optional<std::size_t> band;  // index into the scheme's bands; nullopt: not rated
};

struct Indicator {
  std::string id;       // stable, for csv and json: "plans_within_20_weeks_excluding_exceptions"
  std::string section;  // "Needs assessments"
  std::string title;    // "New plans issued within 20 weeks, excluding exceptions"
  std::string cohort;   // the period's cohort in plain words, small counts withheld
  IndicatorUnit unit = IndicatorUnit::kCount;
  bool higher_is_better = true;
  Figure figure;              // the period
  std::vector<Figure> trend;  // one per IndicatorPack::months
};

struct Month {
  int year = 0;
  unsigned month = 1;
  Date first;
  Date last;  // the month's last day, or the period's end in its last month
};

// A count as shown: withheld ones have value 0.
struct CountCell {
  int value = 0;
  bool suppressed = false;
};

// Counts that add up to a shown total (plans by time taken; assessments in progress by age).
struct Distribution {
  std::string id;
  std::string title;
  std::string cohort;
  std::vector<std::string> labels;
  std::vector<CountCell> counts;
  CountCell total;
};

struct BreakdownRow {
  std::string group;  // "Under 5", "Female", "Year 6", "North"
  CountCell requests;
  CountCell plans;
  Figure within_20_weeks;  // excluding exceptions, as the headline rate
};

// One equality (or team) breakdown of the period's requests and new plans.
struct Breakdown {
  std::string id;     // "age", "gender", "ethnicity", "year_group", "team"
  std::string title;  // "By age at request"
  std::vector<BreakdownRow> rows;
  CountCell requests_total;
  CountCell plans_total;
};

struct IndicatorPack {
  Date from;
  Date to;
  std::string period;         // "1 January – 31 March 2026"
  std::vector<Month> months;  // the 12 months to the period's end, oldest first
  std::vector<Indicator> indicators;
  std::vector<Distribution> distributions;
  std::vector<Breakdown> breakdowns;
  std::optional<RatingScheme> scheme;  // none: nothing is rated
};

}  // namespace ehcp::engine
