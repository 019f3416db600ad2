#include "adapters/config/indicator_config.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "engine/indicators.h"

namespace ehcp::adapters::config {
namespace {

using engine::Status;

bool is_colour(const std::string& s) {
  constexpr std::size_t kLength = 7;  // #rrggbb
  return s.size() == kLength && s[0] == '#' && std::all_of(s.begin() + 1, s.end(), [](char c) {
           return std::isxdigit(static_cast<unsigned char>(c)) != 0;
         });
}

Status read_band(const nlohmann::json& j, const std::string& where, engine::RatingBand& out) {
  if (!j.is_object()) {
    return Status::invalid_input(where + " must be an object {name, meaning, colour}");
  }
  for (const char* key : {"name", "meaning", "colour"}) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string() || it->get<std::string>().empty()) {
      return Status::invalid_input(where + "." + key + " must be a non-empty string");
    }
  }
  out.name = j["name"].get<std::string>();
  out.meaning = j["meaning"].get<std::string>();
  out.colour = j["colour"].get<std::string>();
  if (!is_colour(out.colour)) {
    return Status::invalid_input(where + ".colour must be #rrggbb, not '" + out.colour + "'");
  }
  if (const auto it = j.find("at_least"); it != j.end()) {
    if (!it->is_number()) {
      return Status::invalid_input(where +
                                   ".at_least must be a number (the margin over the "
                                   "target, in the indicator's units)");
    }
    out.at_least = it->get<double>();
  }
  return {};
}

Status read_rating(const nlohmann::json& j, engine::RatingScheme& out) {
  const std::string where = "indicators.rating";
  if (!j.is_object()) {
    return Status::invalid_input(where + " must be an object {bands, unrated}");
  }
  const auto bands = j.find("bands");
  if (bands == j.end() || !bands->is_array() || bands->empty()) {
    return Status::invalid_input(where + ".bands must be a non-empty array, best band first");
  }
  for (std::size_t i = 0; i < bands->size(); ++i) {
    const std::string at = where + ".bands[" + std::to_string(i) + "]";
    engine::RatingBand band;
    if (auto status = read_band((*bands)[i], at, band); !status.ok()) {
      return status;
    }
    const bool last = i + 1 == bands->size();
    if (last && band.at_least) {
      return Status::invalid_input(at +
                                   " is the last band: it takes every figure the others "
                                   "do not, so it has no at_least");
    }
    if (!last && !band.at_least) {
      return Status::invalid_input(at + ".at_least is missing (only the last band has none)");
    }
    if (!last && !out.bands.empty() && *band.at_least >= *out.bands.back().at_least) {
      return Status::invalid_input(at + ".at_least must be lower than the band before it");
    }
    out.bands.push_back(std::move(band));
  }
  out.unrated = {"Not rated", "no target, or too few cases to rate", "#ffffff", std::nullopt};
  if (const auto it = j.find("unrated"); it != j.end()) {
    if (auto status = read_band(*it, where + ".unrated", out.unrated); !status.ok()) {
      return status;
    }
    out.unrated.at_least.reset();
  }
  return {};
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

Status read_targets(const nlohmann::json& j,
                    std::map<std::string, std::vector<engine::TargetStep>>& out) {
  if (!j.is_object()) {
    return Status::invalid_input("indicators.targets must be an object {indicator: [steps]}");
  }
  const auto known = engine::indicator_ids();
  for (const auto& [id, steps] : j.items()) {
    const std::string where = "indicators.targets." + id;
    if (std::find(known.begin(), known.end(), id) == known.end()) {
      std::string list;
      for (const auto& k : known) {
        list += (list.empty() ? "" : ", ") + k;
      }
      return Status::invalid_input(where + ": no such indicator (known: " + list + ")");
    }
    if (!steps.is_array() || steps.empty()) {
      return Status::invalid_input(where + " must be a non-empty array of {from, target}");
    }
    std::vector<engine::TargetStep> trajectory;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const std::string at = where + "[" + std::to_string(i) + "]";
      const auto& step = steps[i];
      engine::TargetStep t;
      if (!step.is_object() || !step.contains("from") || !step["from"].is_string() ||
          !parse_month(step["from"].get<std::string>(), t.year, t.month)) {
        return Status::invalid_input(at + ".from must be a month YYYY-MM");
      }
      if (!step.contains("target") || !step["target"].is_number()) {
        return Status::invalid_input(at + ".target must be a number");
      }
      t.target = step["target"].get<double>();
      if (!trajectory.empty() &&
          (t.year < trajectory.back().year ||
           (t.year == trajectory.back().year && t.month <= trajectory.back().month))) {
        return Status::invalid_input(at + ".from must come after the step before it");
      }
      trajectory.push_back(t);
    }
    out[id] = std::move(trajectory);
  }
  return {};
}

}  // namespace

Status read_indicators(const nlohmann::json& section, engine::IndicatorTargets& out) {
  if (!section.is_object()) {
    return Status::invalid_input("indicators must be an object {rating, targets}");
  }
  if (const auto it = section.find("rating"); it != section.end()) {
    engine::RatingScheme scheme;
    if (auto status = read_rating(*it, scheme); !status.ok()) {
      return status;
    }
    out.scheme = std::move(scheme);
  }
  if (const auto it = section.find("targets"); it != section.end()) {
    if (auto status = read_targets(*it, out.trajectories); !status.ok()) {
      return status;
    }
  }
  return {};
}

}  // namespace ehcp::adapters::config
