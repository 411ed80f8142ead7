-- Everything dispatch must not forget lives here, so a crash or restart loses no decision, held tip, timer or
-- pending delivery, and several dispatch instances can share the work.

-- One row per triaged tip: its decision, and for a held tip until when it waits for the victim's consent.
CREATE TABLE dispatch_tip (
    tip_id        UUID         PRIMARY KEY,
    status        VARCHAR(16)  NOT NULL,   -- HELD, FORWARDED, WITHHELD
    state         VARCHAR(8),
    priority      VARCHAR(4)   NOT NULL,
    hold_until    TIMESTAMPTZ,
    triaged       JSONB        NOT NULL,   -- the TipTriaged event, needed to settle a held tip
    decided       JSONB        NOT NULL,   -- the latest TipDecided event
    decided_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX dispatch_tip_held ON dispatch_tip (hold_until) WHERE status = 'HELD';

-- A consent answer given through the hotline; it may arrive before the tip is decided.
CREATE TABLE consent_answer (
    tip_id        UUID         PRIMARY KEY,
    consent       VARCHAR(16)  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);

-- Events written in the same transaction as the state change they announce, published after commit; a crash in
-- between leaves them here for the next sweep, so no decision goes unannounced.
CREATE TABLE outbox (
    event_id      VARCHAR(200) PRIMARY KEY,
    event_type    VARCHAR(64)  NOT NULL,
    tip_id        UUID         NOT NULL,
    payload       JSONB        NOT NULL,
    occurred_at   TIMESTAMPTZ  NOT NULL
);

-- One row per delivery of a tip to one endpoint; the webhook-id is the delivery id, the same on every attempt.
CREATE TABLE delivery (
    delivery_id        VARCHAR(100) PRIMARY KEY,
    tip_id             UUID         NOT NULL REFERENCES dispatch_tip (tip_id),
    endpoint           VARCHAR(40)  NOT NULL,   -- a state code, FALLBACK, or ST/escalation
    state              VARCHAR(8),
    priority           VARCHAR(4)   NOT NULL,
    received_at        TIMESTAMPTZ  NOT NULL,   -- intake time, for intake-to-delivered latency
    deadline           TIMESTAMPTZ  NOT NULL,
    body               TEXT         NOT NULL,   -- exactly what is POSTed, so every attempt sends the same bytes
    status             VARCHAR(16)  NOT NULL,   -- PENDING, DELIVERED
    attempts           INT          NOT NULL DEFAULT 0,
    next_attempt_at    TIMESTAMPTZ  NOT NULL,
    lease_until        TIMESTAMPTZ,
    breached_at        TIMESTAMPTZ,
    delivered_at       TIMESTAMPTZ,
    last_status        INT,
    last_error         VARCHAR(200),
    state_case_number  VARCHAR(128),
    created_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX delivery_pending_by_deadline ON delivery (deadline) WHERE status = 'PENDING';
CREATE INDEX delivery_by_tip ON delivery (tip_id);

-- Endpoints an operator must look at: a 410 Gone disables one until it is enabled again.
CREATE TABLE endpoint_status (
    endpoint      VARCHAR(40)  PRIMARY KEY,
    disabled_at   TIMESTAMPTZ  NOT NULL,
    reason        VARCHAR(200) NOT NULL
);
