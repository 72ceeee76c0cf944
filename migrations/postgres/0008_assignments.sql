-- Check-in exercises a therapist assigns to a couple: a prompt set, a note, a start date,
-- and a number of check-ins and/or an end date.
CREATE TABLE assignments (
    assignment_id UUID PRIMARY KEY,
    link_id UUID NOT NULL REFERENCES therapist_links (link_id) ON DELETE CASCADE,
    prompt_set_id TEXT NOT NULL REFERENCES prompt_sets (prompt_set_id),
    note TEXT NOT NULL,
    starts_on DATE NOT NULL,
    target_count INTEGER,                 -- e.g. 3 check-ins ...
    ends_on DATE,                         -- ... by this date; at least one of the two is set
    created_at TIMESTAMPTZ NOT NULL,
    CHECK (target_count IS NOT NULL OR ends_on IS NOT NULL)
);
CREATE INDEX assignments_link ON assignments (link_id);

ALTER TABLE checkins ADD COLUMN assignment_id UUID REFERENCES assignments (assignment_id) ON DELETE SET NULL;
CREATE INDEX checkins_assignment ON checkins (assignment_id);
