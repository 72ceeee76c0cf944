-- Prompt sets a therapist writes for their couples. Library sets have no owner.
ALTER TABLE prompt_sets ADD COLUMN owner_id BLOB REFERENCES users (user_id) ON DELETE CASCADE;
