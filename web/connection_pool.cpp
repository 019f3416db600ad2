#include "web/connection_pool.h"

namespace ehcp::web {

ConnectionPool::Lease::~Lease() {
  if (db_) {
    pool_->give_back(std::move(db_));
  }
}

engine::Result<ConnectionPool::Lease> ConnectionPool::acquire() {
  adapters::sqlite::Database::Options options;
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto db = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(db));
    }
    // The file was checked when the first connection opened (the service's start); checking
    // it again for each connection would read the whole file each time (a minute at 1,000,000
    // cases) while a request waits.
    options.check_later = checked_;
  }
  auto db =
      adapters::sqlite::Database::open(path_, adapters::sqlite::Database::Mode::kExisting, options);
  if (!db.ok()) {
    return db.status();
  }
  {
    std::lock_guard lock(mutex_);
    checked_ = true;
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
