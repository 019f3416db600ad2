#include "web/pages/timeline_svg.h"

#include <algorithm>
#include <cstdio>

#include "adapters/render/words.h"
#include "engine/clock_status.h"
#include "web/html.h"

namespace ehcp::web::pages {
namespace {

constexpr int kLabelWidth = 330;  // the longest title of a clock, at 13px
constexpr int kPlotWidth = 520;
constexpr int kStatusWidth = 110;
constexpr int kRowHeight = 26;
constexpr int kTop = 34;

// GOV.UK colours with at least 3:1 contrast against white.
const char* colour_of(engine::ClockStatus s) {
  switch (s) {
    case engine::ClockStatus::kMet:
      return "#00703c";
    case engine::ClockStatus::kLate:
      return "#f47738";
    case engine::ClockStatus::kOverdue:
      return "#d4351c";
    case engine::ClockStatus::kOpen:
      return "#1d70b8";
    case engine::ClockStatus::kNotApplicable:
      return "#505a5f";
  }
  return "#505a5f";
}

// "not applicable", not the identifier "not_applicable".
std::string words_of(engine::ClockStatus s) {
  std::string out(engine::to_string(s));
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

}  // namespace

std::string timeline_svg(const std::vector<engine::Clock>& clocks, engine::Date as_of) {
  if (clocks.empty()) {
    return "";
  }
  engine::Date first = as_of;
  engine::Date last = as_of;
  for (const auto& c : clocks) {
    first = std::min(first, c.start);
    last = std::max({last, c.due, c.met_on.value_or(c.start)});
  }
  const double span = std::max(1, static_cast<int>((last - first).count()));
  auto x = [&](engine::Date d) {
    return kLabelWidth + kPlotWidth * static_cast<double>((d - first).count()) / span;
  };
  const int height = kTop + kRowHeight * static_cast<int>(clocks.size()) + 10;
  const int width = kLabelWidth + kPlotWidth + kStatusWidth;
  std::string out =
      "<svg class=\"ehcp-timeline\" role=\"img\" "
      "aria-labelledby=\"timeline-title timeline-desc\" viewBox=\"0 0 " +
      std::to_string(width) + " " + std::to_string(height) +
      "\" width=\"100%\" font-family=\"arial, sans-serif\" font-size=\"13\">"
      "<title id=\"timeline-title\">Timeline of every clock</title>"
      "<desc id=\"timeline-desc\">Each clock from its start (" +
      escape(engine::format_date_long(first)) +
      " at the earliest) to its due date; a dot marks the day it was met; a thin line runs on "
      "from an overdue clock's due date to today; the dashed line is " +
      escape(engine::format_date_long(as_of)) +
      ". The table of clocks gives the same dates.</desc>";
  const auto today_x = number(x(as_of));
  out += "<line x1=\"" + today_x + "\" y1=\"18\" x2=\"" + today_x + "\" y2=\"" +
         std::to_string(height - 4) +
         "\" stroke=\"#0b0c0c\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"
         "<text x=\"" +
         today_x + "\" y=\"13\" text-anchor=\"middle\" fill=\"#0b0c0c\">" +
         escape(engine::format_date(as_of)) + "</text>";
  const auto titles = adapters::render::clock_titles(clocks);
  int row = 0;
  for (const auto& c : clocks) {
    const auto status = c.status_on(as_of);
    const std::string y = std::to_string(kTop + kRowHeight * row + kRowHeight / 2);
    const std::string colour = colour_of(status);
    out += "<text x=\"0\" y=\"" + y + "\" dominant-baseline=\"middle\" fill=\"#0b0c0c\">" +
           escape(titles[static_cast<std::size_t>(row)]) + "</text>";
    out += "<line x1=\"" + number(x(c.start)) + "\" y1=\"" + y + "\" x2=\"" + number(x(c.due)) +
           "\" y2=\"" + y + "\" stroke=\"" + colour + "\" stroke-width=\"6\"" +
           (c.statutory ? "" : " stroke-dasharray=\"8 3\"") + "/>";
    if (status == engine::ClockStatus::kOverdue) {
      // How long it has been overdue: a thin line on from the due date to today's.
      out += "<line x1=\"" + number(x(c.due)) + "\" y1=\"" + y + "\" x2=\"" + today_x + "\" y2=\"" +
             y + "\" stroke=\"" + colour + "\" stroke-width=\"2\"/>";
    }
    if (c.met_on && *c.met_on <= as_of) {
      out += "<circle cx=\"" + number(x(*c.met_on)) + "\" cy=\"" + y + "\" r=\"6\" fill=\"" +
             colour + "\" stroke=\"#0b0c0c\"/>";
    }
    out += "<text x=\"" + std::to_string(kLabelWidth + kPlotWidth + 8) + "\" y=\"" + y +
           "\" dominant-baseline=\"middle\" fill=\"#0b0c0c\">" + escape(words_of(status)) +
           "</text>";
    ++row;
  }
  out += "</svg>";
  return out;
}

}  // namespace ehcp::web::pages
