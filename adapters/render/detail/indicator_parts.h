// adapters/render/detail/indicator_parts.h
//
// What the board pack's renderers share (indicator_render.cpp: text, CSV, JSON;
// indicator_html.cpp: HTML): how a figure reads ("61.2%", "21.3 weeks", "c" when withheld),
// its rating's name, and the month labels. Only the renderers include this.
#pragma once

#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "engine/indicator_pack.h"

namespace ehcp::adapters::render::detail {

// Published statistics' mark for a withheld figure.
inline constexpr const char* kWithheld = "c";
// A figure whose cohort is empty.
inline constexpr const char* kNoCases = "\u2013";

// One decimal place, as every format gives percentages and weeks.
inline double rounded(double v) { return std::round(v * 10.0) / 10.0; }

inline std::string number_text(double v, engine::IndicatorUnit unit) {
  if (unit == engine::IndicatorUnit::kCount) {
    return std::to_string(static_cast<long long>(std::llround(v)));
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", rounded(v));
  return buf;
}

// "61.2%", "21.3 weeks", "120", "c", "–".
inline std::string figure_text(const engine::Figure& f, engine::IndicatorUnit unit) {
  if (f.suppressed) {
    return kWithheld;
  }
  if (!f.value) {
    return kNoCases;
  }
  const std::string n = number_text(*f.value, unit);
  switch (unit) {
    case engine::IndicatorUnit::kPercent:
      return n + "%";
    case engine::IndicatorUnit::kWeeks:
      return n + " weeks";
    case engine::IndicatorUnit::kCount:
      return n;
  }
  return n;
}

inline std::string target_text(const engine::Figure& f, engine::IndicatorUnit unit) {
  if (!f.target) {
    return "";
  }
  engine::Figure t;
  t.value = f.target;
  return figure_text(t, unit);
}

// The band's name; the unrated name when a target is set but the figure cannot be rated (too
// few cases, or none); nothing when there is no target or the council rates nothing.
inline std::string rating_text(const engine::IndicatorPack& p, const engine::Figure& f) {
  if (!p.scheme || !f.target) {
    return "";
  }
  return f.band ? p.scheme->bands[*f.band].name : p.scheme->unrated.name;
}

inline std::string unit_name(engine::IndicatorUnit unit) {
  switch (unit) {
    case engine::IndicatorUnit::kPercent:
      return "percent";
    case engine::IndicatorUnit::kWeeks:
      return "weeks";
    case engine::IndicatorUnit::kCount:
      return "count";
  }
  return "count";
}

// "2026-03".
inline std::string month_key(const engine::Month& m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", m.year, m.month);
  return buf;
}

// "Mar 2026".
inline std::string month_label(const engine::Month& m) {
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return std::string(kMonths[m.month - 1]) + " " + std::to_string(m.year);
}

// The headline figures, in the order the board reads them.
inline const std::vector<std::string>& headline_ids() {
  static const std::vector<std::string> kIds = {"plans_within_20_weeks_excluding_exceptions",
                                                "plans_within_20_weeks_including_exceptions",
                                                "decisions_within_6_weeks",
                                                "advice_within_6_weeks",
                                                "annual_reviews_on_time",
                                                "assessments_in_progress"};
  return kIds;
}

inline std::string count_text(const engine::CountCell& c) {
  return c.suppressed ? std::string(kWithheld) : std::to_string(c.value);
}

}  // namespace ehcp::adapters::render::detail
