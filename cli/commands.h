// cli/commands.h
//
// Each command registers itself on the CLI11 app and leaves, in `run`, what to do once the
// arguments are parsed. One file per command (cli/<name>_command.cpp).
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace ehcp::cli {

using Run = std::function<engine::Status()>;

void add_init_command(CLI::App& app, Context& context, Run& run);
void add_import_command(CLI::App& app, Context& context, Run& run);
void add_export_command(CLI::App& app, Context& context, Run& run);
void add_case_commands(CLI::App& app, Context& context, Run& run);
void add_calendar_command(CLI::App& app, Context& context, Run& run);
void add_tick_command(CLI::App& app, Context& context, Run& run);
void add_queue_command(CLI::App& app, Context& context, Run& run);
void add_escalations_command(CLI::App& app, Context& context, Run& run);
void add_nightly_command(CLI::App& app, Context& context, Run& run);
void add_report_commands(CLI::App& app, Context& context, Run& run);
// `report sen2`, on the report command (call after add_report_commands).
void add_sen2_command(CLI::App& app, Context& context, Run& run);
void add_outbox_commands(CLI::App& app, Context& context, Run& run);
void add_run_command(CLI::App& app, Context& context, Run& run);
void add_generate_command(CLI::App& app, Context& context, Run& run);
void add_demo_command(CLI::App& app, Context& context, Run& run);
void add_rederive_command(CLI::App& app, Context& context, Run& run);
void add_backup_commands(CLI::App& app, Context& context, Run& run);
// Hidden: the man page and bash completion made from the app itself (help_command.cpp).
void add_help_commands(CLI::App& app, Context& context, Run& run);
void add_check_command(CLI::App& app, Context& context, Run& run);
void add_serve_command(CLI::App& app, Context& context, Run& run);
void add_user_commands(CLI::App& app, Context& context, Run& run);
void add_audit_command(CLI::App& app, Context& context, Run& run);

}  // namespace ehcp::cli
