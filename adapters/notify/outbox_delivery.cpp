#include "adapters/notify/outbox_delivery.h"

#include <array>
#include <cerrno>
#include <cstdio>
#include <filesystem>
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
constexpr ::mode_t kFileMode = 0640;  // the messages name children's cases: not world-readable
constexpr std::string_view kTempPrefix = ".ehcp-";
constexpr std::string_view kTempSuffix = ".eml.tmp";
constexpr std::string_view kLockName = ".ehcp-deliver.lock";

engine::Status io_error(const std::string& what, const fs::path& path, int err) {
  return engine::Status::storage(what + " " + path.string(), std::generic_category().message(err));
}

// Takes the directory's delivery lock, waiting for another run to finish; held until `lock`
// is destroyed (or the process dies: the kernel drops it).
engine::Status lock_directory(const fs::path& dir, std::unique_ptr<files::FileDescriptor>& lock) {
  const fs::path path = dir / kLockName;
  lock = std::make_unique<files::FileDescriptor>(
      ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, kFileMode));
  if (!lock->valid()) {
    return io_error("open lock", path, errno);
  }
  while (::flock(lock->get(), LOCK_EX) != 0) {
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
// crash before the settle leaves them unmarked, so they are sent again, whole.
engine::Status mark_sent(sqlite::Database& db, Transport& transport, std::vector<Sent>& sent,
                         const std::string& now_utc, DeliveryOutcome& outcome) {
  if (sent.empty()) {
    return {};
  }
  if (auto status = transport.settle(); !status.ok()) {
    return status;
  }
  try {
    sqlite::OutboxStore store(db.sql());
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

// The delivery directory made and resolved to an absolute path.
engine::Result<fs::path> outbox_directory(const std::string& dir) {
  if (dir.empty()) {
    return engine::Status::storage("deliver the outbox", "no directory given");
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    return engine::Status::storage("create outbox directory " + dir, ec.message());
  }
  if (!fs::is_directory(dir, ec)) {
    return engine::Status::storage("outbox directory " + dir, "not a directory");
  }
  const fs::path base = fs::absolute(dir, ec).lexically_normal();
  if (ec) {
    return engine::Status::storage("outbox directory " + dir, ec.message());
  }
  return base;
}

}  // namespace

std::string eml_file_name(std::int64_t id) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "ehcp-%08lld.eml", static_cast<long long>(id));
  return buffer.data();
}

engine::Result<DeliveryOutcome> deliver(sqlite::Database& db, Transport& transport,
                                        const std::string& from, const std::string& now_utc) {
  DeliveryOutcome outcome;
  outcome.where = transport.where();
  std::vector<Digest> digests;
  try {
    digests = digests_of(sqlite::OutboxStore(db.sql()).list(true));
  } catch (const SQLite::Exception& e) {
    return engine::Status::storage("read the outbox", e.what());
  }
  std::vector<Sent> sent;
  std::size_t sent_rows = 0;
  std::vector<std::string> refused;
  for (const auto& d : digests) {
    auto to = transport.send(d, to_eml(d.mail, from));
    if (!to.ok() && to.status().code() == engine::ErrorCode::kInvalidInput) {
      refused.push_back(d.mail.address + ": " + to.status().message());
      continue;
    }
    if (!to.ok()) {
      // What was sent before the failure is marked: it was handed on, and would otherwise be
      // sent again by the next run.
      if (auto status = mark_sent(db, transport, sent, now_utc, outcome); !status.ok()) {
        return status;
      }
      return to.status();
    }
    sent.push_back({&d, std::move(to).value()});
    sent_rows += d.ids.size();
    if (sent_rows >= transport.batch()) {
      if (auto status = mark_sent(db, transport, sent, now_utc, outcome); !status.ok()) {
        return status;
      }
      sent_rows = 0;
    }
  }
  if (auto status = mark_sent(db, transport, sent, now_utc, outcome); !status.ok()) {
    return status;
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

engine::Result<DeliveryOutcome> deliver_outbox(sqlite::Database& db,
                                               const config::NotifyConfig& notify,
                                               const std::string& dir, const std::string& now_utc,
                                               bool files_only) {
  auto base = outbox_directory(dir);
  if (!base.ok()) {
    return base.status();
  }
  std::unique_ptr<files::FileDescriptor> lock;
  if (auto status = lock_directory(base.value(), lock); !status.ok()) {
    return status;
  }
  if (files_only || notify.transport == config::OutboxTransport::kFiles) {
    if (auto status = remove_stale_temporaries(base.value()); !status.ok()) {
      return status;
    }
    FileTransport files(base.value());
    return deliver(db, files, notify.from, now_utc);
  }
  auto password = config::smtp_password(notify.smtp);
  if (!password.ok()) {
    return password.status();
  }
  auto smtp = SmtpTransport::open(notify.smtp, notify.from, password.value());
  if (!smtp.ok()) {
    return smtp.status();
  }
  return deliver(db, *smtp.value(), notify.from, now_utc);
}

engine::Result<DeliveryOutcome> deliver_to_directory(sqlite::Database& db, const std::string& dir,
                                                     const std::string& from,
                                                     const std::string& now_utc) {
  config::NotifyConfig notify;
  notify.from = from;
  return deliver_outbox(db, notify, dir, now_utc, true);
}

}  // namespace ehcp::adapters::notify
