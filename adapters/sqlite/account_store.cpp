#include "adapters/sqlite/account_store.h"

#include <array>

#include <SQLiteCpp/Statement.h>

#include "adapters/sqlite/detail/nullable_text.h"

namespace ehcp::adapters::sqlite {
namespace {

constexpr const char* kUserColumns =
    "name, role, team, email, ifnull(password_hash, ''), disabled, created_at";

using detail::bind_text_or_null;
using detail::text_or_null;

User read_user(SQLite::Statement& s) {
  return {s.getColumn(0).getString(),   s.getColumn(1).getString(), text_or_null(s.getColumn(2)),
          text_or_null(s.getColumn(3)), s.getColumn(4).getString(), s.getColumn(5).getInt() != 0,
          s.getColumn(6).getString()};
}

std::optional<User> one_user(SQLite::Database& db, const char* where, const std::string& key) {
  SQLite::Statement q(db, std::string("SELECT ") + kUserColumns + " FROM users WHERE " + where);
  q.bind(1, key);
  if (!q.executeStep()) {
    return std::nullopt;
  }
  return read_user(q);
}

}  // namespace

bool is_role(const std::string& role) {
  static const std::array<const char*, 4> kRoles = {"caseworker", "manager", "board", "admin"};
  for (const char* r : kRoles) {
    if (role == r) {
      return true;
    }
  }
  return false;
}

engine::Status AccountStore::add_user(const User& user) {
  if (!is_role(user.role)) {
    return engine::Status::invalid_input("role '" + user.role +
                                         "' is not one of caseworker, manager, board, admin");
  }
  if (this->user(user.name)) {
    return engine::Status::invalid_input("there is already a user '" + user.name + "'");
  }
  if (user.email && user_by_email(*user.email)) {
    return engine::Status::invalid_input("another user has the email '" + *user.email + "'");
  }
  SQLite::Statement q(db_,
                      "INSERT INTO users (name, role, team, email, password_hash, disabled, "
                      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, user.name);
  q.bind(2, user.role);
  bind_text_or_null(q, 3, user.team);
  bind_text_or_null(q, 4, user.email);
  if (user.password_hash.empty()) {
    q.bind(5);
  } else {
    q.bind(5, user.password_hash);
  }
  q.bind(6, user.disabled ? 1 : 0);
  q.bind(7, user.created_at);
  q.exec();
  return {};
}

std::optional<User> AccountStore::user(const std::string& name) {
  return one_user(db_, "name = ?", name);
}

std::optional<User> AccountStore::user_by_email(const std::string& email) {
  return one_user(db_, "email = ? COLLATE NOCASE", email);
}

std::vector<User> AccountStore::users() {
  SQLite::Statement q(db_, std::string("SELECT ") + kUserColumns + " FROM users ORDER BY name");
  std::vector<User> out;
  while (q.executeStep()) {
    out.push_back(read_user(q));
  }
  return out;
}

engine::Status AccountStore::changed_ending_sessions(SQLite::Statement& update,
                                                     const std::string& name) {
  if (update.exec() == 0) {
    return engine::Status::not_found("no user '" + name + "'");
  }
  SQLite::Statement end(db_, "DELETE FROM sessions WHERE user_name = ?");
  end.bind(1, name);
  end.exec();
  return {};
}

engine::Status AccountStore::set_password(const std::string& name,
                                          const std::string& password_hash) {
  SQLite::Statement q(db_, "UPDATE users SET password_hash = ? WHERE name = ?");
  q.bind(1, password_hash);
  q.bind(2, name);
  // A new password ends the sessions the old one opened.
  return changed_ending_sessions(q, name);
}

engine::Status AccountStore::disable(const std::string& name) {
  SQLite::Statement q(db_, "UPDATE users SET disabled = 1 WHERE name = ?");
  q.bind(1, name);
  return changed_ending_sessions(q, name);
}

void AccountStore::add_session(const Session& s) {
  SQLite::Statement q(db_,
                      "INSERT INTO sessions (token_hash, user_name, csrf, created_at, last_seen) "
                      "VALUES (?, ?, ?, ?, ?)");
  q.bind(1, s.token_hash);
  q.bind(2, s.user_name);
  q.bind(3, s.csrf);
  q.bind(4, s.created_at);
  q.bind(5, s.last_seen);
  q.exec();
}

std::optional<Session> AccountStore::session(const std::string& token_hash) {
  SQLite::Statement q(db_,
                      "SELECT token_hash, user_name, csrf, created_at, last_seen FROM sessions "
                      "WHERE token_hash = ?");
  q.bind(1, token_hash);
  if (!q.executeStep()) {
    return std::nullopt;
  }
  return Session{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                 q.getColumn(3).getString(), q.getColumn(4).getString()};
}

void AccountStore::touch_session(const std::string& token_hash, const std::string& now) {
  SQLite::Statement q(db_, "UPDATE sessions SET last_seen = ? WHERE token_hash = ?");
  q.bind(1, now);
  q.bind(2, token_hash);
  q.exec();
}

void AccountStore::end_session(const std::string& token_hash) {
  SQLite::Statement q(db_, "DELETE FROM sessions WHERE token_hash = ?");
  q.bind(1, token_hash);
  q.exec();
}

int AccountStore::end_sessions_idle_since(const std::string& cutoff) {
  SQLite::Statement q(db_, "DELETE FROM sessions WHERE last_seen < ?");
  q.bind(1, cutoff);
  return q.exec();
}

}  // namespace ehcp::adapters::sqlite
