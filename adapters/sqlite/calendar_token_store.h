// adapters/sqlite/calendar_token_store.h
//
// Each person's calendar-feed token (schema 0013): stored as its hash only, one a person. The
// web layer makes the token and its hash (web/credentials.h); this stores what it is given.
// Callers own any transaction. Not shared across threads.
#pragma once

#include <optional>
#include <string>

#include <SQLiteCpp/Database.h>

namespace ehcp::adapters::sqlite {

class CalendarTokenStore {
 public:
  explicit CalendarTokenStore(SQLite::Database& db) : db_(db) {}

  // Gives `user_name` the token whose hash is `token_hash`, replacing any they had.
  void issue(const std::string& user_name, const std::string& token_hash,
             const std::string& created_at);
  // Deletes `user_name`'s token; false when they had none.
  bool revoke(const std::string& user_name);
  // The user whose token hashes to `token_hash`, if any.
  std::optional<std::string> user_for(const std::string& token_hash);

 private:
  SQLite::Database& db_;
};

}  // namespace ehcp::adapters::sqlite
