// When `ehcp run` wakes and which nights it runs: 02:00 in London is 02:00 UTC in winter and
// 01:00 UTC in summer; on the two changeover Sundays a time in the missing hour runs when the gap
// ends and a time in the repeated hour runs once. BST 2026: 01:00 UTC Sun 29 Mar to 01:00 UTC
// Sun 25 Oct.
#include "cli/nightly_schedule.h"

#include <catch2/catch.hpp>

using ehcp::cli::next_run_after;
using ehcp::cli::nights_to_run;
using ehcp::cli::scheduled_instant;
using ehcp::engine::Date;
using ehcp::engine::make_date;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::sys_seconds;

namespace {

sys_seconds utc(int y, unsigned m, unsigned d, int h, int min) {
  return sys_seconds{make_date(y, m, d)} + hours{h} + minutes{min};
}

std::vector<Date> dates(std::initializer_list<Date> list) { return list; }

}  // namespace

TEST_CASE("in winter the run at 02:00 London is at 02:00 UTC") {
  CHECK(next_run_after(utc(2026, 1, 14, 12, 0), 2, 0) == utc(2026, 1, 15, 2, 0));
  CHECK(next_run_after(utc(2026, 1, 14, 1, 59), 2, 0) == utc(2026, 1, 14, 2, 0));
}

TEST_CASE("in summer the run at 02:00 London is at 01:00 UTC") {
  CHECK(next_run_after(utc(2026, 7, 14, 12, 0), 2, 0) == utc(2026, 7, 15, 1, 0));
  CHECK(next_run_after(utc(2026, 7, 14, 0, 59), 2, 0) == utc(2026, 7, 14, 1, 0));
}

TEST_CASE("on the spring-forward day 02:00 London is 01:00 UTC, the first instant of BST") {
  // Saturday noon: the next run is Sunday's, at the end of the gap.
  CHECK(next_run_after(utc(2026, 3, 28, 12, 0), 2, 0) == utc(2026, 3, 29, 1, 0));
  // Monday's is an ordinary BST night.
  CHECK(next_run_after(utc(2026, 3, 29, 1, 0), 2, 0) == utc(2026, 3, 30, 1, 0));
}

TEST_CASE("on the spring-forward day 01:30 London does not exist and runs when the gap ends") {
  CHECK(scheduled_instant(make_date(2026, 3, 29), 1, 30) == utc(2026, 3, 29, 1, 0));
  CHECK(next_run_after(utc(2026, 3, 28, 12, 0), 1, 30) == utc(2026, 3, 29, 1, 0));
  // The day before is GMT and the day after BST, so 01:30 is 01:30 and 00:30 UTC.
  CHECK(next_run_after(utc(2026, 3, 27, 12, 0), 1, 30) == utc(2026, 3, 28, 1, 30));
  CHECK(next_run_after(utc(2026, 3, 29, 1, 0), 1, 30) == utc(2026, 3, 30, 0, 30));
}

TEST_CASE("on the fall-back day 02:00 London is 02:00 GMT, after the repeated hour") {
  CHECK(next_run_after(utc(2026, 10, 24, 12, 0), 2, 0) == utc(2026, 10, 25, 2, 0));
  CHECK(next_run_after(utc(2026, 10, 25, 2, 0), 2, 0) == utc(2026, 10, 26, 2, 0));
}

TEST_CASE("on the fall-back day 01:30 London happens twice and runs once, at the BST one") {
  // 01:30 BST is 00:30 UTC; 01:30 GMT, an hour later, is 01:30 UTC.
  CHECK(next_run_after(utc(2026, 10, 24, 12, 0), 1, 30) == utc(2026, 10, 25, 0, 30));
  // After the first 01:30, the next run is Monday's, not the second 01:30 of Sunday.
  CHECK(next_run_after(utc(2026, 10, 25, 0, 30), 1, 30) == utc(2026, 10, 26, 1, 30));
  CHECK(next_run_after(utc(2026, 10, 25, 1, 0), 1, 30) == utc(2026, 10, 26, 1, 30));
}

