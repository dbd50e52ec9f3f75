-- Docketed trigger events and the deadlines computed from them. Portable SQL: PostgreSQL and embedded H2.
-- A deadline keeps its due date, citation and explanation as computed when it was docketed, so a later change
-- to the rule data never silently moves a deadline already on a case.

CREATE TABLE case_events (
    id             UUID PRIMARY KEY,
    case_id        UUID         NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    rule_set       VARCHAR(60)  NOT NULL,
    trigger_event  VARCHAR(60)  NOT NULL,
    occurred_on    DATE         NOT NULL,
    occurred_time  TIME,
    service_method VARCHAR(20)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     UUID REFERENCES users (id)
);
CREATE INDEX case_events_case ON case_events (case_id, occurred_on);

CREATE TABLE deadlines (
    id          UUID PRIMARY KEY,
    case_id     UUID          NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    event_id    UUID          NOT NULL REFERENCES case_events (id) ON DELETE CASCADE,
    rule_id     VARCHAR(60)   NOT NULL,
    title       VARCHAR(300)  NOT NULL,
    due_date    DATE          NOT NULL,
    due_time    TIME,
    citation    VARCHAR(300)  NOT NULL,
    explanation VARCHAR(8000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX deadlines_case_due ON deadlines (case_id, due_date);
CREATE INDEX deadlines_due ON deadlines (due_date);
