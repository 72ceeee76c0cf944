-- Wrong two-step codes are counted on their own, per account ('two_factor'): a right
-- password must not clear them. SQLite cannot change a CHECK, so the table is rebuilt.
CREATE TABLE throttle_events_new (
    bucket TEXT NOT NULL CHECK (bucket IN ('login', 'join', 'two_factor')),
    subject BLOB NOT NULL,               -- SHA-256 of the email or account id
    occurred_at TEXT NOT NULL
);
INSERT INTO throttle_events_new (bucket, subject, occurred_at)
    SELECT bucket, subject, occurred_at FROM throttle_events;
DROP TABLE throttle_events;
ALTER TABLE throttle_events_new RENAME TO throttle_events;
CREATE INDEX throttle_events_subject ON throttle_events (bucket, subject, occurred_at);

-- Recovery codes: 80 random bits, stored as HMAC-SHA256 under a random key of their own.
-- Codes made before this migration have no key (their hash is a plain SHA-256).
ALTER TABLE recovery_codes ADD COLUMN hash_key BLOB;

-- A therapist's share code works until this time; NULL (codes made before this
-- migration) means it has expired and the therapist makes a new one.
ALTER TABLE users ADD COLUMN therapist_code_expires_at TEXT;
