CREATE TABLE tasks (
    id          UUID PRIMARY KEY,
    case_id     UUID REFERENCES cases (id) ON DELETE CASCADE,
    description VARCHAR(1000) NOT NULL,
    assignee_id UUID NOT NULL REFERENCES users (id),
    due_on      DATE,
    due_time    TIME,
    status      VARCHAR(20)   NOT NULL,
    created_by  UUID REFERENCES users (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX tasks_assignee ON tasks (assignee_id, status, due_on);
CREATE INDEX tasks_case ON tasks (case_id);

CREATE TABLE notes (
    id         UUID PRIMARY KEY,
    case_id    UUID NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    text       VARCHAR(100000) NOT NULL,
    author_id  UUID REFERENCES users (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX notes_case ON notes (case_id, created_at);
