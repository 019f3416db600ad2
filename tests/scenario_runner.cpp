// Scenarios are data (style.md practice 12): every file under tests/scenarios/ whose name ends
// `.scenario` becomes one Catch2 test case, tagged with its `# group:`; files ending
// `.scenario_slow` are tagged hidden as well (`[.slow]`), for the nightly run. Each scenario runs
// through the real `ehcp` binary, in a fresh temporary folder with its own database. The file
// format is described in tests/scenarios/README.md.
//
// Test cases are registered by a static initializer that lists the scenarios folder, so
// ehcp_catch_main's main() sees them and `--list-test-names-only` (catch_discover_tests) lists
// one test per file. EHCP_SCENARIOS in the environment replaces the folder compiled in.
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::string kDefaultAsOf = "2026-11-25";
const std::string kExtension = ".scenario";
const std::string kSlowExtension = ".scenario_slow";
// The exit code of `ehcp import` for rejected input (README.md "Using ehcp").
constexpr int kExitRejected = 2;

// ---------------------------------------------------------------------------------------------
// Text helpers

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    lines.push_back(line);
  }
  return lines;
}

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) {
    return "";
  }
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> words;
  std::istringstream in(s);
  std::string word;
  while (in >> word) {
    words.push_back(word);
  }
  return words;
}

// Drops a trailing comment: a `#` at the start or after a space or tab.
std::string strip_comment(const std::string& line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return trim(line.substr(0, i));
    }
  }
  return trim(line);
}

bool is_date(const std::string& s) {
  static const std::regex kDate(R"(\d{4}-\d{2}-\d{2})");
  return std::regex_match(s, kDate);
}

bool is_integer(const std::string& s) {
  static const std::regex kInteger(R"(-?\d+)");
  return std::regex_match(s, kInteger);
}

bool is_group(const std::string& s) {
  static const std::regex kGroup(R"((\[[A-Za-z0-9_-]+\])+)");
  return std::regex_match(s, kGroup);
}

