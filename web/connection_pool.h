// web/connection_pool.h
//
// SQLite connections for the worker threads: a connection is not shared between threads, so
// each request borrows one for its duration and gives it back. Connections are opened on
// demand (WAL, busy timeout: adapters/sqlite/database.h) and at most `keep` are kept idle.
// Only the first connection runs the integrity check at opening (the service's start, which a
// damaged file fails); the nightly run's full check watches the file after that.
// Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "adapters/sqlite/database.h"
#include "engine/status.h"

namespace ehcp::web {

class ConnectionPool {
 public:
  ConnectionPool(std::string path, std::size_t keep) : path_(std::move(path)), keep_(keep) {}

  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<adapters::sqlite::Database> db)
        : pool_(&pool), db_(std::move(db)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease();
    adapters::sqlite::Database& operator*() { return *db_; }
    adapters::sqlite::Database* operator->() { return db_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<adapters::sqlite::Database> db_;
  };

  engine::Result<Lease> acquire();

 private:
  void give_back(std::unique_ptr<adapters::sqlite::Database> db);

  std::string path_;
  std::size_t keep_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<adapters::sqlite::Database>> idle_;
  bool checked_ = false;  // a connection has opened, so the file passed its check
};

}  // namespace ehcp::web
