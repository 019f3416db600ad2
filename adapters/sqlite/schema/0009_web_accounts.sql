-- The web service's accounts (web/): who may sign in, with which role and team; their
-- sessions; and the audit of every page that showed a child's record or was refused.
-- A user's name is the caseworker's name as the events record it ("Sam Okafor"), so that a
-- caseworker's My work is `ehcp queue --caseworker NAME`. Passwords are argon2id strings from
-- libsodium's crypto_pwhash_str (the salt and cost are in the string); a user signed in through
-- a trusted proxy header is found by email and may have no password.
CREATE TABLE users (
  name          TEXT PRIMARY KEY,
  role          TEXT NOT NULL CHECK (role IN ('caseworker', 'manager', 'board', 'admin')),
  team          TEXT,
  email         TEXT UNIQUE,
  password_hash TEXT,
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL      -- UTC ISO 8601
) WITHOUT ROWID;

-- A session's cookie holds a random 32-byte token; only its hash is stored, so a copy of the
-- database signs no one in. The CSRF token is per session. A session unused for the idle limit
-- has expired (checked on each request against last_seen).
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,     -- hex SHA-256 of the token
  user_name  TEXT NOT NULL REFERENCES users (name),
  csrf       TEXT NOT NULL,        -- hex, 32 random bytes
  created_at TEXT NOT NULL,
  last_seen  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions (user_name);

-- Append-only: the triggers refuse an update or a delete, and the nightly run never touches
-- it. outcome: 'shown' (a page with a child's record), 'refused' (403), 'signed_in',
-- 'sign_in_failed', 'signed_out', 'downloaded'.
CREATE TABLE audit (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,         -- UTC ISO 8601
  user_name TEXT,                  -- null: nobody signed in
  case_ref  TEXT,
  page      TEXT NOT NULL,         -- the path asked for, without its query
  remote    TEXT NOT NULL,         -- the client's address as the server saw it
  outcome   TEXT NOT NULL
);
CREATE INDEX audit_by_case ON audit (case_ref, at);
CREATE INDEX audit_by_user ON audit (user_name, at);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
