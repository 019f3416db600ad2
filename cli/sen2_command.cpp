// `ehcp report sen2 --year Y --lea N [--out F] [--counts] [--checks] [--compare Y2
// [--published F.csv]]`: the DfE's SEN2 return for the collection whose census date the rule
// pack gives for Y, built from the history as it stood on that date. Without --counts,
// --checks or --compare the XML goes to --out (a private file, replaced whole) or standard
// output; with them it is written only when --out is given. --checks exits 2 when a blocking
// check fails. Never writes the database.
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "adapters/config/sen2_pack.h"
#include "adapters/files/durable_stream.h"
#include "adapters/render/table.h"
#include "adapters/report/sen2_return.h"
#include "cli/commands.h"
#include "ehcp/version.h"

namespace ehcp::cli {
namespace {

namespace report = adapters::report;
namespace render = adapters::render;

struct Sen2Args {
  int year = 0;
  std::string lea;
  std::string out;
  bool counts = false;
  bool checks = false;
  int compare = 0;
  std::string published;
};

std::string number(double v) {
  std::ostringstream s;
  if (v == static_cast<double>(static_cast<long long>(v))) {
    s << static_cast<long long>(v);
  } else {
    s << std::fixed << std::setprecision(1) << v;
  }
  return s.str();
}

void print(const render::Table& table, const nlohmann::json& json, Format format) {
  switch (format) {
    case Format::kJson:
      std::cout << json.dump() << "\n";
      break;
    case Format::kCsv:
      std::cout << render::to_csv(table);
      break;
    case Format::kTable:
    case Format::kHtml:
      std::cout << render::to_text(table);
      break;
  }
}

void print_counts(const report::Sen2Return& r, Format format) {
  render::Table t{{"measure", "label", "value"}, {}};
  nlohmann::json j = {{"year", r.year->year},
                      {"census_date", engine::format_date(r.year->census)},
                      {"persons", r.persons},
                      {"measures", nlohmann::json::array()}};
  for (const auto& m : report::headline(r.counts)) {
    t.rows.push_back({m.key, m.label, number(m.value)});
    j["measures"].push_back({{"measure", m.key}, {"label", m.label}, {"value", m.value}});
  }
  for (const auto& [band, n] : r.counts.by_age) {
    t.rows.push_back({"plans_by_age:" + band, "Plans in force, age " + band, number(n)});
    j["plans_by_age"][band] = n;
  }
  for (const auto& [need, n] : r.counts.by_need) {
    t.rows.push_back({"plans_by_need:" + need, "Plans in force, primary need " + need, number(n)});
    j["plans_by_need"][need] = n;
  }
  print(t, j, format);
}

void print_checks(const report::Sen2Return& r, Format format) {
  render::Table t{{"case", "check", "blocking", "detail"}, {}};
  nlohmann::json j = {
      {"year", r.year->year}, {"blocked", r.blocked()}, {"findings", nlohmann::json::array()}};
  for (const auto& f : r.findings) {
    t.rows.push_back({f.case_ref, f.check, f.blocking ? "yes" : "no", f.detail});
    j["findings"].push_back(
        {{"case", f.case_ref}, {"check", f.check}, {"blocking", f.blocking}, {"detail", f.detail}});
  }
  print(t, j, format);
}

void print_compare(const report::Sen2Return& before, const report::Sen2Return& after,
                   const std::map<std::pair<int, std::string>, double>& published, Format format) {
  const int y1 = before.year->year;
  const int y2 = after.year->year;
  const std::string b = std::to_string(y1);
  const std::string a = std::to_string(y2);
  const auto changes = report::compare_returns(before.summaries, after.summaries);
  nlohmann::json j = {{"from", y1},
                      {"to", y2},
                      {"changes", nlohmann::json::array()},
                      {"headline", nlohmann::json::array()}};
  render::Table h{{"measure", b, a, "published " + b, "published " + a}, {}};
  const auto was = report::headline(before.counts);
  const auto now = report::headline(after.counts);
  for (std::size_t i = 0; i < now.size(); ++i) {
    const auto pub = [&](int y) -> std::optional<double> {
      const auto it = published.find({y, now[i].key});
      return it == published.end() ? std::nullopt : std::optional(it->second);
    };
    const auto p1 = pub(y1);
    const auto p2 = pub(y2);
    h.rows.push_back({now[i].key, number(was[i].value), number(now[i].value), p1 ? number(*p1) : "",
                      p2 ? number(*p2) : ""});
    nlohmann::json row = {{"measure", now[i].key}, {b, was[i].value}, {a, now[i].value}};
    if (p1) {
      row["published_" + b] = *p1;
    }
    if (p2) {
      row["published_" + a] = *p2;
    }
    j["headline"].push_back(row);
  }
  render::Table c{{"case", "change", "detail"}, {}};
  for (const auto& ch : changes) {
    c.rows.push_back({ch.case_ref, ch.change, ch.detail});
    j["changes"].push_back({{"case", ch.case_ref}, {"change", ch.change}, {"detail", ch.detail}});
  }
  if (format == Format::kJson) {
    std::cout << j.dump() << "\n";
  } else if (format == Format::kCsv) {
    std::cout << render::to_csv(c);  // the lists for a spreadsheet; the headline in table/json
  } else {
    std::cout << render::to_text(h) << "\n" << render::to_text(c);
  }
}

engine::Status run_sen2(const Context& context, const Sen2Args& args) {
  if (args.lea.size() != 3 || args.lea.find_first_not_of("0123456789") != std::string::npos) {
    return engine::Status::usage(
        "report sen2: --lea must be the council's three-digit LA "
        "number (\"202\"), not '" +
        args.lea + "'");
  }
  if (!args.published.empty() && args.compare == 0) {
    return engine::Status::usage("report sen2: --published needs --compare YEAR");
  }
  const auto& pack = adapters::config::national_sen2_pack();
  for (const int y : {args.year, args.compare}) {
    if (y != 0 && pack.year(y) == nullptr) {
      std::string years;
      for (const auto& py : pack.years) {
        years += (years.empty() ? "" : ", ") + std::to_string(py.year);
      }
      return engine::Status::usage("report sen2: no census date for " + std::to_string(y) +
                                   " in the rule pack (it has " + years + ")");
    }
  }
  std::map<std::pair<int, std::string>, double> published;
  if (!args.published.empty()) {
    auto read = report::read_published(args.published);
    if (!read.ok()) {
      return read.status();
    }
    published = std::move(read).value();
  }
  auto day = context.day(Access::kRead);
  if (!day.ok()) {
    return day.status();
  }
  auto& [as_of, config, db] = day.value();
  const bool listing = args.counts || args.checks || args.compare != 0;
  std::unique_ptr<adapters::files::DurableStream> file;
  std::ostream* xml = nullptr;
  if (!args.out.empty()) {
    file = std::make_unique<adapters::files::DurableStream>(args.out);
    if (auto status = file->open(); !status.ok()) {
      return status;
    }
    xml = &file->stream();
  } else if (!listing) {
    xml = &std::cout;
  }
  auto progress = context.progress("report sen2");
  report::Sen2Options options{args.year, args.lea,          std::string(kVersion),
                              xml,       args.compare != 0, progress.get()};
  auto built = report::build_sen2_return(*db, config.rules, config.calendar, pack, options);
  if (!built.ok()) {
    return built.status();
  }
  // The earlier year is built before anything is printed, so the progress line never falls
  // between printed lines.
  std::optional<report::Sen2Return> before;
  if (args.compare != 0) {
    report::Sen2Options earlier{args.compare, args.lea, std::string(kVersion),
                                nullptr,      true,     progress.get()};
    auto earlier_return =
        report::build_sen2_return(*db, config.rules, config.calendar, pack, earlier);
    if (!earlier_return.ok()) {
      return earlier_return.status();
    }
    before = std::move(earlier_return).value();
  }
  progress.reset();  // the line is cleared before the result is printed
  if (file) {
    if (auto status = file->commit(); !status.ok()) {
      return status;
    }
  }
  const auto& r = built.value();
  if (args.counts) {
    print_counts(r, context.format());
  }
  if (before) {
    print_compare(*before, r, published, context.format());
  }
  if (args.checks) {
    print_checks(r, context.format());
    if (r.blocked()) {
      std::size_t n = 0;
      for (const auto& f : r.findings) {
        n += f.blocking ? 1 : 0;
      }
      return engine::Status::invalid_input(
          "report sen2: " + std::to_string(n) +
          " blocking check(s) failed; mend the cases named before submitting the return");
    }
  }
  return {};
}

}  // namespace

void add_sen2_command(CLI::App& app, Context& context, Run& run) {
  auto* report = app.get_subcommand("report");
  auto* sen2 = report->add_subcommand(
      "sen2",
      "The DfE's SEN2 return for a collection year, from the history as it stood on its census "
      "date: XML, headline counts, the return's own checks, and the difference from another "
      "year");
  auto args = std::make_shared<Sen2Args>();
  sen2->add_option("--year", args->year,
                   "The collection year (its census date is the rule pack's: 2027 is "
                   "2027-01-21)")
      ->required();
  sen2->add_option("--lea", args->lea, "The council's three-digit LA number, for the header")
      ->required();
  sen2->add_option("--out", args->out, "Write the XML to this file (private, replaced whole)");
  sen2->add_flag("--counts", args->counts,
                 "Print the headline counts (requests, plans, 20-week rates, plans by age and "
                 "need)");
  sen2->add_flag("--checks", args->checks,
                 "Print the return's own checks, each naming the case; exit 2 when any "
                 "blocking check fails");
  sen2->add_option("--compare", args->compare,
                   "Another collection year: the cases that entered, left or changed, and the "
                   "headline counts side by side");
  sen2->add_option("--published", args->published,
                   "The DfE's published figures for the council, CSV with the header "
                   "year,measure,value (measure: requests, refused, assessed_no_plan, "
                   "plans_issued, within_20_weeks_including_exceptions, "
                   "within_20_weeks_excluding_exceptions, plans_in_force, plans_ceased)");
  sen2->callback(
      [&context, &run, args] { run = [&context, args] { return run_sen2(context, *args); }; });
}

}  // namespace ehcp::cli
