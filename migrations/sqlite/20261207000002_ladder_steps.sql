-- Issue 15: the binder's work ladder and matching ladder. The steps of each ladder (the
-- product's defaults of DOMAIN.md; a programme may rename them and add its own, codes stay),
-- and the steps each participant reached, with every version kept.
CREATE TABLE ladder_step_definitions (
    id               INTEGER PRIMARY KEY,
    organisation_id  BIGINT NOT NULL DEFAULT 1 REFERENCES organisations (id),
    ladder           TEXT NOT NULL CHECK (ladder IN ('work', 'matching')),
    code             TEXT NOT NULL,
    position         BIGINT NOT NULL,
    name_sv          TEXT NOT NULL DEFAULT '',
    name_en          TEXT NOT NULL DEFAULT '',
    UNIQUE (organisation_id, ladder, code)
);
INSERT INTO ladder_step_definitions (ladder, code, position) VALUES
    ('work', 'introduced', 1),
    ('work', 'tasks_with_support', 2),
    ('work', 'tasks_independently', 3),
    ('work', 'takes_responsibility', 4),
    ('work', 'ready_for_work', 5),
    ('matching', 'goal_set', 1),
    ('matching', 'cv_ready', 2),
    ('matching', 'registered', 3),
    ('matching', 'applying', 4),
    ('matching', 'interviewed', 5),
    ('matching', 'offer', 6);

CREATE TABLE participant_steps (
    id               INTEGER PRIMARY KEY,
    organisation_id  BIGINT NOT NULL DEFAULT 1 REFERENCES organisations (id),
    participant_id   BIGINT NOT NULL REFERENCES participants (id),
    ladder           TEXT NOT NULL CHECK (ladder IN ('work', 'matching')),
    step             TEXT NOT NULL,
    reached_date     TEXT NOT NULL,
    confirmed_by     BIGINT REFERENCES users (id),
    version          BIGINT NOT NULL DEFAULT 1,
    updated_at       BIGINT NOT NULL,
    updated_by       BIGINT REFERENCES users (id),
    UNIQUE (participant_id, ladder, step)
);

CREATE TABLE participant_step_versions (
    id               INTEGER PRIMARY KEY,
    step_id          BIGINT NOT NULL,
    participant_id   BIGINT NOT NULL REFERENCES participants (id),
    version          BIGINT NOT NULL,
    action           TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    changed_at       BIGINT NOT NULL,
    changed_by       BIGINT REFERENCES users (id),
    source           TEXT NOT NULL,
    ladder           TEXT NOT NULL,
    step             TEXT NOT NULL,
    reached_date     TEXT NOT NULL,
    confirmed_by     BIGINT REFERENCES users (id)
);
CREATE INDEX participant_step_versions_participant ON participant_step_versions (participant_id, changed_at);
CREATE TRIGGER participant_step_versions_append_only BEFORE UPDATE ON participant_step_versions
BEGIN
    SELECT RAISE(ABORT, 'participant_step_versions is append-only');
END;
