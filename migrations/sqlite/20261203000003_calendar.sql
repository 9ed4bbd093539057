-- Issue 14: the programme's calendar. Closed days entered once for the whole programme, a
-- district or a school (by name; empty for the programme) and excused for every participant
-- they cover. Every change is kept as a version.
CREATE TABLE calendar_days (
    id                  INTEGER PRIMARY KEY,
    organisation_id     BIGINT NOT NULL DEFAULT 1 REFERENCES organisations (id),
    scope               TEXT NOT NULL CHECK (scope IN ('programme', 'district', 'school')),
    name                TEXT NOT NULL DEFAULT '',
    from_date           TEXT NOT NULL,
    to_date             TEXT NOT NULL,
    reason              TEXT NOT NULL CHECK (reason IN ('holiday', 'closure', 'study_day', 'other')),
    note                TEXT NOT NULL DEFAULT '',
    version             BIGINT NOT NULL DEFAULT 1,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL,
    updated_by          BIGINT REFERENCES users (id),
    CHECK (to_date >= from_date),
    CHECK ((scope = 'programme') = (name = '')),
    UNIQUE (organisation_id, scope, name, from_date)
);
CREATE INDEX calendar_days_dates ON calendar_days (organisation_id, to_date, from_date);

CREATE TABLE calendar_versions (
    id                  INTEGER PRIMARY KEY,
    calendar_id         BIGINT NOT NULL,
    version             BIGINT NOT NULL,
    action              TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    changed_at          BIGINT NOT NULL,
    changed_by          BIGINT REFERENCES users (id),
    source              TEXT NOT NULL CHECK (source IN ('web', 'import', 'cli', 'demo')),
    scope               TEXT NOT NULL,
    name                TEXT NOT NULL,
    from_date           TEXT NOT NULL,
    to_date             TEXT NOT NULL,
    reason              TEXT NOT NULL,
    note                TEXT NOT NULL
);
CREATE INDEX calendar_versions_entry ON calendar_versions (calendar_id, version);
CREATE TRIGGER calendar_versions_append_only BEFORE UPDATE ON calendar_versions
BEGIN
    SELECT RAISE(ABORT, 'calendar_versions is append-only');
END;
