-- The client portal: which documents a case's client may see, dated milestones the firm tells the client about,
-- and secure messages between the client and the firm. Portable SQL for PostgreSQL and embedded H2.

-- A row means the document is shared with its case's client; unsharing deletes it (the audit trail keeps both).
CREATE TABLE document_shares (
    document_id UUID PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    shared_by   UUID REFERENCES users (id),
    shared_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE case_milestones (
    id             UUID PRIMARY KEY,
    case_id        UUID          NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    title          VARCHAR(200)  NOT NULL,
    occurs_on      DATE          NOT NULL,
    description    VARCHAR(2000),
    client_visible BOOLEAN       NOT NULL,
    created_by     UUID REFERENCES users (id),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_milestones_case ON case_milestones (case_id, occurs_on);

-- Read state is kept per side: the sender's side has read a message when it is sent.
CREATE TABLE case_messages (
    id                UUID PRIMARY KEY,
    case_id           UUID          NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    from_client       BOOLEAN       NOT NULL,
    author_id         UUID REFERENCES users (id),
    text              VARCHAR(5000) NOT NULL,
    sent_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    read_by_firm_at   TIMESTAMP WITH TIME ZONE,
    read_by_client_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX case_messages_case ON case_messages (case_id, sent_at);
