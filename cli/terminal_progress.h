// cli/terminal_progress.h
//
// Shows a long command's progress (adapters/progress.h) as one line on standard error, rewritten
// a few times a second, and only when standard error is a terminal and --quiet was not given:
// a log file, a pipe or cron gets nothing extra. The line is cleared before the command prints
// its result.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "adapters/progress.h"

namespace ehcp::cli {

class TerminalProgress final : public adapters::Progress {
 public:
  // Null when nobody should see it: quiet, or standard error not a terminal.
  static std::unique_ptr<TerminalProgress> on_stderr(const std::string& command, bool quiet);

  explicit TerminalProgress(std::string command);
  ~TerminalProgress() override;
  TerminalProgress(const TerminalProgress&) = delete;
  TerminalProgress& operator=(const TerminalProgress&) = delete;

  void at(std::string_view stage, std::string_view unit, std::uint64_t done,
          std::uint64_t total) override;
  // Clears the line (also done when destroyed).
  void clear();

 private:
  using Clock = std::chrono::steady_clock;
  std::mutex mutex_;
  std::string command_;
  std::string stage_;
  Clock::time_point stage_began_;
  Clock::time_point shown_at_;
  bool showing_ = false;
};

}  // namespace ehcp::cli
