-- What the board's measures group a clock by: an advice clock's service
-- ("educational_psychology"), a phase transfer's limb of reg 18 ("post16"). NULL for the rest.
-- `ehcp init` re-derives every case after this migration, so existing rows gain it.
ALTER TABLE clocks ADD COLUMN detail TEXT;

-- Mediations, appeals and Tribunal orders, read by the board's indicators straight from the
-- history (they take a case out of the 20-week rates). Few rows, so a partial index.
CREATE INDEX events_disagreements ON events (type, on_date, case_ref)
  WHERE type IN ('mediation_requested', 'mediation_held', 'appeal_lodged', 'tribunal_order');

-- The board pack reads three kinds of clock from these covering partial indexes alone, a few
-- hundred megabytes at national scale instead of a scan of every clock: each assessment's own
-- clocks by case and request day (joined to its workflow), advice by the day it was received,
-- reviews and transfers by their due day.
CREATE INDEX clocks_assessment_facts ON clocks (case_ref, start, clock, due, met_on, exception_on)
  WHERE clock IN ('decision_to_assess', 'no_plan_notice', 'final_plan');
CREATE INDEX clocks_advice_facts ON clocks (met_on, case_ref, start, due, detail)
  WHERE clock >= 'advice:' AND clock < 'advice;';
CREATE INDEX clocks_due_facts ON clocks (due, clock, case_ref, met_on, ended_on, detail)
  WHERE clock IN ('annual_review', 'review_decision', 'phase_transfer');
