#include "adapters/notify/outbox_delivery.h"

#include <array>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

#include <SQLiteCpp/Transaction.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "adapters/files/durable_file.h"
#include "adapters/files/file_descriptor.h"
#include "adapters/notify/eml_message.h"
#include "adapters/sqlite/outbox_store.h"

namespace ehcp::adapters::notify {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kBatch = 500;
constexpr ::mode_t kFileMode = 0600;  // the messages name children's cases: private
constexpr std::string_view kTempPrefix = ".ehcp-";
constexpr std::string_view kTempSuffix = ".eml.tmp";
constexpr std::string_view kLockName = ".ehcp-deliver.lock";

engine::Status io_error(const std::string& what, const fs::path& path, int err) {
  return engine::Status::storage(what + " " + path.string(), std::generic_category().message(err));
}

// Takes the directory's delivery lock, waiting for another run to finish when `wait` (else
// failing at once); held until `lock` is destroyed (or the process dies: the kernel drops it).
// A run holds it for as long as it delivers there, so claims to a folder whose lock is free
// were left by a run that died.
engine::Status lock_directory(const fs::path& dir, std::unique_ptr<files::FileDescriptor>& lock,
                              bool wait) {
  const fs::path path = dir / kLockName;
  lock = std::make_unique<files::FileDescriptor>(
      ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, kFileMode));
  if (!lock->valid()) {
    return io_error("open lock", path, errno);
  }
  while (::flock(lock->get(), LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
    if (errno != EINTR) {
      return io_error("lock", path, errno);
    }
  }
  return {};
}

// Removes the temporary files a killed run left behind. Only safe under the directory's lock.
engine::Status remove_stale_temporaries(const fs::path& dir) {
  std::error_code ec;
  std::vector<fs::path> stale;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with(kTempPrefix) && name.ends_with(kTempSuffix)) {
      stale.push_back(it->path());
    }
  }
  if (ec) {
    return engine::Status::storage("list " + dir.string(), ec.message());
  }
  for (const auto& path : stale) {
    if (!fs::remove(path, ec) && ec) {
      return engine::Status::storage("remove " + path.string(), ec.message());
    }
  }
  return {};
}

// Writes message `m` to its file in `dir`: a temporary file, synced, then renamed over the
// final name (so a reader never sees half a message, and a rewrite replaces, never adds).
engine::Status write_message(const fs::path& dir, const sqlite::OutboxMessage& m,
                             const std::string& from, fs::path& written) {
  const fs::path temporary =
      dir / (std::string(kTempPrefix) + std::to_string(m.id) + std::string(kTempSuffix));
  const fs::path final_path = dir / eml_file_name(m.id);
  // Not synced one by one: the batch is flushed once, before any of it is marked delivered.
  if (auto status = files::write_file(temporary, to_eml(m, from), kFileMode, false); !status.ok()) {
    return status;
  }
  if (std::rename(temporary.c_str(), final_path.c_str()) != 0) {
    return io_error("rename to", final_path, errno);
  }
  written = final_path;
  return {};
}

struct Written {
  std::int64_t id;
  std::string path;
};

// Flushes the batch's files and renames to disk, then marks them delivered in one transaction.
// A crash before the flush leaves them unmarked, so they are written again, whole.
engine::Status mark_written(sqlite::Database& db, sqlite::OutboxStore& store, const fs::path& dir,
                            const std::vector<Written>& written, const std::string& now_utc) {
  if (auto status = files::sync_file_system(dir); !status.ok()) {
    return status;
  }
  try {
    SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    for (const auto& w : written) {
      store.mark_delivered(w.id, now_utc, w.path);
    }
    tx.commit();
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("mark outbox messages delivered", e.what());
  }
  return {};
}

// Delivers every message claimed for `dir` (whose lock the caller holds), a batch at a time,
// calling `claim_more` (when given) before each batch to claim new ones. Returns how many.
template <typename ClaimMore>
engine::Result<std::size_t> deliver_claimed(sqlite::Database& db, sqlite::OutboxStore& store,
                                            const fs::path& dir, const std::string& from,
                                            const std::string& now_utc, ClaimMore claim_more) {
  if (auto status = remove_stale_temporaries(dir); !status.ok()) {
    return status;
  }
  std::size_t delivered = 0;
  while (true) {
    if constexpr (!std::is_same_v<ClaimMore, std::nullptr_t>) {
      claim_more();
    }
    const auto batch = store.claimed(dir.string(), kBatch);
    if (batch.empty()) {
      return delivered;
    }
    std::vector<Written> written;
    engine::Status failure;
    for (const auto& m : batch) {
      fs::path path;
      failure = write_message(dir, m, from, path);
      if (!failure.ok()) {
        break;
      }
      written.push_back({m.id, path.string()});
    }
    // What was written before a failure is marked too: it is on disk and would otherwise be
    // written again, identically, by the next run.
    if (!written.empty()) {
      if (auto status = mark_written(db, store, dir, written, now_utc); !status.ok()) {
        return status;
      }
      delivered += written.size();
    }
    if (!failure.ok()) {
      return failure;
    }
  }
}

}  // namespace

std::string eml_file_name(std::int64_t id) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "ehcp-%08lld.eml", static_cast<long long>(id));
  return buffer.data();
}

engine::Result<DeliveryOutcome> deliver_to_directory(sqlite::Database& db, const std::string& dir,
                                                     const std::string& from,
                                                     const std::string& now_utc,
                                                     const std::string& claimant) {
  if (dir.empty()) {
    return engine::Status::storage("deliver the outbox", "no directory given");
  }
  if (auto status = files::make_private_directory(dir); !status.ok()) {
    return engine::Status::storage("create outbox directory " + dir, status.message());
  }
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return engine::Status::storage("outbox directory " + dir, "not a directory");
  }
  const fs::path base = fs::absolute(dir, ec).lexically_normal();
  if (ec) {
    return engine::Status::storage("outbox directory " + dir, ec.message());
  }
  std::unique_ptr<files::FileDescriptor> lock;
  if (auto status = lock_directory(base, lock, true); !status.ok()) {
    return status;
  }
  DeliveryOutcome outcome;
  try {
    sqlite::OutboxStore store(db.sql());
    // Claims left by a killed run to another folder are finished there, once no run holds it.
    for (const auto& other : store.claimed_destinations(base.string())) {
      std::unique_ptr<files::FileDescriptor> other_lock;
      if (!fs::is_directory(other, ec) || !lock_directory(other, other_lock, false).ok()) {
        continue;  // a delivery is at work there (or the folder is gone): left to it
      }
      auto finished = deliver_claimed(db, store, other, from, now_utc, nullptr);
      if (!finished.ok()) {
        return finished.status();
      }
      outcome.delivered += finished.value();
    }
    // Then this folder's: a killed run's claims first, then new claims, a batch at a time.
    auto claim = [&store, &db, &base, &claimant]() {
      SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
      store.claim(base.string(), claimant, kBatch);
      tx.commit();
    };
    auto delivered = deliver_claimed(db, store, base, from, now_utc, claim);
    if (!delivered.ok()) {
      return delivered.status();
    }
    outcome.delivered += delivered.value();
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("read the outbox", e.what());
  }
  return outcome;
}

}  // namespace ehcp::adapters::notify
