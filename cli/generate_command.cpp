// `ehcp generate --cases N [--seed S] [--as-of D] [--out FILE]`: a synthetic caseload as JSON
// Lines, every line valid for `ehcp import --as-of D`, written as it is made (constant memory,
// from one council's 5,000 cases to a national 1,000,000). The same arguments give the same
// bytes. See adapters/synthetic/caseload.h and docs/synthetic-caseload.md.
#include <fstream>
#include <iostream>
#include <memory>
#include <vector>

#include "adapters/synthetic/caseload_writer.h"
#include "cli/commands.h"
#include "cli/synthetic_options.h"

namespace ehcp::cli {
namespace {

constexpr std::size_t kGenerateWriteBuffer = 1 << 20;

struct GenerateArgs {
  SyntheticArgs caseload;
  std::string out;  // empty or "-": standard output
};

engine::Status run_generate(const Context& context, const GenerateArgs& args) {
  auto options = synthetic_options(context, args.caseload);
  if (!options.ok()) {
    return options.status();
  }
  std::ofstream file;
  std::vector<char> buffer(kGenerateWriteBuffer);
  std::ostream* out = &std::cout;
  if (!args.out.empty() && args.out != "-") {
    file.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    file.open(args.out, std::ios::binary | std::ios::trunc);
    if (!file) {
      return engine::Status::usage("--out: cannot write '" + args.out + "'");
    }
    out = &file;
  }
  const adapters::synthetic::Caseload caseload(options.value());
  auto progress = context.progress("generate");
  auto written = adapters::synthetic::write_caseload(caseload, *out, progress.get());
  progress.reset();
  if (!written.ok()) {
    return written.status();
  }
  // The events may be on standard output: the summary goes with the messages, to stderr.
  std::cerr << "generated " << written.value().events << " event(s) for " << written.value().cases
            << " case(s) as of " << engine::format_date(options.value().as_of) << "\n";
  return {};
}

}  // namespace

void add_generate_command(CLI::App& app, Context& context, Run& run) {
  auto* cmd = app.add_subcommand(
      "generate", "Write a synthetic caseload as JSON Lines, valid for `ehcp import`");
  auto args = std::make_shared<GenerateArgs>();
  cmd->add_option("--cases", args->caseload.cases, "Number of cases (1 to 10000000)")->required();
  add_seed_option(*cmd, args->caseload);
  cmd->add_option("--out", args->out, "Output file (default: standard output)");
  cmd->callback(
      [&context, &run, args] { run = [&context, args] { return run_generate(context, *args); }; });
}

}  // namespace ehcp::cli
