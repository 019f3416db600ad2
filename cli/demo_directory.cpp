#include "cli/demo_directory.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <system_error>
#include <vector>

#include "adapters/files/durable_file.h"

namespace ehcp::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMarker = ".ehcp-demo";
constexpr std::string_view kMarkerText =
    "Made by `ehcp demo`, which empties and refills this folder each time it runs.\n";
constexpr std::array<std::string_view, 5> kDemoFiles = {"ehcp.db", "ehcp.db-wal", "ehcp.db-shm",
                                                        "ehcp.db-journal", "caseload.jsonl"};

bool starts_with_any(std::string_view name, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](std::string_view p) { return name.starts_with(p); });
}

// True when every entry of `dir` is a file a night writes there: reports (breaches-<date>.html,
// .json, board-pack-*) or messages (ehcp-<id>.eml), or one of the night's own temporary and lock
// files (".").
bool holds_only_night_files(const fs::path& dir, std::initializer_list<std::string_view> prefixes,
                            std::error_code& ec) {
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file(ec) ||
        (!name.starts_with(".") && !starts_with_any(name, prefixes))) {
      return false;
    }
  }
  return !ec;
}

// The first entry of `dir` an earlier demo did not write, or "" when there is none.
std::string foreign_entry(const DemoPaths& paths, std::error_code& ec) {
  for (const auto& entry : fs::directory_iterator(paths.dir, ec)) {
    const std::string name = entry.path().filename().string();
    const bool night_folder =
        (name == "reports" &&
         holds_only_night_files(entry.path(), {"breaches-", "board-pack-"}, ec)) ||
        (name == "outbox" && holds_only_night_files(entry.path(), {"ehcp-"}, ec));
    const bool demo_file = entry.is_regular_file(ec) &&
                           (name == kMarker || std::find(kDemoFiles.begin(), kDemoFiles.end(),
                                                         name) != kDemoFiles.end());
    if (!night_folder && !demo_file) {
      return name;
    }
  }
  return "";
}

engine::Status refuse(const DemoPaths& paths, const std::string& why) {
  return engine::Status::usage("--dir: " + paths.dir.string() + " " + why +
                               "; the demo writes only into a new or empty folder or one an "
                               "earlier `ehcp demo` made: choose another --dir");
}

}  // namespace

DemoPaths demo_paths(const std::string& dir) {
  const fs::path d(dir);
  return {d, d / "ehcp.db", d / "caseload.jsonl", d / "reports", d / "outbox"};
}

engine::Status prepare_demo_directory(const DemoPaths& paths) {
  std::error_code ec;
  const bool exists = fs::exists(paths.dir, ec);
  if (exists && !fs::is_directory(paths.dir, ec)) {
    return refuse(paths, "is a file, not a folder");
  }
  if (exists && !fs::is_empty(paths.dir, ec)) {
    if (!fs::exists(paths.dir / kMarker, ec)) {
      return refuse(paths, "is not empty and was not made by `ehcp demo`");
    }
    if (const std::string name = foreign_entry(paths, ec); !name.empty()) {
      return refuse(paths, "holds '" + name + "', which `ehcp demo` did not write");
    }
    // Listed first, then removed: a folder changed while it is read may list entries twice.
    std::vector<fs::path> earlier;
    for (const auto& entry : fs::directory_iterator(paths.dir, ec)) {
      earlier.push_back(entry.path());
    }
    for (const auto& path : earlier) {
      if (!ec) {
        fs::remove_all(path, ec);
      }
    }
  }
  if (ec) {
    return engine::Status::storage("preparing " + paths.dir.string(), ec.message());
  }
  if (auto status = adapters::files::make_private_directory(paths.dir); !status.ok()) {
    return status;
  }
  return adapters::files::write_file(paths.dir / kMarker, kMarkerText,
                                     adapters::files::kPrivateFileMode, false);
}

}  // namespace ehcp::cli