TEST_CASE("at exactly the scheduled instant the next run is the next day's") {
  CHECK(next_run_after(utc(2026, 1, 14, 2, 0), 2, 0) == utc(2026, 1, 15, 2, 0));
  CHECK(next_run_after(utc(2026, 1, 14, 2, 0) - std::chrono::seconds{1}, 2, 0) ==
        utc(2026, 1, 14, 2, 0));
}

TEST_CASE("around midnight UTC in summer the London day is already the next one") {
  // 23:30 UTC on 31 May is 00:30 BST on 1 June: a run at 00:15 London is 23:15 UTC on 1 June.
  CHECK(next_run_after(utc(2026, 5, 31, 23, 30), 0, 15) == utc(2026, 6, 1, 23, 15));
  // A run at 00:45 London is still to come tonight: 23:45 UTC on 31 May.
  CHECK(next_run_after(utc(2026, 5, 31, 23, 30), 0, 45) == utc(2026, 5, 31, 23, 45));
  // A run at 23:30 London is 22:30 UTC.
  CHECK(next_run_after(utc(2026, 5, 31, 22, 0), 23, 30) == utc(2026, 5, 31, 22, 30));
  // In winter midnight London is midnight UTC.
  CHECK(next_run_after(utc(2026, 12, 31, 23, 59), 0, 0) == utc(2027, 1, 1, 0, 0));
}

TEST_CASE("a night is the London date of its run, even when that is the next UTC day") {
  // 00:30 BST on 1 June is 23:30 UTC on 31 May: the night of 1 June.
  CHECK(nights_to_run(std::nullopt, utc(2026, 5, 31, 23, 30), 0, 30, 31) ==
        dates({make_date(2026, 6, 1)}));
}

TEST_CASE("a fresh install runs only the latest night whose time has come") {
  CHECK(nights_to_run(std::nullopt, utc(2026, 1, 14, 12, 0), 2, 0, 31) ==
        dates({make_date(2026, 1, 14)}));
}

TEST_CASE("three missed nights are run oldest first") {
  CHECK(nights_to_run(make_date(2026, 1, 10), utc(2026, 1, 13, 2, 0), 2, 0, 31) ==
        dates({make_date(2026, 1, 11), make_date(2026, 1, 12), make_date(2026, 1, 13)}));
}

TEST_CASE("a long outage runs only the most recent max_catch_up nights") {
  CHECK(nights_to_run(make_date(2026, 1, 1), utc(2026, 1, 14, 12, 0), 2, 0, 3) ==
        dates({make_date(2026, 1, 12), make_date(2026, 1, 13), make_date(2026, 1, 14)}));
  CHECK(nights_to_run(make_date(2026, 1, 1), utc(2026, 1, 14, 12, 0), 2, 0, 1) ==
        dates({make_date(2026, 1, 14)}));
  // Exactly the cap: nothing dropped.
  CHECK(nights_to_run(make_date(2026, 1, 11), utc(2026, 1, 14, 12, 0), 2, 0, 3).size() == 3);
}

TEST_CASE("tonight is not run before its time has come") {
  CHECK(nights_to_run(make_date(2026, 1, 12), utc(2026, 1, 14, 1, 59), 2, 0, 31) ==
        dates({make_date(2026, 1, 13)}));
  CHECK(nights_to_run(std::nullopt, utc(2026, 1, 14, 1, 59), 2, 0, 31) ==
        dates({make_date(2026, 1, 13)}));
}

TEST_CASE("a night already done, or done ahead by hand, is not run again") {
  CHECK(nights_to_run(make_date(2026, 1, 14), utc(2026, 1, 14, 12, 0), 2, 0, 31).empty());
  CHECK(nights_to_run(make_date(2026, 1, 20), utc(2026, 1, 14, 12, 0), 2, 0, 31).empty());
}
