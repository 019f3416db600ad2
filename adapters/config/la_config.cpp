#include "adapters/config/la_config.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <utility>
#include <vector>

#include "adapters/config/config_reader.h"
#include "adapters/config/indicator_config.h"
#include "adapters/config/rule_overrides.h"
#include "adapters/config/rule_pack_loader.h"
#include "engine/bank_holidays.h"

namespace ehcp::adapters::config {
namespace {

using engine::Status;

// Far beyond any council's configuration; stops a device or a stray data file being read whole.
constexpr std::size_t kMaxConfigBytes = std::size_t{16} << 20;

// The whole of the file at `path`, or why not ("it is a directory"). A read error is a value
// here: the stream's exception (reading a directory throws one) never leaves this function.
engine::Result<std::string> read_text_file(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (status.type() == std::filesystem::file_type::not_found) {
    return Status::invalid_input("no such file");
  }
  if (status.type() == std::filesystem::file_type::directory) {
    return Status::invalid_input("it is a directory, not a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::invalid_input(std::strerror(errno));
  }
  std::string text;
  try {
    std::vector<char> chunk(std::size_t{1} << 16);
    while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
      text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
      if (text.size() > kMaxConfigBytes) {
        return Status::invalid_input("larger than " + std::to_string(kMaxConfigBytes >> 20) +
                                     " MiB, too large for a configuration");
      }
    }
  } catch (const std::exception& e) {
    return Status::invalid_input(std::string("read error: ") + e.what());
  }
  if (in.bad()) {
    return Status::invalid_input("read error");
  }
  return text;
}

// Parses `text`, recording each key given twice in one object: JSON keeps only the last, so the
// first ("calendar" twice) would be lost without a word.
nlohmann::json parse_noting_repeats(const std::string& text, Problems& problems) {
  struct Container {
    std::string path;
    bool array = false;
    std::size_t index = 0;  // arrays: the next element's
    std::string key;        // objects: the last key read
    std::set<std::string> keys;
  };
  std::vector<Container> open;
  const auto note = [&](int /*depth*/, nlohmann::json::parse_event_t event,
                        nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    switch (event) {
      case Event::object_start:
      case Event::array_start: {
        std::string path;
        if (!open.empty()) {
          path = open.back().array ? index_path(open.back().path, open.back().index)
                                   : key_path(open.back().path, open.back().key);
        }
        open.push_back({path, event == Event::array_start, 0, "", {}});
        break;
      }
      case Event::key:
        open.back().key = parsed.get<std::string>();
        if (!open.back().keys.insert(open.back().key).second) {
          problems.add(key_path(open.back().path, open.back().key),
                       "given twice in one object (JSON keeps only the last)");
        }
        break;
      case Event::object_end:
      case Event::array_end:
        open.pop_back();
        [[fallthrough]];
      case Event::value:
        if (!open.empty() && open.back().array) {
          ++open.back().index;
        }
        break;
    }
    return true;
  };
  return nlohmann::json::parse(text, note);
}

// A holiday or closure outside the years whose bank holidays the calendar computes would count
// for nothing: a year typed wrong (2206 for 2026).
bool plausible(engine::Date d) {
  const int year = static_cast<int>(date::year_month_day{d}.year());
  return year >= engine::kFirstBankHolidayYear && year <= engine::kLastBankHolidayYear;
}

// The date at `key` of `item`, also refused when outside the calendar's years.
std::optional<engine::Date> calendar_date(const ConfigObject& item, const char* key) {
  const auto d = item.date(key, Need::kRequired);
  if (d && !plausible(*d)) {
    item.problems().add(item.path_of(key), engine::format_date(*d) + " is outside " +
                                               std::to_string(engine::kFirstBankHolidayYear) + "–" +
                                               std::to_string(engine::kLastBankHolidayYear) +
                                               ", the years the calendar knows");
    return std::nullopt;
  }
  return d;
}

void read_holidays(const nlohmann::json& list, const std::string& where, Problems& problems,
                   engine::Calendar& out) {
  std::map<engine::Date, std::string> seen;  // date -> the entry that gave it
  for (std::size_t i = 0; i < list.size(); ++i) {
    const ConfigObject item(list[i], index_path(where, i), {"date", "name"}, problems,
                            "{date, name}");
    if (!item.is_object()) {
      continue;
    }
    const auto d = calendar_date(item, "date");
    auto name = item.name("name", Need::kRequired);
    if (!d || !name) {
      continue;
    }
    if (const auto [it, added] = seen.emplace(*d, item.path()); !added) {
      problems.add(item.path_of("date"),
                   engine::format_date(*d) + " is already a holiday at " + it->second);
      continue;
    }
    out.add_holiday(*d, std::move(*name));
  }
}

void read_not_holidays(const nlohmann::json& list, const std::string& where, Problems& problems,
                       engine::Calendar& out) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = index_path(where, i);
    const auto d =
        list[i].is_string() ? engine::parse_date(list[i].get<std::string>()) : std::nullopt;
    if (!d) {
      problems.add(at, "must be a date YYYY-MM-DD, not " + shown(list[i]));
    } else if (!out.remove_holiday(*d)) {
      problems.add(at, engine::format_date(*d) + " is not a bank holiday");
    }
  }
}

