// adapters/sqlite/event_store.h
//
// The append-only events table: append an event with its canonical payload, find an earlier
// event by idempotency id, load one case's history in replay order, stream every event in
// arrival order for export. Statements are prepared once per store. Callers own the
// transaction; the store never commits. One store per Database; not shared across threads.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "engine/event.h"
#include "engine/status.h"

namespace ehcp::adapters::sqlite {

// One stored event as it lies in the table: its seq and its JSON payload, not yet decoded.
struct StoredPayload {
  std::int64_t seq = 0;
  std::string payload;
};

// Decodes payloads read by EventStore::load_payloads, in their order. Pure, so that a caller
// reading many cases can decode them on other threads than the one that reads the database.
engine::Result<std::vector<engine::RecordedEvent>> decode_payloads(
    const std::vector<StoredPayload>& rows);

class EventStore {
 public:
  explicit EventStore(SQLite::Database& db);

  // Appends `event`; `payload` is its JSON object as received (unknown fields kept). Returns the
  // new seq, or nullopt when its id is already stored (nothing is written then; compare with
  // payload_for_id). Throws SQLite::Exception on storage failure (callers convert it at their
  // boundary).
  std::optional<std::int64_t> append(const engine::Event& event, const std::string& payload,
                                     const std::string& recorded_at);

  // The payload stored under idempotency id `id`, with its seq, if any.
  std::optional<std::pair<std::int64_t, std::string>> find_by_id(const std::string& id);

  // The payload stored as `seq`, if any.
  std::optional<std::string> find_by_seq(std::int64_t seq);

  // Keeps the latest effective date of any stored event (events_span), which an import raises.
  // Queues and reports as of an earlier date know from it that cases may have changed since.
  void note_latest_on(engine::Date on);
  std::optional<engine::Date> latest_on();

  // Every event of `case_ref`, decoded, in stored order (effective date, then arrival; call
  // engine::sort_for_replay for the full replay order).
  engine::Result<std::vector<engine::RecordedEvent>> load_case(const std::string& case_ref);

  // The same rows as load_case, undecoded (see decode_payloads).
  std::vector<StoredPayload> load_payloads(const std::string& case_ref);

  // The undecoded rows of every case from `first` to `last` (case references, both included),
  // by case reference and each case's rows in load_case's order: one walk of the index for a
  // whole batch of cases.
  void payloads_between(
      const std::string& first, const std::string& last,
      const std::function<void(const std::string& case_ref, StoredPayload)>& sink);

  // Calls `sink` with each stored payload in arrival order; all cases, or one.
  void for_each_payload(const std::optional<std::string>& case_ref,
                        const std::function<void(std::int64_t seq, const std::string&)>& sink);

  std::int64_t count();

  // The seqs of `case_ref`'s events after `seq`, in arrival order.
  std::vector<std::int64_t> seqs_after(const std::string& case_ref, std::int64_t seq);
  // The seq of `case_ref`'s latest event (0 for none): its version, as a form carries it.
  std::int64_t last_seq(const std::string& case_ref);

 private:
  SQLite::Database& db_;
  SQLite::Statement insert_;
  SQLite::Statement by_id_;
  SQLite::Statement by_case_;
};

}  // namespace ehcp::adapters::sqlite
