// adapters/sqlite/detail/group_concat.h
//
// Splitting what SQLite's group_concat(x, separator) joined back into its parts: an empty text
// is no parts. For the stores' queries only.
#pragma once

#include <string>
#include <vector>

namespace ehcp::adapters::sqlite::detail {

inline std::vector<std::string> split_group_concat(const std::string& text, char separator) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = text.find(separator, begin);
    out.push_back(text.substr(begin, end == std::string::npos ? std::string::npos : end - begin));
    if (end == std::string::npos) {
      break;
    }
    begin = end + 1;
  }
  return out;
}

}  // namespace ehcp::adapters::sqlite::detail
