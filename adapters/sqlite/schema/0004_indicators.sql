-- What the board's measures group a clock by: an advice clock's service
-- ("educational_psychology"), a phase transfer's limb of reg 18 ("post16"). NULL for the rest.
-- `ehcp init` re-derives every case after this migration, so existing rows gain it.
ALTER TABLE clocks ADD COLUMN detail TEXT;

-- Mediations, appeals and Tribunal orders, read by the board's indicators straight from the
-- history (they take a case out of the 20-week rates). Few rows, so a partial index.
CREATE INDEX events_disagreements ON events (type, on_date, case_ref)
  WHERE type IN ('mediation_requested', 'mediation_held', 'appeal_lodged', 'tribunal_order');

-- The board pack reads clocks from indexes alone, a few hundred megabytes at national scale
-- instead of a scan of every clock. Each assessment's own clocks are found by case, name and
-- start: the case index grows to cover them (one index, as before, so imports write no more
-- index entries for it). Advice is read by the day it was received, reviews and transfers by
-- their due day, from covering partial indexes.
DROP INDEX clocks_by_case;
CREATE INDEX clocks_by_case ON clocks (case_ref, clock, start, due, met_on, exception_on);
CREATE INDEX clocks_advice_facts ON clocks (met_on, case_ref, start, due, detail)
  WHERE clock >= 'advice:' AND clock < 'advice;';
CREATE INDEX clocks_due_facts ON clocks (due, clock, case_ref, met_on, ended_on, detail)
  WHERE clock IN ('annual_review', 'review_decision', 'phase_transfer');
