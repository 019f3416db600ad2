// adapters/sqlite/outbox_store.h
//
// The outbox table: one message per recipient of a notified escalation rung, written in the
// same transaction as the rung (so a tick killed half-way leaves neither), delivered later and
// marked so once written. A delivery first claims the messages it will send for its destination
// (claim()), so two deliveries never take the same message. Callers own the transaction. One
// store per Database; not shared.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "engine/civil_date.h"

namespace ehcp::adapters::sqlite {

struct OutboxMessage {
  std::int64_t id = 0;  // assigned by add()
  std::string case_ref;
  std::string clock;
  engine::Date start;
  engine::Date due;  // with case, clock and start, names the clock (one limb of several)
  std::string rung;
  std::string role;       // caseworker, team_manager, head_of_service
  std::string recipient;  // display name: "Omar Quillfeather", "Team manager, East"
  std::string address;    // "omar.quillfeather@exampleshire.example"
  std::string subject;
  std::string body;         // plain text, lines separated by "\n"
  engine::Date created_on;  // the tick's as-of date
  std::string created_at;   // UTC ISO 8601: 2026-05-26T01:00:00Z
  std::optional<std::string> delivered_at;
  std::optional<std::string> delivered_to;
};

class OutboxStore {
 public:
  explicit OutboxStore(SQLite::Database& db);

  // Adds `message` (its id is ignored) and returns its id; nullopt when a message for the same
  // (case, clock, start, due, rung, role) is already there.
  std::optional<std::int64_t> add(const OutboxMessage& message);

  // Up to `limit` undelivered messages, oldest first.
  std::vector<OutboxMessage> undelivered(std::size_t limit);

  // Claims up to `limit` undelivered, unclaimed messages, oldest first, for delivery to
  // `destination` by `claimant`; returns how many. Run it in an IMMEDIATE transaction: two
  // claims then never take one message.
  std::size_t claim(const std::string& destination, const std::string& claimant, std::size_t limit);

  // Up to `limit` messages claimed for `destination` and not yet delivered, oldest first.
  std::vector<OutboxMessage> claimed(const std::string& destination, std::size_t limit);

  // Every destination other than `except` with messages claimed and not delivered.
  std::vector<std::string> claimed_destinations(const std::string& except);

  // How many messages `claimant` claimed that are now delivered.
  std::int64_t count_delivered_by(const std::string& claimant);

  // Every message, or only the undelivered ones, oldest first.
  std::vector<OutboxMessage> list(bool undelivered_only);

  // Marks message `id` delivered at `at` (UTC ISO 8601) to `to` (e.g. the file written).
  void mark_delivered(std::int64_t id, const std::string& at, const std::string& to);

  std::int64_t count_undelivered();

 private:
  SQLite::Database& db_;
  SQLite::Statement insert_;
  SQLite::Statement mark_;
};

}  // namespace ehcp::adapters::sqlite
