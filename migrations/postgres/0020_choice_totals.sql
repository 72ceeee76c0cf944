-- Multiple-choice answers in the summary: how often each partner chose each option, in
-- revealed check-ins. A running total like summary_scale_totals (0012): it grows in the
-- transaction that reveals a check-in, and is filled here from those revealed so far.
CREATE TABLE summary_choice_totals (
    couple_id UUID NOT NULL REFERENCES couples (couple_id) ON DELETE CASCADE,
    prompt_id TEXT NOT NULL REFERENCES prompts (prompt_id),
    user_id UUID NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,                 -- the option chosen
    chosen INTEGER NOT NULL,                   -- how many times
    PRIMARY KEY (couple_id, prompt_id, user_id, position)
);

INSERT INTO summary_choice_totals (couple_id, prompt_id, user_id, position, chosen)
SELECT c.couple_id, a.prompt_id, a.user_id, a.value_int, COUNT(*)
FROM checkins c
JOIN answers a ON a.checkin_id = c.checkin_id
JOIN prompts p ON p.prompt_id = a.prompt_id
WHERE c.revealed_at IS NOT NULL AND p.kind = 'choice' AND a.value_int IS NOT NULL
  AND a.is_private = FALSE
GROUP BY c.couple_id, a.prompt_id, a.user_id, a.value_int;
