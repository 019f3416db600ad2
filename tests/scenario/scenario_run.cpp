#include "tests/scenario/scenario_run.h"

#include <atomic>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

namespace ehcp::scenario {
namespace {

using nlohmann::json;

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
      const std::string& value = a.words[i + 1];
      if (key == "voided_by") {  // the seq of the correction that voided it, or none
        expected[key] = value == "none" ? json(nullptr) : json(std::stoi(value));
        const json voided = event.value("voided", json(nullptr));
        actual[key] = voided.is_object() ? voided.value("seq", json(nullptr)) : json(nullptr);
        continue;
      }
      expected[key] = key == "seq" ? json(std::stoi(value)) : json(value);
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
    if (named.size() > 1 && expected.contains("due")) {
      // Limbs of one order share name and start (order:assess runs 2, 10 and 14 weeks): the
      // due date tells them apart.
      std::erase_if(named, [&](const json& c) { return c.value("due", "") != expected["due"]; });
    }
    if (named.size() != 1) {
      fail(a, (named.empty() ? "no clock '" : "more than one clock '") + w[0] + "'" +
                  (start ? " starting " + *start : "") +
                  (named.empty() ? "" : ": add `start YYYY-MM-DD` or `due YYYY-MM-DD`") +
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

}  // namespace

void run_scenario(const std::string& file, const Scenario& scenario) {
  ScenarioRun(file, scenario).run();
}

}  // namespace ehcp::scenario
