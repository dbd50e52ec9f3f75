-- Document templates (.docx with placeholders) and their versions. Portable SQL: PostgreSQL and embedded H2.
-- Template files are small (at most 10 MiB), so each version's bytes live in the row: a template and its contents
-- commit together, and every node of a cluster reads the same ones.

CREATE TABLE templates (
    id            UUID PRIMARY KEY,
    name          VARCHAR(200)  NOT NULL UNIQUE,
    description   VARCHAR(2000),
    document_kind VARCHAR(100),
    -- the key of a starter template shipped with Dictum; NULL for the firm's own templates
    starter_key   VARCHAR(60) UNIQUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    UUID REFERENCES users (id),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE template_versions (
    template_id  UUID          NOT NULL REFERENCES templates (id) ON DELETE CASCADE,
    version      INT           NOT NULL,
    filename     VARCHAR(300)  NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    sha256       CHAR(64)      NOT NULL,
    -- the placeholder names the version uses, comma-separated, for listing without opening the file
    placeholders VARCHAR(4000) NOT NULL,
    content      BYTEA         NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   UUID REFERENCES users (id),
    PRIMARY KEY (template_id, version)
);
