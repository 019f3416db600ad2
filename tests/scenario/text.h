// tests/scenario/text.h
//
// Small text helpers the scenario runner's parser and runner share: reading files, splitting
// lines and words, comments, quoting for the shell. Test code only.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace ehcp::scenario {

namespace fs = std::filesystem;

const std::string kDefaultAsOf = "2026-11-25";
const std::string kExtension = ".scenario";
const std::string kSlowExtension = ".scenario_slow";
// The exit code of `ehcp import` for rejected input (README.md "Using ehcp").
constexpr int kExitRejected = 2;

// ---------------------------------------------------------------------------------------------
// Text helpers

inline std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::vector<std::string> split_lines(const std::string& text) {
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

inline std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) {
    return "";
  }
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

inline std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> words;
  std::istringstream in(s);
  std::string word;
  while (in >> word) {
    words.push_back(word);
  }
  return words;
}

// Drops a trailing comment: a `#` at the start or after a space or tab.
inline std::string strip_comment(const std::string& line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return trim(line.substr(0, i));
    }
  }
  return trim(line);
}

inline bool is_date(const std::string& s) {
  static const std::regex kDate(R"(\d{4}-\d{2}-\d{2})");
  return std::regex_match(s, kDate);
}

inline bool is_integer(const std::string& s) {
  static const std::regex kInteger(R"(-?\d+)");
  return std::regex_match(s, kInteger);
}

inline bool is_group(const std::string& s) {
  static const std::regex kGroup(R"((\[[A-Za-z0-9_-]+\])+)");
  return std::regex_match(s, kGroup);
}

inline std::string shell_quote(const std::string& s) {
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

inline std::string quote_lines(const std::vector<std::string>& lines) {
  if (lines.empty()) {
    return "    (nothing)\n";
  }
  std::string text;
  for (const auto& line : lines) {
    text += "    " + line + "\n";
  }
  return text;
}

}  // namespace ehcp::scenario
