-- Case teams (who works the matter) and ethical walls (who must see nothing of it).
CREATE TABLE case_team (
    case_id  UUID NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    user_id  UUID NOT NULL REFERENCES users (id),
    added_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, user_id)
);

CREATE TABLE case_screens (
    case_id     UUID NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    user_id     UUID NOT NULL REFERENCES users (id),
    screened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    reason      VARCHAR(500),
    PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_screens_user ON case_screens (user_id);
