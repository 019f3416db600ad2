// "Today" is the civil date in London, not in UTC: around midnight in British Summer Time the
// two differ, and a deadline counted from the wrong day is a day out.
#include "cli/time_source.h"

#include <catch2/catch.hpp>

using ehcp::cli::london_date_at;
using ehcp::engine::make_date;
using std::chrono::hours;
using std::chrono::minutes;

namespace {
std::chrono::system_clock::time_point utc(int y, unsigned m, unsigned d, int h, int min) {
  return ehcp::engine::make_date(y, m, d) + hours{h} + minutes{min};
}
}  // namespace

TEST_CASE("at 23:30 UTC in British Summer Time it is already the next day in London") {
  CHECK(london_date_at(utc(2026, 5, 31, 23, 30)) == make_date(2026, 6, 1));
  CHECK(london_date_at(utc(2026, 5, 31, 22, 59)) == make_date(2026, 5, 31));
}

TEST_CASE("in Greenwich Mean Time the London date is the UTC date") {
  CHECK(london_date_at(utc(2026, 12, 31, 23, 59)) == make_date(2026, 12, 31));
  CHECK(london_date_at(utc(2027, 1, 1, 0, 0)) == make_date(2027, 1, 1));
}

TEST_CASE("the London date follows the clock changes of March and October") {
  // BST starts 01:00 UTC on Sun 29 Mar 2026 and ends 01:00 UTC on Sun 25 Oct 2026.
  CHECK(london_date_at(utc(2026, 3, 28, 23, 30)) == make_date(2026, 3, 28));    // still GMT
  CHECK(london_date_at(utc(2026, 3, 29, 23, 30)) == make_date(2026, 3, 30));    // BST
  CHECK(london_date_at(utc(2026, 10, 24, 23, 30)) == make_date(2026, 10, 25));  // BST
  CHECK(london_date_at(utc(2026, 10, 25, 23, 30)) == make_date(2026, 10, 25));  // GMT again
}
