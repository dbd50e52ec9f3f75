-- Each user's conversation with the assistant, shared by every web node: the case opened last (the context of the
-- following commands) and the question asked back, if one is waiting for its answer ("the second one").
CREATE TABLE conversation_contexts (
    user_id                UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    case_id                UUID REFERENCES cases (id) ON DELETE SET NULL,
    case_opened_at         TIMESTAMP WITH TIME ZONE,
    pending_id             UUID,
    pending_intent         VARCHAR(40),
    pending_slot           VARCHAR(40),
    pending_slots          VARCHAR(20000),
    pending_choices        VARCHAR(100000),
    pending_question       VARCHAR(4000),
    pending_reference_time TIMESTAMP WITH TIME ZONE,
    pending_expires_at     TIMESTAMP WITH TIME ZONE,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
