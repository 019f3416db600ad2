-- What derived the clocks, workflows and case records (adapters/derivation/derivation.h): this
-- build's evaluation, the national rule packs and the LA configuration's calendar and rules. A
-- command run with other inputs finds the rows stale: it re-derives them first (the nightly
-- run, `ehcp rederive`) or refuses, saying what changed. One row; replaced, never appended.
-- `ehcp init` re-derives every case after this migration and writes the row.
CREATE TABLE derivation (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  fingerprint TEXT NOT NULL,
  inputs      TEXT NOT NULL,    -- canonical JSON of the inputs
  derived_at  TEXT NOT NULL     -- UTC ISO 8601
);
