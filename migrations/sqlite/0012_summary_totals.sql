-- Pages that cost the same however long a couple's history (issue 9).
-- Kept in step with migrations/postgres/0012_summary_totals.sql: only type names differ.

-- Running totals behind the couple summary, so a 1,000-check-in history costs what a
-- 100-check-in one does. They grow in the same transaction that reveals a check-in
-- (answers never change after the reveal; see store::summaries), and are filled here
-- from the check-ins revealed so far.
CREATE TABLE summary_scale_totals (
    couple_id BLOB NOT NULL REFERENCES couples (couple_id) ON DELETE CASCADE,
    prompt_id TEXT NOT NULL REFERENCES prompts (prompt_id),
    user_id BLOB NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    answered INTEGER NOT NULL,                 -- revealed, non-private answers
    total INTEGER NOT NULL,                    -- their sum
    PRIMARY KEY (couple_id, prompt_id, user_id)
);

-- Of the revealed check-ins where both answered "did my experience matter as much",
-- how many, and how many had both at 4 or 5.
CREATE TABLE summary_agreement (
    couple_id BLOB PRIMARY KEY REFERENCES couples (couple_id) ON DELETE CASCADE,
    both_answered INTEGER NOT NULL,
    both_high INTEGER NOT NULL
);

INSERT INTO summary_scale_totals (couple_id, prompt_id, user_id, answered, total)
SELECT c.couple_id, a.prompt_id, a.user_id, COUNT(*), SUM(a.value_int)
FROM checkins c
JOIN answers a ON a.checkin_id = c.checkin_id
JOIN prompts p ON p.prompt_id = a.prompt_id
WHERE c.revealed_at IS NOT NULL AND p.kind = 'scale' AND a.value_int IS NOT NULL
  AND a.is_private = FALSE
GROUP BY c.couple_id, a.prompt_id, a.user_id;

INSERT INTO summary_agreement (couple_id, both_answered, both_high)
SELECT t.couple_id, COUNT(*), SUM(CASE WHEN t.lowest >= 4 THEN 1 ELSE 0 END)
FROM (SELECT c.couple_id, a.checkin_id, MIN(a.value_int) AS lowest, COUNT(*) AS n
      FROM checkins c
      JOIN answers a ON a.checkin_id = c.checkin_id
      JOIN prompts p ON p.prompt_id = a.prompt_id
      WHERE c.revealed_at IS NOT NULL AND p.role = 'mattered_equally'
        AND a.value_int IS NOT NULL AND a.is_private = FALSE
      GROUP BY c.couple_id, a.checkin_id) t
WHERE t.n = 2
GROUP BY t.couple_id;

-- A couple's check-ins newest first, with what the lists and counts read, so the home
-- page's "recently" and the summary's counts never visit the table rows.
DROP INDEX checkins_couple;
CREATE INDEX checkins_couple ON checkins (couple_id, created_at, revealed_at, dismissed_at, started_by);
-- The open ones alone: the home page lists them all, and a couple has few.
CREATE INDEX checkins_open ON checkins (couple_id, created_at)
    WHERE revealed_at IS NULL AND dismissed_at IS NULL;
-- The latest revealed ones, for the charts' last 12 and the latest shared words.
CREATE INDEX checkins_revealed ON checkins (couple_id, revealed_at);
