-- Matching reads, per key, only its most recent tips: this index serves that directly, so a key shared by
-- thousands of tips (a common phrase, a hotline's own number) costs no more than a rare one.
CREATE INDEX incident_key_by_key_recent ON incident_key (key_digest, received_at DESC);
