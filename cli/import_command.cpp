#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "adapters/import/importer.h"
#include "cli/commands.h"
#include "cli/time_source.h"

namespace ehcp::cli {
namespace {

constexpr std::size_t kReadBuffer = 1 << 20;

engine::Status run_import(const Context& context, const std::string& file) {
  auto as_of = context.as_of();
  if (!as_of.ok()) {
    return as_of.status();
  }
  auto db = context.open_database(Access::kWrite);
  if (!db.ok()) {
    return db.status();
  }
  std::ifstream file_stream;
  std::vector<char> buffer(kReadBuffer);
  std::istream* input = &std::cin;
  if (file != "-") {
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) {
      return engine::Status::usage(file +
                                   " is a folder: import takes a JSON Lines file (or - "
                                   "for standard input)");
    }
    file_stream.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    file_stream.open(file, std::ios::binary);
    if (!file_stream) {
      return engine::Status::usage("cannot open " + file);
    }
    input = &file_stream;
  }
  auto config = context.la_config();
  if (!config.ok()) {
    return config.status();
  }
  const auto derivation = adapters::derivation::derivation_of(config.value());
  adapters::ImportOptions options{as_of.value(), utc_timestamp_now(), config.value().rules,
                                  config.value().calendar, &derivation};
  auto progress = context.progress("import");
  options.progress = progress.get();
  if (file != "-") {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    options.input_bytes = ec ? 0 : size;
  }
  auto report = adapters::import_events(*db.value(), *input, options);
  progress.reset();  // the line is cleared before the result is printed
  if (!report.ok()) {
    return report.status();
  }
  const auto& r = report.value();
  if (!r.accepted()) {
    for (const auto& error : r.errors) {
      std::cerr << error.to_string() << "\n";
    }
    return engine::Status::invalid_input(std::to_string(r.errors.size()) + " bad line(s) in " +
                                         (file == "-" ? std::string("standard input") : file) +
                                         "; nothing was imported");
  }
  std::cout << "imported " << r.applied << " event(s) for " << r.cases_touched << " case(s)";
  if (r.skipped_repeats > 0) {
    std::cout << "; " << r.skipped_repeats << " repeated event(s) skipped";
  }
  std::cout << "\n";
  return {};
}

}  // namespace

void add_import_command(CLI::App& app, Context& context, Run& run) {
  auto* cmd = app.add_subcommand("import", "Apply a JSON Lines file of events, all or nothing");
  auto file = std::make_shared<std::string>();
  cmd->add_option("file", *file, "JSON Lines file, or - for standard input")->required();
  cmd->callback(
      [&context, &run, file] { run = [&context, file] { return run_import(context, *file); }; });
}

}  // namespace ehcp::cli
