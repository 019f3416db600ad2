#include "adapters/config/sen2_pack.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include <nlohmann/json.hpp>

#include "adapters/config/rule_pack_loader.h"

namespace ehcp::adapters::config {
namespace {

using engine::Status;

std::vector<int> version_numbers(const std::string& version) {
  std::vector<int> out;
  std::stringstream in(version);
  std::string part;
  while (std::getline(in, part, '.')) {
    out.push_back(std::atoi(part.c_str()));
  }
  return out;
}

Status read_list(const nlohmann::json& codes, const char* name, Sen2CodeList& out) {
  const std::string where = std::string("sen2.codes.") + name;
  const auto it = codes.find(name);
  if (it == codes.end() || !it->is_object() || !it->contains("codes") ||
      !(*it)["codes"].is_array()) {
    return Status::invalid_input(where + " must be an object with a 'codes' array");
  }
  out.source = it->value("source", "");
  if (out.source.empty()) {
    return Status::invalid_input(where + ": missing field 'source'");
  }
  std::size_t i = 0;
  for (const auto& entry : (*it)["codes"]) {
    const std::string at = where + "[" + std::to_string(i++) + "]";
    if (!entry.is_object() || !entry.contains("code") || !entry["code"].is_string() ||
        !entry.contains("dfe") || !entry["dfe"].is_string()) {
      return Status::invalid_input(at + " must have string fields 'code' and 'dfe'");
    }
    Sen2Code code{entry["code"].get<std::string>(), entry["dfe"].get<std::string>(),
                  entry.value("label", ""), entry.value("unverified", false)};
    if (out.find(code.code) != nullptr) {
      return Status::invalid_input(at + ": code '" + code.code + "' is listed twice");
    }
    out.codes.push_back(std::move(code));
  }
  return {};
}

}  // namespace

const Sen2Code* Sen2CodeList::find(std::string_view code) const {
  for (const auto& c : codes) {
    if (c.code == code) {
      return &c;
    }
  }
  return nullptr;
}

std::string Sen2CodeList::accepted() const {
  std::string out;
  for (const auto& c : codes) {
    out += (out.empty() ? "" : "|") + c.code;
  }
  return out;
}

const Sen2Year* Sen2Pack::year(int collection_year) const {
  for (const auto& y : years) {
    if (y.year == collection_year) {
      return &y;
    }
  }
  return nullptr;
}

bool version_at_least(const std::string& version, const std::string& least) {
  return version_numbers(version) >= version_numbers(least);
}

bool Sen2Pack::has_v13_fields(const std::string& version) const {
  return version_at_least(version, request_source_from);
}

engine::Result<Sen2Pack> sen2_pack_from_json(const std::string& section_json) {
  nlohmann::json section;
  try {
    section = nlohmann::json::parse(section_json);
  } catch (const nlohmann::json::exception& e) {
    return Status::invalid_input(std::string("sen2: ") + e.what());
  }
  if (!section.is_object()) {
    return Status::invalid_input("sen2 must be an object");
  }
  Sen2Pack pack;
  const auto dates = section.find("census_dates");
  const auto versions = section.find("spec_versions");
  if (dates == section.end() || !dates->is_array() || versions == section.end() ||
      !versions->is_array()) {
    return Status::invalid_input("sen2 must have arrays 'census_dates' and 'spec_versions'");
  }
  for (const auto& d : *dates) {
    const auto on = d.is_object() && d.contains("date") && d["date"].is_string()
                        ? engine::parse_date(d["date"].get<std::string>())
                        : std::nullopt;
    if (!on || !d.contains("year") || !d["year"].is_number_integer() || !d.contains("source")) {
      return Status::invalid_input(
          "sen2.census_dates: each entry needs 'year', 'date' "
          "(YYYY-MM-DD) and 'source', not " +
          d.dump());
    }
    pack.years.push_back({d["year"].get<int>(), *on, ""});
  }
  for (const auto& v : *versions) {
    if (!v.is_object() || !v.contains("year") || !v["year"].is_number_integer() ||
        !v.contains("version") || !v["version"].is_string()) {
      return Status::invalid_input("sen2.spec_versions: each entry needs 'year' and 'version'");
    }
    bool found = false;
    for (auto& y : pack.years) {
      if (y.year == v["year"].get<int>()) {
        y.version = v["version"].get<std::string>();
        found = true;
      }
    }
    if (!found) {
      return Status::invalid_input("sen2.spec_versions: year " + v["year"].dump() +
                                   " has no census date");
    }
  }
  for (const auto& y : pack.years) {
    if (y.version.empty()) {
      return Status::invalid_input("sen2: year " + std::to_string(y.year) +
                                   " has a census date but no specification version");
    }
  }
  pack.request_source_from =
      section.value("fields_from_version", nlohmann::json::object()).value("request_source", "1.3");
  const auto share = section.value("other_share_warning", nlohmann::json::object());
  pack.other_share_percent = share.value("percent", 10);
  pack.other_share_minimum = share.value("minimum_cases", 20);
  const auto codes = section.find("codes");
  if (codes == section.end() || !codes->is_object()) {
    return Status::invalid_input("sen2 must have an object 'codes'");
  }
  for (auto [name, list] :
       {std::pair{"cease_reasons", &pack.cease_reasons}, std::pair{"placements", &pack.placements},
        std::pair{"needs", &pack.needs}, std::pair{"request_sources", &pack.request_sources},
        std::pair{"assessment_outcomes", &pack.assessment_outcomes}}) {
    if (auto status = read_list(*codes, name, *list); !status.ok()) {
      return status;
    }
  }
  return pack;
}

const Sen2Pack& national_sen2_pack() {
  static const Sen2Pack pack = [] {
    const auto& doc = national_packs_json();
    auto read = sen2_pack_from_json(doc.contains("sen2") ? doc["sen2"].dump() : "null");
    if (!read.ok()) {
      std::fprintf(stderr, "ehcp: the compiled-in SEN2 pack is malformed: %s\n",
                   read.status().message().c_str());
      std::abort();
    }
    return std::move(read).value();
  }();
  return pack;
}

}  // namespace ehcp::adapters::config
