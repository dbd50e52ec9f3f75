-- Deadlines get a status (open or done, with who and when), users an e-mail address for reminders, and the firm
-- in-app notifications, reminder deliveries and calendar feeds. Portable SQL: PostgreSQL and embedded H2.

ALTER TABLE deadlines ADD COLUMN status VARCHAR(20) DEFAULT 'open' NOT NULL;
ALTER TABLE deadlines ADD COLUMN completed_by UUID REFERENCES users (id);
ALTER TABLE deadlines ADD COLUMN completed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX deadlines_status_due ON deadlines (status, due_date);

ALTER TABLE users ADD COLUMN email VARCHAR(300);

-- One row per message to one user; case_id lets every read re-apply ethical walls.
CREATE TABLE notifications (
    id           UUID PRIMARY KEY,
    recipient_id UUID          NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind         VARCHAR(60)   NOT NULL,
    title        VARCHAR(300)  NOT NULL,
    body         VARCHAR(4000),
    link         VARCHAR(500),
    case_id      UUID REFERENCES cases (id) ON DELETE CASCADE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX notifications_recipient ON notifications (recipient_id, created_at);

-- A reminder is claimed by inserting its row before it is sent: the primary key makes a second claim fail, on one
-- node or several, before or after a restart. The due date is part of the key, so a moved deadline is reminded
-- again on its new schedule.
CREATE TABLE reminder_deliveries (
    deadline_id  UUID        NOT NULL REFERENCES deadlines (id) ON DELETE CASCADE,
    due_date     DATE        NOT NULL,
    offset_days  INT         NOT NULL,
    recipient_id UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    claimed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    mail_status  VARCHAR(20) NOT NULL,
    mail_error   VARCHAR(500),
    PRIMARY KEY (deadline_id, due_date, offset_days, recipient_id)
);

-- Calendar subscriptions: only the SHA-256 of the secret token is stored.
CREATE TABLE calendar_feeds (
    id         UUID PRIMARY KEY,
    owner_id   UUID     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    case_id    UUID REFERENCES cases (id) ON DELETE CASCADE,
    token_hash CHAR(64) NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX calendar_feeds_owner ON calendar_feeds (owner_id);
