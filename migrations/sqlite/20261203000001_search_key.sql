-- Issue 14: a folded search text per participant (case and accents removed, see
-- domain::participant::fold), filled by the server when it migrates.

ALTER TABLE participants ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
