-- A delivery claims each message in the database before it writes it, so that two deliveries
-- at once (a nightly run and a hand-run `ehcp outbox deliver --to elsewhere`) never send one
-- message twice. claimed_to: the destination (the outbox folder's absolute path) it is being
-- delivered to; a claim left undelivered by a killed run is finished by the next delivery to
-- that destination, never sent anywhere else. claimed_by: who claimed it ("nightly
-- 2026-05-26", "outbox deliver"), from which the night's record counts what it delivered.
ALTER TABLE outbox ADD COLUMN claimed_to TEXT;
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
CREATE INDEX outbox_unclaimed ON outbox (id) WHERE delivered_at IS NULL AND claimed_to IS NULL;

-- The night's record totals the night from these ledgers (a run killed after its tick
-- committed is counted by the run that finishes the night).
CREATE INDEX escalations_by_tick ON escalations (ticked_on);
CREATE INDEX outbox_by_day ON outbox (created_on);
CREATE INDEX outbox_by_claimant ON outbox (claimed_by) WHERE claimed_by IS NOT NULL;
