// tests/scenario/scenario_file.h
//
// A scenario file parsed (the format is tests/scenarios/README.md): its header, its blocks and
// what each expects, and every problem with the file itself, by line. Test code only.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tests/scenario/text.h"

namespace ehcp::scenario {

// One line of an `expect` block, e.g. `event 3 assessment_decision`.
struct Assertion {
  int line = 0;
  std::string text;                // as written, comment stripped
  std::string keyword;             // the first word
  std::vector<std::string> words;  // the words after it
  std::string rest;                // everything after the keyword, trimmed
};

// kRun, kFile and kFiles: `run ARGS`, `file PATH`, `files DIR`, each followed by the exact lines
// expected (stdout, the file's content, the folder's sorted entries).
enum class BlockKind { kEvents, kImportError, kExpect, kRun, kFile, kFiles };

struct Block {
  BlockKind kind = BlockKind::kEvents;
  int line = 0;
  std::string as_of = kDefaultAsOf;
  std::string case_ref;                      // expect only; empty: the scenario's first case
  std::vector<std::string> payload;          // events and import error: the JSON Lines
  bool separated = false;                    // import error: `----` seen
  std::vector<std::string> expected_stderr;  // import error: the lines after `----`
  std::vector<Assertion> assertions;         // expect
  std::string argument;                      // run: the ehcp arguments; file, files: the path
  std::vector<std::string> expected;         // run, file, files: the lines expected
};

struct Scenario {
  std::string name;
  std::string description;
  std::string group;
  std::string config;  // `# config: la.json`: an LA configuration beside the file, optional
  std::vector<Block> blocks;
  std::vector<std::pair<int, std::string>> errors;  // problems with the file itself, by line
};

const std::string kNamePrefix = "# name:";
const std::string kDescriptionPrefix = "# description:";
const std::string kGroupPrefix = "# group:";
const std::string kConfigPrefix = "# config:";

// Just the `# group:` line: enough to tag the test case at registration time.
std::string read_group(const fs::path& path);

// The scenario in `text`; problems are in its `errors`.
Scenario parse_scenario(const std::string& text);

}  // namespace ehcp::scenario
