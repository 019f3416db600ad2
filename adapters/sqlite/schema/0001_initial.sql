-- The event history is the truth: events are appended, never updated or deleted.
CREATE TABLE events (
  seq         INTEGER PRIMARY KEY,      -- arrival order across the whole database
  case_ref    TEXT NOT NULL,
  type        TEXT NOT NULL,
  on_date     TEXT NOT NULL,            -- effective date, YYYY-MM-DD (London civil date)
  recorded_at TEXT NOT NULL,            -- when this database learned the fact, UTC ISO 8601
  idem_id     TEXT UNIQUE,              -- the event's `id`: applied once
  author      TEXT,                     -- the event's `by`
  payload     TEXT NOT NULL             -- the event object as imported, unknown fields kept
);
CREATE INDEX events_by_case ON events (case_ref, on_date, seq);

CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;

-- Derived from the Case events of each case; rebuilt whenever a case's events change.
CREATE TABLE cases (
  case_ref      TEXT PRIMARY KEY,
  opened_on     TEXT NOT NULL,
  given_name    TEXT NOT NULL,
  family_name   TEXT NOT NULL,
  dob           TEXT NOT NULL,
  gender        TEXT,
  ethnicity     TEXT,
  upn           TEXT,
  caseworker    TEXT,
  team          TEXT,
  setting_name  TEXT,
  setting_phase TEXT,
  year_group_override INTEGER,
  closed_on     TEXT,
  close_reason  TEXT
) WITHOUT ROWID;
CREATE INDEX cases_by_team ON cases (team, caseworker);
