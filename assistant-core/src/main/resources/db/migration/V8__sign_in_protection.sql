-- Sign-in protection: failed attempts per username (lock-out), revoked tokens (sign-out), and a per-user moment
-- before which every token is void (sign out everywhere, password change).
CREATE TABLE login_attempts (
    username        VARCHAR(100) PRIMARY KEY,
    failures        INT NOT NULL,
    first_failed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE
);

CREATE TABLE revoked_tokens (
    token_id   VARCHAR(64) PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE users ADD COLUMN tokens_not_before TIMESTAMP WITH TIME ZONE;
