#include "adapters/notify/outbox_delivery.h"

#include <array>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <memory>
#include <string_view>
#include <system_error>
#include <vector>

#include <SQLiteCpp/Transaction.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "adapters/files/durable_file.h"
#include "adapters/files/file_descriptor.h"
#include "adapters/notify/eml_message.h"
#include "adapters/notify/smtp_transport.h"
#include "adapters/sqlite/outbox_store.h"

namespace ehcp::adapters::notify {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kBatch = 500;
// A claim or read of "every" message: SQLite takes the limit as a signed 64-bit number.
constexpr std::size_t kEverything = std::numeric_limits<std::int64_t>::max();
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

// Each digest as <dir>/ehcp-<its first row's id>.eml: written under a temporary name, renamed
// over the final name (so a reader never sees half a message, and a rewrite replaces, never
// adds), and the batch flushed once before any of it is marked delivered.
class FileTransport final : public Transport {
 public:
  explicit FileTransport(fs::path dir) : dir_(std::move(dir)) {}

  engine::Result<std::string> send(const Digest& d, const std::string& eml) override {
    const fs::path temporary =
        dir_ / (std::string(kTempPrefix) + std::to_string(d.mail.id) + std::string(kTempSuffix));
    const fs::path final_path = dir_ / eml_file_name(d.mail.id);
    // Not synced one by one: settle() flushes the batch.
    if (auto status = files::write_file(temporary, eml, kFileMode, false); !status.ok()) {
      return status;
    }
    if (std::rename(temporary.c_str(), final_path.c_str()) != 0) {
      return io_error("rename to", final_path, errno);
    }
    return final_path.string();
  }
  engine::Status settle() override { return files::sync_file_system(dir_); }
  std::size_t batch() const override { return kBatch; }
  std::string where() const override { return dir_.string(); }

 private:
  fs::path dir_;
};

struct Sent {
  const Digest* digest;
  std::string to;
};

// Settles what was sent, then marks every message it carried delivered in one transaction. A
// crash before the settle leaves them unmarked (and claimed), so they are sent again, whole.
engine::Status mark_sent(sqlite::Database& db, sqlite::OutboxStore& store, Transport& transport,
                         std::vector<Sent>& sent, const std::string& now_utc,
                         DeliveryOutcome& outcome) {
  if (sent.empty()) {
    return {};
  }
  if (auto status = transport.settle(); !status.ok()) {
    return status;
  }
  try {
    SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    for (const auto& s : sent) {
      for (const auto id : s.digest->ids) {
        store.mark_delivered(id, now_utc, s.to);
      }
    }
    tx.commit();
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("mark outbox messages delivered", e.what());
  }
  for (const auto& s : sent) {
    outcome.delivered += s.digest->ids.size();
    ++outcome.mails;
  }
  sent.clear();
  return {};
}

// Sends every message claimed for `destination` (whose lock the caller holds) through
// `transport`, as digests, adding to `outcome`; a refused digest is added to `refused`.
engine::Status deliver_claimed(sqlite::Database& db, sqlite::OutboxStore& store,
                               Transport& transport, const std::string& destination,
                               const std::string& from, const std::string& now_utc,
                               DeliveryOutcome& outcome, std::vector<std::string>& refused) {
  const auto digests = digests_of(store.claimed(destination, kEverything));
  std::vector<Sent> sent;
  std::size_t sent_rows = 0;
  for (const auto& d : digests) {
    auto to = transport.send(d, to_eml(d.mail, from));
    if (!to.ok() && to.status().code() == engine::ErrorCode::kInvalidInput) {
      refused.push_back(d.mail.address + ": " + to.status().message());
      continue;
    }
    if (!to.ok()) {
      // What was sent before the failure is marked: it was handed on, and would otherwise be
      // sent again by the next run.
      if (auto status = mark_sent(db, store, transport, sent, now_utc, outcome); !status.ok()) {
        return status;
      }
      return to.status();
    }
    sent.push_back({&d, std::move(to).value()});
    sent_rows += d.ids.size();
    if (sent_rows >= transport.batch()) {
      if (auto status = mark_sent(db, store, transport, sent, now_utc, outcome); !status.ok()) {
        return status;
      }
      sent_rows = 0;
    }
  }
  return mark_sent(db, store, transport, sent, now_utc, outcome);
}

// The delivery directory made (private) and resolved to an absolute path.
engine::Result<fs::path> outbox_directory(const std::string& dir) {
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
  return base;
}

// Claims left in other folders by killed file deliveries, finished there once no run holds
// their lock (a folder gone, or one a run is at work in, is left to it).
engine::Status finish_other_folders(sqlite::Database& db, sqlite::OutboxStore& store,
                                    const std::string& except, const std::string& from,
                                    const std::string& now_utc, DeliveryOutcome& outcome,
                                    std::vector<std::string>& refused) {
  std::error_code ec;
  for (const auto& other : store.claimed_destinations(except)) {
    std::unique_ptr<files::FileDescriptor> other_lock;
    if (!fs::is_directory(other, ec) || !lock_directory(other, other_lock, false).ok()) {
      continue;
    }
    if (auto status = remove_stale_temporaries(other); !status.ok()) {
      return status;
    }
    FileTransport files(other);
    DeliveryOutcome there;
    if (auto status = deliver_claimed(db, store, files, other, from, now_utc, there, refused);
        !status.ok()) {
      return status;
    }
    outcome.delivered += there.delivered;
    outcome.mails += there.mails;
  }
  return {};
}

}  // namespace

