// Integration tests of `ehcp demo` through the real binary: a fresh database with its night's
// reports and messages under --dir, run again over an earlier demo, and never over anything
// else.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "tests/cli/sandbox.h"

namespace fs = std::filesystem;
using ehcp::test::Sandbox;
using ehcp::test::slurp;

namespace {

const std::string kConfig = std::string(EHCP_FIXTURES) + "/../../examples/la-config.json";

std::size_t files_in(const fs::path& dir, const std::string& extension) {
  std::size_t n = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    n += entry.path().extension() == extension ? 1 : 0;
  }
  return n;
}

}  // namespace

TEST_CASE("demo makes a database, the night's report files and its outbox, and runs again") {
  Sandbox box;
  const fs::path dir = box.path("demo");
  const std::string demo = "demo --dir " + dir.string() + " --cases 300 --as-of 2026-11-25";
  auto r = box.ehcp(demo + " --config " + kConfig);
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(dir / "ehcp.db"));
  CHECK(fs::exists(dir / "caseload.jsonl"));
  CHECK(fs::exists(dir / "reports" / "breaches-2026-11-25.json"));
  const std::string html = slurp(dir / "reports" / "breaches-2026-11-25.html");
  CHECK(html.find("Exampleshire County Council") != std::string::npos);  // the LA's name
  CHECK(files_in(dir / "outbox", ".eml") > 0);
  CHECK(r.out.find("300 cases") != std::string::npos);
  CHECK(r.out.find("breaches") != std::string::npos);
  CHECK(r.out.find("The North team's queue") != std::string::npos);
  CHECK(r.out.find((dir / "reports" / "breaches-2026-11-25.html").string()) != std::string::npos);
  // The board pack for the 12 months to the end of last month, and its headline figures.
  CHECK(fs::exists(dir / "reports" / "board-pack-2025-11-to-2026-10.html"));
  CHECK(fs::exists(dir / "reports" / "board-pack-2025-11-to-2026-10.csv"));
  CHECK(r.out.find("The board's headline figures, 1 November 2025 \u2013 31 October 2026") !=
        std::string::npos);
  CHECK(r.out.find("New plans issued within 20 weeks, excluding exceptions") != std::string::npos);
  CHECK_FALSE(fs::exists(box.db()));  // --db is not the demo's

  // The database is an ordinary one: the commands work on it.
  const std::string list = std::string(EHCP_BINARY) + " --db " + (dir / "ehcp.db").string() +
                           " case list --as-of 2026-11-25 >" + box.path("list").string();
  REQUIRE(std::system(list.c_str()) == 0);
  CHECK(slurp(box.path("list")).find("300 case(s)") != std::string::npos);

  // A second run replaces the first demo's files.
  auto again = box.ehcp(demo + " --seed 2");
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("(seed 2)") != std::string::npos);
}

TEST_CASE("demo refuses a folder it did not make, and leaves it as it was") {
  Sandbox box;
  const fs::path theirs = box.path("theirs");
  fs::create_directories(theirs);
  std::ofstream(theirs / "ehcp.db") << "a council's own database";
  auto r = box.ehcp("demo --dir " + theirs.string() + " --cases 50 --as-of 2026-11-25");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("--dir: " + theirs.string() + " is not empty and was not made by `ehcp demo`") !=
        std::string::npos);
  CHECK(slurp(theirs / "ehcp.db") == "a council's own database");
  CHECK_FALSE(fs::exists(theirs / ".ehcp-demo"));

  // An earlier demo's folder with something else put in it is refused too, naming it.
  const fs::path earlier = box.path("earlier");
  REQUIRE(box.ehcp("demo --dir " + earlier.string() + " --cases 50 --as-of 2026-11-25").exit_code ==
          0);
  std::ofstream(earlier / "reports" / "notes.txt") << "mine";
  auto mixed = box.ehcp("demo --dir " + earlier.string() + " --cases 50 --as-of 2026-11-25");
  CHECK(mixed.exit_code == 1);
  CHECK(mixed.err.find("holds 'reports', which `ehcp demo` did not write") != std::string::npos);
  CHECK(slurp(earlier / "reports" / "notes.txt") == "mine");

  std::ofstream(box.path("a-file")) << "x";
  auto file = box.ehcp("demo --dir " + box.path("a-file").string() + " --as-of 2026-11-25");
  CHECK(file.exit_code == 1);
  CHECK(file.err.find("is a file, not a folder") != std::string::npos);
}
