-- Each person's calendar feed (GET /calendar/<token>.ics, web/pages/calendar_feed.cpp): the
-- token in the address is the credential, so only its hash is stored (hex SHA-256, as for
-- sessions), and a copy of the database opens no one's feed. One token a person: a new one
-- replaces the old, and revoking deletes the row.
CREATE TABLE calendar_tokens (
  user_name  TEXT PRIMARY KEY REFERENCES users (name),
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL       -- UTC ISO 8601
) WITHOUT ROWID;
