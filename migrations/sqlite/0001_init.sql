-- Core schema: people, sessions, couples, invites, the prompt library's tables, check-ins.
-- Kept in step with migrations/postgres/0001_init.sql: only type names differ.

CREATE TABLE users (
    user_id BLOB PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,           -- stored lower-cased
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,          -- argon2id PHC string
    created_at TEXT NOT NULL
);

-- Server-side sessions. The cookie holds a random token; only its SHA-256 is stored,
-- so a copy of the database yields no live session.
CREATE TABLE sessions (
    session_hash BLOB PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE couples (
    couple_id BLOB PRIMARY KEY,
    created_at TEXT NOT NULL,
    ended_at TEXT                  -- set when either partner unlinks
);

-- Both partners are rows here, so neither is "partner A".
CREATE TABLE couple_members (
    couple_id BLOB NOT NULL REFERENCES couples (couple_id) ON DELETE CASCADE,
    user_id BLOB NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    joined_at TEXT NOT NULL,
    left_at TEXT,
    PRIMARY KEY (couple_id, user_id)
);
-- A person is in at most one active couple.
CREATE UNIQUE INDEX couple_members_one_active ON couple_members (user_id) WHERE left_at IS NULL;

CREATE TABLE invites (
    invite_id BLOB PRIMARY KEY,
    inviter_id BLOB NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    code TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    used_by BLOB REFERENCES users (user_id) ON DELETE SET NULL
);
CREATE INDEX invites_inviter ON invites (inviter_id);

CREATE TABLE prompt_sets (
    prompt_set_id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    position INTEGER NOT NULL UNIQUE
);

CREATE TABLE prompts (
    prompt_id TEXT PRIMARY KEY,
    prompt_set_id TEXT NOT NULL REFERENCES prompt_sets (prompt_set_id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('scale', 'choice', 'text')),
    text TEXT NOT NULL,
    help TEXT,
    scale_low_label TEXT,
    scale_high_label TEXT,
    role TEXT CHECK (role IN ('mattered_equally', 'keep', 'change')),
    source TEXT NOT NULL,
    UNIQUE (prompt_set_id, position)
);

CREATE TABLE prompt_choices (
    prompt_id TEXT NOT NULL REFERENCES prompts (prompt_id),
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (prompt_id, position)
);

CREATE TABLE checkins (
    checkin_id BLOB PRIMARY KEY,
    couple_id BLOB NOT NULL REFERENCES couples (couple_id) ON DELETE CASCADE,
    prompt_set_id TEXT NOT NULL REFERENCES prompt_sets (prompt_set_id),
    started_by BLOB REFERENCES users (user_id) ON DELETE SET NULL,
    moment_on TEXT,                       -- optional: when the moment was
    created_at TEXT NOT NULL,
    revealed_at TEXT,              -- set once, when the second partner submits
    dismissed_at TEXT,
    dismissed_by BLOB REFERENCES users (user_id) ON DELETE SET NULL
);
CREATE INDEX checkins_couple ON checkins (couple_id, created_at);

-- One row per partner who has submitted; its presence is what "submitted" means.
CREATE TABLE checkin_submissions (
    checkin_id BLOB NOT NULL REFERENCES checkins (checkin_id) ON DELETE CASCADE,
    user_id BLOB NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    submitted_at TEXT NOT NULL,
    PRIMARY KEY (checkin_id, user_id)
);

-- A skipped prompt has no row.
CREATE TABLE answers (
    checkin_id BLOB NOT NULL REFERENCES checkins (checkin_id) ON DELETE CASCADE,
    user_id BLOB NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    prompt_id TEXT NOT NULL REFERENCES prompts (prompt_id),
    value_int INTEGER,                    -- scale 1..5, or a choice's position
    value_text TEXT,                      -- free text
    is_private INTEGER NOT NULL,          -- only its author ever sees it
    updated_at TEXT NOT NULL,
    PRIMARY KEY (checkin_id, user_id, prompt_id)
);
