#include "tests/scenario/scenario_file.h"

namespace ehcp::scenario {
namespace {

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

  // `event K TYPE [on YYYY-MM-DD] [seq N] [voided_by N|none]`
  static bool event_words_ok(const std::vector<std::string>& w) {
    if (w.size() < 2 || !is_integer(w[0]) || w[0][0] == '-' || std::stoul(w[0]) == 0) {
      return false;
    }
    for (std::size_t i = 2; i < w.size(); i += 2) {
      const bool has_value = i + 1 < w.size();
      if (!has_value ||
          !((w[i] == "on" && is_date(w[i + 1])) || (w[i] == "seq" && is_integer(w[i + 1])) ||
            (w[i] == "voided_by" && (is_integer(w[i + 1]) || w[i + 1] == "none")))) {
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

}  // namespace

std::string read_group(const fs::path& path) {
  for (const auto& line : split_lines(slurp(path))) {
    if (line.starts_with(kGroupPrefix)) {
      return trim(line.substr(kGroupPrefix.size()));
    }
  }
  return "";
}

Scenario parse_scenario(const std::string& text) { return ScenarioParser().parse(text); }

}  // namespace ehcp::scenario
