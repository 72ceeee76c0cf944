-- Each person's time zone, used for every date and time they see: an IANA name from the
-- list in src/domain/time_zone.rs (or a plain offset such as UTC+05:00). Everyone who
-- signed up before starts on UTC, as pages showed them until now.
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
