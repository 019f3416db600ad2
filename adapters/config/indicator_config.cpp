#include "adapters/config/indicator_config.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "engine/indicators.h"

namespace ehcp::adapters::config {
namespace {

// The sensible targets of each unit: a percentage, up to five years of weeks, a count no
// council's caseload reaches. A band's margin is bounded by the widest of them.
constexpr double kMaxPercent = 100;
constexpr double kMaxWeeks = 260;
constexpr double kMaxCount = 1'000'000;

bool is_colour(const std::string& s) {
  constexpr std::size_t kLength = 7;  // #rrggbb
  return s.size() == kLength && s[0] == '#' && std::all_of(s.begin() + 1, s.end(), [](char c) {
           return std::isxdigit(static_cast<unsigned char>(c)) != 0;
         });
}

// Each indicator's unit, from the pack the engine composes of no cases; an advice rate by
// service ("advice_within_6_weeks:health") has its family's.
engine::IndicatorUnit unit_of(const std::string& id) {
  static const std::map<std::string, engine::IndicatorUnit> kUnits = [] {
    const auto day = engine::make_date(2026, 1, 1);
    std::map<std::string, engine::IndicatorUnit> units;
    for (const auto& i : engine::compose_indicator_pack({}, day, day, {}).indicators) {
      units[i.id] = i.unit;
    }
    return units;
  }();
  const auto it = kUnits.find(id.substr(0, id.find(':')));
  return it == kUnits.end() ? engine::IndicatorUnit::kCount : it->second;
}

double max_target(engine::IndicatorUnit unit) {
  switch (unit) {
    case engine::IndicatorUnit::kPercent:
      return kMaxPercent;
    case engine::IndicatorUnit::kWeeks:
      return kMaxWeeks;
    case engine::IndicatorUnit::kCount:
      return kMaxCount;
  }
  return kMaxCount;
}

// Reads a band; false when it has a problem.
bool read_band(const nlohmann::json& j, const std::string& where, bool takes_at_least,
               Problems& problems, engine::RatingBand& out) {
  const std::size_t before = problems.list().size();
  std::vector<std::string> known = {"name", "meaning", "colour"};
  if (takes_at_least) {
    known.emplace_back("at_least");
  }
  const ConfigObject band(j, where, known, problems, "{name, meaning, colour}");
  if (!band.is_object()) {
    return false;
  }
  out.name = band.name("name", Need::kRequired).value_or("");
  out.meaning = band.name("meaning", Need::kRequired).value_or("");
  out.colour = band.name("colour", Need::kRequired).value_or("");
  if (!out.colour.empty() && !is_colour(out.colour)) {
    problems.add(band.path_of("colour"), "must be #rrggbb, not '" + out.colour + "'");
  }
  if (takes_at_least) {
    out.at_least = band.number("at_least", -kMaxCount, kMaxCount);
  }
  return problems.list().size() == before;
}

void read_rating(const nlohmann::json& j, const std::string& where, Problems& problems,
                 std::optional<engine::RatingScheme>& out) {
  const ConfigObject rating(j, where, {"bands", "unrated"}, problems, "{bands, unrated}");
  if (!rating.is_object()) {
    return;
  }
  const std::size_t before = problems.list().size();
  engine::RatingScheme scheme;
  const auto* bands = rating.array("bands", Need::kRequired);
  if (bands != nullptr && bands->empty()) {
    problems.add(rating.path_of("bands"), "must list at least one band, best band first");
  }
  for (std::size_t i = 0; bands != nullptr && i < bands->size(); ++i) {
    const std::string at = index_path(rating.path_of("bands"), i);
    engine::RatingBand band;
    if (!read_band((*bands)[i], at, true, problems, band)) {
      continue;
    }
    const bool last = i + 1 == bands->size();
    if (last && band.at_least) {
      problems.add(at + ".at_least",
                   "the last band takes every figure the others do not, so it has no at_least");
    } else if (!last && !band.at_least) {
      problems.add(at + ".at_least", "missing (only the last band has none)");
    } else if (!last && !scheme.bands.empty() && scheme.bands.back().at_least &&
               *band.at_least >= *scheme.bands.back().at_least) {
      problems.add(at + ".at_least", "must be lower than the band before it");
    }
    scheme.bands.push_back(std::move(band));
  }
  scheme.unrated = {"Not rated", "no target, or too few cases to rate", "#ffffff", std::nullopt};
  if (const auto* unrated = rating.find("unrated")) {
    read_band(*unrated, rating.path_of("unrated"), false, problems, scheme.unrated);
  }
  if (problems.list().size() == before) {
    out = std::move(scheme);
  }
}

// "2026-04" -> (2026, 4).
bool parse_month(const std::string& s, int& year, unsigned& month) {
  const auto date = engine::parse_date(s + "-01");
  if (s.size() != 7 || !date) {
    return false;
  }
  const date::year_month_day ymd{*date};
  year = static_cast<int>(ymd.year());
  month = static_cast<unsigned>(ymd.month());
  return true;
}

void read_trajectory(const nlohmann::json& steps, const std::string& where, double max,
                     Problems& problems, std::vector<engine::TargetStep>& out) {
  if (!steps.is_array() || steps.empty()) {
    problems.add(where, "must be a non-empty array of {from, target}, not " + shown(steps));
    return;
  }
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const ConfigObject step(steps[i], index_path(where, i), {"from", "target"}, problems,
                            "{from, target}");
    if (!step.is_object()) {
      continue;
    }
    engine::TargetStep t;
    const auto from = step.text("from", Need::kRequired);
    const bool month_ok = from && parse_month(*from, t.year, t.month);
    if (from && !month_ok) {
      problems.add(step.path_of("from"), "must be a month YYYY-MM, not '" + *from + "'");
    }
    const auto target = step.number("target", 0, max, Need::kRequired);
    if (!month_ok || !target) {
      continue;
    }
    t.target = *target;
    if (!out.empty() &&
        (t.year < out.back().year || (t.year == out.back().year && t.month <= out.back().month))) {
      problems.add(step.path_of("from"), "must come after the step before it");
      continue;
    }
    out.push_back(t);
  }
}

void read_targets(const nlohmann::json& j, const std::string& where, Problems& problems,
                  std::map<std::string, std::vector<engine::TargetStep>>& out) {
  const auto known = engine::indicator_ids();
  for (const auto& [id, steps] : j.items()) {
    const std::string at = key_path(where, id);
    if (std::find(known.begin(), known.end(), id) == known.end()) {
      if (const auto near = nearest(id, known)) {
        problems.add(at, "no such indicator; did you mean " + key_path(where, *near) + "?");
      } else {
        std::string list;
        for (const auto& k : known) {
          list += (list.empty() ? "" : ", ") + k;
        }
        problems.add(at, "no such indicator (known: " + list + ")");
      }
      continue;
    }
    read_trajectory(steps, at, max_target(unit_of(id)), problems, out[id]);
  }
}

}  // namespace

void read_indicators(const nlohmann::json& section, engine::IndicatorTargets& out,
                     Problems& problems) {
  const ConfigObject indicators(section, "indicators", {"rating", "targets"}, problems,
                                "{rating, targets}");
  if (const auto* rating = indicators.find("rating")) {
    read_rating(*rating, indicators.path_of("rating"), problems, out.scheme);
  }
  if (const auto* targets = indicators.object("targets", "{indicator: [steps]}")) {
    read_targets(*targets, indicators.path_of("targets"), problems, out.trajectories);
  }
}

}  // namespace ehcp::adapters::config
