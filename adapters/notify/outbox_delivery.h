// adapters/notify/outbox_delivery.h
//
// Delivers the outbox to a directory: each undelivered message becomes one file,
// <dir>/ehcp-<id, 8 digits>.eml (see eml_message.h), and is marked delivered once that file is
// durably there. Until a real mail transport exists, whatever picks these files up is the
// transport.
//
// A run killed at any point loses nothing and duplicates nothing: a file is written under a
// temporary name and renamed, and the batch's files flushed to disk together (syncfs), before
// its messages are marked; a message written but not marked is written again under the same
// name with the same bytes.
// Each message is first claimed in the database for one directory (OutboxStore::claim), so two
// runs at once, to one directory or to two, never deliver a message twice; a message claimed by
// a run that was killed is finished by the next run, in the directory it was claimed for (a
// run to another directory finishes it there once no run holds that directory's lock). Runs on
// one directory take turns (an flock on <dir>/.ehcp-deliver.lock). Uses the caller's Database on
// the caller's thread; opens its own transactions, so the caller must not hold one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "adapters/sqlite/database.h"
#include "engine/status.h"

namespace ehcp::adapters::notify {

struct DeliveryOutcome {
  std::size_t delivered = 0;  // messages written and marked by this run
};

// Claims and writes every undelivered message of `db` to `dir` (created private if missing) as
// from `from`, and marks each delivered at `now_utc` (UTC ISO 8601) to the file's absolute
// path, in batches of 500, each claimed and marked in one transaction. `claimant` is recorded
// with each claim ("nightly 2026-05-26": the night counts what it delivered). A directory that
// cannot be made or written, or a store failure, is a kStorage Status naming the path; messages
// marked before it stay marked.
engine::Result<DeliveryOutcome> deliver_to_directory(
    sqlite::Database& db, const std::string& dir, const std::string& from,
    const std::string& now_utc, const std::string& claimant = "outbox deliver");

// The file name message `id` is delivered to: "ehcp-00000042.eml".
std::string eml_file_name(std::int64_t id);

}  // namespace ehcp::adapters::notify