// "Christmas office closure 2026-12-29 to 2026-12-31", for messages.
std::string described(const engine::Closure& c) {
  return "'" + c.name + "' " + engine::format_date(c.from) + " to " + engine::format_date(c.to);
}

void read_closures(const nlohmann::json& list, const std::string& where, Problems& problems,
                   engine::Calendar& out) {
  std::vector<std::pair<engine::Closure, std::string>> read;  // each with its path
  for (std::size_t i = 0; i < list.size(); ++i) {
    const ConfigObject item(list[i], index_path(where, i),
                            {"kind", "from", "to", "name", "setting"}, problems,
                            "{kind, from, to, name, setting}");
    if (!item.is_object()) {
      continue;
    }
    const std::size_t before = problems.list().size();
    engine::Closure c;
    c.kind = item.choice("kind", engine::parse_closure_kind, engine::accepted_closure_kind,
                         Need::kRequired)
                 .value_or(engine::ClosureKind::kSchoolHoliday);
    c.from = calendar_date(item, "from").value_or(engine::Date{});
    c.to = calendar_date(item, "to").value_or(engine::Date{});
    c.name = item.name("name", Need::kRequired).value_or("");
    c.setting = item.name("setting");
    if (problems.list().size() != before) {
      continue;
    }
    if (c.to < c.from) {
      problems.add(item.path_of("to"),
                   engine::format_date(c.to) + " is before from " + engine::format_date(c.from));
      continue;
    }
    // The same kind of closure twice over the same days (for the same setting) would count
    // those days twice towards the closure exceptions' weeks: one of them is a mistake.
    for (const auto& [earlier, path] : read) {
      if (earlier.kind != c.kind || earlier.setting != c.setting || earlier.to < c.from ||
          c.to < earlier.from) {
        continue;
      }
      problems.add(item.path(),
                   (earlier.from == c.from && earlier.to == c.to ? "repeats " : "overlaps ") +
                       path + " " + described(earlier));
    }
    read.emplace_back(c, item.path());
  }
  for (auto& [c, path] : read) {
    if (auto status = out.add_closure(std::move(c)); !status.ok()) {
      problems.add(path, status.message());
    }
  }
}

void read_calendar(const nlohmann::json& section, Problems& problems, engine::Calendar& out) {
  const ConfigObject calendar(section, "calendar", {"holidays", "not_holidays", "closures"},
                              problems, "{holidays, not_holidays, closures}");
  if (const auto* holidays = calendar.array("holidays")) {
    read_holidays(*holidays, calendar.path_of("holidays"), problems, out);
  }
  if (const auto* removed = calendar.array("not_holidays")) {
    read_not_holidays(*removed, calendar.path_of("not_holidays"), problems, out);
  }
  if (const auto* closures = calendar.array("closures")) {
    read_closures(*closures, calendar.path_of("closures"), problems, out);
  }
}

// A string-to-address object such as "caseworkers": {"Name": "address"}.
void read_address_map(const ConfigObject& section, const char* key,
                      std::map<std::string, std::string>& out) {
  const auto* map = section.object(key, "{name: address}");
  if (map == nullptr) {
    return;
  }
  const ConfigObject entries(*map, section.path_of(key), section.problems(), "{name: address}");
  for (const auto& entry : map->items()) {
    const std::string& name = entry.key();
    if (has_control_character(name) || name.empty()) {
      section.problems().add(entries.path_of(name),
                             "a name must be text, not empty, without control characters");
      continue;
    }
    if (auto value = entries.address(name)) {
      out[name] = std::move(*value);
    }
  }
}