std::string eml_file_name(std::int64_t id) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "ehcp-%08lld.eml", static_cast<long long>(id));
  return buffer.data();
}

engine::Result<DeliveryOutcome> deliver_outbox(sqlite::Database& db,
                                               const config::NotifyConfig& notify,
                                               const std::string& dir, const std::string& now_utc,
                                               const std::string& claimant, bool files_only) {
  auto base = outbox_directory(dir);
  if (!base.ok()) {
    return base.status();
  }
  std::unique_ptr<files::FileDescriptor> lock;
  if (auto status = lock_directory(base.value(), lock, true); !status.ok()) {
    return status;
  }
  const bool smtp = !files_only && notify.transport == config::OutboxTransport::kSmtp;
  std::unique_ptr<Transport> transport;
  std::string destination = base.value().string();
  if (smtp) {
    auto password = config::smtp_password(notify.smtp);
    if (!password.ok()) {
      return password.status();
    }
    auto opened = SmtpTransport::open(notify.smtp, notify.from, password.value());
    if (!opened.ok()) {
      return opened.status();
    }
    transport = std::move(opened).value();
    // Claimed under this folder's lock, so no other run takes them while this one sends.
    destination = notify.smtp.url + " via " + destination;
  } else {
    if (auto status = remove_stale_temporaries(base.value()); !status.ok()) {
      return status;
    }
    transport = std::make_unique<FileTransport>(base.value());
  }
  DeliveryOutcome outcome;
  outcome.where = transport->where();
  std::vector<std::string> refused;
  try {
    sqlite::OutboxStore store(db.sql());
    if (auto status =
            finish_other_folders(db, store, destination, notify.from, now_utc, outcome, refused);
        !status.ok()) {
      return status;
    }
    // Then this destination's: a killed run's claims and every message not yet claimed, at once,
    // so that each person's night is one digest.
    {
      SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
      store.claim(destination, claimant, kEverything);
      tx.commit();
    }
    if (auto status = deliver_claimed(db, store, *transport, destination, notify.from, now_utc,
                                      outcome, refused);
        !status.ok()) {
      return status;
    }
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("read the outbox", e.what());
  }
  if (!refused.empty()) {
    std::string list;
    for (const auto& r : refused) {
      list += (list.empty() ? "" : "; ") + r;
    }
    return engine::Status::storage("deliver the outbox to " + outcome.where,
                                   std::to_string(outcome.mails) + " mail(s) delivered, " +
                                       std::to_string(refused.size()) +
                                       " refused and left undelivered: " + list);
  }
  return outcome;
}

engine::Result<DeliveryOutcome> deliver_to_directory(sqlite::Database& db, const std::string& dir,
                                                     const std::string& from,
                                                     const std::string& now_utc,
                                                     const std::string& claimant) {
  config::NotifyConfig notify;
  notify.from = from;
  return deliver_outbox(db, notify, dir, now_utc, claimant, true);
}

}  // namespace ehcp::adapters::notify
