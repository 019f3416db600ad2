#include "cli/rehearsal.h"

#include <cstdlib>
#include <system_error>

#include "adapters/sqlite/database.h"
#include "cli/time_source.h"

namespace ehcp::cli {

namespace fs = std::filesystem;

engine::Status refuse_future_send(engine::Date as_of, bool rehearse, const std::string& command) {
  const engine::Date today = london_today();
  if (rehearse || as_of <= today) {
    return {};
  }
  return engine::Status::usage(
      "--as-of " + engine::format_date(as_of) + " is after today (" + engine::format_date(today) +
      " in London): `ehcp " + command +
      "` would send escalations that are not yet due. Add --rehearse to try it on a scratch "
      "copy of the database that sends nothing");
}

engine::Result<std::unique_ptr<Rehearsal>> Rehearsal::begin(const Context& context) {
  auto source = context.open_database(Access::kRead);
  if (!source.ok()) {
    return source.status();
  }
  std::error_code ec;
  std::string pattern = (fs::temp_directory_path(ec) / "ehcp-rehearsal-XXXXXX").string();
  if (ec || ::mkdtemp(pattern.data()) == nullptr) {  // made 0700
    return engine::Status::storage("make a scratch folder for the rehearsal", pattern);
  }
  const fs::path folder = pattern;
  Context scratch = context;
  scratch.db_path = (folder / "rehearsal.db").string();
  std::unique_ptr<Rehearsal> rehearsal(new Rehearsal(scratch, folder));
  try {
    source.value()->sql().backup(scratch.db_path.c_str(), SQLite::Database::Save);
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("copy " + context.db_path + " for the rehearsal", e.what());
  }
  return rehearsal;
}

Rehearsal::~Rehearsal() {
  std::error_code ec;
  fs::remove_all(folder_, ec);  // a scratch copy left behind is in the private temp folder only
}

}  // namespace ehcp::cli
