// adapters/render/detail/svg_chart.h
//
// Inline SVG charts for the board pack: a line chart of monthly values against a target
// trajectory, and horizontal bars. Each chart is an <svg role="img"> named by its <title> and
// described by its <desc> (the text alternative a screen reader reads), and draws nothing that
// rests on colour alone: lines carry their names, the target is dashed, values are written
// beside bars. No scripts, no fonts or images from elsewhere. Only the renderers include this.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ehcp::adapters::render::detail {

struct ChartSeries {
  std::string name;
  std::vector<std::optional<double>> values;  // one per x label; nullopt: no point (a gap)
  std::string colour;                         // "#1d70b8"
  bool dashed = false;                        // the target trajectory
};

struct LineChart {
  std::string id;  // unique in the page: names the title and desc elements
  std::string title;
  std::string description;
  std::vector<std::string> x_labels;  // "Apr 25"
  std::vector<ChartSeries> series;
  double y_max = 100;  // the largest value to show; the axis runs to the round tick above it
  std::string y_suffix = "%";
};

struct ChartBar {
  std::string label;
  std::optional<double> value;   // nullopt: no bar (withheld or no cases)
  std::string value_text;        // written beside the bar: "61.2%", "c"
  std::optional<double> target;  // a tick across the bar
  std::string colour;
};

struct BarChart {
  std::string id;
  std::string title;
  std::string description;
  std::vector<ChartBar> bars;
  double max = 100;
};

// A value axis a reader can read: from 0 in equal steps of 1, 2 or 5 times a power of ten
// (never 75.6, 151.2, 226.9), up to the first step at or above `largest`, in at most
// `max_steps` steps. A `largest` of 0 or less is taken as 1.
struct AxisScale {
  double max = 1;
  double step = 1;
  int steps() const;
};
AxisScale round_axis(double largest, int max_steps = 5);

std::string svg_line_chart(const LineChart& chart);
std::string svg_bar_chart(const BarChart& chart);

}  // namespace ehcp::adapters::render::detail
