#include "adapters/config/la_config.h"

#include <fstream>

#include "adapters/config/indicator_config.h"
#include "adapters/config/rule_pack_loader.h"
#include "adapters/jsonl/field_reader.h"

namespace ehcp::adapters::config {
namespace {

using engine::Status;
using jsonl::FieldReader;

// The array at `document[section][key]`, or an empty one when absent; an error when not an
// array.
engine::Result<nlohmann::json> array_at(const nlohmann::json& section, const char* key,
                                        const std::string& where) {
  const auto it = section.find(key);
  if (it == section.end() || it->is_null()) {
    return nlohmann::json::array();
  }
  if (!it->is_array()) {
    return Status::invalid_input(where + key + " must be an array");
  }
  return *it;
}

std::string entry(const char* list, std::size_t i) {
  return std::string("calendar.") + list + "[" + std::to_string(i) + "]";
}

Status read_calendar(const nlohmann::json& calendar, engine::Calendar& out) {
  auto holidays = array_at(calendar, "holidays", "calendar.");
  if (!holidays.ok()) {
    return holidays.status();
  }
  for (std::size_t i = 0; i < holidays.value().size(); ++i) {
    const auto& item = holidays.value()[i];
    if (!item.is_object()) {
      return Status::invalid_input(entry("holidays", i) + " must be an object {date, name}");
    }
    FieldReader r(item);
    const auto d = r.required_date("date");
    auto name = r.required_string("name");
    if (r.error()) {
      return Status::invalid_input(entry("holidays", i) + ": " + *r.error());
    }
    out.add_holiday(d, std::move(name));
  }
  auto removed = array_at(calendar, "not_holidays", "calendar.");
  if (!removed.ok()) {
    return removed.status();
  }
  for (std::size_t i = 0; i < removed.value().size(); ++i) {
    const auto& item = removed.value()[i];
    const auto d = item.is_string() ? engine::parse_date(item.get<std::string>()) : std::nullopt;
    if (!d) {
      return Status::invalid_input(entry("not_holidays", i) + " must be a date YYYY-MM-DD");
    }
    if (!out.remove_holiday(*d)) {
      return Status::invalid_input(entry("not_holidays", i) + ": " + engine::format_date(*d) +
                                   " is not a bank holiday");
    }
  }
  auto closures = array_at(calendar, "closures", "calendar.");
  if (!closures.ok()) {
    return closures.status();
  }
  for (std::size_t i = 0; i < closures.value().size(); ++i) {
    const auto& item = closures.value()[i];
    if (!item.is_object()) {
      return Status::invalid_input(entry("closures", i) +
                                   " must be an object {kind, from, to, name, setting}");
    }
    FieldReader r(item);
    engine::Closure c;
    c.kind = r.required_enum("kind", engine::parse_closure_kind, engine::accepted_closure_kind);
    c.from = r.required_date("from");
    c.to = r.required_date("to");
    c.name = r.required_string("name");
    c.setting = r.optional_string("setting");
    if (r.error()) {
      return Status::invalid_input(entry("closures", i) + ": " + *r.error());
    }
    if (auto status = out.add_closure(std::move(c)); !status.ok()) {
      return Status::invalid_input(entry("closures", i) + ": " + status.message());
    }
  }
  return {};
}

// A string-to-string object such as "caseworkers": {"Name": "address"}.
Status read_address_map(const nlohmann::json& section, const char* key, const std::string& where,
                        std::map<std::string, std::string>& out) {
  const auto it = section.find(key);
  if (it == section.end() || it->is_null()) {
    return {};
  }
  if (!it->is_object()) {
    return Status::invalid_input(where + key + " must be an object {name: address}");
  }
  for (const auto& [name, address] : it->items()) {
    if (!address.is_string() || address.get<std::string>().find('@') == std::string::npos) {
      return Status::invalid_input(where + key + "." + name + " must be an e-mail address");
    }
    out[name] = address.get<std::string>();
  }
  return {};
}

Status read_notify(const nlohmann::json& section, NotifyConfig& out) {
  if (!section.is_object()) {
    return Status::invalid_input("notify must be an object");
  }
  FieldReader r(section);
  out.from = r.optional_string("from").value_or(out.from);
  out.domain = r.optional_string("domain").value_or(out.domain);
  out.head_of_service = r.optional_string("head_of_service").value_or("");
  if (r.error()) {
    return Status::invalid_input("notify: " + *r.error());
  }
  if (out.from.find('@') == std::string::npos) {
    return Status::invalid_input("notify.from must be an e-mail address");
  }
  if (!out.head_of_service.empty() && out.head_of_service.find('@') == std::string::npos) {
    return Status::invalid_input("notify.head_of_service must be an e-mail address");
  }
  if (auto status = read_address_map(section, "caseworkers", "notify.", out.caseworkers);
      !status.ok()) {
    return status;
  }
  if (auto status = read_outbox_transport(section, out.transport, out.smtp); !status.ok()) {
    return status;
  }
  return read_address_map(section, "team_managers", "notify.", out.team_managers);
}

Status read_nightly(const nlohmann::json& section, NightlyConfig& out) {
  if (!section.is_object()) {
    return Status::invalid_input("nightly must be an object");
  }
  FieldReader r(section);
  const auto at = r.optional_string("at");
  out.reports_dir = r.optional_string("reports_dir").value_or("");
  out.outbox_dir = r.optional_string("outbox_dir").value_or("");
  if (r.error()) {
    return Status::invalid_input("nightly: " + *r.error());
  }
  if (at) {
    const auto time = parse_time_of_day(*at);
    if (!time) {
      return Status::invalid_input("nightly.at must be a London time HH:MM, not '" + *at + "'");
    }
    out.hour = time->hour;
    out.minute = time->minute;
  }
  return {};
}

}  // namespace

std::optional<TimeOfDay> parse_time_of_day(std::string_view text) {
  const auto digit = [&text](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  if (text.size() != 5 || !digit(0) || !digit(1) || text[2] != ':' || !digit(3) || !digit(4)) {
    return std::nullopt;
  }
  const auto number = [&text](std::size_t i) { return (text[i] - '0') * 10 + (text[i + 1] - '0'); };
  const TimeOfDay time{number(0), number(3)};
  if (time.hour > 23 || time.minute > 59) {
    return std::nullopt;
  }
  return time;
}

engine::Result<LaConfig> la_config_from_json(const nlohmann::json& document) {
  if (!document.is_object()) {
    return Status::invalid_input("the configuration must be a JSON object");
  }
  LaConfig config;
  for (const char* key : {"calendar", "rules"}) {
    if (const auto it = document.find(key); it != document.end()) {
      config.derivation_sections[key] = *it;
    }
  }
  auto rules = national_rule_book();
  if (!rules.ok()) {
    return Status::internal("the rule packs built into ehcp: " + rules.status().message());
  }
  config.rules = std::move(rules).value();
  if (const auto it = document.find("rules"); it != document.end()) {
    if (auto status = apply_rule_overrides(config.rules, *it); !status.ok()) {
      return status;
    }
  }
  if (const auto it = document.find("la"); it != document.end()) {
    if (!it->is_string()) {
      return Status::invalid_input("la must be the council's name");
    }
    config.la = it->get<std::string>();
  }
  if (const auto it = document.find("notify"); it != document.end()) {
    if (auto status = read_notify(*it, config.notify); !status.ok()) {
      return status;
    }
  }
  if (const auto it = document.find("nightly"); it != document.end()) {
    if (auto status = read_nightly(*it, config.nightly); !status.ok()) {
      return status;
    }
  }
  if (const auto it = document.find("indicators"); it != document.end()) {
    if (auto status = read_indicators(*it, config.indicators); !status.ok()) {
      return status;
    }
  }
  if (const auto it = document.find("calendar"); it != document.end()) {
    if (!it->is_object()) {
      return Status::invalid_input("calendar must be an object");
    }
    if (auto status = read_calendar(*it, config.calendar); !status.ok()) {
      return status;
    }
  }
  return config;
}

engine::Result<LaConfig> default_la_config() {
  return la_config_from_json(nlohmann::json::object());
}

engine::Result<LaConfig> load_la_config(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return Status::invalid_input("cannot read configuration " + path);
  }
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    return Status::invalid_input(path + ": malformed JSON: " + e.what());
  }
  auto config = la_config_from_json(document);
  if (!config.ok()) {
    return Status::invalid_input(path + ": " + config.status().message());
  }
  return config;
}

}  // namespace ehcp::adapters::config
