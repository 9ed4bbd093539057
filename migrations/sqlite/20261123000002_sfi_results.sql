-- SFI test results (issue 3). At most one result per participant, test date and course: a
-- second entry for the same key is a correction of the first. Every version, including a
-- deletion, is kept in sfi_result_versions.
CREATE TABLE sfi_results (
    id               INTEGER PRIMARY KEY,
    organisation_id  BIGINT NOT NULL DEFAULT 1 REFERENCES organisations (id),
    participant_id   BIGINT NOT NULL REFERENCES participants (id),
    test_date        TEXT NOT NULL,
    course           TEXT NOT NULL CHECK (course IN ('A', 'B', 'C', 'D')),
    occasion         TEXT NOT NULL CHECK (occasion IN ('start', 'checkpoint', 'finish')),
    grade_scale      TEXT NOT NULL CHECK (grade_scale IN ('ig_g_vg', 'f_a', 'pass_fail')),
    grade            TEXT NOT NULL,
    reading          TEXT,
    listening        TEXT,
    speaking         TEXT,
    writing          TEXT,
    teacher_id       BIGINT REFERENCES users (id),
    version          BIGINT NOT NULL DEFAULT 1,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    updated_by       BIGINT REFERENCES users (id),
    UNIQUE (participant_id, test_date, course)
);
CREATE INDEX sfi_results_org_date ON sfi_results (organisation_id, test_date);

-- Append-only: the values of every version of a result as saved (create, update), and the
-- last values of a deleted one (delete), with who, when and from where.
CREATE TABLE sfi_result_versions (
    id               INTEGER PRIMARY KEY,
    result_id        BIGINT NOT NULL,
    participant_id   BIGINT NOT NULL REFERENCES participants (id),
    version          BIGINT NOT NULL,
    action           TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    changed_at       BIGINT NOT NULL,
    changed_by       BIGINT REFERENCES users (id),
    source           TEXT NOT NULL CHECK (source IN ('web', 'import', 'cli', 'demo')),
    test_date        TEXT NOT NULL,
    course           TEXT NOT NULL,
    occasion         TEXT NOT NULL,
    grade_scale      TEXT NOT NULL,
    grade            TEXT NOT NULL,
    reading          TEXT,
    listening        TEXT,
    speaking         TEXT,
    writing          TEXT,
    teacher_id       BIGINT REFERENCES users (id)
);
CREATE INDEX sfi_result_versions_participant ON sfi_result_versions (participant_id, changed_at);
CREATE TRIGGER sfi_result_versions_append_only BEFORE UPDATE ON sfi_result_versions
BEGIN
    SELECT RAISE(ABORT, 'sfi_result_versions is append-only');
END;
