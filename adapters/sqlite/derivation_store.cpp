#include "adapters/sqlite/derivation_store.h"

#include <SQLiteCpp/Statement.h>

namespace ehcp::adapters::sqlite {

engine::Result<std::optional<StoredDerivation>> DerivationStore::get() {
  try {
    SQLite::Statement q(db_, "SELECT fingerprint, inputs, derived_at FROM derivation WHERE id = 1");
    if (!q.executeStep()) {
      return std::optional<StoredDerivation>();
    }
    StoredDerivation s;
    s.fingerprint = q.getColumn(0).getString();
    s.inputs = nlohmann::json::parse(q.getColumn(1).getString(), nullptr, false);
    s.derived_at = q.getColumn(2).getString();
    return std::optional<StoredDerivation>(std::move(s));
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("reading the derivation record", e.what());
  }
}

engine::Status DerivationStore::stamp(const derivation::Derivation& d,
                                      const std::string& derived_at) {
  try {
    SQLite::Statement s(
        db_,
        "INSERT INTO derivation (id, fingerprint, inputs, derived_at) VALUES (1, ?, "
        "?, ?) ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint, "
        "inputs = excluded.inputs, derived_at = excluded.derived_at");
    s.bind(1, d.fingerprint);
    s.bind(2, d.inputs.dump());
    s.bind(3, derived_at);
    s.exec();
    return {};
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("recording the derivation", e.what());
  }
}

engine::Status DerivationStore::check(const derivation::Derivation& d) {
  auto stored = get();
  if (!stored.ok()) {
    return stored.status();
  }
  if (stored.value() && stored.value()->fingerprint == d.fingerprint) {
    return {};
  }
  std::string what;
  try {
    if (!stored.value()) {
      if (db_.execAndGet("SELECT EXISTS (SELECT 1 FROM events)").getInt() == 0) {
        return {};  // nothing derived yet: the first import records its derivation
      }
      what = "no record of what derived them";
    } else {
      what = derivation::in_words(derivation::changes_between(stored.value()->inputs, d.inputs));
      if (what.empty()) {
        what = "the fingerprint differs";
      }
    }
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("checking the derivation", e.what());
  }
  return engine::Status::invalid_input(
      "the clocks in this database were derived with other rules or another calendar (" + what +
      "): run `ehcp rederive` with this configuration to re-derive them (`--dry-run` lists the "
      "deadlines that move)");
}

}  // namespace ehcp::adapters::sqlite
