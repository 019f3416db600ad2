#include "cli/terminal_progress.h"

#include <cstdio>

#include <unistd.h>

#include "adapters/render/progress_line.h"

namespace ehcp::cli {
namespace {

// Often enough to look alive, rarely enough to cost nothing.
constexpr auto kEvery = std::chrono::milliseconds(250);

}  // namespace

std::unique_ptr<TerminalProgress> TerminalProgress::on_stderr(const std::string& command,
                                                              bool quiet) {
  if (quiet || ::isatty(STDERR_FILENO) == 0) {
    return nullptr;
  }
  return std::make_unique<TerminalProgress>(command);
}

TerminalProgress::TerminalProgress(std::string command) : command_(std::move(command)) {}

TerminalProgress::~TerminalProgress() { clear(); }

void TerminalProgress::at(std::string_view stage, std::string_view unit, std::uint64_t done,
                          std::uint64_t total) {
  std::lock_guard lock(mutex_);
  const auto now = Clock::now();
  const bool new_stage = stage != stage_;
  if (new_stage) {
    stage_ = std::string(stage);
    stage_began_ = now;
  } else if (now - shown_at_ < kEvery) {
    return;
  }
  shown_at_ = now;
  const double seconds = std::chrono::duration<double>(now - stage_began_).count();
  const auto line = adapters::render::progress_line(command_, stage, unit, done, total, seconds);
  // \r and "erase to the end of the line": the line is rewritten in place.
  std::fprintf(stderr, "\r%s\033[K", line.c_str());
  std::fflush(stderr);
  showing_ = true;
}

void TerminalProgress::clear() {
  std::lock_guard lock(mutex_);
  if (showing_) {
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    showing_ = false;
  }
}

}  // namespace ehcp::cli
