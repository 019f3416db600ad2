// tests/adapters/words_test.cpp
//
// Every clock, workflow, state and event type has a title a caseworker would use
// (adapters/render/words.h). The states and workflows are read from the machines' sources (each
// state's `kName = "..."`, each workflow's `kWorkflow = "..."`), so a new one without a title
// fails here rather than showing an identifier on a page.
#include "adapters/render/words.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include <catch2/catch.hpp>

#include "engine/event.h"
#include "engine/event_fields.h"
#include "workflows/clock_names.h"

namespace {

namespace fs = std::filesystem;
using ehcp::adapters::render::clock_title;

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every (folder, quoted name): the folder is the workflow's name (workflows/review/...). matching
// `pattern` in the sources under workflows/.
std::set<std::pair<std::string, std::string>> names_in_workflows(const std::regex& pattern) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(EHCP_SOURCE_DIR) / "workflows")) {
    if (!entry.is_regular_file()) {
      continue;
    }
    const std::string text = read(entry.path());
    for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it) {
      out.insert({entry.path().parent_path().filename().string(), (*it)[1].str()});
    }
  }
  return out;
}

}  // namespace

TEST_CASE("Every clock the rule pack knows has a title of words", "[words]") {
  for (const std::string_view name : ehcp::workflows::clocks::kAll) {
    CAPTURE(name);
    if (name.ends_with(':')) {
      const std::string id = std::string(name) + "x";
      CHECK(clock_title(id) != id);
    } else {
      CHECK(clock_title(name) != std::string(name));
    }
  }
}

TEST_CASE("An advice clock is titled by its service", "[words]") {
  CHECK(clock_title("advice:ep", "educational_psychology") == "Educational psychology advice");
  CHECK(clock_title("advice:h1", "health") == "Health advice");
  CHECK(clock_title("advice:x", "other") == "Advice (x)");
  CHECK(clock_title("advice:x") == "Advice (x)");
  for (const auto service :
       {ehcp::engine::AdviceService::kEducation,
        ehcp::engine::AdviceService::kEducationalPsychology, ehcp::engine::AdviceService::kHealth,
        ehcp::engine::AdviceService::kSocialCare, ehcp::engine::AdviceService::kEarlyYears,
        ehcp::engine::AdviceService::kSchool}) {
    const std::string detail(ehcp::engine::to_string(service));
    CAPTURE(detail);
    CHECK(clock_title("advice:a", detail).ends_with(" advice"));
  }
}

TEST_CASE("Two advice clocks of one service in one case are told apart by their ids", "[words]") {
  const std::vector<ehcp::adapters::render::ClockLabel> labels = {
      {"decision_to_assess", "", "A-1"},
      {"advice:ep", "educational_psychology", "A-1"},
      {"advice:ep2", "educational_psychology", "A-1"},
      {"advice:h", "health", "A-1"},
      {"consultation:Oak Lane", "", "A-1"},
      {"advice:ep", "educational_psychology", "B-2"}};  // another case's: no id needed
  CHECK(ehcp::adapters::render::clock_titles(labels) ==
        std::vector<std::string>{"Decision whether to assess", "Educational psychology advice (ep)",
                                 "Educational psychology advice (ep2)", "Health advice",
                                 "Consultation with Oak Lane", "Educational psychology advice"});
}

TEST_CASE("Every order kind names its own clock", "[words]") {
  for (const auto kind :
       {ehcp::engine::OrderKind::kAssess, ehcp::engine::OrderKind::kMakePlan,
        ehcp::engine::OrderKind::kAmend, ehcp::engine::OrderKind::kSectionI,
        ehcp::engine::OrderKind::kCeaseDismissed, ehcp::engine::OrderKind::kOther}) {
    const std::string name = "order:" + std::string(ehcp::engine::to_string(kind));
    CAPTURE(name);
    CHECK_FALSE(clock_title(name).starts_with("Order ("));
  }
}

TEST_CASE("Every event type has a title of words", "[words]") {
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < ehcp::engine::kEventTypeCount; ++i) {
    const auto type = static_cast<ehcp::engine::EventType>(i);
    CAPTURE(ehcp::engine::to_string(type));
    const auto title = ehcp::adapters::render::event_title(type);
    CHECK_FALSE(title.empty());
    CHECK(title != ehcp::engine::to_string(type));
    CHECK(seen.insert(title).second);  // no two types read alike
  }
  CHECK(ehcp::adapters::render::event_title(std::string_view("issue_decision")) ==
        "Decision whether to issue a plan");
  CHECK(ehcp::adapters::render::event_title(std::string_view("not_a_type")) == "not_a_type");
}

TEST_CASE("Every workflow and every state the machines report has a title of words", "[words]") {
  const auto workflows = names_in_workflows(std::regex(R"(k(?:Ordered)?Workflow = \"([a-z_]+)\")"));
  REQUIRE(workflows.size() >= 8);
  for (const auto& [folder, workflow] : workflows) {
    CAPTURE(workflow);
    CHECK(ehcp::adapters::render::workflow_title(workflow) != workflow);
  }
  const auto states = names_in_workflows(std::regex(R"(kName = \"([a-z_]+)\")"));
  REQUIRE(states.size() >= 35);
  for (const auto& [folder, state] : states) {
    CAPTURE(folder, state);
    CHECK(ehcp::adapters::render::state_title(folder, state) != state);
  }
  // The phase transfer is derived, not a machine: its three states are written in place.
  const std::string transfers =
      read(fs::path(EHCP_SOURCE_DIR) / "workflows" / "transfer" / "phase_transfers.cpp");
  for (const char* state : {"named", "ended", "awaiting_amendment"}) {
    CAPTURE(state);
    CHECK(transfers.find('"' + std::string(state) + '"') != std::string::npos);
    CHECK(ehcp::adapters::render::state_title("transfer", state) != state);
  }
}

TEST_CASE("A state shared by the assessment and the re-assessment reads as its own", "[words]") {
  using ehcp::adapters::render::state_title;
  CHECK(state_title("assessment", "awaiting_decision") ==
        "Waiting for the decision whether to assess");
  CHECK(state_title("reassessment", "awaiting_decision") ==
        "Waiting for the decision whether to re-assess");
}

TEST_CASE("Past Year 14 a young person's year group reads as an age", "[words]") {
  using ehcp::adapters::render::year_group_or_age;
  const auto dob = *ehcp::engine::parse_date("1998-05-02");
  CHECK(year_group_or_age(14, dob, *ehcp::engine::parse_date("2015-10-01")) == "Year 14");
  CHECK(year_group_or_age(0, dob, *ehcp::engine::parse_date("2003-10-01")) == "Reception");
  // Born 2 May 1998: 28 on 2 May 2026, still 27 the day before.
  CHECK(year_group_or_age(23, dob, *ehcp::engine::parse_date("2026-05-02")) == "Aged 28");
  CHECK(year_group_or_age(23, dob, *ehcp::engine::parse_date("2026-05-01")) == "Aged 27");
}
