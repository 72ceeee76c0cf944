-- Failed attempts that count towards a limit: wrong passwords per email (hashed, so an
-- unknown email is throttled like a known one and nothing here names a person) and
-- wrong invite codes per account. Rows older than the window are deleted as new ones come.
CREATE TABLE throttle_events (
    bucket TEXT NOT NULL CHECK (bucket IN ('login', 'join')),
    subject BLOB NOT NULL,               -- SHA-256 of the email or account id
    occurred_at TEXT NOT NULL
);
CREATE INDEX throttle_events_subject ON throttle_events (bucket, subject, occurred_at);
