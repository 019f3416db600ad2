#include "adapters/render/progress_line.h"

#include <cmath>

namespace ehcp::adapters::render {
namespace {

// Under this long, a rate is mostly start-up noise.
constexpr double kSteadySeconds = 1.0;

std::string duration_words(double seconds) {
  const auto s = static_cast<std::uint64_t>(std::llround(seconds));
  if (s < 60) {
    return std::to_string(s) + " s";
  }
  if (s < 3600) {
    return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
  }
  return std::to_string(s / 3600) + " h " + std::to_string((s % 3600) / 60) + " min";
}

}  // namespace

std::string with_thousands(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return out;
}

std::string progress_line(std::string_view command, std::string_view stage, std::string_view unit,
                          std::uint64_t done, std::uint64_t total, double seconds) {
  std::string line = std::string(command) + ": " + std::string(stage);
  if (unit.empty()) {
    return line + "...";
  }
  line += " " + with_thousands(done);
  const bool known = total >= done && total > 0;
  if (known) {
    line += " of about " + with_thousands(total);
  }
  line += " " + std::string(unit);
  if (known) {
    line += " (" + std::to_string(done * 100 / total) + "%)";
  }
  if (seconds >= kSteadySeconds && done > 0) {
    const double rate = static_cast<double>(done) / seconds;
    line += ", " + with_thousands(static_cast<std::uint64_t>(rate)) + " a second";
    if (known) {
      line += ", about " + duration_words(static_cast<double>(total - done) / rate) + " left";
    }
  }
  return line;
}

}  // namespace ehcp::adapters::render
