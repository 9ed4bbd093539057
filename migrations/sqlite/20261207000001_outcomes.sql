-- Issue 15: how an introduction ended (the exit talk, FORMATS.md's `outcomes` kind), one per
-- participant, with every version kept. Storing one sets the participant's status and end date.
CREATE TABLE outcomes (
    id                INTEGER PRIMARY KEY,
    organisation_id   BIGINT NOT NULL DEFAULT 1 REFERENCES organisations (id),
    participant_id    BIGINT NOT NULL UNIQUE REFERENCES participants (id),
    exit_date         TEXT NOT NULL,
    completion        TEXT NOT NULL CHECK (completion IN ('completed', 'left_early')),
    activity          TEXT NOT NULL CHECK (activity IN ('work', 'education', 'work_and_education', 'job_seeking', 'other')),
    self_sufficiency  TEXT NOT NULL CHECK (self_sufficiency IN ('full', 'partial', 'none')),
    note              TEXT NOT NULL DEFAULT '',
    version           BIGINT NOT NULL DEFAULT 1,
    updated_at        BIGINT NOT NULL,
    updated_by        BIGINT REFERENCES users (id)
);

CREATE TABLE outcome_versions (
    id                INTEGER PRIMARY KEY,
    outcome_id        BIGINT NOT NULL,
    participant_id    BIGINT NOT NULL REFERENCES participants (id),
    version           BIGINT NOT NULL,
    action            TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    changed_at        BIGINT NOT NULL,
    changed_by        BIGINT REFERENCES users (id),
    source            TEXT NOT NULL,
    exit_date         TEXT NOT NULL,
    completion        TEXT NOT NULL,
    activity          TEXT NOT NULL,
    self_sufficiency  TEXT NOT NULL,
    note              TEXT NOT NULL
);
CREATE INDEX outcome_versions_participant ON outcome_versions (participant_id, changed_at);
CREATE TRIGGER outcome_versions_append_only BEFORE UPDATE ON outcome_versions
BEGIN
    SELECT RAISE(ABORT, 'outcome_versions is append-only');
END;

-- An erased participant's statistical record keeps the outcome, so that the indicators of past
-- periods do not change.
ALTER TABLE erased_participants ADD COLUMN completion TEXT;
ALTER TABLE erased_participants ADD COLUMN activity TEXT;
ALTER TABLE erased_participants ADD COLUMN self_sufficiency TEXT;
