// The calendar-feed tokens (schema 0013, adapters/sqlite/calendar_token_store.h): one a
// person, a new one replacing the old, revoking deleting it, found by hash only.
#include <catch2/catch.hpp>

#include "adapters/sqlite/account_store.h"
#include "adapters/sqlite/calendar_token_store.h"
#include "adapters/sqlite/database.h"

using namespace ehcp::adapters::sqlite;

namespace {

struct Accounts {
  Accounts() {
    auto opened = Database::open(":memory:", Database::Mode::kCreate);
    REQUIRE(opened.ok());
    db = std::move(opened).value();
    REQUIRE(db->migrate().ok());
    for (const char* name : {"Sam Okafor", "Priya Shah"}) {
      REQUIRE(AccountStore(db->sql())
                  .add_user({name, "caseworker", "North", std::nullopt, "x", false,
                             "2026-02-01T00:00:00Z"})
                  .ok());
    }
  }
  std::unique_ptr<Database> db;
};

}  // namespace

TEST_CASE("schema 13 holds one calendar token a person, by hash", "[calendar_token]") {
  Accounts a;
  CHECK(a.db->schema_version() == 13);
  CalendarTokenStore tokens(a.db->sql());
  CHECK_FALSE(tokens.user_for("h1"));
  tokens.issue("Sam Okafor", "h1", "2026-02-10T09:00:00Z");
  tokens.issue("Priya Shah", "h2", "2026-02-10T09:00:00Z");
  CHECK(tokens.user_for("h1") == std::optional<std::string>("Sam Okafor"));
  CHECK(tokens.user_for("h2") == std::optional<std::string>("Priya Shah"));
  CHECK(a.db->sql()
            .execAndGet("SELECT token_hash FROM calendar_tokens WHERE user_name = 'Sam Okafor'")
            .getString() == "h1");
}

TEST_CASE("a new calendar token replaces the old one", "[calendar_token]") {
  Accounts a;
  CalendarTokenStore tokens(a.db->sql());
  tokens.issue("Sam Okafor", "h1", "2026-02-10T09:00:00Z");
  tokens.issue("Sam Okafor", "h3", "2026-02-11T09:00:00Z");
  CHECK_FALSE(tokens.user_for("h1"));
  CHECK(tokens.user_for("h3") == std::optional<std::string>("Sam Okafor"));
  CHECK(a.db->sql().execAndGet("SELECT count(*) FROM calendar_tokens").getInt() == 1);
}

TEST_CASE("revoking deletes the token; revoking none says so", "[calendar_token]") {
  Accounts a;
  CalendarTokenStore tokens(a.db->sql());
  tokens.issue("Sam Okafor", "h1", "2026-02-10T09:00:00Z");
  CHECK(tokens.revoke("Sam Okafor"));
  CHECK_FALSE(tokens.user_for("h1"));
  CHECK(a.db->sql().execAndGet("SELECT count(*) FROM calendar_tokens").getInt() == 0);
  CHECK_FALSE(tokens.revoke("Sam Okafor"));
}

TEST_CASE("a token belongs to a known user and no two people share one", "[calendar_token]") {
  Accounts a;
  a.db->sql().exec("PRAGMA foreign_keys = ON");
  CalendarTokenStore tokens(a.db->sql());
  CHECK_THROWS(tokens.issue("Nobody Known", "h9", "2026-02-10T09:00:00Z"));
  tokens.issue("Sam Okafor", "h1", "2026-02-10T09:00:00Z");
  CHECK_THROWS(tokens.issue("Priya Shah", "h1", "2026-02-10T09:00:00Z"));
}
