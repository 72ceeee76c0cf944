-- The day a check-in is about: the date the couple gave, or else the day it was started.
-- Lists, summaries, charts, exports and the therapist's views order and label by it, so
-- a check-in entered late still sits where it happened.
ALTER TABLE checkins ADD COLUMN dated_on DATE;
UPDATE checkins SET dated_on = COALESCE(moment_on, (created_at AT TIME ZONE 'UTC')::date);

-- A couple's check-ins by that day (newest first), with what the lists and counts read.
DROP INDEX checkins_couple;
CREATE INDEX checkins_couple
    ON checkins (couple_id, dated_on, created_at, revealed_at, dismissed_at, started_by);
-- The latest revealed ones by day, for the charts' last 12 and the latest shared words.
DROP INDEX checkins_revealed;
CREATE INDEX checkins_revealed ON checkins (couple_id, dated_on, created_at)
    WHERE revealed_at IS NOT NULL;
