// adapters/notify/outbox_delivery.h
//
// Delivers the outbox: the undelivered messages grouped into one digest per person per night
// (digest.h), each digest handed to a transport (an .eml file in a directory, or an SMTP
// server: smtp_transport.h), and every message it carries marked delivered once the transport
// holds it: the file durably on disk, or the server's acceptance of the message.
//
// Each message is first claimed in the database for one destination (OutboxStore::claim): the
// directory, or for SMTP the server's URL and the outbox directory whose lock the run holds. So
// two runs at once, to one destination or to two, never deliver a message twice; a message
// claimed by a run that was killed is finished by the next run to its destination (a run to
// another directory finishes a directory's claims there once no run holds that directory's
// lock). Runs on one outbox directory take turns (an flock on <dir>/.ehcp-deliver.lock),
// whatever the transport. A run claims every unclaimed message at once, so that a person's
// night is one digest.
//
// A run killed at any point loses nothing and duplicates nothing a file transport writes: a file
// is written under a temporary name and renamed, and the batch's files flushed to disk together
// (syncfs), before its messages are marked; a digest claimed or written but not marked is
// written again under the same name with the same bytes (the same rows). Over SMTP the one
// window left is a kill between the server's acceptance and the mark: the digest is then sent
// again with the same Message-ID, which mail systems use to drop the copy.
// Uses the caller's Database on the caller's thread; opens its own transactions, so the caller
// must not hold one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "adapters/config/la_config.h"
#include "adapters/notify/digest.h"
#include "adapters/sqlite/database.h"
#include "engine/status.h"

namespace ehcp::adapters::notify {

struct DeliveryOutcome {
  std::size_t delivered = 0;  // outbox messages marked by this run
  std::size_t mails = 0;      // digests they went in
  std::string where;          // the directory, or the SMTP server's URL
};

// Where digests go. Not shared across threads.
class Transport {
 public:
  virtual ~Transport() = default;
  // Hands on `eml`, the bytes of digest `d`: where it went (recorded as each message's
  // delivered_to) once the transport holds it. kInvalidInput when only this digest was refused
  // (a recipient the server will not take): the next ones are still tried; any other failure
  // stops the run.
  virtual engine::Result<std::string> send(const Digest& d, const std::string& eml) = 0;
  // Makes durable what send() handed on since the last call, before it is marked delivered.
  virtual engine::Status settle() { return {}; }
  // How many messages (rows) to send between settling and marking.
  virtual std::size_t batch() const = 0;
  // The directory or server, for what the command prints.
  virtual std::string where() const = 0;
};

// The outbox delivered as `notify` says (notify.transport: .eml files in `dir`, created private
// if missing, or SMTP), under `dir`'s delivery lock, each message claimed first by `claimant`
// ("nightly 2026-05-26": the night counts what it delivered) and marked delivered at `now_utc`
// (UTC ISO 8601). `files_only`: to `dir` whatever the configuration says (`ehcp outbox deliver
// --to DIR`). Messages marked before a failure stay marked. A directory that cannot be made or
// written, a password that cannot be read, or a store failure, is a Status naming it; a refused
// digest leaves its messages undelivered and, once the others are sent, is a kStorage Status
// naming its address and the server's reason.
engine::Result<DeliveryOutcome> deliver_outbox(sqlite::Database& db,
                                               const config::NotifyConfig& notify,
                                               const std::string& dir, const std::string& now_utc,
                                               const std::string& claimant = "outbox deliver",
                                               bool files_only = false);

// Files only, to `dir`, from `from`: deliver_outbox with files_only.
engine::Result<DeliveryOutcome> deliver_to_directory(
    sqlite::Database& db, const std::string& dir, const std::string& from,
    const std::string& now_utc, const std::string& claimant = "outbox deliver");

// The file name message `id` is delivered to: "ehcp-00000042.eml".
std::string eml_file_name(std::int64_t id);

}  // namespace ehcp::adapters::notify
