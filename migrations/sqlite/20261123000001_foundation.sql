-- Foundation: organisations, schools, staff, participants with history, groups, sessions, throttling.
-- Dates are ISO 8601 text (YYYY-MM-DD); instants are Unix seconds (BIGINT). The PostgreSQL
-- migration of the same number creates the same tables with the same columns and constraints.

CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  BIGINT NOT NULL
);
INSERT INTO organisations (id, name, created_at) VALUES (1, 'default', 0);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

CREATE TABLE districts (
    id               INTEGER PRIMARY KEY,
    organisation_id  BIGINT NOT NULL DEFAULT 1 REFERENCES organisations (id),
    name             TEXT NOT NULL,
    UNIQUE (organisation_id, name)
);

CREATE TABLE schools (
    id               INTEGER PRIMARY KEY,
    organisation_id  BIGINT NOT NULL DEFAULT 1 REFERENCES organisations (id),
    district_id      BIGINT NOT NULL REFERENCES districts (id),
    name             TEXT NOT NULL,
    UNIQUE (organisation_id, name)
);

CREATE TABLE users (
    id               INTEGER PRIMARY KEY,
    organisation_id  BIGINT NOT NULL DEFAULT 1 REFERENCES organisations (id),
    email            TEXT NOT NULL UNIQUE,
    display_name     TEXT NOT NULL,
    role             TEXT NOT NULL CHECK (role IN ('coordinator', 'teacher', 'mentor')),
    password_hash    TEXT NOT NULL,
    active           BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at       BIGINT NOT NULL
);

CREATE TABLE participants (
    id                     INTEGER PRIMARY KEY,
    organisation_id        BIGINT NOT NULL DEFAULT 1 REFERENCES organisations (id),
    participant_ref        TEXT NOT NULL,
    given_name             TEXT NOT NULL,
    family_name            TEXT NOT NULL,
    gender                 TEXT NOT NULL CHECK (gender IN ('female', 'male', 'other', 'unspecified')),
    birth_year             BIGINT,
    school_id              BIGINT NOT NULL REFERENCES schools (id),
    mentor_id              BIGINT REFERENCES users (id),
    start_date             TEXT NOT NULL,
    planned_terms          BIGINT NOT NULL CHECK (planned_terms BETWEEN 1 AND 3),
    residence_permit_date  TEXT,
    arrival_date           TEXT,
    study_path             BIGINT CHECK (study_path BETWEEN 1 AND 3),
    languages              TEXT NOT NULL DEFAULT '',
    status                 TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'left_early')),
    end_date               TEXT,
    sign_in_code           TEXT NOT NULL UNIQUE,
    pin_hash               TEXT,
    created_at             BIGINT NOT NULL,
    updated_at             BIGINT NOT NULL,
    UNIQUE (organisation_id, participant_ref)
);
CREATE INDEX participants_school ON participants (school_id);
CREATE INDEX participants_mentor ON participants (mentor_id);

-- Append-only: one row per changed field of a participant record.
CREATE TABLE participant_history (
    id              INTEGER PRIMARY KEY,
    participant_id  BIGINT NOT NULL REFERENCES participants (id),
    changed_at      BIGINT NOT NULL,
    changed_by      BIGINT REFERENCES users (id),
    source          TEXT NOT NULL CHECK (source IN ('web', 'import', 'cli', 'demo')),
    field           TEXT NOT NULL,
    old_value       TEXT,
    new_value       TEXT
);
CREATE INDEX participant_history_participant ON participant_history (participant_id, changed_at);
CREATE TRIGGER participant_history_append_only BEFORE UPDATE ON participant_history
BEGIN
    SELECT RAISE(ABORT, 'participant_history is append-only');
END;

CREATE TABLE teaching_groups (
    id               INTEGER PRIMARY KEY,
    organisation_id  BIGINT NOT NULL DEFAULT 1 REFERENCES organisations (id),
    name             TEXT NOT NULL,
    teacher_id       BIGINT NOT NULL REFERENCES users (id),
    created_at       BIGINT NOT NULL,
    UNIQUE (organisation_id, name)
);

CREATE TABLE group_members (
    group_id        BIGINT NOT NULL REFERENCES teaching_groups (id) ON DELETE CASCADE,
    participant_id  BIGINT NOT NULL REFERENCES participants (id),
    PRIMARY KEY (group_id, participant_id)
);
CREATE INDEX group_members_participant ON group_members (participant_id);

CREATE TABLE sessions (
    token_hash      TEXT PRIMARY KEY,
    user_id         BIGINT REFERENCES users (id) ON DELETE CASCADE,
    participant_id  BIGINT REFERENCES participants (id) ON DELETE CASCADE,
    created_at      BIGINT NOT NULL,
    last_seen_at    BIGINT NOT NULL,
    idle_timeout    BIGINT NOT NULL,
    CHECK ((user_id IS NULL) <> (participant_id IS NULL))
);

CREATE TABLE sign_in_throttle (
    subject           TEXT PRIMARY KEY,
    failures          BIGINT NOT NULL,
    window_started_at BIGINT NOT NULL,
    locked_until      BIGINT NOT NULL DEFAULT 0
);

-- Uploaded files between "check" and "confirm" on the web (content is the decoded text).
CREATE TABLE pending_imports (
    id          INTEGER PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    content     TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
