-- A therapist's place of their own: the operator's approval of therapist accounts, and
-- exercises a therapist cancels.
-- Kept in step with migrations/postgres/0018_therapist_tools.sql: only type names differ.

-- When the operator approved this therapist account (`mutual admin approve-therapist`), or
-- when it was made while anyone could be a therapist (`--therapists open`). Empty while a
-- therapist waits: couples cannot invite them and they see no couple.
ALTER TABLE users ADD COLUMN therapist_approved_at TEXT;
-- Therapists who signed up before approval existed were accepted under the rule of the time.
UPDATE users SET therapist_approved_at = created_at WHERE is_therapist = 1;

-- A cancelled exercise leaves the couple's pages; check-ins already done for it stay.
ALTER TABLE assignments ADD COLUMN cancelled_at TEXT;

-- Whether a therapist's set was used by a check-in decides whether an edit changes it in
-- place or makes a new version; account deletion asks the same.
CREATE INDEX checkins_prompt_set ON checkins (prompt_set_id);
