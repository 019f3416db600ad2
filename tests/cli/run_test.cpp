// `ehcp run` through the real binary: it catches up the nights missed since the last one done,
// and it stops cleanly on SIGTERM. The scheduler reads the real clock, so these tests do too:
// "today" is today in London.
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <date/tz.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/time_source.h"
#include "engine/civil_date.h"
#include "tests/cli/sandbox.h"

using ehcp::engine::format_date;
using ehcp::test::Sandbox;
using ehcp::test::slurp;
using namespace std::chrono_literals;

namespace {

// Polls `done` every 50 ms for up to `limit`; whether it became true.
template <typename Predicate>
bool eventually(std::chrono::milliseconds limit, Predicate done) {
  for (auto waited = 0ms; waited < limit; waited += 50ms) {
    if (done()) {
      return true;
    }
    std::this_thread::sleep_for(50ms);
  }
  return done();
}

// The London time twelve hours from now, HH:MM: a nightly time that cannot come during a test.
std::string london_time_in_twelve_hours() {
  const date::zoned_time later{"Europe/London", std::chrono::system_clock::now() + 12h};
  return date::format("%H:%M", date::floor<std::chrono::minutes>(later.get_local_time()));
}

}  // namespace

TEST_CASE("ehcp run --once catches up every night since the last one done, the latest in full") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  const auto today = ehcp::cli::london_today();
  REQUIRE(box.ehcp("nightly --as-of " + format_date(today - date::days{3})).exit_code == 0);

  const auto r = box.ehcp("run --once --at 00:00");
  REQUIRE(r.exit_code == 0);
  // Around midnight the binary's today may be a day later than the test's.
  const auto last = ehcp::cli::london_today();
  INFO(r.err);
  for (auto night = today - date::days{2}; night <= last; night += date::days{1}) {
    const bool latest = night == last;
    CHECK(r.err.find("night " + format_date(night) + (latest ? ":" : " (report only):")) !=
          std::string::npos);
  }
  CHECK(r.err.find("night " + format_date(today - date::days{3})) == std::string::npos);

  SQLite::Database db(box.db(), SQLite::OPEN_READONLY);
  SQLite::Statement runs(db, "SELECT as_of, report FROM nightly_runs ORDER BY as_of");
  auto expected = today - date::days{3};
  while (runs.executeStep()) {
    CHECK(runs.getColumn(0).getString() == format_date(expected));
    CHECK(std::filesystem::exists(runs.getColumn(1).getString()));
    expected += date::days{1};
  }
  CHECK(expected == last + date::days{1});  // the last night done is today

  // Nothing is left to do: a second run is a no-op.
  const auto again = box.ehcp("run --once --at 00:00");
  CHECK(again.exit_code == 0);
  CHECK(again.err.find("nothing to run: the last night done is " + format_date(last)) !=
        std::string::npos);
}

TEST_CASE("ehcp run waits for its time and stops cleanly, exit 0, on SIGTERM") {
  Sandbox box;
  REQUIRE(box.ehcp("init").exit_code == 0);
  const std::string log = box.path("run.log").string();
  const std::string at = london_time_in_twelve_hours();
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (std::freopen(log.c_str(), "w", stderr) == nullptr ||
        std::freopen("/dev/null", "w", stdout) == nullptr) {
      ::_exit(127);
    }
    ::execl(EHCP_BINARY, EHCP_BINARY, "--db", box.db().c_str(), "run", "--at", at.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  bool reaped = false;
  const auto reap = [&] {
    reaped = reaped || ::waitpid(pid, &status, WNOHANG) == pid;
    return reaped;
  };
  const auto logged_waiting = [&] { return slurp(log).find("waiting until") != std::string::npos; };
  eventually(10s, [&] { return reap() || logged_waiting(); });
  INFO(slurp(log));
  REQUIRE_FALSE(reaped);
  CHECK(logged_waiting());
  REQUIRE(::kill(pid, SIGTERM) == 0);
  if (!eventually(5s, reap)) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    FAIL("still running 5 s after SIGTERM");
  }
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(slurp(log).find("SIGTERM received: stopping") != std::string::npos);
}
