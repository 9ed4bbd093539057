-- Change versions (issue 18): a number per participant that every write to what the staff's
-- pages show of them moves on (their record, time, absences, assessments, SFI results, plans,
-- decisions, talks), kept by triggers so that no write path can forget it; participant 0 is
-- the programme's own settings (settings and the weekly minimum's history, the calendar, school and district names,
-- translations). A page may keep what it computed from a participant's data for as long as
-- their numbers stay the same, on every server sharing the database.
CREATE TABLE participant_versions (
    participant_id  BIGINT PRIMARY KEY,
    version         BIGINT NOT NULL
);

CREATE FUNCTION versions_direct_new() RETURNS trigger AS $$
BEGIN
    INSERT INTO participant_versions (participant_id, version)
        SELECT id, 1 FROM (SELECT DISTINCT participant_id AS id FROM new_rows) changed WHERE id IS NOT NULL ORDER BY id
        ON CONFLICT (participant_id) DO UPDATE SET version = participant_versions.version + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION versions_direct_old() RETURNS trigger AS $$
BEGIN
    INSERT INTO participant_versions (participant_id, version)
        SELECT id, 1 FROM (SELECT DISTINCT participant_id AS id FROM old_rows) changed WHERE id IS NOT NULL ORDER BY id
        ON CONFLICT (participant_id) DO UPDATE SET version = participant_versions.version + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION versions_direct_both() RETURNS trigger AS $$
BEGIN
    INSERT INTO participant_versions (participant_id, version)
        SELECT id, 1 FROM (SELECT participant_id AS id FROM new_rows UNION SELECT participant_id AS id FROM old_rows) changed WHERE id IS NOT NULL ORDER BY id
        ON CONFLICT (participant_id) DO UPDATE SET version = participant_versions.version + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION versions_participants_new() RETURNS trigger AS $$
BEGIN
    INSERT INTO participant_versions (participant_id, version)
        SELECT id, 1 FROM (SELECT DISTINCT id AS id FROM new_rows) changed WHERE id IS NOT NULL ORDER BY id
        ON CONFLICT (participant_id) DO UPDATE SET version = participant_versions.version + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION versions_participants_old() RETURNS trigger AS $$
BEGIN
    INSERT INTO participant_versions (participant_id, version)
        SELECT id, 1 FROM (SELECT DISTINCT id AS id FROM old_rows) changed WHERE id IS NOT NULL ORDER BY id
        ON CONFLICT (participant_id) DO UPDATE SET version = participant_versions.version + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION versions_participants_both() RETURNS trigger AS $$
BEGIN
    INSERT INTO participant_versions (participant_id, version)
        SELECT id, 1 FROM (SELECT id AS id FROM new_rows UNION SELECT id AS id FROM old_rows) changed WHERE id IS NOT NULL ORDER BY id
        ON CONFLICT (participant_id) DO UPDATE SET version = participant_versions.version + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION versions_assessment_levels_new() RETURNS trigger AS $$
BEGIN
    INSERT INTO participant_versions (participant_id, version)
        SELECT id, 1 FROM (SELECT DISTINCT id FROM (SELECT x.participant_id AS id FROM new_rows r JOIN assessments x ON x.id = r.assessment_id) j) changed WHERE id IS NOT NULL ORDER BY id
        ON CONFLICT (participant_id) DO UPDATE SET version = participant_versions.version + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION versions_assessment_levels_old() RETURNS trigger AS $$
BEGIN
    INSERT INTO participant_versions (participant_id, version)
        SELECT id, 1 FROM (SELECT DISTINCT id FROM (SELECT x.participant_id AS id FROM old_rows r JOIN assessments x ON x.id = r.assessment_id) j) changed WHERE id IS NOT NULL ORDER BY id
        ON CONFLICT (participant_id) DO UPDATE SET version = participant_versions.version + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION versions_assessment_levels_both() RETURNS trigger AS $$
BEGIN
    INSERT INTO participant_versions (participant_id, version)
        SELECT id, 1 FROM (SELECT x.participant_id AS id FROM new_rows r JOIN assessments x ON x.id = r.assessment_id UNION SELECT x.participant_id AS id FROM old_rows r JOIN assessments x ON x.id = r.assessment_id) changed WHERE id IS NOT NULL ORDER BY id
        ON CONFLICT (participant_id) DO UPDATE SET version = participant_versions.version + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION versions_plan_blocks_new() RETURNS trigger AS $$
BEGIN
    INSERT INTO participant_versions (participant_id, version)
        SELECT id, 1 FROM (SELECT DISTINCT id FROM (SELECT x.participant_id AS id FROM new_rows r JOIN weekly_plans x ON x.id = r.plan_id) j) changed WHERE id IS NOT NULL ORDER BY id
        ON CONFLICT (participant_id) DO UPDATE SET version = participant_versions.version + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION versions_plan_blocks_old() RETURNS trigger AS $$
