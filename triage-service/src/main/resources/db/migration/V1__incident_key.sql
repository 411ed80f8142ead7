-- What linking needs and nothing more: a keyed digest (HMAC-SHA-256, first 16 bytes) of each phone number,
-- e-mail, plate, address, URL, full name or narrative band of a recent tip, never the value itself.
CREATE TABLE incident_key (
    key_digest  BYTEA       NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    tip_id      VARCHAR(36) NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (key_digest, tip_id)
);

CREATE INDEX incident_key_received_at ON incident_key (received_at);
