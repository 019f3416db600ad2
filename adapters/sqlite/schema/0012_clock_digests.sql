-- A digest of each case's clock rows (adapters/sqlite/clock_digest.h), written with the rows by
-- the clock store: `ehcp rederive` compares it with the digest of the clocks it derives and
-- reads a case's rows back only when the two differ. A case without a digest (its clocks were
-- written before this migration) has its rows compared whole instead, and its digest written.
-- Anything that changes clock rows other than the clock store must delete their digests.
CREATE TABLE clock_digests (
  case_ref TEXT PRIMARY KEY,
  digest   INTEGER NOT NULL     -- 64 bits, stored as a signed integer
) WITHOUT ROWID;
