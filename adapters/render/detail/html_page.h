// adapters/render/detail/html_page.h
//
// What every self-contained HTML page of ehcp shares (the breach report, the board pack): the
// house style (A4, the OFFICIAL-SENSITIVE marking, tables that never run off the page),
// escaping, and accessible tables (captions, scoped headers). No scripts, no external assets:
// a page must stand alone in an e-mail and print. Only the renderers include this.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "adapters/render/table.h"

namespace ehcp::adapters::render::detail {

inline constexpr std::string_view kMarking = "OFFICIAL-SENSITIVE";
inline constexpr std::string_view kMinus = "\u2212";

std::string escape(std::string_view s);

// The first letter upper-cased: "overdue" -> "Overdue".
std::string capitalised(std::string s);

// How an HTML column is laid out: text wraps (even inside a long word, so that no table is
// wider than the page); dates and counts never wrap, and counts are right-aligned.
enum class HtmlColumn { kText, kDate, kCount };

// A table as HTML: a caption, column headers with scope.
struct HtmlTable {
  std::string caption;
  Table table;
  std::vector<std::string> footer;  // a totals row; none when empty
  bool row_headers = false;         // the first cell of each row names it
  std::vector<HtmlColumn> columns;  // kText for any column not given
  bool cells_are_html = false;      // cells already escaped, with markup (rating swatches)
};

std::string html_table(const HtmlTable& t);

// The page up to and including the top marking: the house style, then `extra_style`.
std::string html_page_start(const std::string& title, std::string_view extra_style);

// The footer naming the ehcp version that made the page (none when `version` is empty), the
// bottom marking and the end of the page.
std::string html_page_end(std::string_view version = {});

// A heading and what it heads, kept on one page when they fit.
std::string html_section(const std::string& body);

}  // namespace ehcp::adapters::render::detail
