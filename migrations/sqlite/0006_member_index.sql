-- Past memberships are looked up by person too (a person's check-in list spans every
-- couple they were part of); the partial unique index covers only active ones.
CREATE INDEX couple_members_user ON couple_members (user_id);
