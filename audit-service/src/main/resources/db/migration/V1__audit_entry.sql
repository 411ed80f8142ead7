-- The audit log: one row per hop of a tip. Rows are only ever inserted; the triggers below make the
-- database itself refuse to change or remove what was recorded, whatever the code or an operator tries.
CREATE TABLE audit_entry (
    seq          BIGSERIAL    PRIMARY KEY,
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
    recorded_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- the same event consumed twice (redelivery after a crash or rebalance) is one entry
    UNIQUE (event_source, event_id, hop)
);

CREATE INDEX audit_entry_by_tip ON audit_entry (tip_id, at, seq);

CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on audit_entry refused', TG_OP;
END
$$;

CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();

CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
