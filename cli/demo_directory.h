// cli/demo_directory.h
//
// The folder `ehcp demo` works in, and what it may do there. A demo writes only into a new or
// empty folder, or into one an earlier demo made (marked by a `.ehcp-demo` file) that holds
// nothing but what a demo writes; it then removes those files and starts afresh. Anything else
// is refused, naming what is in the way, so a demo can never overwrite a council's database or
// anyone's own files.
#pragma once

#include <filesystem>
#include <string>

#include "engine/status.h"

namespace ehcp::cli {

struct DemoPaths {
  std::filesystem::path dir;
  std::filesystem::path db;        // dir/ehcp.db
  std::filesystem::path caseload;  // dir/caseload.jsonl: the generated events
  std::filesystem::path reports;   // dir/reports: the night's breach reports
  std::filesystem::path outbox;    // dir/outbox: the night's messages as .eml files
};

DemoPaths demo_paths(const std::string& dir);

// Makes `paths.dir` ready for a fresh demo, marked as a demo's. A usage error, changing
// nothing, when the folder holds anything an earlier demo did not write; a storage error when
// the file system refuses.
engine::Status prepare_demo_directory(const DemoPaths& paths);

}  // namespace ehcp::cli
