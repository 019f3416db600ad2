// Long commands show progress on a terminal and nothing extra anywhere else (issue 20): the
// terminal is a real pseudo-terminal made by util-linux's `script`, as a person's would be.
#include <catch2/catch.hpp>

#include "tests/cli/sandbox.h"

using ehcp::test::Sandbox;
using ehcp::test::slurp;

TEST_CASE(
    "import and rederive show their progress on a terminal, and not with --quiet nor when "
    "standard error is a file") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  const auto file = box.path("caseload.jsonl").string();
  const auto made = box.ehcp("generate --cases 300 --seed 3 --as-of 2026-11-25 --out " + file);
  REQUIRE(made.exit_code == 0);
  CHECK(made.err.find('\r') == std::string::npos);
  CHECK(made.err.find("generate:") == std::string::npos);

  // On a terminal: stdout and stderr both go to the pseudo-terminal's transcript.
  const auto on_terminal = [&](const std::string& args) {
    const auto transcript = box.path("transcript");
    const std::string command = "script -qec '" + std::string(EHCP_BINARY) + " --db " + box.db() +
                                " --as-of 2026-11-25 " + args + "' /dev/null >" +
                                transcript.string() + " 2>&1 </dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    return slurp(transcript);
  };
  const auto quiet = on_terminal("--quiet import " + file);
  CHECK(quiet.find("imported ") != std::string::npos);
  CHECK(quiet.find("import: reading") == std::string::npos);
  CHECK(quiet.find("checking the database") == std::string::npos);

  // The same lines again are repeats: quick, and still shown as read.
  const auto shown = on_terminal("import " + file);
  CHECK(shown.find("ehcp: checking the database...") != std::string::npos);
  CHECK(shown.find("import: reading ") != std::string::npos);
  CHECK(shown.find(" lines") != std::string::npos);
  // The line is erased before the result is printed, so the result stands alone.
  const auto result = shown.find("imported 0 event(s)");
  REQUIRE(result != std::string::npos);
  CHECK(shown.rfind("\r\033[K", result) != std::string::npos);

  // rederive says how many cases it has derived, then clears the line for its summary.
  const auto rederived = on_terminal("rederive");
  CHECK(rederived.find("rederive: deriving 0 of about 300 cases") != std::string::npos);
  CHECK(rederived.find("rederive: deriving") < rederived.rfind("\r\033[K"));

  // Standard error a file: only the result, no progress line.
  const auto to_file = box.ehcp("--as-of 2026-11-25 import " + file);
  CHECK(to_file.exit_code == 0);
  CHECK(to_file.err.empty());
  CHECK(to_file.out.find("imported 0 event(s)") != std::string::npos);
}
