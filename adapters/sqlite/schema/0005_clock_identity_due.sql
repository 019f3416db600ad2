-- A clock is identified by case, name, start and due. The law sets some clocks several limits
-- from the same day under the same name: a Tribunal order to assess runs `order:assess` for
-- 2, 10 and 14 weeks from the order (rules.md §6), one clock a limb. Each limb must climb its
-- own escalation ladder and be its own breach, so the due date joins the key of the rungs
-- reached, of the messages they queued and of the breach ledger. (A due date an LA moves by
-- overriding a limit is then a new deadline: its rungs are reached afresh.)

CREATE TABLE escalations_by_due (
  case_ref    TEXT NOT NULL,
  clock       TEXT NOT NULL,
  start       TEXT NOT NULL,
  rung        TEXT NOT NULL,
  due         TEXT NOT NULL,    -- the clock's due date: part of its identity
  fires_on    TEXT NOT NULL,    -- the day the rung fell due
  ticked_on   TEXT NOT NULL,    -- the as-of date of the tick that recorded it
  outcome     TEXT NOT NULL CHECK (outcome IN ('notified', 'skipped')),
  recorded_at TEXT NOT NULL,    -- UTC ISO 8601
  PRIMARY KEY (case_ref, clock, start, due, rung)
) WITHOUT ROWID;
INSERT INTO escalations_by_due
  SELECT case_ref, clock, start, rung, due, fires_on, ticked_on, outcome, recorded_at
  FROM escalations;
DROP TABLE escalations;
ALTER TABLE escalations_by_due RENAME TO escalations;

-- Each message takes the due date of the rung that queued it (the same case, clock, start
-- and rung had one due date before this migration).
CREATE TABLE outbox_by_due (
  id           INTEGER PRIMARY KEY,
  case_ref     TEXT NOT NULL,
  clock        TEXT NOT NULL,
  start        TEXT NOT NULL,
  due          TEXT NOT NULL,
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
  UNIQUE (case_ref, clock, start, due, rung, role)
);
INSERT INTO outbox_by_due
  SELECT o.id, o.case_ref, o.clock, o.start,
         ifnull((SELECT e.due FROM escalations e WHERE e.case_ref = o.case_ref AND
                 e.clock = o.clock AND e.start = o.start AND e.rung = o.rung), ''),
         o.rung, o.role, o.recipient, o.address, o.subject, o.body, o.created_on, o.created_at,
         o.delivered_at, o.delivered_to
  FROM outbox o;
DROP TABLE outbox;
ALTER TABLE outbox_by_due RENAME TO outbox;
CREATE INDEX outbox_undelivered ON outbox (id) WHERE delivered_at IS NULL;

-- A breach the ledger holds takes the due date of its clock as derived now ('' when the clock
-- is gone: it can no longer be shown).
CREATE TABLE breach_ledger_by_due (
  case_ref       TEXT NOT NULL,
  clock          TEXT NOT NULL,
  start          TEXT NOT NULL,
  due            TEXT NOT NULL,
  first_reported TEXT NOT NULL,
  PRIMARY KEY (case_ref, clock, start, due)
) WITHOUT ROWID;
INSERT INTO breach_ledger_by_due
  SELECT b.case_ref, b.clock, b.start,
         ifnull((SELECT c.due FROM clocks c WHERE c.case_ref = b.case_ref AND
                 c.clock = b.clock AND c.start = b.start LIMIT 1), ''),
         b.first_reported
  FROM breach_ledger b;
DROP TABLE breach_ledger;
ALTER TABLE breach_ledger_by_due RENAME TO breach_ledger;
