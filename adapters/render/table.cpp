#include "adapters/render/table.h"

#include <algorithm>

namespace ehcp::adapters::render {
namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) {
    return s;
  }
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') {
      out += '"';
    }
    out += c;
  }
  return out + "\"";
}

void append_csv_row(std::string& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) {
      out += ',';
    }
    out += csv_field(cells[i]);
  }
  out += "\r\n";
}

// Characters on screen, not bytes: UTF-8 continuation bytes take no column ("–", "é").
std::size_t columns_of(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::string to_text(const Table& table) {
  std::vector<std::size_t> width(table.headers.size());
  for (std::size_t i = 0; i < table.headers.size(); ++i) {
    width[i] = columns_of(table.headers[i]);
  }
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size() && i < width.size(); ++i) {
      width[i] = std::max(width[i], columns_of(row[i]));
    }
  }
  const auto append_row = [&](std::string& out, const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < width.size(); ++i) {
      const std::string& cell = i < cells.size() ? cells[i] : std::string();
      line += cell;
      if (i + 1 < width.size()) {
        line += std::string(width[i] - columns_of(cell) + 2, ' ');
      }
    }
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    out += line + "\n";
  };
  std::string out;
  append_row(out, table.headers);
  std::vector<std::string> rule;
  for (auto w : width) {
    rule.emplace_back(w, '-');
  }
  append_row(out, rule);
  for (const auto& row : table.rows) {
    append_row(out, row);
  }
  return out;
}

std::string to_csv(const Table& table) {
  std::string out;
  append_csv_row(out, table.headers);
  for (const auto& row : table.rows) {
    append_csv_row(out, row);
  }
  return out;
}

}  // namespace ehcp::adapters::render
