-- CEFR self-assessment (issue 4): the versioned catalogue of "I can ..." statements, drafts
-- saved answer by answer on the tablet, submitted assessments (never changed afterwards), the
-- derived level per skill, levels from paper portfolios (imports), and staff comments.

CREATE TABLE cefr_catalogues (
    version    TEXT PRIMARY KEY,
    loaded_at  BIGINT NOT NULL
);

CREATE TABLE cefr_statements (
    catalogue_version  TEXT NOT NULL REFERENCES cefr_catalogues (version),
    statement_id       TEXT NOT NULL,
    skill              TEXT NOT NULL CHECK (skill IN ('listening', 'reading', 'spoken_interaction', 'spoken_production', 'writing')),
    level              TEXT NOT NULL CHECK (level IN ('pre_a1', 'a1', 'a2', 'b1', 'b2', 'c1', 'c2')),
    position           BIGINT NOT NULL,
    PRIMARY KEY (catalogue_version, statement_id)
);

-- One row per statement and language, so more languages are rows, not columns.
CREATE TABLE cefr_statement_texts (
    catalogue_version  TEXT NOT NULL,
    statement_id       TEXT NOT NULL,
    language           TEXT NOT NULL,
    text               TEXT NOT NULL,
    PRIMARY KEY (catalogue_version, statement_id, language),
    FOREIGN KEY (catalogue_version, statement_id) REFERENCES cefr_statements (catalogue_version, statement_id)
);

CREATE TABLE assessments (
    id                 INTEGER PRIMARY KEY,
    organisation_id    BIGINT NOT NULL DEFAULT 1 REFERENCES organisations (id),
    participant_id     BIGINT NOT NULL REFERENCES participants (id),
    occasion           TEXT NOT NULL CHECK (occasion IN ('start', 'checkpoint', 'finish')),
    assessed_on        TEXT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    source             TEXT NOT NULL CHECK (source IN ('tablet', 'web', 'import', 'cli', 'demo')),
    catalogue_version  TEXT REFERENCES cefr_catalogues (version),
    threshold          TEXT,
    resume_skill       TEXT,
    resume_position    BIGINT,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    submitted_at       BIGINT
);
-- A participant has at most one draft at a time.
CREATE UNIQUE INDEX assessments_one_draft ON assessments (participant_id) WHERE status = 'draft';
CREATE INDEX assessments_participant ON assessments (participant_id, assessed_on);

CREATE TABLE assessment_answers (
    assessment_id  BIGINT NOT NULL REFERENCES assessments (id),
    statement_id   TEXT NOT NULL,
    answer         TEXT CHECK (answer IN ('can_do', 'with_help', 'not_yet')),
    goal           BIGINT NOT NULL DEFAULT 0,
    answered_at    BIGINT NOT NULL,
    PRIMARY KEY (assessment_id, statement_id)
);

CREATE TABLE assessment_levels (
    assessment_id  BIGINT NOT NULL REFERENCES assessments (id),
    skill          TEXT NOT NULL CHECK (skill IN ('listening', 'reading', 'spoken_interaction', 'spoken_production', 'writing')),
    level          TEXT NOT NULL CHECK (level IN ('pre_a1', 'a1', 'a2', 'b1', 'b2', 'c1', 'c2')),
    PRIMARY KEY (assessment_id, skill)
);

-- Append-only: every level set or changed by an import of paper portfolios.
CREATE TABLE assessment_level_history (
    id             INTEGER PRIMARY KEY,
    assessment_id  BIGINT NOT NULL REFERENCES assessments (id),
    skill          TEXT NOT NULL,
    old_level      TEXT,
    new_level      TEXT NOT NULL,
    changed_at     BIGINT NOT NULL,
    changed_by     BIGINT REFERENCES users (id),
    source         TEXT NOT NULL CHECK (source IN ('web', 'import', 'cli', 'demo'))
);

CREATE TABLE assessment_comments (
    id             INTEGER PRIMARY KEY,
    assessment_id  BIGINT NOT NULL REFERENCES assessments (id),
    author_id      BIGINT NOT NULL REFERENCES users (id),
    body           TEXT NOT NULL,
    created_at     BIGINT NOT NULL
);
CREATE INDEX assessment_comments_assessment ON assessment_comments (assessment_id, created_at);

-- A submitted self-assessment is never changed: its answers are frozen, and the levels of one
-- made on the tablet too (levels from paper portfolios may be corrected by a new import).
CREATE TRIGGER assessment_answers_frozen_insert BEFORE INSERT ON assessment_answers
WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) = 'submitted'
BEGIN
    SELECT RAISE(ABORT, 'a submitted assessment is never changed');
END;
CREATE TRIGGER assessment_answers_frozen_update BEFORE UPDATE ON assessment_answers
WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 'submitted'
BEGIN
    SELECT RAISE(ABORT, 'a submitted assessment is never changed');
END;
CREATE TRIGGER assessment_answers_frozen_delete BEFORE DELETE ON assessment_answers
WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 'submitted'
BEGIN
    SELECT RAISE(ABORT, 'a submitted assessment is never changed');
END;
CREATE TRIGGER assessment_levels_frozen_update BEFORE UPDATE ON assessment_levels
WHEN (SELECT source FROM assessments WHERE id = OLD.assessment_id) IN ('tablet', 'web')
BEGIN
    SELECT RAISE(ABORT, 'a submitted assessment is never changed');
END;
CREATE TRIGGER assessment_levels_frozen_delete BEFORE DELETE ON assessment_levels
WHEN (SELECT source FROM assessments WHERE id = OLD.assessment_id) IN ('tablet', 'web')
BEGIN
    SELECT RAISE(ABORT, 'a submitted assessment is never changed');
END;
CREATE TRIGGER assessment_level_history_append_only BEFORE UPDATE ON assessment_level_history
BEGIN
    SELECT RAISE(ABORT, 'assessment_level_history is append-only');
END;
