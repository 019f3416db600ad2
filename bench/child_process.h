// bench/child_process.h
//
// Running the real `ehcp` binary as a child process, as a user would: wall time from spawn to
// reaped, peak RSS from wait4's rusage, the output kept. Shared by the benchmarks.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ehcp::bench {

struct ChildRun {
  int exit_code = -1;
  double seconds = 0;
  long peak_rss_kib = 0;  // ru_maxrss: Linux reports KiB
  std::string output;     // stdout then stderr
};

// Runs `args` (args[0] a path) with stdin from /dev/null, stdout and stderr in files under
// `dir` named after `name`; the timer covers spawn to reaped.
ChildRun run_child(const std::vector<std::string>& args, const std::filesystem::path& dir,
                   const std::string& name);

// Prints "<program>: FAILED: <message>" and exits 1.
[[noreturn]] void die(const std::string& program, const std::string& message);

std::string read_file(const std::filesystem::path& path);

// Decimal megabytes from KiB.
inline double megabytes(long kib) { return static_cast<double>(kib) * 1024 / 1e6; }

}  // namespace ehcp::bench
