#include "adapters/render/detail/html_page.h"

#include <cctype>
#include <cstddef>

namespace ehcp::adapters::render::detail {
namespace {

// Inline only: the page must stand alone in an e-mail and print on A4.
constexpr std::string_view kStyle = R"(
@page { size: A4; margin: 16mm 14mm 18mm;
  @top-center { content: "OFFICIAL-SENSITIVE"; font: bold 9pt Arial, sans-serif; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, sans-serif; } }
html { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; color: #0b0c0c; background: #fff; }
body { max-width: 182mm; margin: 0 auto; padding: 8px; line-height: 1.35; }
.marking { text-align: center; font-weight: bold; letter-spacing: 0.1em; border: 2px solid #0b0c0c;
  padding: 2px 0; margin: 0 0 12px; }
h1 { font-size: 19pt; margin: 0 0 4px; }
h2 { font-size: 13pt; margin: 20px 0 6px; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 6px; }
.tiles { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; padding: 0; margin: 0; }
.tile { flex: 1 1 36mm; border: 1px solid #b1b4b6; border-left: 6px solid #505a5f; padding: 6px 8px;
  break-inside: avoid; }
.tile.new, .tile.overdue { border-left-color: #d4351c; }
.tile.soon { border-left-color: #f47738; }
.tile .label, .tile .count, .tile .change { display: block; }
.tile .label { font-weight: bold; }
.tile .count { font-size: 24pt; font-weight: bold; line-height: 1.15; }
.tile .change { font-size: 9pt; }
table { width: 100%; border-collapse: collapse; margin: 0 0 10px; font-size: 9.5pt; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 4px; }
th, td { text-align: left; vertical-align: top; padding: 3px 8px 3px 0; border-bottom: 1px solid #b1b4b6;
  overflow-wrap: anywhere; }
thead th { border-bottom: 2px solid #0b0c0c; overflow-wrap: normal; }
thead { display: table-header-group; }
tfoot th, tfoot td { font-weight: bold; border-top: 2px solid #0b0c0c; border-bottom: 0; }
tr { break-inside: avoid; page-break-inside: avoid; }
.num { text-align: right; font-variant-numeric: tabular-nums; padding-right: 14px; }
td.num, td.date { white-space: nowrap; }
section { break-inside: avoid; page-break-inside: avoid; }
.note { font-size: 9.5pt; border-top: 1px solid #b1b4b6; margin-top: 20px; }
.note ul { padding-left: 18px; }
@media print { body { max-width: none; padding: 0; } }
)";

std::string class_attribute(const std::vector<HtmlColumn>& columns, std::size_t i) {
  const HtmlColumn c = i < columns.size() ? columns[i] : HtmlColumn::kText;
  return c == HtmlColumn::kCount  ? " class=\"num\""
         : c == HtmlColumn::kDate ? " class=\"date\""
                                  : "";
}

std::string html_row(const std::vector<std::string>& cells, const HtmlTable& t) {
  std::string out = "<tr>";
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const bool header = t.row_headers && i == 0;
    out += header ? "<th scope=\"row\"" : "<td";
    out += class_attribute(t.columns, i) + ">";
    out += t.cells_are_html ? cells[i] : escape(cells[i]);
    out += header ? "</th>" : "</td>";
  }
  return out + "</tr>\n";
}

}  // namespace

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string capitalised(std::string s) {
  if (!s.empty()) {
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  }
  return s;
}

std::string html_table(const HtmlTable& t) {
  std::string out = "<table>\n<caption>" + escape(t.caption) + "</caption>\n<thead><tr>";
  for (std::size_t i = 0; i < t.table.headers.size(); ++i) {
    out += "<th scope=\"col\"" + class_attribute(t.columns, i) + ">" +
           escape(capitalised(t.table.headers[i])) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.table.rows) {
    out += html_row(row, t);
  }
  out += "</tbody>\n";
  if (!t.footer.empty()) {
    out += "<tfoot>\n" + html_row(t.footer, t) + "</tfoot>\n";
  }
  return out + "</table>\n";
}

std::string html_page_start(const std::string& title, std::string_view extra_style) {
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         escape(title) + "</title>\n<style>" + std::string(kStyle) + std::string(extra_style) +
         "</style>\n</head>\n<body>\n<header><p class=\"marking\">" + std::string(kMarking) +
         "</p></header>\n<main>\n";
}

std::string html_page_end(std::string_view version) {
  // The content is the page's one <main> landmark; the markings are in its header and footer,
  // so that everything on the page sits in a landmark.
  std::string out = "</main>\n<footer>";
  if (!version.empty()) {
    out += "<p>Made by ehcp " + escape(version) + "</p>\n";
  }
  return out + "<p class=\"marking\">" + std::string(kMarking) +
         "</p></footer>\n</body>\n</html>\n";
}

std::string html_section(const std::string& body) { return "<section>\n" + body + "</section>\n"; }

}  // namespace ehcp::adapters::render::detail
