-- The weekly minimum (issue 5): weekly plans (append-only: a new plan supersedes the old one
-- from its valid_from date), recorded time (taught lessons and self-study) and absences, each
-- with an append-only version history.
-- time_entries.iso_week is the ISO week of entry_date as YYYYWW (e.g. 202609), written by the
-- application, so that a week range is an index range and a week's minutes one GROUP BY.

CREATE TABLE weekly_plans (
    id                  INTEGER PRIMARY KEY,
    organisation_id     BIGINT NOT NULL DEFAULT 1 REFERENCES organisations (id),
    participant_id      BIGINT NOT NULL REFERENCES participants (id),
    valid_from          TEXT NOT NULL,
    self_study_minutes  BIGINT NOT NULL CHECK (self_study_minutes >= 0),
    created_at          BIGINT NOT NULL,
    created_by          BIGINT REFERENCES users (id),
    source              TEXT NOT NULL CHECK (source IN ('web', 'import', 'cli', 'demo'))
);
CREATE INDEX weekly_plans_participant ON weekly_plans (participant_id, valid_from);

CREATE TABLE plan_blocks (
    plan_id     BIGINT NOT NULL REFERENCES weekly_plans (id),
    position    BIGINT NOT NULL,
    weekday     BIGINT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_time  TEXT NOT NULL,
    end_time    TEXT NOT NULL,
    teacher_id  BIGINT REFERENCES users (id),
    PRIMARY KEY (plan_id, position)
);
CREATE INDEX plan_blocks_teacher ON plan_blocks (teacher_id);

CREATE TRIGGER weekly_plans_append_only BEFORE UPDATE ON weekly_plans
BEGIN
    SELECT RAISE(ABORT, 'weekly_plans is append-only');
END;
CREATE TRIGGER plan_blocks_append_only BEFORE UPDATE ON plan_blocks
BEGIN
    SELECT RAISE(ABORT, 'plan_blocks is append-only');
END;

CREATE TABLE time_entries (
    id                  INTEGER PRIMARY KEY,
    organisation_id     BIGINT NOT NULL DEFAULT 1 REFERENCES organisations (id),
    participant_id      BIGINT NOT NULL REFERENCES participants (id),
    kind                TEXT NOT NULL CHECK (kind IN ('teaching', 'self_study')),
    entry_date          TEXT NOT NULL,
    start_time          TEXT NOT NULL,
    end_time            TEXT NOT NULL,
    minutes             BIGINT NOT NULL CHECK (minutes > 0),
    iso_week            BIGINT NOT NULL,
    teacher_id          BIGINT REFERENCES users (id),
    version             BIGINT NOT NULL DEFAULT 1,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL,
    updated_by          BIGINT REFERENCES users (id),
    updated_by_participant BIGINT REFERENCES participants (id),
    UNIQUE (participant_id, entry_date, start_time, kind)
);
CREATE INDEX time_entries_week ON time_entries (iso_week, participant_id, kind, minutes);

CREATE TABLE time_entry_versions (
    id                  INTEGER PRIMARY KEY,
    entry_id            BIGINT NOT NULL,
    participant_id      BIGINT NOT NULL REFERENCES participants (id),
    version             BIGINT NOT NULL,
    action              TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    changed_at          BIGINT NOT NULL,
    changed_by          BIGINT REFERENCES users (id),
    changed_by_participant BIGINT REFERENCES participants (id),
    source              TEXT NOT NULL CHECK (source IN ('web', 'import', 'cli', 'demo')),
    kind                TEXT NOT NULL,
    entry_date          TEXT NOT NULL,
    start_time          TEXT NOT NULL,
    end_time            TEXT NOT NULL,
    teacher_id          BIGINT REFERENCES users (id)
);
CREATE INDEX time_entry_versions_participant ON time_entry_versions (participant_id, changed_at);
CREATE TRIGGER time_entry_versions_append_only BEFORE UPDATE ON time_entry_versions
BEGIN
    SELECT RAISE(ABORT, 'time_entry_versions is append-only');
END;

CREATE TABLE absences (
    id                  INTEGER PRIMARY KEY,
    organisation_id     BIGINT NOT NULL DEFAULT 1 REFERENCES organisations (id),
    participant_id      BIGINT NOT NULL REFERENCES participants (id),
    from_date           TEXT NOT NULL,
    to_date             TEXT NOT NULL,
    reason              TEXT NOT NULL CHECK (reason IN ('illness', 'parental_leave', 'holiday', 'closure', 'other')),
    note                TEXT NOT NULL DEFAULT '',
    version             BIGINT NOT NULL DEFAULT 1,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL,
    updated_by          BIGINT REFERENCES users (id),
    CHECK (to_date >= from_date),
    UNIQUE (participant_id, from_date)
);
CREATE INDEX absences_org_dates ON absences (organisation_id, to_date, from_date);

CREATE TABLE absence_versions (
    id                  INTEGER PRIMARY KEY,
    absence_id          BIGINT NOT NULL,
    participant_id      BIGINT NOT NULL REFERENCES participants (id),
    version             BIGINT NOT NULL,
    action              TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    changed_at          BIGINT NOT NULL,
    changed_by          BIGINT REFERENCES users (id),
    source              TEXT NOT NULL CHECK (source IN ('web', 'import', 'cli', 'demo')),
    from_date           TEXT NOT NULL,
    to_date             TEXT NOT NULL,
    reason              TEXT NOT NULL,
    note                TEXT NOT NULL
);
CREATE INDEX absence_versions_participant ON absence_versions (participant_id, changed_at);
CREATE TRIGGER absence_versions_append_only BEFORE UPDATE ON absence_versions
BEGIN
    SELECT RAISE(ABORT, 'absence_versions is append-only');
END;
