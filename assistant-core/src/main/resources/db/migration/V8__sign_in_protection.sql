-- Sign-in protection: failed attempts per username (lock-out), revoked tokens (sign-out), and a per-user token
-- generation that every token carries: raising it voids all of the user's tokens (sign out everywhere).
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

ALTER TABLE users ADD COLUMN token_generation INT DEFAULT 0 NOT NULL;
