-- Issue 15: every renaming of a ladder step and every step a programme adds is kept.
CREATE TABLE ladder_step_definition_versions (
    id               INTEGER PRIMARY KEY,
    ladder           TEXT NOT NULL,
    code             TEXT NOT NULL,
    action           TEXT NOT NULL CHECK (action IN ('create', 'update')),
    name_sv          TEXT NOT NULL,
    name_en          TEXT NOT NULL,
    changed_at       BIGINT NOT NULL,
    changed_by       BIGINT REFERENCES users (id),
    source           TEXT NOT NULL
);
CREATE TRIGGER ladder_step_definition_versions_append_only BEFORE UPDATE ON ladder_step_definition_versions
BEGIN
    SELECT RAISE(ABORT, 'ladder_step_definition_versions is append-only');
END;