BEGIN
    INSERT INTO participant_versions (participant_id, version)
        SELECT id, 1 FROM (SELECT DISTINCT id FROM (SELECT x.participant_id AS id FROM old_rows r JOIN weekly_plans x ON x.id = r.plan_id) j) changed WHERE id IS NOT NULL ORDER BY id
        ON CONFLICT (participant_id) DO UPDATE SET version = participant_versions.version + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION versions_plan_blocks_both() RETURNS trigger AS $$
BEGIN
    INSERT INTO participant_versions (participant_id, version)
        SELECT id, 1 FROM (SELECT x.participant_id AS id FROM new_rows r JOIN weekly_plans x ON x.id = r.plan_id UNION SELECT x.participant_id AS id FROM old_rows r JOIN weekly_plans x ON x.id = r.plan_id) changed WHERE id IS NOT NULL ORDER BY id
        ON CONFLICT (participant_id) DO UPDATE SET version = participant_versions.version + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION versions_programme() RETURNS trigger AS $$
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = participant_versions.version + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER time_entries_version_insert AFTER INSERT ON time_entries
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_new();
CREATE TRIGGER time_entries_version_update AFTER UPDATE ON time_entries
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_both();
CREATE TRIGGER time_entries_version_delete AFTER DELETE ON time_entries
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_old();

CREATE TRIGGER absences_version_insert AFTER INSERT ON absences
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_new();
CREATE TRIGGER absences_version_update AFTER UPDATE ON absences
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_both();
CREATE TRIGGER absences_version_delete AFTER DELETE ON absences
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_old();

CREATE TRIGGER assessments_version_insert AFTER INSERT ON assessments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_new();
CREATE TRIGGER assessments_version_update AFTER UPDATE ON assessments
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_both();
CREATE TRIGGER assessments_version_delete AFTER DELETE ON assessments
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_old();

CREATE TRIGGER sfi_results_version_insert AFTER INSERT ON sfi_results
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_new();
CREATE TRIGGER sfi_results_version_update AFTER UPDATE ON sfi_results
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_both();
CREATE TRIGGER sfi_results_version_delete AFTER DELETE ON sfi_results
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_old();

CREATE TRIGGER weekly_plans_version_insert AFTER INSERT ON weekly_plans
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_new();
CREATE TRIGGER weekly_plans_version_update AFTER UPDATE ON weekly_plans
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_both();
CREATE TRIGGER weekly_plans_version_delete AFTER DELETE ON weekly_plans
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_old();

CREATE TRIGGER checkpoint_decisions_version_insert AFTER INSERT ON checkpoint_decisions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_new();
CREATE TRIGGER checkpoint_decisions_version_update AFTER UPDATE ON checkpoint_decisions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_both();
CREATE TRIGGER checkpoint_decisions_version_delete AFTER DELETE ON checkpoint_decisions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_old();

CREATE TRIGGER development_talks_version_insert AFTER INSERT ON development_talks
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_new();
CREATE TRIGGER development_talks_version_update AFTER UPDATE ON development_talks
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_both();
CREATE TRIGGER development_talks_version_delete AFTER DELETE ON development_talks
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_old();

CREATE TRIGGER participants_version_insert AFTER INSERT ON participants
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_participants_new();
CREATE TRIGGER participants_version_update AFTER UPDATE ON participants
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_participants_both();
CREATE TRIGGER participants_version_delete AFTER DELETE ON participants
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_participants_old();

CREATE TRIGGER assessment_levels_version_insert AFTER INSERT ON assessment_levels
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_assessment_levels_new();
CREATE TRIGGER assessment_levels_version_update AFTER UPDATE ON assessment_levels
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_assessment_levels_both();
CREATE TRIGGER assessment_levels_version_delete AFTER DELETE ON assessment_levels
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_assessment_levels_old();

CREATE TRIGGER plan_blocks_version_insert AFTER INSERT ON plan_blocks
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_plan_blocks_new();
CREATE TRIGGER plan_blocks_version_update AFTER UPDATE ON plan_blocks
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_plan_blocks_both();
CREATE TRIGGER plan_blocks_version_delete AFTER DELETE ON plan_blocks
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_plan_blocks_old();

CREATE TRIGGER settings_version AFTER INSERT OR UPDATE OR DELETE ON settings
    FOR EACH STATEMENT EXECUTE FUNCTION versions_programme();

CREATE TRIGGER setting_history_version AFTER INSERT OR UPDATE OR DELETE ON setting_history
    FOR EACH STATEMENT EXECUTE FUNCTION versions_programme();

CREATE TRIGGER calendar_days_version AFTER INSERT OR UPDATE OR DELETE ON calendar_days
    FOR EACH STATEMENT EXECUTE FUNCTION versions_programme();

CREATE TRIGGER schools_version AFTER INSERT OR UPDATE OR DELETE ON schools
    FOR EACH STATEMENT EXECUTE FUNCTION versions_programme();

CREATE TRIGGER districts_version AFTER INSERT OR UPDATE OR DELETE ON districts
    FOR EACH STATEMENT EXECUTE FUNCTION versions_programme();

CREATE TRIGGER ui_translations_version AFTER INSERT OR UPDATE OR DELETE ON ui_translations
    FOR EACH STATEMENT EXECUTE FUNCTION versions_programme();
