#include <fstream>
#include <iostream>
#include <memory>

#include "adapters/sqlite/database.h"
#include "adapters/sqlite/event_store.h"
#include "cli/commands.h"

namespace ehcp::cli {
namespace {

struct ExportArgs {
  std::string file = "-";
  std::string case_ref;
};

engine::Status run_export(const Context& context, const ExportArgs& args) {
  auto db = context.open_database(Access::kRead);
  if (!db.ok()) {
    return db.status();
  }
  std::ofstream file_stream;
  std::ostream* out = &std::cout;
  if (args.file != "-") {
    file_stream.open(args.file, std::ios::binary | std::ios::trunc);
    if (!file_stream) {
      return engine::Status::usage("cannot write " + args.file);
    }
    out = &file_stream;
  }
  try {
    adapters::sqlite::EventStore events(db.value()->sql());
    std::optional<std::string> only;
    if (!args.case_ref.empty()) {
      only = args.case_ref;
    }
    events.for_each_payload(only, [out](std::int64_t, const std::string& payload) {
      out->write(payload.data(), static_cast<std::streamsize>(payload.size()));
      out->put('\n');
    });
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("export", e.what());
  }
  out->flush();
  if (!*out) {
    return engine::Status::internal("writing " + args.file + " failed");
  }
  return {};
}

}  // namespace

void add_export_command(CLI::App& app, Context& context, Run& run) {
  auto* cmd = app.add_subcommand(
      "export", "Write every event, in arrival order, as JSON Lines that `import` takes back");
  auto args = std::make_shared<ExportArgs>();
  cmd->add_option("file", args->file, "Output file, or - for standard output (the default)");
  cmd->add_option("--case", args->case_ref, "Only this case's events");
  cmd->callback(
      [&context, &run, args] { run = [&context, args] { return run_export(context, *args); }; });
}

}  // namespace ehcp::cli
