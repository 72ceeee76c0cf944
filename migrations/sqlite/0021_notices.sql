-- A calm word, shown once until dismissed, to someone a partner's step affected: the
-- partner unlinked, deleted their account, or stopped sharing with the therapist; or, to
-- a therapist, a couple stopped sharing. It names nobody (so a deleted partner leaves no
-- trace here) and goes when dismissed, with the person's account, or after 90 days.
CREATE TABLE notices (
    notice_id INTEGER PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN
        ('partner_unlinked', 'partner_deleted', 'therapist_stopped', 'couple_stopped')),
    created_at TEXT NOT NULL
);
CREATE INDEX notices_user ON notices (user_id, notice_id);
