-- Which answers show that a person felt pressured, not free to say no or pause, or
-- uneasy: they then see a private note of care (never their partner, never anyone else).
-- A scale answer at or below `care_at_most`, or a choice marked `care`.
ALTER TABLE prompts ADD COLUMN care_at_most INTEGER;
ALTER TABLE prompt_choices ADD COLUMN care INTEGER NOT NULL DEFAULT 0;

UPDATE prompts SET care_at_most = 2
    WHERE prompt_id IN ('after-pressure-free', 'safe-free-to-pause', 'safe-in-body');
UPDATE prompt_choices SET care = 1 WHERE prompt_id = 'after-feeling-now' AND position = 4;

-- The lowest point of the pressure scale says it plainly.
UPDATE prompts SET scale_low_label = 'I felt pressured' WHERE prompt_id = 'after-pressure-free';
