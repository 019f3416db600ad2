#include "engine/civil_date.h"

#include <cstdio>

#include <catch2/catch.hpp>

using namespace ehcp::engine;

TEST_CASE("a real date parses and formats back to the same text") {
  for (const char* text : {"2026-01-05", "2024-02-29", "2000-02-29", "1999-12-31"}) {
    INFO(text);
    const auto d = parse_date(text);
    REQUIRE(d.has_value());
    CHECK(format_date(*d) == text);
  }
}

TEST_CASE("dates of any year format as printf's %04d-%02u-%02u wrote them") {
  // Every day from 1 Jan 0 to 31 Dec 10001 (out of the fast path at both ends), and a few
  // years before 0; append_date adds to what is there.
  for (auto d = make_date(-3, 12, 25); d <= make_date(10001, 12, 31); d += date::days{1}) {
    const date::year_month_day ymd{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    REQUIRE(format_date(d) == buf);
  }
  std::string text = "on ";
  append_date(text, make_date(2026, 12, 7));
  CHECK(text == "on 2026-12-07");
}

TEST_CASE("an impossible or ill-shaped date does not parse") {
  for (const char* text :
       {"2026-02-30", "2025-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
        "2026-1-05", "2026/01/05", "26-01-05", "2026-01-05T00", "", "abcd-ef-gh", "2026-01-0x"}) {
    INFO(text);
    CHECK_FALSE(parse_date(text).has_value());
  }
}

TEST_CASE("dates read in sentences with their weekday") {
  CHECK(format_date_long(make_date(2026, 5, 25)) == "Mon 25 May 2026");
  CHECK(format_date_short(make_date(2026, 1, 5)) == "5 Jan");
}
