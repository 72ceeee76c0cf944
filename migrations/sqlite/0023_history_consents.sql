-- Two people who link again can bring back the check-ins they both answered while linked
-- before. Each partner's agreement is a row here; when both have agreed, those check-ins
-- move into the new couple (in one transaction) and the rows go.
CREATE TABLE history_consents (
    couple_id BLOB NOT NULL REFERENCES couples (couple_id) ON DELETE CASCADE,
    user_id BLOB NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    agreed_at TEXT NOT NULL,
    PRIMARY KEY (couple_id, user_id)
);
