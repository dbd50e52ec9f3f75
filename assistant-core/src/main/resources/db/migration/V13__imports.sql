-- CSV imports from other case-management systems. A job records its progress so that any node can report it;
-- import_keys makes a re-run of the same file create nothing new: each imported row's key (the source system's
-- id, the matter number, or the normalised contact name) points at what it created.
CREATE TABLE import_jobs (
    id          UUID PRIMARY KEY,
    kind        VARCHAR(20)  NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    filename    VARCHAR(300),
    total       INT          NOT NULL,
    processed   INT          NOT NULL,
    created     INT          NOT NULL,
    skipped     INT          NOT NULL,
    failed      INT          NOT NULL,
    created_by  UUID REFERENCES users (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE
);

-- Rows of a job that were not created: skipped (duplicates) or failed (errors), by line and column.
CREATE TABLE import_job_rows (
    job_id      UUID         NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
    line        BIGINT       NOT NULL,
    outcome     VARCHAR(20)  NOT NULL,
    column_name VARCHAR(300),
    message     VARCHAR(2000) NOT NULL
);
CREATE INDEX import_job_rows_job ON import_job_rows (job_id, line);

CREATE TABLE import_keys (
    kind         VARCHAR(20)  NOT NULL,
    external_key VARCHAR(400) NOT NULL,
    entity_id    UUID         NOT NULL,
    job_id       UUID         NOT NULL REFERENCES import_jobs (id),
    line         BIGINT       NOT NULL,
    PRIMARY KEY (kind, external_key)
);
