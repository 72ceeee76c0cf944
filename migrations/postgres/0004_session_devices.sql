-- Sessions people can see and end: a public id for forms, when each was last used and a
-- short device label. Recreated rather than altered, so both backends stay identical;
-- everyone signs in once more.
DROP TABLE sessions;
CREATE TABLE sessions (
    session_hash BYTEA PRIMARY KEY,       -- SHA-256 of the cookie's token
    public_id TEXT NOT NULL UNIQUE,       -- random; names the session in forms and pages
    user_id UUID NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    device TEXT NOT NULL,                 -- e.g. 'Firefox on Android'; never the full user agent
    created_at TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL       -- absolute lifetime; idle time is checked against last_seen_at
);
CREATE INDEX sessions_user ON sessions (user_id);
