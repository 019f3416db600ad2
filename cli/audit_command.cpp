// `ehcp audit [--case REF] [--user U] [--from D --to D]`: the web service's audit, oldest
// first: who saw which case on which page, from where, and every refusal and sign-in.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "adapters/render/table.h"
#include "adapters/sqlite/audit_store.h"
#include "cli/commands.h"

namespace ehcp::cli {
namespace {

struct AuditArgs {
  std::string case_ref;
  std::string user;
  std::string from;
  std::string to;
};

std::optional<std::string> given(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

engine::Status run_audit(const Context& context, const AuditArgs& args) {
  for (const auto* d : {&args.from, &args.to}) {
    if (!d->empty() && !engine::parse_date(*d)) {
      return engine::Status::usage("audit: --from and --to are dates YYYY-MM-DD, not '" + *d + "'");
    }
  }
  auto db = context.open_database(Access::kRead);
  if (!db.ok()) {
    return db.status();
  }
  std::vector<adapters::sqlite::AuditRow> rows;
  try {
    rows = adapters::sqlite::AuditStore(db.value()->sql())
               .list({given(args.case_ref), given(args.user), given(args.from), given(args.to), 0});
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("read the audit", e.what());
  }
  if (context.format() == Format::kJson) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : rows) {
      out.push_back({{"id", r.id},
                     {"at", r.at},
                     {"user", r.user ? nlohmann::json(*r.user) : nlohmann::json(nullptr)},
                     {"case", r.case_ref ? nlohmann::json(*r.case_ref) : nlohmann::json(nullptr)},
                     {"page", r.page},
                     {"remote", r.remote},
                     {"outcome", r.outcome}});
    }
    std::cout << out.dump() << "\n";
    return {};
  }
  adapters::render::Table table{{"at", "user", "case", "page", "remote", "outcome"}, {}};
  for (const auto& r : rows) {
    table.rows.push_back(
        {r.at, r.user.value_or(""), r.case_ref.value_or(""), r.page, r.remote, r.outcome});
  }
  if (context.format() == Format::kCsv) {
    std::cout << adapters::render::to_csv(table);
  } else {
    std::cout << adapters::render::to_text(table) << rows.size() << " row(s)\n";
  }
  return {};
}

}  // namespace

void add_audit_command(CLI::App& app, Context& context, Run& run) {
  auto* cmd = app.add_subcommand("audit", "Who saw which child's record in the web service");
  auto args = std::make_shared<AuditArgs>();
  cmd->add_option("--case", args->case_ref, "Only this case");
  cmd->add_option("--user", args->user, "Only this user");
  cmd->add_option("--from", args->from, "From this day (UTC), YYYY-MM-DD");
  cmd->add_option("--to", args->to, "To this day (UTC), YYYY-MM-DD");
  cmd->callback(
      [&context, &run, args] { run = [&context, args] { return run_audit(context, *args); }; });
}

}  // namespace ehcp::cli
