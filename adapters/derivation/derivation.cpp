#include "adapters/derivation/derivation.h"

#include <cstdint>
#include <cstdio>

#include "adapters/config/rule_pack_loader.h"
#include "workflows/derivation_version.h"

namespace ehcp::adapters::derivation {
namespace {

using nlohmann::json;

// FNV-1a, 64 bits: a stable short name for the inputs (they are kept whole beside it, so a
// collision could only hide a change from the fingerprint, never from the comparison of inputs).
std::string fnv1a_hex(const std::string& text) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

const json& section(const json& inputs, const char* key) {
  static const json kNull;
  const auto it = inputs.find(key);
  return it == inputs.end() ? kNull : *it;
}

std::optional<engine::Date> date_of(const json& item, const char* key) {
  const auto it = item.find(key);
  if (it == item.end() || !it->is_string()) {
    return std::nullopt;
  }
  return engine::parse_date(it->get<std::string>());
}

std::string text_of(const json& item, const char* key) {
  const auto it = item.find(key);
  return it != item.end() && it->is_string() ? it->get<std::string>() : "";
}

// "31 Mar-1 Apr 2026", "31 Mar 2026".
std::string span_in_words(std::optional<engine::Date> from, std::optional<engine::Date> to) {
  if (!from) {
    return "";
  }
  const auto words = [](engine::Date d, bool year) {
    const date::year_month_day ymd{d};
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::string s = std::to_string(static_cast<unsigned>(ymd.day())) + " " +
                    kMonths[static_cast<unsigned>(ymd.month()) - 1];
    return year ? s + " " + std::to_string(static_cast<int>(ymd.year())) : s;
  };
  if (!to || *to == *from) {
    return words(*from, true);
  }
  const bool same_year = date::year_month_day{*from}.year() == date::year_month_day{*to}.year();
  return words(*from, !same_year) + "\u2013" + words(*to, true);
}

// Items of the list `key` in `before` and not in `after` ("removed") and the other way round
// ("added"), described by `describe`.
template <typename Describe>
void list_changes(const json& before, const json& after, const char* key, Describe describe,
                  std::vector<Change>& out) {
  const json& b = before.is_object() ? section(before, key) : json();
  const json& a = after.is_object() ? section(after, key) : json();
  const auto contains = [](const json& list, const json& item) {
    if (!list.is_array()) {
      return false;
    }
    for (const auto& x : list) {
      if (x == item) {
        return true;
      }
    }
    return false;
  };
  if (b.is_array()) {
    for (const auto& item : b) {
      if (!contains(a, item)) {
        out.push_back(describe(item, "removed"));
      }
    }
  }
  if (a.is_array()) {
    for (const auto& item : a) {
      if (!contains(b, item)) {
        out.push_back(describe(item, "added"));
      }
    }
  }
}

Change closure_change(const json& item, const char* what) {
  Change c;
  c.from = date_of(item, "from");
  c.to = date_of(item, "to");
  const std::string kind =
      text_of(item, "kind") == "school_holiday" ? "school holiday" : "office closure";
  const std::string name = text_of(item, "name");
  c.text = kind + (name.empty() ? "" : " '" + name + "'") + " " + span_in_words(c.from, c.to) +
           " " + what;
  return c;
}

Change holiday_change(const json& item, const char* what) {
  Change c;
  c.from = date_of(item, "date");
  c.to = c.from;
  const std::string name = text_of(item, "name");
  c.text = "holiday" + (name.empty() ? "" : " '" + name + "'") + " on " +
           span_in_words(c.from, c.to) + " " + what;
  return c;
}

Change not_holiday_change(const json& item, const char* what) {
  Change c;
  c.from = item.is_string() ? engine::parse_date(item.get<std::string>()) : std::nullopt;
  c.to = c.from;
  c.text = std::string("bank holiday on ") + span_in_words(c.from, c.to) +
           " treated as a working day " +
           (std::string(what) == "added" ? "(added)" : "no longer (removed)");
  return c;
}

Change override_change(const json& item, const char* what) {
  Change c;
  c.clock = text_of(item, "clock");
  std::string limit;
  if (const auto it = item.find("amount"); it != item.end() && it->is_number()) {
    limit = " to " + it->dump() + " (" + text_of(item, "counting") + ")";
  }
  c.text = "override of " + c.clock + limit + " " + what;
  return c;
}

}  // namespace

Derivation derivation_of(const config::LaConfig& config) {
  Derivation d;
  d.inputs = json{{"engine", std::string(workflows::kDerivationVersion)},
                  {"packs", config::national_packs_json()},
                  {"calendar", config.derivation_sections.value("calendar", json())},
                  {"rules", config.derivation_sections.value("rules", json())}};
  d.fingerprint = fnv1a_hex(d.inputs.dump());
  return d;
}

std::vector<Change> changes_between(const json& before, const json& after) {
  std::vector<Change> out;
  if (section(before, "engine") != section(after, "engine")) {
    out.push_back({"ehcp's evaluation changed (" + section(before, "engine").dump() + " to " +
                       section(after, "engine").dump() + ")",
                   std::nullopt, std::nullopt, ""});
  }
  if (section(before, "packs") != section(after, "packs")) {
    out.push_back(
        {"the national rule packs built into ehcp changed", std::nullopt, std::nullopt, ""});
  }
  const json& cb = section(before, "calendar");
  const json& ca = section(after, "calendar");
  if (cb != ca) {
    const std::size_t first = out.size();
    list_changes(cb, ca, "closures", closure_change, out);
    list_changes(cb, ca, "holidays", holiday_change, out);
    list_changes(cb, ca, "not_holidays", not_holiday_change, out);
    if (out.size() == first) {
      out.push_back({"the configuration's calendar changed", std::nullopt, std::nullopt, ""});
    }
  }
  const json& rb = section(before, "rules");
  const json& ra = section(after, "rules");
  if (rb != ra) {
    const std::size_t first = out.size();
    list_changes(rb, ra, "overrides", override_change, out);
    json rest_b = rb.is_object() ? rb : json::object();
    json rest_a = ra.is_object() ? ra : json::object();
    rest_b.erase("overrides");
    rest_a.erase("overrides");
    for (const auto& [key, value] : rest_a.items()) {
      if (rest_b.value(key, json()) != value) {
        out.push_back({"rules." + key + " set to " + value.dump() +
                           (rest_b.contains(key) ? " (was " + rest_b[key].dump() + ")" : ""),
                       std::nullopt, std::nullopt, ""});
      }
    }
    for (const auto& [key, value] : rest_b.items()) {
      if (!rest_a.contains(key)) {
        out.push_back({"rules." + key + " removed (was " + value.dump() + ")", std::nullopt,
                       std::nullopt, ""});
      }
    }
    if (out.size() == first) {
      out.push_back({"the configuration's rules changed", std::nullopt, std::nullopt, ""});
    }
  }
  return out;
}

std::vector<std::string> reasons_for(const std::vector<Change>& changes, const std::string& name,
                                     engine::Date start, engine::Date last) {
  const std::string family = name.substr(0, name.find(':'));
  std::vector<std::string> out;
  for (const auto& c : changes) {
    const bool names_it = !c.clock.empty() && (c.clock == name || c.clock == family);
    const bool in_period = c.from && *c.from <= last && c.to.value_or(*c.from) >= start;
    const bool everything = c.clock.empty() && !c.from;
    if (names_it || in_period || everything) {
      out.push_back(c.text);
    }
  }
  if (out.empty()) {
    for (const auto& c : changes) {
      out.push_back(c.text);
    }
  }
  return out;
}

std::string in_words(const std::vector<Change>& changes) {
  std::string out;
  for (const auto& c : changes) {
    out += (out.empty() ? "" : "; ") + c.text;
  }
  return out;
}

}  // namespace ehcp::adapters::derivation
