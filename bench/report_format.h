// bench/report_format.h
//
// How the benchmarks print numbers in their reports: fixed decimals and thousands separators.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>

namespace ehcp::bench {

inline std::string fixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

// 1234567 -> "1,234,567".
inline std::string grouped(double value) {
  // Built forwards: std::string::insert trips GCC 12's -Wrestrict false positive at -O3.
  const std::string digits = std::to_string(static_cast<long long>(std::llround(value)));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return out;
}

}  // namespace ehcp::bench
