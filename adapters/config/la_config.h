// adapters/config/la_config.h
//
// The local authority's own configuration, read from a JSON file: today its calendar (extra
// holidays, holidays to remove, school holidays and office closures), so a council changes
// these without a rebuild, and its rule-pack overrides (limits it sets itself, the DfE
// counting convention, escalation ladders), who is told about escalations, and when and where
// the nightly run works, and the board pack's rating bands and targets (indicator_config.h).
// The whole document is checked before anything uses it, and every problem is reported, one a
// line, each starting with its key path (config_reader.h): unknown keys (with the nearest known
// one), wrong types, impossible or implausible dates, reversed, overlapping or repeated closures,
// unknown clocks, addresses that are not local@domain and numbers out of range. The loaded value
// is plain data; safe to share once built.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "adapters/config/smtp_config.h"
#include "engine/calendar.h"
#include "engine/rating_scheme.h"
#include "engine/rule_pack.h"
#include "engine/status.h"

namespace ehcp::adapters::config {

// Who the escalation roles are ("notify"). Unlisted people get <name as a slug>@domain; unlisted
// team managers team-manager.<team slug>@domain; the head of service head-of-service@domain.
struct NotifyConfig {
  std::string from = "ehcp@council.invalid";  // the sender of every message
  std::string domain = "council.invalid";
  std::map<std::string, std::string> caseworkers;    // caseworker name -> address
  std::map<std::string, std::string> team_managers;  // team -> address
  std::string head_of_service;                       // address; empty: the default above
  // Where the first night of a month sends the board pack (notify.board); empty: not sent.
  std::string board;
  OutboxTransport transport = OutboxTransport::kFiles;  // how the outbox is delivered
  SmtpConfig smtp;                                      // for kSmtp (smtp_config.h)
};

// The nightly run ("nightly"): when `ehcp run` ticks (London time) and where files go. Empty
// directories mean beside the database: <db dir>/reports and <db dir>/outbox.
struct NightlyConfig {
  int hour = 2;
  int minute = 0;
  std::string reports_dir;
  std::string outbox_dir;
};

struct LaConfig {
  std::string la;  // the council's name, for report headings
  engine::Calendar calendar;
  engine::RuleBook rules;  // the national packs, with the LA's overrides applied
  NotifyConfig notify;
  NightlyConfig nightly;
  engine::IndicatorTargets indicators;  // the board pack's rating bands and targets
  // The configuration's "calendar" and "rules" sections as given (null when absent): what of
  // it derives clocks, kept for the database's record of its derivation (derivation.h).
  nlohmann::json derivation_sections = nlohmann::json::object();
};

// A London wall-clock time, as the nightly section's "at" and `ehcp run --at` write it.
struct TimeOfDay {
  int hour = 0;
  int minute = 0;
};

// "HH:MM" with two digits each, 00:00 to 23:59; nullopt for anything else ("2:00", "24:00").
std::optional<TimeOfDay> parse_time_of_day(std::string_view text);

// The defaults: national rules and calendar, no closures.
engine::Result<LaConfig> default_la_config();

// The configuration in `path`. A file that cannot be read (missing, a directory) or a document
// with problems (these, and a key given twice in one object) is kInvalidInput naming the file;
// the problems follow, one a line.
engine::Result<LaConfig> load_la_config(const std::string& path);

// The same, from an already parsed document (for tests and for configuration kept elsewhere):
// the problems, one a line, without the file's name.
engine::Result<LaConfig> la_config_from_json(const nlohmann::json& document);

}  // namespace ehcp::adapters::config
