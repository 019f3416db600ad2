// ehcp: the command line. Parses arguments, reads "today" once, wires adapters to the engine,
// and maps the outcome to the contract's exit codes (0 ok, 1 usage, 2 rejected input, 3 other,
// also for an exception nothing below caught).
#include <cstdlib>
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>
#include <sys/stat.h>

#include "cli/commands.h"
#include "ehcp/version.h"

namespace {

int run_ehcp(int argc, char** argv) {
  // Everything ehcp creates (the database and its -wal/-shm, exports, reports, the outbox) is
  // about children: private to the service's user whatever umask it was started with.
  ::umask(077);
  ehcp::cli::Context context;
  if (const char* env = std::getenv("EHCP_DB"); env != nullptr && *env != '\0') {
    context.db_path = env;
  }
  if (const char* env = std::getenv("EHCP_CONFIG"); env != nullptr && *env != '\0') {
    context.config_path = env;
  }
  CLI::App app{"ehcp: statutory clocks for EHC needs assessments and plans"};
  app.require_subcommand(1);
  app.fallthrough();
  app.set_version_flag("--version", std::string("ehcp ") + ehcp::kVersion,
                       "Print the version and exit");
  app.add_option("--db", context.db_path, "SQLite database (default: $EHCP_DB, else ./ehcp.db)");
  app.add_option("--format", context.format_name,
                 "Output format: table, json or csv; html for reports")
      ->check(CLI::IsMember({"table", "json", "csv", "html"}));
  app.add_option("--config", context.config_path,
                 "LA configuration file: calendar, closures (default: $EHCP_CONFIG)");
  app.add_option("--as-of", context.as_of_text, "The date to act as of (default: today in London)");
  app.add_option("--wait", context.wait_seconds,
                 "Seconds a command that writes waits for another writer to finish (default: 60)")
      ->check(CLI::Range(0, 86'400));
  app.add_flag("--quiet", context.quiet,
               "No progress line on long commands (there is none unless stderr is a terminal)");

  ehcp::cli::Run run;
  ehcp::cli::add_init_command(app, context, run);
  ehcp::cli::add_import_command(app, context, run);
  ehcp::cli::add_export_command(app, context, run);
  ehcp::cli::add_case_commands(app, context, run);
  ehcp::cli::add_calendar_command(app, context, run);
  ehcp::cli::add_tick_command(app, context, run);
  ehcp::cli::add_queue_command(app, context, run);
  ehcp::cli::add_escalations_command(app, context, run);
  ehcp::cli::add_nightly_command(app, context, run);
  ehcp::cli::add_report_commands(app, context, run);
  ehcp::cli::add_outbox_commands(app, context, run);
  ehcp::cli::add_run_command(app, context, run);
  ehcp::cli::add_generate_command(app, context, run);
  ehcp::cli::add_demo_command(app, context, run);
  ehcp::cli::add_rederive_command(app, context, run);
  ehcp::cli::add_backup_commands(app, context, run);
  ehcp::cli::add_help_commands(app, context, run);
  ehcp::cli::add_check_command(app, context, run);
  ehcp::cli::add_serve_command(app, context, run);
  ehcp::cli::add_user_commands(app, context, run);
  ehcp::cli::add_audit_command(app, context, run);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 1;
  }
  using ehcp::cli::explain_lock_wait;
  ehcp::engine::Status status = ehcp::engine::Status::usage("no command");
  if (context.format() == ehcp::cli::Format::kHtml && !context.html_allowed) {
    status = ehcp::engine::Status::usage("--format html is only for `ehcp report`");
  } else if (run) {
    status = explain_lock_wait(run(), context);
  }
  if (!status.ok()) {
    std::cerr << "ehcp: " << status.message() << "\n";
  }
  return ehcp::cli::exit_code_for(status);
}

}  // namespace

// The last resort: an exception that some adapter failed to turn into a Status still ends in a
// message and the contract's exit code 3 ("anything else"), never in std::terminate's abort.
int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  try {
    return run_ehcp(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "ehcp: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "ehcp: internal error: an unknown exception\n";
  }
  return ehcp::cli::exit_code_for(ehcp::engine::Status::internal(""));
}
