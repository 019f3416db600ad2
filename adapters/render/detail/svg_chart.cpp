#include "adapters/render/detail/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "adapters/render/detail/html_page.h"

namespace ehcp::adapters::render::detail {
namespace {

// The drawing area, in the viewBox's units; the page scales it to its width.
constexpr double kWidth = 640;
constexpr double kLineHeight = 230;
constexpr double kLeft = 44;
constexpr double kRight = 12;
constexpr double kLegendLine = 15;  // one legend line per series, under the plot
constexpr double kTop = 12;
constexpr double kBottom = 28;
constexpr double kBarHeight = 18;
constexpr double kBarGap = 8;
constexpr double kBarLabel = 170;
constexpr double kBarValue = 70;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// "25", "7.5", "0.05": a tick's value as short as it is exact (ticks are round).
std::string tick(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string open_svg(const std::string& id, const std::string& title,
                     const std::string& description, double height) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(kWidth) + " " +
         num(height) + "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id +
         "-desc\" class=\"chart\">\n<title id=\"" + id + "-title\">" + escape(title) +
         "</title>\n<desc id=\"" + id + "-desc\">" + escape(description) + "</desc>\n";
}

std::string text(double x, double y, const std::string& s, const char* anchor,
                 const std::string& extra = "") {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\"" + extra +
         ">" + escape(s) + "</text>\n";
}

}  // namespace

int AxisScale::steps() const { return static_cast<int>(std::lround(max / step)); }

AxisScale round_axis(double largest, int max_steps) {
  const double top = largest > 0 ? largest : 1;
  const double rough = top / std::max(1, max_steps);
  const double power = std::pow(10.0, std::floor(std::log10(rough)));
  double step = 10 * power;
  for (const double m : {1.0, 2.0, 5.0}) {
    if (m * power >= rough * (1 - 1e-9)) {
      step = m * power;
      break;
    }
  }
  // The small tolerance keeps a largest value that is itself a tick (100) from adding a step.
  return {std::ceil(top / step - 1e-9) * step, step};
}

std::string svg_line_chart(const LineChart& c) {
  const double plot_w = kWidth - kLeft - kRight;
  const double plot_h = kLineHeight - kTop - kBottom;
  const double height = kLineHeight + kLegendLine * static_cast<double>(c.series.size() + 1);
  const AxisScale axis = round_axis(c.y_max);
  const double y_max = axis.max;
  const std::size_t n = c.x_labels.size();
  const auto x_at = [&](std::size_t i) {
    return kLeft + (n <= 1 ? plot_w / 2 : plot_w * static_cast<double>(i) / (n - 1));
  };
  const auto y_at = [&](double v) { return kTop + plot_h * (1 - std::clamp(v / y_max, 0.0, 1.0)); };

  std::string out = open_svg(c.id, c.title, c.description, height);
  out += "<g class=\"axes\" aria-hidden=\"true\">\n";
  for (int t = 0; t <= axis.steps(); ++t) {
    const double v = axis.step * t;
    const double y = y_at(v);
    out += "<line x1=\"" + num(kLeft) + "\" x2=\"" + num(kLeft + plot_w) + "\" y1=\"" + num(y) +
           "\" y2=\"" + num(y) + "\" stroke=\"#b1b4b6\" stroke-width=\"0.5\"/>\n";
    out += text(kLeft - 4, y + 4, tick(v) + c.y_suffix, "end");
  }
  for (std::size_t i = 0; i < n; ++i) {
    // The first and last labels are held inside the drawing, so neither is cut at its edge.
    const char* anchor = n > 1 && i == 0 ? "start" : (n > 1 && i + 1 == n ? "end" : "middle");
    out += text(x_at(i), kLineHeight - 10, c.x_labels[i], anchor);
  }
  out += "</g>\n";
  for (const auto& s : c.series) {
    // One polyline per unbroken run of months, so a month without a figure leaves a gap.
    std::string points;
    const auto flush = [&]() {
      if (!points.empty()) {
        out += "<polyline fill=\"none\" stroke=\"" + s.colour + "\" stroke-width=\"2\"" +
               (s.dashed ? " stroke-dasharray=\"6 4\"" : "") + " points=\"" + points + "\"/>\n";
        points.clear();
      }
    };
    for (std::size_t i = 0; i < s.values.size() && i < n; ++i) {
      if (!s.values[i]) {
        flush();
        continue;
      }
      points += (points.empty() ? "" : " ") + num(x_at(i)) + "," + num(y_at(*s.values[i]));
      if (!s.dashed) {
        out += "<circle cx=\"" + num(x_at(i)) + "\" cy=\"" + num(y_at(*s.values[i])) +
               "\" r=\"2.5\" fill=\"" + s.colour + "\"/>\n";
      }
    }
    flush();
  }
  // The legend: a sample of each line (the target dashed) and its name, so no line is known
  // by its colour alone.
  double y = kLineHeight + kLegendLine;
  for (const auto& s : c.series) {
    out += "<line x1=\"" + num(kLeft) + "\" x2=\"" + num(kLeft + 24) + "\" y1=\"" + num(y - 4) +
           "\" y2=\"" + num(y - 4) + "\" stroke=\"" + s.colour + "\" stroke-width=\"2\"" +
           (s.dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>\n";
    out += text(kLeft + 30, y, s.name, "start");
    y += kLegendLine;
  }
  return out + "</svg>\n";
}

std::string svg_bar_chart(const BarChart& c) {
  const double height = kTop + (kBarHeight + kBarGap) * static_cast<double>(c.bars.size()) + 4;
  const double plot_w = kWidth - kBarLabel - kBarValue;
  const double max = c.max > 0 ? c.max : 1;
  std::string out = open_svg(c.id, c.title, c.description, height);
  double y = kTop;
  for (const auto& b : c.bars) {
    out += text(kBarLabel - 6, y + kBarHeight - 5, b.label, "end");
    const double w = b.value ? plot_w * std::clamp(*b.value / max, 0.0, 1.0) : 0;
    out += "<rect x=\"" + num(kBarLabel) + "\" y=\"" + num(y) + "\" width=\"" + num(w) +
           "\" height=\"" + num(kBarHeight) + "\" fill=\"" + b.colour + "\"/>\n";
    out += "<rect x=\"" + num(kBarLabel) + "\" y=\"" + num(y) + "\" width=\"" + num(plot_w) +
           "\" height=\"" + num(kBarHeight) + "\" fill=\"none\" stroke=\"#b1b4b6\"/>\n";
    if (b.target) {
      const double tx = kBarLabel + plot_w * std::clamp(*b.target / max, 0.0, 1.0);
      out += "<line x1=\"" + num(tx) + "\" x2=\"" + num(tx) + "\" y1=\"" + num(y - 3) + "\" y2=\"" +
             num(y + kBarHeight + 3) +
             "\" stroke=\"#0b0c0c\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>\n";
    }
    out += text(kBarLabel + plot_w + 6, y + kBarHeight - 5, b.value_text, "start");
    y += kBarHeight + kBarGap;
  }
  return out + "</svg>\n";
}

}  // namespace ehcp::adapters::render::detail
