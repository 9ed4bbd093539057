-- Issue 17: erasure. An erased participant's personal data is deleted everywhere; what stays
-- for statistics is a pseudonymous record with no name, no reference, no birth year and no
-- link to the erased row: gender, school (and so district), the programme's dates, status,
-- levels, and the minutes and absence spans that the compliance figures of past weeks need.
CREATE TABLE erased_participants (
    id              INTEGER PRIMARY KEY,
    organisation_id BIGINT NOT NULL DEFAULT 1 REFERENCES organisations (id),
    gender          TEXT NOT NULL CHECK (gender IN ('female', 'male', 'other', 'unspecified')),
    school_id       BIGINT NOT NULL REFERENCES schools (id),
    start_date      TEXT NOT NULL,
    end_date        TEXT NOT NULL,
    planned_terms   BIGINT NOT NULL,
    study_path      BIGINT,
    status          TEXT NOT NULL CHECK (status IN ('completed', 'left_early')),
    erased_on       TEXT NOT NULL,
    reason          TEXT NOT NULL CHECK (reason IN ('request', 'retention'))
);
CREATE INDEX erased_participants_school ON erased_participants (school_id);

-- Minutes per ISO week (YYYYWW) and kind, as the compliance figures count them.
CREATE TABLE erased_minutes (
    record_id   BIGINT NOT NULL REFERENCES erased_participants (id),
    iso_week    BIGINT NOT NULL,
    teaching    BIGINT NOT NULL,
    self_study  BIGINT NOT NULL,
    PRIMARY KEY (record_id, iso_week)
);

-- Absence spans only (no reason, no note): they excuse days in the weekly minimum.
CREATE TABLE erased_absences (
    record_id   BIGINT NOT NULL REFERENCES erased_participants (id),
    from_date   TEXT NOT NULL,
    to_date     TEXT NOT NULL
);
CREATE INDEX erased_absences_record ON erased_absences (record_id);

-- Levels at start, checkpoint and finish: SFI courses and grades, CEFR levels per skill.
CREATE TABLE erased_levels (
    record_id   BIGINT NOT NULL REFERENCES erased_participants (id),
    source      TEXT NOT NULL CHECK (source IN ('sfi', 'cefr')),
    occasion    TEXT NOT NULL,
    subject     TEXT NOT NULL,
    level       TEXT NOT NULL,
    on_date     TEXT NOT NULL
);
CREATE INDEX erased_levels_record ON erased_levels (record_id);

-- A participant being erased, for the length of the erasing transaction only: the triggers
-- that freeze submitted self-assessments let that participant's rows go.
CREATE TABLE erasure_marks (
    participant_id  BIGINT PRIMARY KEY
);

DROP TRIGGER assessment_answers_frozen_delete;
CREATE TRIGGER assessment_answers_frozen_delete BEFORE DELETE ON assessment_answers
WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 'submitted'
    AND NOT EXISTS (SELECT 1 FROM erasure_marks m JOIN assessments a ON a.participant_id = m.participant_id
                    WHERE a.id = OLD.assessment_id)
BEGIN
    SELECT RAISE(ABORT, 'a submitted assessment is never changed');
END;
DROP TRIGGER assessment_levels_frozen_delete;
CREATE TRIGGER assessment_levels_frozen_delete BEFORE DELETE ON assessment_levels
WHEN (SELECT source FROM assessments WHERE id = OLD.assessment_id) IN ('tablet', 'web')
    AND NOT EXISTS (SELECT 1 FROM erasure_marks m JOIN assessments a ON a.participant_id = m.participant_id
                    WHERE a.id = OLD.assessment_id)
BEGIN
    SELECT RAISE(ABORT, 'a submitted assessment is never changed');
END;
