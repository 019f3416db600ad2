// web/service_options.h
//
// What `ehcp serve` hands the web service: the database path, the LA configuration the clocks
// were derived with, where the GOV.UK Frontend files are, the cookie and sign-in settings, and
// the clock. The web layer reads no clock of its own: `now` and `today` come from cli/.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "adapters/config/la_config.h"
#include "engine/civil_date.h"

namespace ehcp::web {

struct ServiceOptions {
  std::string db_path;
  adapters::config::LaConfig config;
  std::string assets_dir;  // govuk-frontend's dist/govuk folder
  // Secure on the session cookie; off only for plain-HTTP testing on loopback
  // (`ehcp serve --insecure-cookies`, refused unless the listen address is loopback).
  bool secure_cookies = true;
  // Set (lower-case, "x-forwarded-email"): the proxy in front has signed the user in and names
  // them by email in this header; the users table maps the address to a user and role.
  std::optional<std::string> trust_header;
  std::chrono::minutes session_idle{30};
  int max_failures_per_account = 5;
  int max_failures_per_address = 20;
  std::chrono::minutes failure_window{15};
  std::size_t connections = 4;  // SQLite connections kept for the worker threads
  std::function<std::chrono::system_clock::time_point()> now;
  std::function<engine::Date()> today;  // the London civil date
};

}  // namespace ehcp::web
