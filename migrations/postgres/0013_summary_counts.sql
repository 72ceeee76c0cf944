-- The summary's counts, kept as they happen, so a 1,000-check-in couple's summary costs
-- what a 100-check-in one does (issue 9: counting the history was the one part of the
-- page that grew with it).
-- Kept in step with migrations/sqlite/0013_summary_counts.sql: only type names differ.

-- Per couple: check-ins started and neither revealed nor set aside, and revealed ones.
-- Changed in the same statement or transaction that starts, reveals or sets aside one.
CREATE TABLE summary_counts (
    couple_id UUID PRIMARY KEY REFERENCES couples (couple_id) ON DELETE CASCADE,
    open_now BIGINT NOT NULL,
    completed BIGINT NOT NULL
);

-- Per couple and partner: check-ins that partner started (set-aside ones included).
CREATE TABLE summary_started (
    couple_id UUID NOT NULL REFERENCES couples (couple_id) ON DELETE CASCADE,
    user_id UUID NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    started BIGINT NOT NULL,
    PRIMARY KEY (couple_id, user_id)
);

INSERT INTO summary_counts (couple_id, open_now, completed)
SELECT couple_id,
       SUM(CASE WHEN revealed_at IS NULL AND dismissed_at IS NULL THEN 1 ELSE 0 END),
       SUM(CASE WHEN revealed_at IS NOT NULL THEN 1 ELSE 0 END)
FROM checkins GROUP BY couple_id;

INSERT INTO summary_started (couple_id, user_id, started)
SELECT couple_id, started_by, COUNT(*)
FROM checkins WHERE started_by IS NOT NULL GROUP BY couple_id, started_by;
