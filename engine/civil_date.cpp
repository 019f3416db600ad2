#include "engine/civil_date.h"

#include <array>
#include <cstdio>

namespace ehcp::engine {
namespace {

constexpr std::array<const char*, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) {
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const auto y = text.substr(0, 4);
  const auto m = text.substr(5, 2);
  const auto d = text.substr(8, 2);
  if (!digits(y) || !digits(m) || !digits(d)) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{to_int(y)},
                                 date::month{static_cast<unsigned>(to_int(m))},
                                 date::day{static_cast<unsigned>(to_int(d))}};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  return Date{ymd};
}

void append_date(std::string& out, Date d) {
  const date::year_month_day ymd{d};
  const int year = static_cast<int>(ymd.year());
  const auto month = static_cast<unsigned>(ymd.month());
  const auto day = static_cast<unsigned>(ymd.day());
  if (year < 0 || year > 9999) {  // written as printf's %04d writes it: rare, never hot
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, month, day);
    out += buf;
    return;
  }
  // By hand: snprintf was a hot spot of re-deriving, where every clock's basis has a date.
  const char text[10] = {static_cast<char>('0' + year / 1000),
                         static_cast<char>('0' + year / 100 % 10),
                         static_cast<char>('0' + year / 10 % 10),
                         static_cast<char>('0' + year % 10),
                         '-',
                         static_cast<char>('0' + month / 10),
                         static_cast<char>('0' + month % 10),
                         '-',
                         static_cast<char>('0' + day / 10),
                         static_cast<char>('0' + day % 10)};
  out.append(text, sizeof text);
}

std::string format_date(Date d) {
  std::string out;
  append_date(out, d);
  return out;
}

std::string format_date_long(Date d) {
  const date::year_month_day ymd{d};
  const date::weekday wd{d};
  return std::string(kWeekdays[wd.c_encoding()]) + " " +
         std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         kMonths[static_cast<unsigned>(ymd.month()) - 1] + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

std::string format_date_short(Date d) {
  const date::year_month_day ymd{d};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         kMonths[static_cast<unsigned>(ymd.month()) - 1];
}

std::string format_date_words(Date d) {
  const date::year_month_day ymd{d};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " + format_month_words(d);
}

std::string format_month_words(Date d) {
  const date::year_month_day ymd{d};
  return std::string(kMonthNames[static_cast<unsigned>(ymd.month()) - 1]) + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

}  // namespace ehcp::engine
