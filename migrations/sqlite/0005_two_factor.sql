-- Two-factor sign-in with time-based codes (TOTP) and single-use recovery codes.
CREATE TABLE totp_secrets (
    user_id BLOB PRIMARY KEY REFERENCES users (user_id) ON DELETE CASCADE,
    secret BLOB NOT NULL,                -- the shared secret, needed to check codes
    created_at TEXT NOT NULL,
    enabled_at TEXT,               -- NULL while enrolment is not confirmed
    last_step INTEGER NOT NULL             -- the last time step used: a code works once
);

CREATE TABLE recovery_codes (
    user_id BLOB NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    code_hash BLOB NOT NULL,             -- SHA-256 of a random 60-bit code, shown once
    used_at TEXT,
    PRIMARY KEY (user_id, code_hash)
);

-- A session whose password was right but whose second factor is still to come: it
-- grants nothing but the page that asks for the code.
ALTER TABLE sessions ADD COLUMN second_factor_pending INTEGER NOT NULL DEFAULT 0;
