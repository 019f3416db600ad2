-- Every clock each case has ever had, derived from its events and rewritten whenever they
-- change. A clock's status on any date is a pure function of its row (engine/clock.h), so the
-- breach report as it stood on any day is a query over this table.
CREATE TABLE clocks (
  case_ref        TEXT NOT NULL,
  clock           TEXT NOT NULL,
  workflow        TEXT NOT NULL,
  start           TEXT NOT NULL,
  due             TEXT NOT NULL,
  met_on          TEXT,
  ended_on        TEXT,
  exception_on    TEXT,
  statutory       INTEGER NOT NULL,
  basis           TEXT NOT NULL,
  exception_basis TEXT
);
CREATE INDEX clocks_by_case ON clocks (case_ref);
-- The queues and the nightly run look for unfinished clocks by due date.
CREATE INDEX clocks_unfinished_by_due ON clocks (due) WHERE met_on IS NULL AND ended_on IS NULL;
