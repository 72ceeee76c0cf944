-- Therapists: a role on an account, a share code couples use to invite them, links that
-- become active only when both partners have consented, and a log of every look.
ALTER TABLE users ADD COLUMN is_therapist INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN therapist_code TEXT;
CREATE UNIQUE INDEX users_therapist_code ON users (therapist_code);

CREATE TABLE therapist_links (
    link_id BLOB PRIMARY KEY,
    couple_id BLOB NOT NULL REFERENCES couples (couple_id) ON DELETE CASCADE,
    therapist_id BLOB NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    revoked_at TEXT                -- either partner can revoke; then the therapist sees nothing
);
CREATE UNIQUE INDEX therapist_links_one_open ON therapist_links (couple_id, therapist_id) WHERE revoked_at IS NULL;
CREATE INDEX therapist_links_therapist ON therapist_links (therapist_id);

-- Each partner's own consent; what the therapist may see is the more restrictive of two.
CREATE TABLE therapist_consents (
    link_id BLOB NOT NULL REFERENCES therapist_links (link_id) ON DELETE CASCADE,
    user_id BLOB NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),  -- 1 status, 2 + scales, 3 + words
    accepted_at TEXT NOT NULL,
    PRIMARY KEY (link_id, user_id)
);

CREATE TABLE therapist_access_log (
    link_id BLOB NOT NULL REFERENCES therapist_links (link_id) ON DELETE CASCADE,
    viewed TEXT NOT NULL,                 -- what was looked at, in plain words
    viewed_at TEXT NOT NULL
);
CREATE INDEX therapist_access_log_link ON therapist_access_log (link_id, viewed_at);
