// `ehcp run`: the long-running nightly scheduler. It catches up the nights missed while it was
// not running, then sleeps until each night's London wall-clock time and runs it, until SIGTERM
// or SIGINT. `--once` catches up and exits, for cron-style use. Logs go to stderr (spdlog).
#include <algorithm>
#include <chrono>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/system_timer.hpp>
#include <date/tz.h>
#include <signal.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include "cli/commands.h"
#include "cli/nightly.h"
#include "cli/nightly_schedule.h"
#include "cli/time_source.h"

namespace ehcp::cli {
namespace {

struct RunArgs {
  std::string at;  // HH:MM; empty: the LA configuration's nightly.at
  NightlyPaths paths;
  int max_catch_up = 31;
  bool once = false;
};

// "2026-05-27 02:00 BST": a scheduled instant as London reads it.
std::string london_wall_clock(std::chrono::sys_seconds t) {
  return date::format("%F %R %Z", date::zoned_seconds{"Europe/London", t});
}

// While alive, SIGTERM and SIGINT stay pending instead of being delivered. Asio installs its
// handler without SA_RESTART, so a signal delivered mid-night would fail a blocking call (a
// socket, a pipe) with EINTR; held, it reaches the signal_set once the night is over.
class StopSignalsHeld {
 public:
  StopSignalsHeld() {
    sigemptyset(&stop_);
    sigaddset(&stop_, SIGTERM);
    sigaddset(&stop_, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_, &previous_);
  }
  ~StopSignalsHeld() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
  StopSignalsHeld(const StopSignalsHeld&) = delete;
  StopSignalsHeld& operator=(const StopSignalsHeld&) = delete;

  // Whether a stop signal has arrived since the hold began (or was already pending).
  bool stop_requested() const {
    sigset_t pending;
    sigpending(&pending);
    return sigismember(&pending, SIGTERM) == 1 || sigismember(&pending, SIGINT) == 1;
  }

 private:
  sigset_t stop_;
  sigset_t previous_;
};

// One scheduler on one io_context, all on the calling thread: a night runs synchronously inside
// a handler, so a signal is handled only once the night is over.
class Scheduler {
 public:
  Scheduler(const Context& context, const RunArgs& args, adapters::config::TimeOfDay at,
            NightlyPaths paths, spdlog::logger& log)
      : context_(context), args_(args), at_(at), paths_(std::move(paths)), log_(log) {}

  // Catches up; with --once returns then (the first failed night's status, if any), else runs
  // each night at its time until SIGTERM or SIGINT and returns ok.
  engine::Status run() {
    const Wake first = wake_up();
    if (first.stop_requested) {
      log_.info("a stop signal arrived during the catch-up: stopping");
      return {};
    }
    if (args_.once) {
      return first.failure;
    }
    signals_.async_wait([this](const boost::system::error_code& ec, int signal_number) {
      if (!ec) {
        log_.info("{} received: stopping", signal_number == SIGTERM ? "SIGTERM" : "SIGINT");
        stop();
      }
    });
    arm();
    io_.run();
    return {};
  }

 private:
  struct Wake {
    engine::Status failure;  // the first night that failed; later nights were not run
    bool stop_requested = false;
  };

  // Runs every night due and not yet done, re-reading the last night done so that a manual
  // `ehcp nightly` or a second scheduler is not doubled. Missed nights but the last get their
  // report only; the last gets the full run, whose tick records the overtaken rungs as skipped
  // rather than sending a week of stale messages. Stops at the first failure, since the last
  // night done is a high-water mark: that night and the ones after it are retried next time.
  Wake wake_up() {
    const StopSignalsHeld held;
    const auto now = now_to_the_second();
    const auto last = last_nightly(context_);
    if (!last.ok()) {
      log_.error("cannot read the last night done: {}{}", last.status().message(), retry_note());
      return {last.status()};
    }
    const auto nights = nights_to_run(last.value(), now, at_.hour, at_.minute, args_.max_catch_up);
    if (nights.empty()) {  // only once some night is done: a fresh install has one to run
      log_.info("nothing to run: the last night done is {}", engine::format_date(*last.value()));
      return {};
    }
    if (last.value() && nights.front() - *last.value() > date::days{1}) {
      log_.warn("{} missed night(s), {} to {}, are beyond --max-catch-up {} and will not be run",
                (nights.front() - *last.value()).count() - 1,
                engine::format_date(*last.value() + date::days{1}),
                engine::format_date(nights.front() - date::days{1}), args_.max_catch_up);
    }
    for (std::size_t i = 0; i < nights.size(); ++i) {
      if (held.stop_requested()) {
        return {{}, true};
      }
      const bool latest = i + 1 == nights.size();
      const auto steps = latest ? NightlySteps::kAll : NightlySteps::kReportOnly;
      const auto outcome = run_nightly(context_, nights[i], paths_, steps);
      const std::string night =
          "night " + engine::format_date(nights[i]) + (latest ? "" : " (report only)");
      if (!outcome.ok()) {
        log_.error("{} failed: {}{}", night, outcome.status().message(), retry_note());
        return {outcome.status()};
      }
      const auto& o = outcome.value();
      log_.info("{}: {} fired, {} skipped, {} message(s), {} delivered, report {}", night, o.fired,
                o.skipped, o.messages, o.delivered, o.report_path);
    }
    return {{}, held.stop_requested()};
  }

