#include "web/connection_pool.h"

namespace ehcp::web {

ConnectionPool::Lease::~Lease() {
  if (db_) {
    pool_->give_back(std::move(db_));
  }
}

engine::Result<ConnectionPool::Lease> ConnectionPool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto db = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(db));
    }
  }
  auto db = adapters::sqlite::Database::open(path_, adapters::sqlite::Database::Mode::kExisting);
  if (!db.ok()) {
    return db.status();
  }
  return Lease(*this, std::move(db).value());
}

void ConnectionPool::give_back(std::unique_ptr<adapters::sqlite::Database> db) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < keep_) {
    idle_.push_back(std::move(db));
  }
}

}  // namespace ehcp::web
