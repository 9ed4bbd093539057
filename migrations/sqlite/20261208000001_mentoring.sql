-- Issue 15: the placement agreement, development talks and checkpoint decisions of the binder.
-- The placement and the talks keep every version; checkpoint decisions are append-only (the
-- latest one sets the introduction's length and so its planned end).
CREATE TABLE placements (
    id               INTEGER PRIMARY KEY,
    organisation_id  BIGINT NOT NULL DEFAULT 1 REFERENCES organisations (id),
    participant_id   BIGINT NOT NULL UNIQUE REFERENCES participants (id),
    workplace        TEXT NOT NULL,
    role             TEXT NOT NULL CHECK (role IN ('class_assistant', 'kitchen', 'caretaker', 'office', 'it', 'other')),
    supervisor_name  TEXT NOT NULL DEFAULT '',
    supervisor_phone TEXT NOT NULL DEFAULT '',
    supervisor_email TEXT NOT NULL DEFAULT '',
    agreement_start  TEXT,
    agreement_end    TEXT,
    job_description  TEXT NOT NULL DEFAULT '',
    year_plan        TEXT NOT NULL DEFAULT '',
    version          BIGINT NOT NULL DEFAULT 1,
    updated_at       BIGINT NOT NULL,
    updated_by       BIGINT REFERENCES users (id)
);

CREATE TABLE placement_versions (
    id               INTEGER PRIMARY KEY,
    participant_id   BIGINT NOT NULL REFERENCES participants (id),
    version          BIGINT NOT NULL,
    changed_at       BIGINT NOT NULL,
    changed_by       BIGINT REFERENCES users (id),
    workplace        TEXT NOT NULL,
    role             TEXT NOT NULL,
    supervisor_name  TEXT NOT NULL,
    supervisor_phone TEXT NOT NULL,
    supervisor_email TEXT NOT NULL,
    agreement_start  TEXT,
    agreement_end    TEXT,
    job_description  TEXT NOT NULL,
    year_plan        TEXT NOT NULL
);
CREATE INDEX placement_versions_participant ON placement_versions (participant_id, changed_at);

CREATE TABLE development_talks (
    id               INTEGER PRIMARY KEY,
    organisation_id  BIGINT NOT NULL DEFAULT 1 REFERENCES organisations (id),
    participant_id   BIGINT NOT NULL REFERENCES participants (id),
    talk_date        TEXT NOT NULL,
    held             BIGINT NOT NULL DEFAULT 0 CHECK (held IN (0, 1)),
    attendees        TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    goals            TEXT NOT NULL DEFAULT '',
    next_date        TEXT,
    version          BIGINT NOT NULL DEFAULT 1,
    updated_at       BIGINT NOT NULL,
    updated_by       BIGINT REFERENCES users (id)
);
CREATE INDEX development_talks_participant ON development_talks (participant_id, held, talk_date);

CREATE TABLE development_talk_versions (
    id               INTEGER PRIMARY KEY,
    talk_id          BIGINT NOT NULL,
    participant_id   BIGINT NOT NULL REFERENCES participants (id),
    version          BIGINT NOT NULL,
    action           TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    changed_at       BIGINT NOT NULL,
    changed_by       BIGINT REFERENCES users (id),
    talk_date        TEXT NOT NULL,
    held             BIGINT NOT NULL,
    attendees        TEXT NOT NULL,
    notes            TEXT NOT NULL,
    goals            TEXT NOT NULL,
    next_date        TEXT
);
CREATE INDEX development_talk_versions_participant ON development_talk_versions (participant_id, changed_at);

-- The participant's "this is my goal" statements a talk agreed on.
CREATE TABLE development_talk_goals (
    talk_id           BIGINT NOT NULL REFERENCES development_talks (id),
    participant_id    BIGINT NOT NULL REFERENCES participants (id),
    catalogue_version TEXT NOT NULL,
    statement_id      TEXT NOT NULL,
    PRIMARY KEY (talk_id, catalogue_version, statement_id)
);

CREATE TABLE checkpoint_decisions (
    id               INTEGER PRIMARY KEY,
    organisation_id  BIGINT NOT NULL DEFAULT 1 REFERENCES organisations (id),
    participant_id   BIGINT NOT NULL REFERENCES participants (id),
    decided_on       TEXT NOT NULL,
    terms            BIGINT NOT NULL CHECK (terms BETWEEN 1 AND 3),
    previous_terms   BIGINT NOT NULL CHECK (previous_terms BETWEEN 1 AND 3),
    reason           TEXT NOT NULL,
    recorded_at      BIGINT NOT NULL,
    recorded_by      BIGINT REFERENCES users (id)
);
CREATE INDEX checkpoint_decisions_participant ON checkpoint_decisions (participant_id, decided_on);

CREATE TRIGGER placement_versions_append_only BEFORE UPDATE ON placement_versions
BEGIN
    SELECT RAISE(ABORT, 'placement_versions is append-only');
END;
CREATE TRIGGER development_talk_versions_append_only BEFORE UPDATE ON development_talk_versions
BEGIN
    SELECT RAISE(ABORT, 'development_talk_versions is append-only');
END;
CREATE TRIGGER checkpoint_decisions_append_only BEFORE UPDATE ON checkpoint_decisions
BEGIN
    SELECT RAISE(ABORT, 'checkpoint_decisions is append-only');
END;
