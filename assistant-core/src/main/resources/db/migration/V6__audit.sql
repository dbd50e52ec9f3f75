-- The audit trail: append-only, each record chained to the one before by SHA-256, so an edited or deleted record
-- is detected. audit_head holds the chain's end; locking it serialises appends (one chain, no forks).
CREATE TABLE audit_records (
    seq         BIGINT PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id    UUID,
    actor_name  VARCHAR(100)  NOT NULL,
    action      VARCHAR(60)   NOT NULL,
    entity_kind VARCHAR(30)   NOT NULL,
    entity_id   VARCHAR(60),
    case_id     UUID,
    origin      VARCHAR(200),
    details     VARCHAR(2000),
    prev_hash   CHAR(64)      NOT NULL,
    hash        CHAR(64)      NOT NULL
);
CREATE INDEX audit_records_case ON audit_records (case_id, seq);

CREATE TABLE audit_head (
    id        INT PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
