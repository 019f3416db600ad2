// `ehcp user add|passwd|disable|list` and `ehcp audit`: the accounts the web service signs in,
// their checks, and the audit's filters.
#include <catch2/catch.hpp>

#include "tests/cli/sandbox.h"

using namespace ehcp::test;

TEST_CASE("ehcp user adds, lists, re-passwords and disables users, refusing what is wrong") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  const std::string pw = "correct horse battery\n";
  CHECK(box.ehcp("user add 'Sam Okafor' --role caseworker --team North", pw).exit_code == 0);
  CHECK(box.ehcp("user add 'Bea Board' --role board", pw).exit_code == 0);
  CHECK(box.ehcp("user add 'Sso User' --role admin --email sso@example.org --no-password")
            .exit_code == 0);

  const auto bad_role = box.ehcp("user add X --role chief --team North", pw);
  CHECK(bad_role.exit_code == 1);
  CHECK(bad_role.err.find("caseworker, manager, board or admin") != std::string::npos);
  const auto no_team = box.ehcp("user add X --role manager", pw);
  CHECK(no_team.exit_code == 1);
  CHECK(no_team.err.find("needs --team") != std::string::npos);
  const auto short_pw = box.ehcp("user add X --role board", "short\n");
  CHECK(short_pw.exit_code == 1);
  CHECK(short_pw.err.find("at least 10 characters") != std::string::npos);
  const auto twice = box.ehcp("user add 'Sam Okafor' --role board", pw);
  CHECK(twice.exit_code == 2);
  CHECK(twice.err.find("already a user 'Sam Okafor'") != std::string::npos);

  CHECK(box.ehcp("user passwd 'Sam Okafor'", "another long password\n").exit_code == 0);
  CHECK(box.ehcp("user passwd Nobody", pw).exit_code == 2);
  CHECK(box.ehcp("user disable 'Bea Board'").exit_code == 0);
  CHECK(box.ehcp("user disable Nobody").exit_code == 2);

  const auto list = box.ehcp("user list --format csv");
  CHECK(list.exit_code == 0);
  CHECK(list.out.find("Bea Board,board,,,yes,yes") != std::string::npos);
  CHECK(list.out.find("Sam Okafor,caseworker,North,,yes,no") != std::string::npos);
  CHECK(list.out.find("Sso User,admin,,sso@example.org,no,no") != std::string::npos);
  // Only the hash is stored.
  CHECK(slurp(box.db()).find("correct horse battery") == std::string::npos);

  CHECK(box.ehcp("audit --from 2026-13-01").exit_code == 1);
  const auto empty = box.ehcp("audit --case N-1 --format json");
  CHECK(empty.exit_code == 0);
  CHECK(empty.out == "[]\n");
}

TEST_CASE("ehcp user calendar-token prints a feed's address once, replaces it and revokes it") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  REQUIRE(
      box.ehcp("user add 'Sam Okafor' --role caseworker --team North", "correct horse battery\n")
          .exit_code == 0);
  const std::string base = "https://ehcp.example.gov.uk";
  const auto first = box.ehcp("user calendar-token 'Sam Okafor' --url " + base + "/");
  REQUIRE(first.exit_code == 0);
  const std::string prefix = base + "/calendar/";
  REQUIRE(first.out.starts_with(prefix));
  REQUIRE(first.out.size() == prefix.size() + 64 + 5);  // 64 hex digits, ".ics", newline
  CHECK(first.out.ends_with(".ics\n"));
  const auto token = first.out.substr(prefix.size(), 64);
  CHECK(token.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(first.err.find("shown only now") != std::string::npos);
  // Only its hash is kept: the database holds no token.
  CHECK(slurp(box.db()).find(token) == std::string::npos);

  const auto second = box.ehcp("user calendar-token 'Sam Okafor' --url " + base);
  REQUIRE(second.exit_code == 0);
  CHECK(second.out.substr(prefix.size(), 64) != token);

  CHECK(box.ehcp("user calendar-token 'Sam Okafor' --revoke").exit_code == 0);
  const auto again = box.ehcp("user calendar-token 'Sam Okafor' --revoke");
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("no calendar feed to revoke") != std::string::npos);
  const auto nobody = box.ehcp("user calendar-token Nobody");
  CHECK(nobody.exit_code == 2);
  CHECK(nobody.err.find("no user 'Nobody'") != std::string::npos);
  CHECK(nobody.out.empty());
}
