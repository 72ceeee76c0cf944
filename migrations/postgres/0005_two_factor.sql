-- Two-factor sign-in with time-based codes (TOTP) and single-use recovery codes.
CREATE TABLE totp_secrets (
    user_id UUID PRIMARY KEY REFERENCES users (user_id) ON DELETE CASCADE,
    secret BYTEA NOT NULL,                -- the shared secret, needed to check codes
    created_at TIMESTAMPTZ NOT NULL,
    enabled_at TIMESTAMPTZ,               -- NULL while enrolment is not confirmed
    last_step BIGINT NOT NULL             -- the last time step used: a code works once
);

CREATE TABLE recovery_codes (
    user_id UUID NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    code_hash BYTEA NOT NULL,             -- SHA-256 of a random 60-bit code, shown once
    used_at TIMESTAMPTZ,
    PRIMARY KEY (user_id, code_hash)
);

-- A session whose password was right but whose second factor is still to come: it
-- grants nothing but the page that asks for the code.
ALTER TABLE sessions ADD COLUMN second_factor_pending BOOLEAN NOT NULL DEFAULT FALSE;
