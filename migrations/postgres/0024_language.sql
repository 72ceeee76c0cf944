-- Each person's own language (issue 16): the code of a folder under locales/ (`en`,
-- `de`), chosen at sign-up (the browser's language by default) and on the account page.
-- Everyone who signed up before reads English, as they did.
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
