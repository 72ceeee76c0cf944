-- Consent at sign-up, and what operators need: disabled accounts, one-time password
-- reset links and sign-up codes for invite-only registration.
-- Kept in step with migrations/postgres/0010_consent_and_operator.sql: only type names differ.

-- What a person agreed to, which wording they saw, and when. Deleted with the person.
CREATE TABLE consents (
    user_id BLOB NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('data_storage')),
    version INTEGER NOT NULL,             -- the version of the wording shown
    given_at TEXT NOT NULL,
    PRIMARY KEY (user_id, kind, version)
);

-- Set by `mutual admin disable-user`: sign-in then fails like a wrong password.
ALTER TABLE users ADD COLUMN disabled_at TEXT;

-- Links printed by `mutual admin reset-password`: only the SHA-256 of the token is kept,
-- so a copy of the database opens no account. Each works once, for one hour.
CREATE TABLE password_resets (
    token_hash BLOB PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX password_resets_user ON password_resets (user_id);

-- Codes made by `mutual admin create-signup-code` for invite-only registration: hashed,
-- single use, with an expiry. They name nobody.
CREATE TABLE signup_codes (
    code_hash BLOB PRIMARY KEY,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
