// adapters/render/table.h
//
// A plain table of strings and its renderings: aligned text for a terminal, RFC 4180 CSV for
// spreadsheets. Every list the CLI prints goes through here, so formats stay consistent.
#pragma once

#include <string>
#include <vector>

namespace ehcp::adapters::render {

struct Table {
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
};

// How every CSV and table ehcp writes says yes or no: "yes", "no" (never true/false, Y/N, 1/0),
// so that a spreadsheet filters each file the same way.
inline std::string yes_no(bool b) { return b ? "yes" : "no"; }

// Columns padded to their widest cell, two spaces apart, a rule under the headers.
std::string to_text(const Table& table);

// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled, CRLF endings.
std::string to_csv(const Table& table);

}  // namespace ehcp::adapters::render
