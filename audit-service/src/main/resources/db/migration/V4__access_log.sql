-- Every request to the audit API, allowed or refused: who asked (a reader's name, or 'unauthenticated'), with
-- which role, for what, and what they were answered. Like the audit log it is only ever appended to. Each row's
-- hash chains it to the row before (docs/audit.md), so a row changed, removed or slipped in later breaks the
-- chain for whoever kept the hashes of an earlier answer.
CREATE TABLE audit_access (
    seq    BIGINT       PRIMARY KEY CHECK (seq >= 0),
    at     TIMESTAMPTZ  NOT NULL,
    reader VARCHAR(64)  NOT NULL,
    role   VARCHAR(16),
    method VARCHAR(16)  NOT NULL,
    path   VARCHAR(512) NOT NULL,
    -- each parameter's values; null where a value was not kept
    query  JSONB        NOT NULL,
    status SMALLINT     NOT NULL,
    hash   BYTEA        NOT NULL CHECK (octet_length(hash) = 32)
);

CREATE INDEX audit_access_by_time ON audit_access (at, seq);

CREATE TRIGGER audit_access_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_access
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_access_no_truncate BEFORE TRUNCATE ON audit_access
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

REVOKE ALL ON audit_access FROM PUBLIC;
GRANT SELECT, INSERT ON audit_access TO tipline_audit_writer;
