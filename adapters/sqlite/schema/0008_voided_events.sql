-- Corrections (event_voided) are few among many events: the board pack reads them through this
-- index to leave the events they void out of its counts of mediations, appeals and Tribunal
-- orders, without a scan of every event.
CREATE INDEX events_voids ON events (case_ref) WHERE type = 'event_voided';