std::string shell_quote(const std::string& s) {
  std::string quoted = "'";
  for (char c : s) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

std::string quote_lines(const std::vector<std::string>& lines) {
  if (lines.empty()) {
    return "    (nothing)\n";
  }
  std::string text;
  for (const auto& line : lines) {
    text += "    " + line + "\n";
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// The scenario file

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
std::string read_group(const fs::path& path) {
  for (const auto& line : split_lines(slurp(path))) {
    if (line.starts_with(kGroupPrefix)) {
      return trim(line.substr(kGroupPrefix.size()));
    }
  }
  return "";
}

class ScenarioParser {
 public:
  Scenario parse(const std::string& text) {
    int number = 0;
    for (const auto& line : split_lines(text)) {
      ++number;
      take(number, line);
    }
    close_block();
    check_header();
    return std::move(scenario_);
  }

 private:
  void error(int line, const std::string& message) { scenario_.errors.emplace_back(line, message); }

  void take(int number, const std::string& line) {
    if (trim(line).empty()) {
      close_block();
      return;
    }
    if (!block_) {
      if (!block_skipping_) {
        take_outside(number, line);
      }
      return;
    }
    switch (block_->kind) {
      case BlockKind::kEvents:
        block_->payload.push_back(line);
        return;
      case BlockKind::kImportError:
        if (block_->separated) {
          block_->expected_stderr.push_back(line);
        } else if (trim(line) == "----") {
          block_->separated = true;
        } else {
          block_->payload.push_back(line);
        }
        return;
      case BlockKind::kExpect:
        if (!strip_comment(line).empty()) {
          take_assertion(number, strip_comment(line));
        }
        return;
      case BlockKind::kRun:
      case BlockKind::kFile:
      case BlockKind::kFiles:
        block_->expected.push_back(line);
        return;
    }
  }

  // `run ARGS`, `file PATH`, `files DIR`: the rest of the line is taken as written.
  bool take_output_block(int number, const std::string& line) {
    static const std::vector<std::pair<std::string, BlockKind>> kinds = {
        {"run ", BlockKind::kRun}, {"file ", BlockKind::kFile}, {"files ", BlockKind::kFiles}};
    for (const auto& [prefix, kind] : kinds) {
      if (line.starts_with(prefix)) {
        Block block;
        block.line = number;
        block.kind = kind;
        block.argument = trim(line.substr(prefix.size()));
        block_ = std::move(block);
        return true;
      }
    }
    return false;
  }

  void take_outside(int number, const std::string& line) {
    if (line.starts_with("#")) {
      take_header_line(number, line);
      return;
    }
    if (strip_comment(line).empty()) {
      return;  // an indented comment
    }
    if (take_output_block(number, line)) {
      return;
    }
    const auto words = words_of(strip_comment(line));
    Block block;
    block.line = number;
    std::size_t next = 1;
    if (words[0] == "events") {
      block.kind = BlockKind::kEvents;
    } else if (words[0] == "import" && words.size() > 1 && words[1] == "error") {
      block.kind = BlockKind::kImportError;
      next = 2;
    } else if (words[0] == "expect") {
      block.kind = BlockKind::kExpect;
    } else {
      error(number,
            "expected a block: `events`, `import error`, `expect`, `run`, `file` or `files`, "
            "not '" +
                line + "'");
      block_skipping_ = true;
      return;
    }
    for (; next < words.size(); next += 2) {
      const bool has_value = next + 1 < words.size();
      if (words[next] == "as_of" && has_value) {
        block.as_of = words[next + 1];
        if (!is_date(block.as_of)) {
          error(number, "`as_of` takes a date YYYY-MM-DD, not '" + block.as_of + "'");
          break;
        }
      } else if (words[next] == "case" && has_value && block.kind == BlockKind::kExpect) {
        block.case_ref = words[next + 1];
      } else {
        error(number, "unexpected '" + words[next] + "' after `" + words[0] +
                          "`: takes `as_of YYYY-MM-DD`" +
                          (block.kind == BlockKind::kExpect ? " and `case REF`" : ""));
        break;
      }
    }
    block_ = std::move(block);
  }

  void take_header_line(int number, const std::string& line) {
    const auto set_once = [&](std::string& field, const std::string& prefix) {
      if (!field.empty()) {
        error(number, "a second '" + prefix + "' line");
      }
      field = trim(line.substr(prefix.size()));
    };
    if (line.starts_with(kNamePrefix)) {
      set_once(scenario_.name, kNamePrefix);
    } else if (line.starts_with(kDescriptionPrefix)) {
      set_once(scenario_.description, kDescriptionPrefix);
    } else if (line.starts_with(kGroupPrefix)) {
      set_once(scenario_.group, kGroupPrefix);
    } else if (line.starts_with(kConfigPrefix)) {
      set_once(scenario_.config, kConfigPrefix);
    }
  }

  void take_assertion(int number, const std::string& text) {
    Assertion a;
    a.line = number;
    a.text = text;
    auto words = words_of(text);
    a.keyword = words[0];
    a.words.assign(words.begin() + 1, words.end());
    a.rest = trim(text.substr(a.keyword.size()));
    const auto& w = a.words;
    const std::string& k = a.keyword;
    bool ok = true;
    if (k == "year_group") {
      ok = w.size() == 1 && (is_integer(w[0]) || w[0] == "none");
    } else if (k == "caseworker" || k == "team") {
      ok = !w.empty();
    } else if (k == "opened") {
      ok = w.size() == 1 && is_date(w[0]);
    } else if (k == "closed") {
      ok = w.size() == 1 && (is_date(w[0]) || w[0] == "none");
    } else if (k == "events") {
      ok = w.size() == 1 && is_integer(w[0]) && w[0][0] != '-';
    } else if (k == "event") {
      ok = event_words_ok(w);
    } else if (k == "state") {
      ok = w.size() == 2;
    } else if (k == "flags") {
      ok = !w.empty();
    } else if (k == "clock") {
      ok = clock_words_ok(w);
    } else {
      error(number, "unknown expectation '" + k +
                        "' (year_group, caseworker, team, opened, closed, events, event, state, "
                        "flags, clock)");
      return;
    }
    if (!ok) {
      error(number, "cannot read '" + text + "'; see tests/scenarios/README.md");
      return;
    }
    block_->assertions.push_back(std::move(a));
  }

  // `event K TYPE [on YYYY-MM-DD] [seq N]`
  static bool event_words_ok(const std::vector<std::string>& w) {
    if (w.size() < 2 || !is_integer(w[0]) || w[0][0] == '-' || std::stoul(w[0]) == 0) {
      return false;
    }
    for (std::size_t i = 2; i < w.size(); i += 2) {
      const bool has_value = i + 1 < w.size();
      if (!has_value ||
          !((w[i] == "on" && is_date(w[i + 1])) || (w[i] == "seq" && is_integer(w[i + 1])))) {
        return false;
      }
    }
    return true;
  }

  // `clock NAME [start D] [due D] [STATUS] [met_on D|none] [exception]`
  static bool clock_words_ok(const std::vector<std::string>& w) {
    if (w.empty()) {
      return false;
    }
    for (std::size_t i = 1; i < w.size(); ++i) {
      if ((w[i] == "start" || w[i] == "due") && i + 1 < w.size() && is_date(w[i + 1])) {
        ++i;
      } else if (w[i] == "met_on" && i + 1 < w.size() &&
                 (is_date(w[i + 1]) || w[i + 1] == "none")) {
        ++i;
      } else if (w[i] != "exception" && w[i] != "open" && w[i] != "overdue" && w[i] != "met" &&
                 w[i] != "late" && w[i] != "not_applicable") {
        return false;
      }
    }
    return true;
  }

  void close_block() {
    block_skipping_ = false;
    if (!block_) {
      return;
    }
    Block block = std::move(*block_);
    block_.reset();
    if (block.kind == BlockKind::kImportError && !block.separated) {
      error(block.line, "`import error` block has no `----` line before its expected messages");
      return;
    }
    if (block.kind == BlockKind::kImportError && block.expected_stderr.empty()) {
      error(block.line, "`import error` block gives no expected `line N: ...` after `----`");
      return;
    }
    const bool output_block = block.kind == BlockKind::kRun || block.kind == BlockKind::kFile ||
                              block.kind == BlockKind::kFiles;
    if (!output_block && block.kind != BlockKind::kExpect && block.payload.empty()) {
      error(block.line, "block has no JSON Lines");
      return;
    }
    if (block.kind == BlockKind::kExpect && block.assertions.empty()) {
      error(block.line, "`expect` block has no expectations");
      return;
    }
    scenario_.blocks.push_back(std::move(block));
  }

  void check_header() {
    if (scenario_.name.empty()) {
      error(1, "missing '# name: tests/scenarios/...' line");
    }
    if (scenario_.description.empty()) {
      error(1, "missing '# description: ...' line");
    }
    if (scenario_.group.empty()) {
      error(1, "missing '# group: [tag]' line");
    } else if (!is_group(scenario_.group)) {
      error(1, "'# group:' must be one or more [tags] of letters, digits, _ and -, not '" +
                   scenario_.group + "'");
    }
    if (scenario_.blocks.empty()) {
      error(1, "no blocks: nothing to run");
    }
  }

  Scenario scenario_;
  std::optional<Block> block_;
  bool block_skipping_ = false;
};

// ---------------------------------------------------------------------------------------------
// Running ehcp

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// A scratch folder with its own database, removed when the scenario ends.
class Sandbox {
 public:
  Sandbox() {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("ehcp-scenario-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir_);
  }
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;
  ~Sandbox() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  fs::path db() const { return dir_ / "ehcp.db"; }
  fs::path dir() const { return dir_; }

  // Every later command runs with `--config path`.
  void use_config(const fs::path& path) { config_ = path; }

  // Runs `ehcp --db <db> <args>` with `input` on stdin.
  Outcome ehcp(const std::string& args, const std::string& input = "") const {
    const auto in = dir_ / "stdin", out = dir_ / "stdout", err = dir_ / "stderr";
    std::ofstream(in, std::ios::binary) << input;
    const std::string config =
        config_.empty() ? std::string() : " --config " + shell_quote(config_.string());
    // Run inside the folder, so relative paths in a scenario stay inside it.
    const std::string command = "cd " + shell_quote(dir_.string()) + " && " +
                                shell_quote(EHCP_BINARY) + " --db " + shell_quote(db().string()) +
                                config + " " + args + " <" + shell_quote(in.string()) + " >" +
                                shell_quote(out.string()) + " 2>" + shell_quote(err.string());
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  }

 private:
  fs::path dir_;
  fs::path config_;
};

std::string join_payload(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) {
    text += line + "\n";
  }
  return text;
}

std::string describe(const Outcome& r) {
  return "  exit code " + std::to_string(r.exit_code) + "\n  stdout:\n" +
         quote_lines(split_lines(r.out)) + "  stderr:\n" + quote_lines(split_lines(r.err));
}

std::string show(const std::optional<json>& value) { return value ? value->dump() : "(absent)"; }

// Runs one parsed scenario; every failed expectation names `file:line`.
class ScenarioRun {
 public:
  ScenarioRun(std::string file, const Scenario& scenario) : file_(std::move(file)), s_(scenario) {
    if (!s_.config.empty()) {
      box_.use_config(fs::path(file_).parent_path() / s_.config);
    }
  }

  void run() {
    const auto init = box_.ehcp("init");
    if (init.exit_code != 0) {
      FAIL(file_ << ": `ehcp init` failed\n" << describe(init));
    }
    for (const auto& block : s_.blocks) {
      switch (block.kind) {
        case BlockKind::kEvents:
          run_events(block);
          break;
        case BlockKind::kImportError:
          run_import_error(block);
          break;
        case BlockKind::kExpect:
          run_expect(block);
          break;
        case BlockKind::kRun:
          run_command(block);
          break;
        case BlockKind::kFile:
          check_file(block);
          break;
        case BlockKind::kFiles:
          check_files(block);
          break;
      }
    }
  }

 private:
  std::string at(int line) const { return file_ + ":" + std::to_string(line); }

  std::string import_args(const Block& block) const {
    return "import - --as-of " + shell_quote(block.as_of);
  }

  void run_events(const Block& block) {
    const auto r = box_.ehcp(import_args(block), join_payload(block.payload));
    if (r.exit_code != 0) {
      // Later blocks would only fail in confusing ways: stop here.
      FAIL(at(block.line) << ": `events` must import, but ehcp rejected it\n" << describe(r));
    }
    SUCCEED(at(block.line) << ": " << r.out);
  }

  void run_import_error(const Block& block) {
    const std::string before = slurp(box_.db());
    const auto r = box_.ehcp(import_args(block), join_payload(block.payload));
    if (r.exit_code != kExitRejected) {
      FAIL_CHECK(at(block.line) << ": `import error` must be rejected with exit code "
                                << kExitRejected << "\n"
                                << describe(r));
      return;
    }
    auto actual = split_lines(r.err);
    const bool summary_expected =
        std::any_of(block.expected_stderr.begin(), block.expected_stderr.end(),
                    [](const std::string& line) { return line.starts_with("ehcp: "); });
    if (!summary_expected && !actual.empty() && actual.back().starts_with("ehcp: ")) {
      actual.pop_back();
    }
    if (actual != block.expected_stderr) {
      FAIL_CHECK(at(block.line) << ": `import error` messages differ\n  expected:\n"
                                << quote_lines(block.expected_stderr) << "  actual:\n"
                                << quote_lines(actual));
    } else {
      SUCCEED();
    }
    if (!r.out.empty()) {
      FAIL_CHECK(at(block.line) << ": a rejected import printed to stdout\n" << describe(r));
    }
    if (slurp(box_.db()) != before) {
      FAIL_CHECK(at(block.line) << ": the database changed after a rejected import");
    } else {
      SUCCEED();
    }
  }

  // Lines compared without trailing spaces (tables pad their last column).
  static std::vector<std::string> rstripped(std::vector<std::string> lines) {
    for (auto& line : lines) {
      line.erase(line.find_last_not_of(" \r") + 1);
    }
    while (!lines.empty() && lines.back().empty()) {
      lines.pop_back();
    }
    return lines;
  }

  void compare(const Block& block, const std::string& what, const std::vector<std::string>& actual,
               const std::string& detail) {
    if (rstripped(actual) == rstripped(block.expected)) {
      SUCCEED();
      return;
    }
    FAIL_CHECK(at(block.line) << ": " << what << " differs\n  expected:\n"
                              << quote_lines(block.expected) << "  actual:\n"
                              << quote_lines(actual) << detail);
  }

  void run_command(const Block& block) {
    const auto r = box_.ehcp(block.argument);
    if (r.exit_code != 0) {
      FAIL_CHECK(at(block.line) << ": `ehcp " << block.argument << "` failed\n" << describe(r));
      return;
    }
    compare(block, "the output of `ehcp " + block.argument + "`", split_lines(r.out), "");
  }

  void check_file(const Block& block) {
    const fs::path path = box_.dir() / block.argument;
    if (!fs::is_regular_file(path)) {
      FAIL_CHECK(at(block.line) << ": no file " << block.argument);
      return;
    }
    compare(block, block.argument, split_lines(slurp(path)), "");
  }

  void check_files(const Block& block) {
    const fs::path path = box_.dir() / block.argument;
    std::vector<std::string> names;
    if (fs::is_directory(path)) {
      for (const auto& entry : fs::directory_iterator(path)) {
        names.push_back(entry.path().filename().string());
      }
    }
    std::sort(names.begin(), names.end());
    compare(block, "the files in " + block.argument, names, "");
  }

  std::string default_case() const {
    for (const auto& block : s_.blocks) {
      if (block.kind == BlockKind::kEvents) {
        const auto event = json::parse(block.payload.front(), nullptr, false);
        if (event.is_object() && event.contains("case") && event["case"].is_string()) {
          return event["case"].get<std::string>();
        }
      }
    }
    return "";
  }

  void run_expect(const Block& block) {
    const std::string ref = block.case_ref.empty() ? default_case() : block.case_ref;
    if (ref.empty()) {
      FAIL_CHECK(at(block.line) << ": `expect` names no case, and the first `events` line "
                                   "has none to default to");
      return;
    }
    const auto r = box_.ehcp("case show " + shell_quote(ref) + " --as-of " +
                             shell_quote(block.as_of) + " --format json");
    if (r.exit_code != 0) {
      FAIL_CHECK(at(block.line) << ": `ehcp case show " << ref << "` failed\n" << describe(r));
      return;
    }
    const auto view = json::parse(r.out, nullptr, false);
    if (!view.is_object()) {
      FAIL_CHECK(at(block.line) << ": `ehcp case show` did not print a JSON object\n"
                                << describe(r));
      return;
    }
    for (const auto& a : block.assertions) {
      check(a, view);
    }
  }

  void expect_equal(const Assertion& a, const json& expected, const std::optional<json>& actual) {
    if (actual && *actual == expected) {
      SUCCEED();
      return;
    }
    FAIL_CHECK(at(a.line) << ": " << a.text << "\n  expected: " << expected.dump()
                          << "\n  actual:   " << show(actual));
  }

  void fail(const Assertion& a, const std::string& why) {
    FAIL_CHECK(at(a.line) << ": " << a.text << "\n  " << why);
  }

  static std::optional<json> field(const json& object, const std::string& key) {
    if (!object.is_object() || !object.contains(key)) {
      return std::nullopt;
    }
    return object.at(key);
  }

  static json date_or_null(const std::string& word) {
    return word == "none" ? json(nullptr) : json(word);
  }

  void check(const Assertion& a, const json& view) {
    const auto& w = a.words;
    if (a.keyword == "year_group") {
      expect_equal(a, w[0] == "none" ? json(nullptr) : json(std::stoi(w[0])),
                   field(view, "year_group"));
    } else if (a.keyword == "caseworker" || a.keyword == "team") {
      expect_equal(a, a.rest == "none" ? json(nullptr) : json(a.rest), field(view, a.keyword));
    } else if (a.keyword == "opened" || a.keyword == "closed") {
      expect_equal(a, date_or_null(w[0]), field(view, a.keyword));
    } else if (a.keyword == "events") {
      check_events_count(a, view);
    } else if (a.keyword == "event") {
      check_event(a, view);
    } else if (a.keyword == "state") {
      check_state(a, view);
    } else if (a.keyword == "flags") {
      check_flags(a, view);
    } else if (a.keyword == "clock") {
      check_clock(a, view);
    }
  }

  std::optional<json> events_of(const Assertion& a, const json& view) {
    const auto events = field(view, "events");
    if (!events || !events->is_array()) {
      fail(a, "`ehcp case show` printed no \"events\" array");
      return std::nullopt;
    }
    return events;
  }

  static std::string event_summary(const json& events) {
    std::string text;
    int n = 0;
    for (const auto& e : events) {
      text += "\n    " + std::to_string(++n) + ". " + e.value("on", "?") + " " +
              e.value("type", "?") + " (seq " + e.value("seq", json(nullptr)).dump() + ")";
    }
    return text.empty() ? " (none)" : text;
  }

  void check_events_count(const Assertion& a, const json& view) {
    const auto events = events_of(a, view);
    if (!events) {
      return;
    }
    if (events->size() == static_cast<std::size_t>(std::stoul(a.words[0]))) {
      SUCCEED();
      return;
    }
    fail(a, "expected: " + a.words[0] + " event(s)\n  actual:   " + std::to_string(events->size()) +
                ":" + event_summary(*events));
  }

  void check_event(const Assertion& a, const json& view) {
    const auto events = events_of(a, view);
    if (!events) {
      return;
    }
    const auto index = std::stoul(a.words[0]);
    if (index > events->size()) {
      fail(a, "there are only " + std::to_string(events->size()) +
                  " event(s):" + event_summary(*events));
      return;
    }
    const json& event = (*events)[index - 1];
    json expected = {{"type", a.words[1]}};
    json actual = {{"type", event.value("type", json(nullptr))}};
    for (std::size_t i = 2; i + 1 < a.words.size(); i += 2) {
      const std::string& key = a.words[i];
      expected[key] = key == "seq" ? json(std::stoi(a.words[i + 1])) : json(a.words[i + 1]);
      actual[key] = event.value(key, json(nullptr));
    }
    if (expected == actual) {
      SUCCEED();
      return;
    }
    fail(a, "expected: " + expected.dump() + "\n  actual:   " + actual.dump() +
                "\n  events:" + event_summary(*events));
  }

  // The latest entry of `workflows` for the assertion's first word (a workflow may run more
  // than once: a second assessment, a review each year).
  std::optional<json> latest_workflow(const Assertion& a, const json& view) {
    const auto workflows = field(view, "workflows");
    if (!workflows || !workflows->is_array()) {
      fail(a, "`ehcp case show` printed no \"workflows\" array (contract.md §3)");
      return std::nullopt;
    }
    std::optional<json> found;
    for (const auto& w : *workflows) {
      if (w.is_object() && w.value("workflow", "") == a.words[0]) {
        found = w;
      }
    }
    if (!found) {
      fail(a, "no workflow '" + a.words[0] + "'; workflows: " + workflows->dump());
    }
    return found;
  }

  void check_state(const Assertion& a, const json& view) {
    if (const auto found = latest_workflow(a, view)) {
      expect_equal(a, a.words[1], field(*found, "state"));
    }
  }

  // `flags WORKFLOW none` or `flags WORKFLOW f1 [f2 ...]`: the workflow's "flags" (absent = none).
  void check_flags(const Assertion& a, const json& view) {
    const auto found = latest_workflow(a, view);
    if (!found) {
      return;
    }
    json expected = json::array();
    for (std::size_t i = 1; i < a.words.size(); ++i) {
      if (a.words[i] != "none") {
        expected.push_back(a.words[i]);
      }
    }
    expect_equal(a, expected, field(*found, "flags").value_or(json::array()));
  }

  static std::string clock_summary(const json& clocks) {
    std::string text;
    for (const auto& c : clocks) {
      text += "\n    " + c.value("clock", json(nullptr)).dump() + " start " +
              c.value("start", json(nullptr)).dump() + " due " +
              c.value("due", json(nullptr)).dump() + " " + c.value("status", json(nullptr)).dump();
    }
    return text.empty() ? " (none)" : text;
  }

  void check_clock(const Assertion& a, const json& view) {
    const auto clocks = field(view, "clocks");
    if (!clocks || !clocks->is_array()) {
      fail(a, "`ehcp case show` printed no \"clocks\" array (contract.md §3)");
      return;
    }
    const auto& w = a.words;
    json expected = json::object();
    std::optional<std::string> start;
    expected["exception"] = false;
    for (std::size_t i = 1; i < w.size(); ++i) {
      if (w[i] == "start") {
        start = w[++i];
      } else if (w[i] == "due") {
        expected["due"] = w[++i];
      } else if (w[i] == "met_on") {
        expected["met_on"] = date_or_null(w[++i]);
      } else if (w[i] == "exception") {
        expected["exception"] = true;
      } else {
        expected["status"] = w[i];
      }
    }
    std::vector<json> named;
    for (const auto& c : *clocks) {
      if (c.is_object() && c.value("clock", "") == w[0] &&
          (!start || c.value("start", "") == *start)) {
        named.push_back(c);
      }
    }
    if (named.size() != 1) {
      fail(a, (named.empty() ? "no clock '" : "more than one clock '") + w[0] + "'" +
                  (start ? " starting " + *start : "") +
                  (named.empty() ? "" : ": add `start YYYY-MM-DD`") +
                  "\n  clocks:" + clock_summary(*clocks));
      return;
    }
    json actual = json::object();
    for (const auto& [key, value] : expected.items()) {
      actual[key] = named[0].contains(key) ? named[0][key] : json("(absent)");
    }
    if (actual == expected) {
      SUCCEED();
      return;
    }
    fail(a, "expected: " + expected.dump() + "\n  actual:   " + actual.dump() +
                "\n  clock:    " + named[0].dump());
  }

  std::string file_;
  const Scenario& s_;
  Sandbox box_;
};

// ---------------------------------------------------------------------------------------------
// Registration

fs::path scenarios_dir() {
  const char* from_env = std::getenv("EHCP_SCENARIOS");
  return fs::path(from_env != nullptr && *from_env != '\0' ? from_env : EHCP_SCENARIOS);
}

class ScenarioInvoker : public Catch::ITestInvoker {
 public:
  ScenarioInvoker(fs::path path, std::string relative)
      : path_(std::move(path)), relative_(std::move(relative)) {}

  void invoke() const override {
    const std::string file = path_.string();
    const Scenario scenario = ScenarioParser().parse(slurp(path_));
    auto errors = scenario.errors;
    const std::string name = "tests/scenarios/" + relative_;
    if (!scenario.name.empty() && scenario.name != name) {
      errors.emplace_back(1, "'# name:' is '" + scenario.name + "', but the file is " + name);
    }
    if (!errors.empty()) {
      std::string text;
      std::stable_sort(errors.begin(), errors.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      for (const auto& [line, message] : errors) {
        text += "\n  " + file + ":" + std::to_string(line) + ": " + message;
      }
      FAIL("the scenario file cannot be run:" << text);
    }
    ScenarioRun(file, scenario).run();
  }

 private:
  fs::path path_;
  std::string relative_;
};

// Fails, naming why no scenario could be registered.
class MissingScenarios : public Catch::ITestInvoker {
 public:
  explicit MissingScenarios(std::string why) : why_(std::move(why)) {}
  void invoke() const override { FAIL(why_); }

 private:
  std::string why_;
};

// Catch keeps a pointer to the file name of a test case: these outlive every test.
std::deque<std::string>& registered_paths() {
  static std::deque<std::string> paths;
  return paths;
}

void register_test(Catch::ITestInvoker* invoker, const std::string& file, const std::string& name,
                   const std::string& tags) {
  auto& paths = registered_paths();
  paths.push_back(file);
  const char* stable_file = paths.back().c_str();
  Catch::AutoReg(invoker, Catch::SourceLineInfo(stable_file, 1), Catch::StringRef(),
                 Catch::NameAndTags(name, tags));
}

int register_scenarios() {
  const fs::path dir = scenarios_dir();
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string file = it->path().string();
    std::error_code not_a_file;
    if (it->is_regular_file(not_a_file) &&
        (file.ends_with(kExtension) || file.ends_with(kSlowExtension))) {
      files.push_back(it->path());
    }
  }
  if (ec || files.empty()) {
    register_test(new MissingScenarios("no *.scenario files under " + dir.string() +
                                       (ec ? ": " + ec.message() : "")),
                  dir.string(), "no scenarios found", "");
    return 0;
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    const std::string relative = path.lexically_relative(dir).generic_string();
    const std::string group = read_group(path);
    // A bad group is reported by the test itself; registering it would stop every test.
    std::string tags = is_group(group) ? group : "";
    if (relative.ends_with(kSlowExtension)) {
      tags += "[.slow]";
    }
    register_test(new ScenarioInvoker(path, relative), path.string(), relative, tags);
  }
  return static_cast<int>(files.size());
}

[[maybe_unused]] const int kRegistered = register_scenarios();

}  // namespace
