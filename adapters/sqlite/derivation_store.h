// adapters/sqlite/derivation_store.h
//
// The database's record of what derived its clocks (schema 7, one row): its fingerprint and
// inputs, and whether a command's own derivation matches it. Callers own the transaction.
// Storage failures come back as Status. Not shared across threads.
#pragma once

#include <optional>
#include <string>

#include <SQLiteCpp/Database.h>

#include "adapters/derivation/derivation.h"
#include "engine/status.h"

namespace ehcp::adapters::sqlite {

struct StoredDerivation {
  std::string fingerprint;
  nlohmann::json inputs;
  std::string derived_at;
};

class DerivationStore {
 public:
  explicit DerivationStore(SQLite::Database& db) : db_(db) {}

  // The record, or nullopt when no derivation has been recorded (a new database).
  engine::Result<std::optional<StoredDerivation>> get();

  // Records `d` as what derived every row now stored.
  engine::Status stamp(const derivation::Derivation& d, const std::string& derived_at);

  // Ok when the rows were derived as `d` derives them, or when the database holds no event
  // (nothing derived yet). Otherwise kInvalidInput saying what changed and which command
  // re-derives.
  engine::Status check(const derivation::Derivation& d);

 private:
  SQLite::Database& db_;
};

}  // namespace ehcp::adapters::sqlite
