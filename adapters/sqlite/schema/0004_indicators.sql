-- What the board's measures group a clock by: an advice clock's service
-- ("educational_psychology"), a phase transfer's limb of reg 18 ("post16"). NULL for the rest.
-- `ehcp init` re-derives every case after this migration, so existing rows gain it.
ALTER TABLE clocks ADD COLUMN detail TEXT;

-- Mediations, appeals and Tribunal orders, read by the board's indicators straight from the
-- history (they take a case out of the 20-week rates). Few rows, so a partial index.
CREATE INDEX events_disagreements ON events (type, on_date, case_ref)
  WHERE type IN ('mediation_requested', 'mediation_held', 'appeal_lodged', 'tribunal_order');
