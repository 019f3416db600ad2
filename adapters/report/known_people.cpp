#include "adapters/report/known_people.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <SQLiteCpp/Statement.h>

#include "adapters/detail/nearest.h"
#include "adapters/sqlite/account_store.h"

namespace ehcp::adapters::report {
namespace {

std::string trimmed(const std::string& s) {
  const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  auto first = std::find_if_not(s.begin(), s.end(), space);
  auto last = std::find_if_not(s.rbegin(), s.rend(), space).base();
  return first < last ? std::string(first, last) : std::string();
}

bool same_ignoring_case(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

const char* noun(PersonKind kind) { return kind == PersonKind::kTeam ? "team" : "caseworker"; }

// The name a case_opened or caseworker_assigned event gives, as schema 0011 indexes it.
std::string named(PersonKind kind) {
  return std::string("json_extract(payload, '$.") +
         (kind == PersonKind::kTeam ? "team" : "caseworker") + "')";
}
constexpr const char* kNaming = "type IN ('case_opened', 'caseworker_assigned')";

// The names the accounts and the configuration know (the small sources).
std::set<std::string> named_elsewhere(sqlite::Database& db, const config::LaConfig& config,
                                      PersonKind kind) {
  std::set<std::string> out;
  if (kind == PersonKind::kTeam) {
    for (const auto& [team, address] : config.notify.team_managers) {
      out.insert(team);
    }
  } else {
    for (const auto& [name, address] : config.notify.caseworkers) {
      out.insert(name);
    }
  }
  for (const auto& user : sqlite::AccountStore(db.sql()).users()) {
    if (kind == PersonKind::kTeam && user.team) {
      out.insert(*user.team);
    } else if (kind == PersonKind::kCaseworker) {
      out.insert(user.name);
    }
  }
  return out;
}

// Every name the case events have given, past holders too (a queue as of an earlier date
// shows the case as it stood then).
std::set<std::string> named_by_cases(sqlite::Database& db, PersonKind kind) {
  std::set<std::string> out;
  SQLite::Statement s(db.sql(), "SELECT DISTINCT " + named(kind) + " FROM events WHERE " + kNaming +
                                    " AND " + named(kind) + " IS NOT NULL");
  while (s.executeStep()) {
    out.insert(s.getColumn(0).getString());
  }
  return out;
}

// The names the case events have given equal to `name` ignoring case, by index.
std::vector<std::string> named_by_cases_as(sqlite::Database& db, PersonKind kind,
                                           const std::string& name) {
  std::vector<std::string> out;
  SQLite::Statement s(db.sql(), "SELECT DISTINCT " + named(kind) + " FROM events WHERE " + kNaming +
                                    " AND " + named(kind) + " = ? COLLATE NOCASE");
  s.bind(1, name);
  while (s.executeStep()) {
    out.push_back(s.getColumn(0).getString());
  }
  return out;
}

}  // namespace

engine::Result<KnownPeople> load_known_people(sqlite::Database& db,
                                              const config::LaConfig& config) {
  try {
    KnownPeople known;
    for (const PersonKind kind : {PersonKind::kCaseworker, PersonKind::kTeam}) {
      auto names = named_elsewhere(db, config, kind);
      names.merge(named_by_cases(db, kind));
      auto& into = kind == PersonKind::kTeam ? known.teams : known.caseworkers;
      into.assign(names.begin(), names.end());
    }
    return known;
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("read the caseworkers and teams", e.what());
  }
}

engine::Result<std::string> resolve_person(const std::vector<std::string>& known, PersonKind kind,
                                           const std::string& given) {
  const std::string name = trimmed(given);
  if (std::find(known.begin(), known.end(), name) != known.end()) {
    return name;
  }
  for (const auto& k : known) {
    if (same_ignoring_case(k, name)) {
      return k;
    }
  }
  std::string message = std::string("no ") + noun(kind) + " '" + given + "' is known";
  const auto near = detail::nearest_names(name, known);
  for (std::size_t i = 0; i < near.size(); ++i) {
    message += (i == 0 ? "; did you mean '" : (i + 1 == near.size() ? "' or '" : "', '")) + near[i];
  }
  message += near.empty() ? "" : "'?";
  return engine::Status::invalid_input(message);
}

engine::Result<std::string> resolve_person(sqlite::Database& db, const config::LaConfig& config,
                                           PersonKind kind, const std::string& given) {
  try {
    const std::string name = trimmed(given);
    const auto elsewhere = named_elsewhere(db, config, kind);
    // The usual case, a name as the events give it (in any case), without reading them all.
    auto same = named_by_cases_as(db, kind, name);
    same.insert(same.end(), elsewhere.begin(), elsewhere.end());
    if (auto found = resolve_person(same, kind, given); found.ok()) {
      return found;
    }
    auto names = named_by_cases(db, kind);
    names.insert(elsewhere.begin(), elsewhere.end());
    return resolve_person(std::vector<std::string>(names.begin(), names.end()), kind, given);
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("read the caseworkers and teams", e.what());
  }
}

engine::Status resolve_filter(sqlite::Database& db, const config::LaConfig& config, PersonKind kind,
                              std::optional<std::string>& name) {
  if (!name) {
    return {};
  }
  auto known = resolve_person(db, config, kind, *name);
  if (!known.ok()) {
    return known.status();
  }
  name = std::move(known).value();
  return {};
}

}  // namespace ehcp::adapters::report
