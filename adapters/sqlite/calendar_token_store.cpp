#include "adapters/sqlite/calendar_token_store.h"

#include <SQLiteCpp/Statement.h>

namespace ehcp::adapters::sqlite {

void CalendarTokenStore::issue(const std::string& user_name, const std::string& token_hash,
                               const std::string& created_at) {
  SQLite::Statement q(db_,
                      "INSERT INTO calendar_tokens (user_name, token_hash, created_at) VALUES (?, "
                      "?, ?) ON CONFLICT (user_name) DO UPDATE SET token_hash = "
                      "excluded.token_hash, created_at = excluded.created_at");
  q.bind(1, user_name);
  q.bind(2, token_hash);
  q.bind(3, created_at);
  q.exec();
}

bool CalendarTokenStore::revoke(const std::string& user_name) {
  SQLite::Statement q(db_, "DELETE FROM calendar_tokens WHERE user_name = ?");
  q.bind(1, user_name);
  return q.exec() > 0;
}

std::optional<std::string> CalendarTokenStore::user_for(const std::string& token_hash) {
  SQLite::Statement q(db_, "SELECT user_name FROM calendar_tokens WHERE token_hash = ?");
  q.bind(1, token_hash);
  if (!q.executeStep()) {
    return std::nullopt;
  }
  return q.getColumn(0).getString();
}

}  // namespace ehcp::adapters::sqlite
