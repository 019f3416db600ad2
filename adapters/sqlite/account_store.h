// adapters/sqlite/account_store.h
//
// The web service's users and sessions (schema 0009): who may sign in, with which role and
// team, and the sessions they hold. Stores what it is given: hashing passwords and making
// tokens are the web layer's (web/credentials.h); times are UTC ISO 8601 text from the caller's
// clock, so that "older than" is a comparison of text. Callers own any transaction. One store
// per Database; not shared across threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "engine/status.h"

namespace ehcp::adapters::sqlite {

struct User {
  std::string name;  // as the events name the caseworker: "Sam Okafor"
  std::string role;  // caseworker, manager, board or admin
  std::optional<std::string> team;
  std::optional<std::string> email;
  std::string password_hash;  // empty: no password (signs in through a trusted header only)
  bool disabled = false;
  std::string created_at;
};

struct Session {
  std::string token_hash;
  std::string user_name;
  std::string csrf;
  std::string created_at;
  std::string last_seen;
};

// "caseworker", "manager", "board", "admin".
bool is_role(const std::string& role);

class AccountStore {
 public:
  explicit AccountStore(SQLite::Database& db) : db_(db) {}

  // kInvalidInput when the name (or email) is taken or the role is not one of the four.
  engine::Status add_user(const User& user);
  std::optional<User> user(const std::string& name);
  std::optional<User> user_by_email(const std::string& email);
  std::vector<User> users();  // by name
  // kNotFound when there is no such user.
  engine::Status set_password(const std::string& name, const std::string& password_hash);
  // Disabling ends the user's sessions too.
  engine::Status disable(const std::string& name);

  void add_session(const Session& session);
  std::optional<Session> session(const std::string& token_hash);
  void touch_session(const std::string& token_hash, const std::string& now);
  void end_session(const std::string& token_hash);
  // Deletes sessions last seen before `cutoff`; returns how many.
  int end_sessions_idle_since(const std::string& cutoff);

 private:
  // Runs `update` of user `name`; when it changed the user, ends all of their sessions.
  engine::Status changed_ending_sessions(SQLite::Statement& update, const std::string& name);

  SQLite::Database& db_;
};

}  // namespace ehcp::adapters::sqlite
