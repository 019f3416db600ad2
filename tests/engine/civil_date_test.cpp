#include "engine/civil_date.h"

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