  const char* retry_note() const { return args_.once ? "" : "; will retry at the next wake-up"; }

  void arm() {
    const auto now = now_to_the_second();
    next_run_ = next_run_after(now, at_.hour, at_.minute);
    log_.info("waiting until {} ({}) to run the night of {}", london_wall_clock(next_run_),
              date::format("%FT%TZ", next_run_), engine::format_date(london_date_at(next_run_)));
    sleep_towards_next_run(now);
  }

  // The timer is a system_timer, but once armed Asio measures the wait on the monotonic clock,
  // which stops while the machine is suspended and ignores steps of the system clock (Boost 1.74
  // happens to re-check every 5 minutes; that is not documented). So no single wait is longer
  // than kLongestSleep; each wake-up re-reads the system time and re-computes the next run, which
  // also follows a clock stepped back. A night is then at most kLongestSleep late after a resume
  // or a clock step, for one cheap wake-up a minute.
  void sleep_towards_next_run(std::chrono::sys_seconds now) {
    timer_.expires_at(std::min(next_run_, now + kLongestSleep));
    timer_.async_wait([this](const boost::system::error_code& ec) {
      if (!ec && !stopping_) {
        on_timer();
      }
    });
  }

  void on_timer() {
    const auto now = now_to_the_second();
    if (now < next_run_) {
      next_run_ = next_run_after(now, at_.hour, at_.minute);
      sleep_towards_next_run(now);
      return;
    }
    if (wake_up().stop_requested) {
      log_.info("a stop signal arrived during the night: stopping");
      stop();
      return;
    }
    arm();
  }

  void stop() {
    stopping_ = true;
    timer_.cancel();
    signals_.cancel();
  }

  static constexpr std::chrono::seconds kLongestSleep{60};

  const Context& context_;
  const RunArgs& args_;
  const adapters::config::TimeOfDay at_;
  const NightlyPaths paths_;
  spdlog::logger& log_;
  boost::asio::io_context io_;
  boost::asio::system_timer timer_{io_};
  // Installed at construction, before the first night: from then on a stop signal is queued
  // for the io thread instead of killing the process.
  boost::asio::signal_set signals_{io_, SIGTERM, SIGINT};
  std::chrono::sys_seconds next_run_{};
  bool stopping_ = false;
};

engine::Status run_run(const Context& context, const RunArgs& args) {
  if (!context.as_of_text.empty()) {
    return engine::Status::usage(
        "run acts on the clock and takes no --as-of; for one night use `ehcp nightly --as-of`");
  }
  const auto config = context.la_config();
  if (!config.ok()) {
    return config.status();
  }
  adapters::config::TimeOfDay at{config.value().nightly.hour, config.value().nightly.minute};
  if (!args.at.empty()) {
    const auto parsed = adapters::config::parse_time_of_day(args.at);
    if (!parsed) {
      return engine::Status::usage("--at: '" + args.at + "' is not a London time HH:MM");
    }
    at = *parsed;
  }
  const auto paths = nightly_paths(context, args.paths);
  if (!paths.ok()) {
    return paths.status();
  }
  // The one failure that ends the scheduler: a database it cannot open at start.
  if (auto db = context.open_database(Access::kWrite); !db.ok()) {
    return db.status();
  }

  spdlog::logger log("ehcp run", std::make_shared<spdlog::sinks::stderr_color_sink_st>());
  log.set_pattern("%Y-%m-%dT%H:%M:%SZ %n: %l: %v", spdlog::pattern_time_type::utc);
  log.info("database {}; nightly at {:02}:{:02} London; reports to {}, outbox {}; {}",
           context.db_path, at.hour, at.minute, paths.value().reports_dir, paths.value().outbox_dir,
           args.once ? "catching up, then exiting (--once)"
                     : "catching up at most " + std::to_string(args.max_catch_up) +
                           " missed night(s), then running each night until SIGTERM");
  Scheduler scheduler(context, args, at, paths.value(), log);
  return scheduler.run();
}

}  // namespace

void add_run_command(CLI::App& app, Context& context, Run& run) {
  auto* cmd = app.add_subcommand(
      "run", "Run the nightly escalations, report and delivery every night at a London time");
  auto args = std::make_shared<RunArgs>();
  cmd->add_option("--at", args->at,
                  "London time HH:MM (default: the configuration's nightly.at, else 02:00)");
  cmd->add_option("--reports", args->paths.reports_dir,
                  "Report folder (default: nightly.reports_dir, else beside the database)");
  cmd->add_option("--outbox", args->paths.outbox_dir,
                  "Outbox folder (default: nightly.outbox_dir, else beside the database)");
  cmd->add_option("--max-catch-up", args->max_catch_up,
                  "Most missed nights to catch up, the latest ones (default: 31)")
      ->check(CLI::Range(1, std::numeric_limits<int>::max()));
  cmd->add_flag("--once", args->once,
                "Catch up the missed nights, then exit (for cron or a systemd timer)");
  cmd->callback(
      [&context, &run, args] { run = [&context, args] { return run_run(context, *args); }; });
}

}  // namespace ehcp::cli
