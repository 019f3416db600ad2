// adapters/sqlite/background_check.h
//
// SQLite's quick integrity check of a database file, run on a thread and a read-only
// connection of its own, so that a writer whose work is mostly reading and computing (`ehcp
// rederive`) can start at once and wait for the check only before it first writes. The writer
// must then open the file with Database::Options::check_later. Owned by one thread.
#pragma once

#include <string>
#include <thread>

#include "engine/status.h"

namespace ehcp::adapters::sqlite {

class BackgroundCheck {
 public:
  // Starts checking the file at `path` (nothing to check for ":memory:").
  explicit BackgroundCheck(std::string path);
  BackgroundCheck(const BackgroundCheck&) = delete;
  BackgroundCheck& operator=(const BackgroundCheck&) = delete;
  ~BackgroundCheck();

  // Waits for the check: ok when the file is sound, else damaged()'s status naming the
  // problems. Safe to call again: the same answer.
  engine::Status wait();

 private:
  std::string path_;
  engine::Status result_;
  std::thread thread_;
};

}  // namespace ehcp::adapters::sqlite
