#include "adapters/sqlite/background_check.h"

#include <utility>

#include "adapters/sqlite/database.h"

namespace ehcp::adapters::sqlite {
namespace {

engine::Status check(const std::string& path) {
  auto db = Database::open(path, Database::Mode::kReadOnly);
  if (!db.ok()) {
    return db.status();
  }
  try {
    if (auto problems = db.value()->integrity_problems(false); !problems.empty()) {
      return damaged(path, problems);
    }
  } catch (const SQLite::Exception& e) {
    return damaged(path, {e.what()});
  }
  return {};
}

}  // namespace

BackgroundCheck::BackgroundCheck(std::string path) : path_(std::move(path)) {
  if (path_ != ":memory:") {
    thread_ = std::thread([this] { result_ = check(path_); });
  }
}

BackgroundCheck::~BackgroundCheck() { wait(); }

engine::Status BackgroundCheck::wait() {
  if (thread_.joinable()) {
    thread_.join();
  }
  return result_;
}

}  // namespace ehcp::adapters::sqlite
