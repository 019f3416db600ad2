#include "adapters/sqlite/event_store.h"

#include "adapters/jsonl/event_decoder.h"
#include "adapters/jsonl/quick_decoder.h"

namespace ehcp::adapters::sqlite {

EventStore::EventStore(SQLite::Database& db)
    : db_(db),
      insert_(db,
              "INSERT INTO events (case_ref, type, on_date, recorded_at, idem_id, author, payload)"
              " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idem_id) DO NOTHING"),
      by_id_(db, "SELECT seq, payload FROM events WHERE idem_id = ?"),
      by_case_(db, "SELECT seq, payload FROM events WHERE case_ref = ? ORDER BY on_date, seq") {}

std::optional<std::int64_t> EventStore::append(const engine::Event& event,
                                               const std::string& payload,
                                               const std::string& recorded_at) {
  const std::string type(engine::to_string(event.type()));
  const std::string on = engine::format_date(event.on);
  insert_.reset();
  insert_.clearBindings();
  insert_.bindNoCopy(1, event.case_ref);
  insert_.bindNoCopy(2, type);
  insert_.bindNoCopy(3, on);
  insert_.bindNoCopy(4, recorded_at);
  if (event.id) {
    insert_.bindNoCopy(5, *event.id);
  }
  if (event.by) {
    insert_.bindNoCopy(6, *event.by);
  }
  insert_.bindNoCopy(7, payload);
  if (insert_.exec() == 0) {
    return std::nullopt;
  }
  return db_.getLastInsertRowid();
}

std::optional<std::pair<std::int64_t, std::string>> EventStore::find_by_id(const std::string& id) {
  by_id_.reset();
  by_id_.bind(1, id);
  if (!by_id_.executeStep()) {
    return std::nullopt;
  }
  return std::make_pair(by_id_.getColumn(0).getInt64(), by_id_.getColumn(1).getString());
}

std::optional<std::string> EventStore::find_by_seq(std::int64_t seq) {
  // Prepared here, not once per store: only a correction asks.
  SQLite::Statement q(db_, "SELECT payload FROM events WHERE seq = ?");
  q.bind(1, seq);
  if (!q.executeStep()) {
    return std::nullopt;
  }
  return q.getColumn(0).getString();
}

engine::Result<std::vector<engine::RecordedEvent>> decode_payloads(
    const std::vector<StoredPayload>& rows) {
  std::vector<engine::RecordedEvent> events;
  events.reserve(rows.size());
  for (const auto& row : rows) {
    // Most stored payloads are read without a DOM; the rest (and any problem) as at import.
    if (auto quick = jsonl::quick_decode(row.payload)) {
      events.push_back({row.seq, std::move(*quick)});
      continue;
    }
    auto object = jsonl::parse_line(row.payload);
    if (!object.ok()) {
      return engine::Status::storage("read event " + std::to_string(row.seq),
                                     object.status().message());
    }
    auto event = jsonl::decode_event(object.value());
    if (!event.ok()) {
      return engine::Status::storage("decode event " + std::to_string(row.seq),
                                     event.status().message());
    }
    events.push_back({row.seq, std::move(event).value()});
  }
  return events;
}

std::vector<StoredPayload> EventStore::load_payloads(const std::string& case_ref) {
  std::vector<StoredPayload> rows;
  by_case_.reset();
  by_case_.bind(1, case_ref);
  while (by_case_.executeStep()) {
    rows.push_back({by_case_.getColumn(0).getInt64(), by_case_.getColumn(1).getString()});
  }
  return rows;
}

void EventStore::payloads_between(
    const std::string& first, const std::string& last,
    const std::function<void(const std::string& case_ref, StoredPayload)>& sink) {
  SQLite::Statement q(db_,
                      "SELECT case_ref, seq, payload FROM events WHERE case_ref BETWEEN ? AND ? "
                      "ORDER BY case_ref, on_date, seq");
  q.bind(1, first);
  q.bind(2, last);
  while (q.executeStep()) {
    sink(q.getColumn(0).getString(), {q.getColumn(1).getInt64(), q.getColumn(2).getString()});
  }
}

engine::Result<std::vector<engine::RecordedEvent>> EventStore::load_case(
    const std::string& case_ref) {
  return decode_payloads(load_payloads(case_ref));
}

void EventStore::for_each_payload(
    const std::optional<std::string>& case_ref,
    const std::function<void(std::int64_t, const std::string&)>& sink) {
  SQLite::Statement query(db_, case_ref ? "SELECT seq, payload FROM events WHERE case_ref = ? "
                                          "ORDER BY seq"
                                        : "SELECT seq, payload FROM events ORDER BY seq");
  if (case_ref) {
    query.bind(1, *case_ref);
  }
  while (query.executeStep()) {
    sink(query.getColumn(0).getInt64(), query.getColumn(1).getString());
  }
}

std::int64_t EventStore::count() {
  return db_.execAndGet("SELECT count(*) FROM events").getInt64();
}

void EventStore::note_latest_on(engine::Date on) {
  SQLite::Statement q(db_,
                      "INSERT INTO events_span (id, latest_on) VALUES (1, ?) ON CONFLICT (id) DO "
                      "UPDATE SET latest_on = max(latest_on, excluded.latest_on)");
  q.bind(1, engine::format_date(on));
  q.exec();
}

std::optional<engine::Date> EventStore::latest_on() {
  SQLite::Statement q(db_, "SELECT latest_on FROM events_span WHERE id = 1");
  if (!q.executeStep()) {
    return std::nullopt;
  }
  return engine::parse_date(q.getColumn(0).getString());
}

std::vector<std::int64_t> EventStore::seqs_after(const std::string& case_ref, std::int64_t seq) {
  SQLite::Statement q(db_, "SELECT seq FROM events WHERE case_ref = ? AND seq > ? ORDER BY seq");
  q.bind(1, case_ref);
  q.bind(2, seq);
  std::vector<std::int64_t> out;
  while (q.executeStep()) {
    out.push_back(q.getColumn(0).getInt64());
  }
  return out;
}

std::int64_t EventStore::last_seq(const std::string& case_ref) {
  SQLite::Statement q(db_, "SELECT COALESCE(MAX(seq), 0) FROM events WHERE case_ref = ?");
  q.bind(1, case_ref);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

}  // namespace ehcp::adapters::sqlite