void read_notify(const nlohmann::json& value, Problems& problems, NotifyConfig& out) {
  const ConfigObject notify(value, "notify",
                            {"from", "domain", "caseworkers", "team_managers", "head_of_service",
                             "board", "transport", "smtp"},
                            problems);
  out.from = notify.address("from").value_or(out.from);
  out.domain = notify.domain("domain").value_or(out.domain);
  const auto* head = notify.find("head_of_service");
  if (head != nullptr && !(head->is_string() && head->get_ref<const std::string&>().empty())) {
    out.head_of_service = notify.address("head_of_service").value_or("");  // "": the default
  }
  if (notify.find("board") != nullptr) {
    out.board = notify.address("board").value_or("");
  }
  read_address_map(notify, "caseworkers", out.caseworkers);
  read_address_map(notify, "team_managers", out.team_managers);
  read_outbox_transport(notify, out.transport, out.smtp);
}

void read_nightly(const nlohmann::json& value, Problems& problems, NightlyConfig& out) {
  const ConfigObject nightly(value, "nightly", {"at", "reports_dir", "outbox_dir"}, problems);
  out.reports_dir = nightly.text("reports_dir").value_or("");
  out.outbox_dir = nightly.text("outbox_dir").value_or("");
  if (const auto at = nightly.text("at")) {
    const auto time = parse_time_of_day(*at);
    if (!time) {
      problems.add(nightly.path_of("at"), "must be a London time HH:MM, not '" + *at + "'");
      return;
    }
    out.hour = time->hour;
    out.minute = time->minute;
  }
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
  auto rules = national_rule_book();
  if (!rules.ok()) {
    return Status::internal("the rule packs built into ehcp: " + rules.status().message());
  }
  Problems problems;
  const ConfigObject top(document, "",
                         {"la", "calendar", "rules", "notify", "nightly", "indicators"}, problems);
  LaConfig config;
  config.rules = std::move(rules).value();
  for (const char* key : {"calendar", "rules"}) {
    if (const auto* section = top.find(key)) {
      config.derivation_sections[key] = *section;
    }
  }
  // In the order a configuration usually gives them, so the problems read down the file.
  config.la = top.text("la").value_or("");
  if (const auto* section = top.find("calendar")) {
    read_calendar(*section, problems, config.calendar);
  }
  if (const auto* section = top.find("rules")) {
    apply_rule_overrides(config.rules, *section, problems);
  }
  if (const auto* section = top.find("notify")) {
    read_notify(*section, problems, config.notify);
  }
  if (const auto* section = top.find("nightly")) {
    read_nightly(*section, problems, config.nightly);
  }
  if (const auto* section = top.find("indicators")) {
    read_indicators(*section, config.indicators, problems);
  }
  if (auto status = problems.status(); !status.ok()) {
    return status;
  }
  return config;
}

engine::Result<LaConfig> default_la_config() {
  return la_config_from_json(nlohmann::json::object());
}

engine::Result<LaConfig> load_la_config(const std::string& path) {
  const auto text = read_text_file(path);
  if (!text.ok()) {
    return Status::invalid_input("cannot read configuration " + path + ": " +
                                 text.status().message());
  }
  Problems repeats;
  nlohmann::json document;
  try {
    document = parse_noting_repeats(text.value(), repeats);
  } catch (const nlohmann::json::parse_error& e) {
    return Status::invalid_input(path + ": malformed JSON: " + e.what());
  }
  auto config = la_config_from_json(document);
  if (!repeats.empty() || !config.ok()) {
    std::string message = repeats.empty() ? "" : repeats.status().message();
    if (!config.ok()) {
      message += (message.empty() ? "" : "\n") + config.status().message();
    }
    const auto count = std::count(message.begin(), message.end(), '\n') + 1;
    return Status::invalid_input(path + ": " + std::to_string(count) +
                                 (count == 1 ? " problem" : " problems") +
                                 " in the configuration:\n" + message);
  }
  return config;
}

}  // namespace ehcp::adapters::config
