#include "adapters/sqlite/outbox_store.h"

namespace ehcp::adapters::sqlite {
namespace {

constexpr const char* kColumns =
    "id, case_ref, clock, start, rung, role, recipient, address, subject, body, created_on, "
    "created_at, delivered_at, delivered_to, due";

std::optional<std::string> text_or_null(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : std::optional<std::string>(c.getString());
}

// The rows of `q`, a SELECT of kColumns.
std::vector<OutboxMessage> read_messages(SQLite::Statement& q) {
  std::vector<OutboxMessage> out;
  while (q.executeStep()) {
    OutboxMessage m;
    m.id = q.getColumn(0).getInt64();
    m.case_ref = q.getColumn(1).getString();
    m.clock = q.getColumn(2).getString();
    m.start = *engine::parse_date(q.getColumn(3).getString());
    m.rung = q.getColumn(4).getString();
    m.role = q.getColumn(5).getString();
    m.recipient = q.getColumn(6).getString();
    m.address = q.getColumn(7).getString();
    m.subject = q.getColumn(8).getString();
    m.body = q.getColumn(9).getString();
    m.created_on = *engine::parse_date(q.getColumn(10).getString());
    m.created_at = q.getColumn(11).getString();
    m.delivered_at = text_or_null(q.getColumn(12));
    m.delivered_to = text_or_null(q.getColumn(13));
    // '' for a message queued before the due date named the clock (schema 5): its start stands.
    m.due = engine::parse_date(q.getColumn(14).getString()).value_or(m.start);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

OutboxStore::OutboxStore(SQLite::Database& db)
    : db_(db),
      insert_(db,
              "INSERT INTO outbox (case_ref, clock, start, rung, role, recipient, address, "
              "subject, body, created_on, created_at, due) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
              "?, ?) ON CONFLICT DO NOTHING"),
      mark_(db, "UPDATE outbox SET delivered_at = ?, delivered_to = ? WHERE id = ?") {}

std::optional<std::int64_t> OutboxStore::add(const OutboxMessage& m) {
  insert_.reset();
  insert_.bind(1, m.case_ref);
  insert_.bind(2, m.clock);
  insert_.bind(3, engine::format_date(m.start));
  insert_.bind(4, m.rung);
  insert_.bind(5, m.role);
  insert_.bind(6, m.recipient);
  insert_.bind(7, m.address);
  insert_.bind(8, m.subject);
  insert_.bind(9, m.body);
  insert_.bind(10, engine::format_date(m.created_on));
  insert_.bind(11, m.created_at);
  insert_.bind(12, engine::format_date(m.due));
  if (insert_.exec() == 0) {
    return std::nullopt;
  }
  return db_.getLastInsertRowid();
}

std::vector<OutboxMessage> OutboxStore::undelivered(std::size_t limit) {
  SQLite::Statement q(db_, std::string("SELECT ") + kColumns +
                               " FROM outbox WHERE delivered_at IS NULL ORDER BY id LIMIT ?");
  q.bind(1, static_cast<std::int64_t>(limit));
  return read_messages(q);
}

std::vector<OutboxMessage> OutboxStore::list(bool undelivered_only) {
  SQLite::Statement q(db_, std::string("SELECT ") + kColumns + " FROM outbox" +
                               (undelivered_only ? " WHERE delivered_at IS NULL" : "") +
                               " ORDER BY id");
  return read_messages(q);
}

std::size_t OutboxStore::claim(const std::string& destination, const std::string& claimant,
                               std::size_t limit) {
  SQLite::Statement q(db_,
                      "UPDATE outbox SET claimed_to = ?, claimed_by = ? WHERE id IN (SELECT id "
                      "FROM outbox WHERE delivered_at IS NULL AND claimed_to IS NULL ORDER BY id "
                      "LIMIT ?)");
  q.bind(1, destination);
  q.bind(2, claimant);
  q.bind(3, static_cast<std::int64_t>(limit));
  return static_cast<std::size_t>(q.exec());
}

std::vector<OutboxMessage> OutboxStore::claimed(const std::string& destination, std::size_t limit) {
  SQLite::Statement q(db_, std::string("SELECT ") + kColumns +
                               " FROM outbox WHERE delivered_at IS NULL AND claimed_to = ? "
                               "ORDER BY id LIMIT ?");
  q.bind(1, destination);
  q.bind(2, static_cast<std::int64_t>(limit));
  return read_messages(q);
}

std::vector<std::string> OutboxStore::claimed_destinations(const std::string& except) {
  SQLite::Statement q(db_,
                      "SELECT DISTINCT claimed_to FROM outbox WHERE delivered_at IS NULL AND "
                      "claimed_to IS NOT NULL AND claimed_to <> ? ORDER BY claimed_to");
  q.bind(1, except);
  std::vector<std::string> out;
  while (q.executeStep()) {
    out.push_back(q.getColumn(0).getString());
  }
  return out;
}

std::int64_t OutboxStore::count_delivered_by(const std::string& claimant) {
  SQLite::Statement q(db_,
                      "SELECT count(*) FROM outbox WHERE claimed_by = ? AND delivered_at IS NOT "
                      "NULL");
  q.bind(1, claimant);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

void OutboxStore::mark_delivered(std::int64_t id, const std::string& at, const std::string& to) {
  mark_.reset();
  mark_.bind(1, at);
  mark_.bind(2, to);
  mark_.bind(3, id);
  mark_.exec();
}

std::int64_t OutboxStore::count_undelivered() {
  SQLite::Statement q(db_, "SELECT count(*) FROM outbox WHERE delivered_at IS NULL");
  q.executeStep();
  return q.getColumn(0).getInt64();
}

}  // namespace ehcp::adapters::sqlite
