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
#include <deque>
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "tests/scenario/scenario_file.h"
#include "tests/scenario/scenario_run.h"

namespace ehcp::scenario {
namespace {

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
    const Scenario scenario = parse_scenario(slurp(path_));
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
    run_scenario(file, scenario);
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
}  // namespace ehcp::scenario
