// adapters/report/known_people.h
//
// The caseworkers and teams ehcp knows: those the case records name, the web service's
// accounts (account_store.h) and the LA configuration's notify section. A queue or list
// filtered by a name nobody is known by, or a reassignment to one, is refused naming the
// nearest known names ("no caseworker 'Sam Okafr' is known; did you mean 'Sam Okafor'?"): a
// typo would otherwise give an empty queue without a word. A given name matches a known one
// ignoring case and surrounding spaces. Read-only; used by the CLI's filters and the web
// service's (and the list a reassignment chooses from).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "adapters/config/la_config.h"
#include "adapters/sqlite/database.h"
#include "engine/status.h"

namespace ehcp::adapters::report {

enum class PersonKind { kCaseworker, kTeam };

struct KnownPeople {
  std::vector<std::string> caseworkers;  // sorted, each once
  std::vector<std::string> teams;        // sorted, each once
};

// Everyone known, from every source. Reads every case's caseworker and team: for a list to
// choose from, not for checking one name (resolve_person does that without it).
engine::Result<KnownPeople> load_known_people(sqlite::Database& db, const config::LaConfig& config);

// The known name `given` is: itself when known; else the one known name equal to it ignoring
// ASCII case and surrounding spaces. kInvalidInput otherwise: "no caseworker 'Sam Okafr' is
// known; did you mean 'Sam Okafor'?" (up to three names, nearest first), or "... is known"
// alone when none is near. A storage error when the cases cannot be read.
engine::Result<std::string> resolve_person(sqlite::Database& db, const config::LaConfig& config,
                                           PersonKind kind, const std::string& given);

// A filter's name (nullopt: none given) made the known name it is (resolve_person), or why not.
engine::Status resolve_filter(sqlite::Database& db, const config::LaConfig& config, PersonKind kind,
                              std::optional<std::string>& name);

// The same against a list already loaded (`known`: one kind's names).
engine::Result<std::string> resolve_person(const std::vector<std::string>& known, PersonKind kind,
                                           const std::string& given);

}  // namespace ehcp::adapters::report
