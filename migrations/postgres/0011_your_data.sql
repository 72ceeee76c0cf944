-- Deleting an account and encrypting free text at rest.
-- Kept in step with migrations/sqlite/0011_your_data.sql: only type names differ.

-- The one tombstone an account deletion leaves: a couple records *that* a member deleted
-- their account (and when), never who, so the partner's shared check-ins can say why the
-- other answers are gone.
ALTER TABLE couples ADD COLUMN member_deleted_at TIMESTAMPTZ;

-- A therapist's own prompt set that couples have used outlives the therapist's account:
-- it loses its owner and is retired, so it leaves the lists and stays readable in the
-- check-ins that used it.
ALTER TABLE prompt_sets ADD COLUMN retired_at TIMESTAMPTZ;

-- Which data key encrypts free text. `check_value` is a known text sealed with that key,
-- so start-up can tell a wrong key from the right one before serving anything.
CREATE TABLE data_keys (
    key_id TEXT PRIMARY KEY,              -- derived from the key; reveals nothing about it
    check_value TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
