// `ehcp demo [--dir DIR] [--cases N] [--seed S] [--as-of D]`: a council-sized synthetic caseload
// in a fresh database, and the nightly run on it, for a newcomer or a meeting: generates N cases
// (default 5,000) as of D (default today), imports them, runs the night of D (escalations,
// breach report files, outbox), writes the board pack for the 12 months to the end of last
// month, and prints what came of it. Writes only under DIR (default
// ./demo), and only where cli/demo_directory.h allows; --db and $EHCP_DB do not apply.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <vector>

#include "adapters/import/importer.h"
#include "adapters/render/indicator_render.h"
#include "adapters/render/queue_render.h"
#include "adapters/report/work_queue.h"
#include "adapters/synthetic/caseload_writer.h"
#include "cli/board_pack_files.h"
#include "cli/commands.h"
#include "cli/demo_directory.h"
#include "cli/nightly.h"
#include "cli/synthetic_options.h"
#include "cli/time_source.h"

namespace ehcp::cli {
namespace {

constexpr std::size_t kWriteBuffer = 1 << 20;
constexpr std::size_t kQueueRows = 10;
constexpr const char* kDefaultCases = "5000";

struct DemoArgs {
  SyntheticArgs caseload{kDefaultCases};
  std::string dir = "demo";
};

struct Imported {
  adapters::synthetic::WrittenCaseload written;
  std::size_t events = 0;
  std::size_t cases = 0;
};

// A new database, the caseload written to its file and imported from it.
engine::Result<Imported> load_caseload(const DemoPaths& paths,
                                       const adapters::synthetic::Caseload& caseload,
                                       const adapters::config::LaConfig& config,
                                       adapters::Progress* progress) {
  auto db = adapters::sqlite::Database::open(paths.db.string(),
                                             adapters::sqlite::Database::Mode::kCreate);
  if (!db.ok()) {
    return db.status();
  }
  if (auto migrated = db.value()->migrate(); !migrated.ok()) {
    return migrated.status();
  }
  Imported out;
  {
    std::vector<char> buffer(kWriteBuffer);
    std::ofstream file;
    file.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    file.open(paths.caseload, std::ios::binary | std::ios::trunc);
    auto written = adapters::synthetic::write_caseload(caseload, file, progress);
    if (!written.ok()) {
      return written.status();
    }
    out.written = written.value();
  }
  std::ifstream input(paths.caseload, std::ios::binary);
  const auto derivation = adapters::derivation::derivation_of(config);
  adapters::ImportOptions options{caseload.options().as_of, utc_timestamp_now(), config.rules,
                                  config.calendar, &derivation};
  options.progress = progress;
  std::error_code ec;
  const auto size = std::filesystem::file_size(paths.caseload, ec);
  options.input_bytes = ec ? 0 : size;
  auto report = adapters::import_events(*db.value(), input, options);
  if (!report.ok()) {
    return report.status();
  }
  if (!report.value().accepted()) {
    // The generator's own output refused: a bug in one or the other, never the user's doing.
    return engine::Status::internal("the generated caseload was refused: " +
                                    report.value().errors.front().to_string());
  }
  out.events = report.value().applied;
  out.cases = report.value().cases_touched;
  return out;
}

engine::Status run_demo(const Context& context, const DemoArgs& args) {
  if (context.format() != Format::kTable) {
    return engine::Status::usage("demo: prints a summary for people; --format is not taken");
  }
  auto options = synthetic_options(context, args.caseload);
  if (!options.ok()) {
    return options.status();
  }
  auto config = context.la_config();
  if (!config.ok()) {
    return config.status();
  }
  const DemoPaths paths = demo_paths(args.dir);
  if (auto status = prepare_demo_directory(paths); !status.ok()) {
    return status;
  }
  const engine::Date as_of = options.value().as_of;
  const adapters::synthetic::Caseload caseload(options.value());
  auto progress = context.progress("demo");
  auto imported = load_caseload(paths, caseload, config.value(), progress.get());
  progress.reset();
  if (!imported.ok()) {
    return imported.status();
  }
  Context demo = context;
  demo.db_path = paths.db.string();
  auto night = run_nightly(demo, as_of, {paths.reports.string(), paths.outbox.string()});
  if (!night.ok()) {
    return night.status();
  }

  const std::string& team = caseload.teams().team(0);
  auto db = demo.open_database(Access::kWrite);
  if (!db.ok()) {
    return db.status();
  }
  // The board pack for the 12 months to the end of last month, as the board would read it.
  const date::year_month_day today{as_of};
  const engine::Date pack_to =
      engine::Date{today.year() / today.month() / date::day{1}} - date::days{1};
  const date::year_month_day end{pack_to};
  const engine::Date pack_from =
      engine::Date{(end.year() / end.month() - date::months{11}) / date::day{1}};
  auto pack = write_board_pack(*db.value(), paths.reports, pack_from, pack_to, config.value(),
                               "board-pack-" + engine::format_date(pack_from).substr(0, 7) +
                                   "-to-" + engine::format_date(pack_to).substr(0, 7));
  if (!pack.ok()) {
    return pack.status();
  }
  adapters::report::QueueFilter filter;
  filter.team = team;
  filter.names = false;
  auto queue = adapters::report::load_work_queue(*db.value(), config.value(), as_of, filter);
  if (!queue.ok()) {
    return queue.status();
  }

  const auto& n = night.value();
  const auto& i = imported.value();
  std::cout << "A synthetic council caseload as of " << engine::format_date(as_of) << " (seed "
            << options.value().seed << "), every name invented, in " << paths.dir.string()
            << "/\n\n"
            << "  caseload   " << i.written.cases << " cases, " << i.written.events
            << " events: " << paths.caseload.string() << "\n"
            << "  database   " << i.events << " events imported for " << i.cases
            << " cases: " << paths.db.string() << "\n"
            << "  the night  " << n.fired << " escalation(s) fired, " << n.skipped << " skipped; "
            << n.delivered << " message(s) delivered to " << paths.outbox.string() << "/\n"
            << "  breaches   " << breach_counts(n) << ": " << n.report_path << " (and .json)\n"
            << "  board pack " << pack.value().pack.period << ": " << pack.value().html_path
            << " (and .csv, .json)\n\n"
            << "The board's headline figures, " << pack.value().pack.period << "\n"
            << adapters::render::indicator_headlines_to_text(pack.value().pack) << "\n"
            << "The " << team << " team's queue (anonymised; the " << kQueueRows
            << " most urgent)\n"
            << adapters::render::queue_top_to_text(queue.value(), false, kQueueRows) << "\n"
            << "Try:\n"
            << "  ehcp --db " << paths.db.string() << " queue --team \"" << team << "\" --as-of "
            << engine::format_date(as_of) << "\n"
            << "  ehcp --db " << paths.db.string() << " case show " << caseload.ref(1)
            << " --as-of " << engine::format_date(as_of) << "\n"
            << "  ehcp --db " << paths.db.string() << " report breaches --as-of "
            << engine::format_date(as_of) << " --anonymise\n"
            << "  ehcp --db " << paths.db.string() << " report kpi --from "
            << engine::format_date(pack_from) << " --to " << engine::format_date(pack_to)
            << " --as-of " << engine::format_date(as_of) << " --format html > pack.html\n";
  return {};
}

}  // namespace

void add_demo_command(CLI::App& app, Context& context, Run& run) {
  auto* cmd = app.add_subcommand(
      "demo",
      "Make a synthetic council caseload in a fresh database under --dir and run its night");
  auto args = std::make_shared<DemoArgs>();
  cmd->add_option("--dir", args->dir,
                  "Folder for the demo: new, empty, or an earlier demo's (default: ./demo)");
  cmd->add_option("--cases", args->caseload.cases, "Number of cases (default: 5000)");
  add_seed_option(*cmd, args->caseload);
  cmd->callback(
      [&context, &run, args] { run = [&context, args] { return run_demo(context, *args); }; });
}

}  // namespace ehcp::cli
