// Integration tests of what a council's operators use through the real binary: `--version`, the
// version in a report's footer, `backup` and `restore`.
#include <filesystem>

#include <catch2/catch.hpp>

#include "tests/cli/sandbox.h"

namespace fs = std::filesystem;

using ehcp::test::Sandbox;

TEST_CASE("ehcp --version prints the version, and the breach report's footer names it") {
  Sandbox box;
  auto version = box.ehcp("--version");
  CHECK(version.exit_code == 0);
  REQUIRE(version.out.starts_with("ehcp 0."));
  REQUIRE(version.out.ends_with("\n"));
  const std::string number = version.out.substr(5, version.out.size() - 6);

  REQUIRE(box.ehcp("init").exit_code == 0);
  auto report = box.ehcp("report breaches --format html --as-of 2026-05-26");
  CHECK(report.exit_code == 0);
  CHECK(report.out.find("<footer><p>Made by ehcp " + number + "</p>") != std::string::npos);
}

TEST_CASE("ehcp backup makes a private copy once, and ehcp restore puts it back") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  const std::string copy = box.path("copy.db").string();
  auto backup = box.ehcp("backup " + copy);
  CHECK(backup.exit_code == 0);
  CHECK(backup.out.starts_with("backed up " + box.db() + " to " + copy + " ("));
  CHECK((fs::status(copy).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));

  auto again = box.ehcp("backup " + copy);
  CHECK(again.exit_code == 2);
  CHECK(again.err ==
        "ehcp: " + copy + " exists: a backup is never written over; name a new file\n");

  auto restore = box.ehcp("restore " + copy);
  CHECK(restore.exit_code == 0);
  CHECK(restore.out.starts_with("restored " + box.db() + " from " + copy + " ("));
  CHECK(box.ehcp("restore").exit_code == 1);
}
