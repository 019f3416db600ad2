-- The first review of a plan transferred in from another LA (reg 15(5)) is timed by its own
-- clock, `transfer_in_review`, and the board's "annual reviews completed on time" counts it
-- like any review, so the covering index of clocks due in a window takes it too.
-- `ehcp init` re-derives every case after this migration: histories with a plan made again
-- after it ceased gain the phase transfers of the new plan, which schema 5's evaluator missed.
DROP INDEX IF EXISTS clocks_due_facts;
CREATE INDEX clocks_due_facts ON clocks (due, clock, case_ref, met_on, ended_on, detail)
  WHERE clock IN ('annual_review', 'transfer_in_review', 'review_decision', 'phase_transfer');
