// adapters/progress.h
//
// Long work (import, generate, rederive, demo) says how far it has got; whoever started it
// decides whether to show that, and how (cli/terminal_progress.h shows it on a terminal only).
// Nothing here reads a clock or writes anywhere: the watcher times and shows it.
#pragma once

#include <cstdint>
#include <string_view>

namespace ehcp::adapters {

class Progress {
 public:
  virtual ~Progress() = default;
  // `done` `unit`s ("events", "cases") of about `total` (0: not known) in the stage `stage`
  // ("reading", "deriving"). Called often, from one thread at a time; cheap to ignore.
  virtual void at(std::string_view stage, std::string_view unit, std::uint64_t done,
                  std::uint64_t total) = 0;
};

// `progress->at(...)` when there is someone watching.
inline void report_progress(Progress* progress, std::string_view stage, std::string_view unit,
                            std::uint64_t done, std::uint64_t total) {
  if (progress != nullptr) {
    progress->at(stage, unit, done, total);
  }
}

}  // namespace ehcp::adapters
