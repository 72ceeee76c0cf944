-- Wrong two-step codes are counted on their own, per account ('two_factor'): a right
-- password must not clear them.
ALTER TABLE throttle_events DROP CONSTRAINT throttle_events_bucket_check;
ALTER TABLE throttle_events ADD CONSTRAINT throttle_events_bucket_check
    CHECK (bucket IN ('login', 'join', 'two_factor'));

-- Recovery codes: 80 random bits, stored as HMAC-SHA256 under a random key of their own.
-- Codes made before this migration have no key (their hash is a plain SHA-256).
ALTER TABLE recovery_codes ADD COLUMN hash_key BYTEA;

-- A therapist's share code works until this time; NULL (codes made before this
-- migration) means it has expired and the therapist makes a new one.
ALTER TABLE users ADD COLUMN therapist_code_expires_at TIMESTAMPTZ;
