-- Each workflow a case has had and the state it is in, derived like the clocks (the "stage"
-- the queues show).
CREATE TABLE workflows (
  case_ref TEXT NOT NULL,
  workflow TEXT NOT NULL,
  state    TEXT NOT NULL,
  opened   TEXT NOT NULL,
  closed   TEXT
);
CREATE INDEX workflows_by_case ON workflows (case_ref);

-- A team's or caseworker's queue reads its cases' unfinished clocks only.
CREATE INDEX clocks_unfinished_by_case ON clocks (case_ref, due)
  WHERE met_on IS NULL AND ended_on IS NULL;

-- Ticks, queues and reports as of a past date also need the clocks finished after that date:
-- found by the day they finished.
CREATE INDEX clocks_by_finish ON clocks (coalesce(met_on, ended_on));

-- One row per (case, clock, rung) ever reached: the unique key makes a second tick a no-op.
-- A clock is identified by case, name and start (a clock restarted by a later event is another).
-- Written by `ehcp tick`, never derived, never deleted: what was said, to whom, and when.
CREATE TABLE escalations (
  case_ref    TEXT NOT NULL,
  clock       TEXT NOT NULL,
  start       TEXT NOT NULL,
  rung        TEXT NOT NULL,
  due         TEXT NOT NULL,    -- the clock's due date when the rung was reached
  fires_on    TEXT NOT NULL,    -- the day the rung fell due
  ticked_on   TEXT NOT NULL,    -- the as-of date of the tick that recorded it
  outcome     TEXT NOT NULL CHECK (outcome IN ('notified', 'skipped')),
  recorded_at TEXT NOT NULL,    -- UTC ISO 8601
  PRIMARY KEY (case_ref, clock, start, rung)
) WITHOUT ROWID;

-- One message per recipient of a notified rung, until it is delivered (and kept after).
CREATE TABLE outbox (
  id           INTEGER PRIMARY KEY,
  case_ref     TEXT NOT NULL,
  clock        TEXT NOT NULL,
  start        TEXT NOT NULL,
  rung         TEXT NOT NULL,
  role         TEXT NOT NULL,   -- caseworker, team_manager, head_of_service
  recipient    TEXT NOT NULL,   -- display name
  address      TEXT NOT NULL,   -- e-mail address
  subject      TEXT NOT NULL,
  body         TEXT NOT NULL,
  created_on   TEXT NOT NULL,   -- the tick's as-of date
  created_at   TEXT NOT NULL,   -- UTC ISO 8601
  delivered_at TEXT,
  delivered_to TEXT,            -- the file (later: the transport) it went to
  UNIQUE (case_ref, clock, start, rung, role)
);
CREATE INDEX outbox_undelivered ON outbox (id) WHERE delivered_at IS NULL;

-- The nights `ehcp nightly` has completed, and what each did.
CREATE TABLE nightly_runs (
  as_of       TEXT PRIMARY KEY,
  finished_at TEXT NOT NULL,
  fired       INTEGER NOT NULL,
  skipped     INTEGER NOT NULL,
  messages    INTEGER NOT NULL,
  delivered   INTEGER NOT NULL,
  report      TEXT NOT NULL     -- the report file written
) WITHOUT ROWID;

-- Every statutory breach a recorded report has shown, with the first report that showed it: a
-- breach is new on D when it is first overdue on D, or overdue and not shown by an earlier report.
CREATE TABLE breach_ledger (
  case_ref       TEXT NOT NULL,
  clock          TEXT NOT NULL,
  start          TEXT NOT NULL,
  first_reported TEXT NOT NULL,
  PRIMARY KEY (case_ref, clock, start)
) WITHOUT ROWID;
