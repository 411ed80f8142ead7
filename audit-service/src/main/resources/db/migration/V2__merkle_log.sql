-- The audit log becomes a Merkle tree (RFC 9162): every entry gets a dense sequence number from 0, which is its
-- leaf index, and is stored with its canonical bytes and leaf hash. The first log numbered entries with a
-- BIGSERIAL, which leaves gaps, so it is kept as it was, read-only, and its rows are copied into the new log in
-- their order by the Java migration V3.
ALTER TABLE audit_entry RENAME TO audit_entry_v1;
ALTER TABLE audit_entry_v1 RENAME CONSTRAINT audit_entry_pkey TO audit_entry_v1_pkey;
ALTER TABLE audit_entry_v1 RENAME CONSTRAINT audit_entry_event_source_event_id_hop_key TO audit_entry_v1_event_key;
ALTER INDEX audit_entry_by_tip RENAME TO audit_entry_v1_by_tip;

CREATE TABLE audit_entry (
    seq          BIGINT       PRIMARY KEY CHECK (seq >= 0),
    tip_id       UUID         NOT NULL,
    hop          VARCHAR(32)  NOT NULL,
    service      VARCHAR(64)  NOT NULL,
    at           TIMESTAMPTZ  NOT NULL,
    outcome      VARCHAR(64),
    details      JSONB        NOT NULL,
    event_source VARCHAR(128) NOT NULL,
    event_id     VARCHAR(200) NOT NULL,
    event_type   VARCHAR(128) NOT NULL,
    event_digest CHAR(64)     NOT NULL,
    -- what the tree commits to: the canonical JSON of the entry (docs/audit.md) and SHA-256(0x00 || entry)
    entry        BYTEA        NOT NULL,
    leaf_hash    BYTEA        NOT NULL CHECK (octet_length(leaf_hash) = 32),
    recorded_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- the same event consumed twice (redelivery after a crash or rebalance) is one entry
    UNIQUE (event_source, event_id, hop)
);

CREATE INDEX audit_entry_by_tip ON audit_entry (tip_id, at, seq);
CREATE INDEX audit_entry_by_hop ON audit_entry (hop, at);

CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

-- Signed tree heads. A checkpoint is never replaced: a second one for the same size would be a fork.
CREATE TABLE audit_checkpoint (
    tree_size BIGINT      PRIMARY KEY CHECK (tree_size > 0),
    root_hash BYTEA       NOT NULL CHECK (octet_length(root_hash) = 32),
    issued_at TIMESTAMPTZ NOT NULL,
    key_id    VARCHAR(64) NOT NULL,
    signature BYTEA       NOT NULL
);

CREATE TRIGGER audit_checkpoint_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

-- Only when no tipline.audit.signing-key is configured (local mode, tests): the key generated on first start.
CREATE TABLE audit_signing_key (
    key_id      VARCHAR(64) PRIMARY KEY,
    private_key BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TRIGGER audit_signing_key_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_signing_key
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();

-- The service writes as tipline_audit_writer (spring.datasource.hikari.connection-init-sql), which may only
-- read and append: privileges refuse UPDATE, DELETE and TRUNCATE before the triggers are even asked. Flyway
-- runs as the owner (spring.flyway.user). Roles belong to the whole cluster, so another database may have
-- created it already.
DO $$
BEGIN
    CREATE ROLE tipline_audit_writer NOLOGIN;
EXCEPTION
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

REVOKE ALL ON audit_entry, audit_checkpoint, audit_signing_key, audit_entry_v1 FROM PUBLIC;
GRANT SELECT, INSERT ON audit_entry, audit_checkpoint, audit_signing_key TO tipline_audit_writer;
GRANT SELECT ON audit_entry_v1 TO tipline_audit_writer;
GRANT tipline_audit_writer TO "${service_login}";
