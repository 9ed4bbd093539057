-- Change versions (issue 18): a number per participant that every write to what the staff's
-- pages show of them moves on (their record, time, absences, assessments, SFI results, plans,
-- decisions, talks), kept by triggers so that no write path can forget it; participant 0 is
-- the programme's own settings (settings and the weekly minimum's history, the calendar, school and district names,
-- translations). A page may keep what it computed from a participant's data for as long as
-- their numbers stay the same, on every server sharing the database.
CREATE TABLE participant_versions (
    participant_id  INTEGER PRIMARY KEY,
    version         BIGINT NOT NULL
);

CREATE TRIGGER time_entries_version_insert AFTER INSERT ON time_entries
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER time_entries_version_update AFTER UPDATE ON time_entries
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER time_entries_version_delete AFTER DELETE ON time_entries
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER absences_version_insert AFTER INSERT ON absences
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER absences_version_update AFTER UPDATE ON absences
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER absences_version_delete AFTER DELETE ON absences
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER assessments_version_insert AFTER INSERT ON assessments
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER assessments_version_update AFTER UPDATE ON assessments
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER assessments_version_delete AFTER DELETE ON assessments
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER sfi_results_version_insert AFTER INSERT ON sfi_results
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER sfi_results_version_update AFTER UPDATE ON sfi_results
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER sfi_results_version_delete AFTER DELETE ON sfi_results
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER weekly_plans_version_insert AFTER INSERT ON weekly_plans
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER weekly_plans_version_update AFTER UPDATE ON weekly_plans
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER weekly_plans_version_delete AFTER DELETE ON weekly_plans
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER checkpoint_decisions_version_insert AFTER INSERT ON checkpoint_decisions
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER checkpoint_decisions_version_update AFTER UPDATE ON checkpoint_decisions
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER checkpoint_decisions_version_delete AFTER DELETE ON checkpoint_decisions
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER development_talks_version_insert AFTER INSERT ON development_talks
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER development_talks_version_update AFTER UPDATE ON development_talks
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER development_talks_version_delete AFTER DELETE ON development_talks
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER participants_version_insert AFTER INSERT ON participants
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER participants_version_update AFTER UPDATE ON participants
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER participants_version_delete AFTER DELETE ON participants
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER assessment_levels_version_insert AFTER INSERT ON assessment_levels
BEGIN
    INSERT INTO participant_versions (participant_id, version) SELECT participant_id, 1 FROM assessments WHERE id = NEW.assessment_id
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER assessment_levels_version_update AFTER UPDATE ON assessment_levels
BEGIN
    INSERT INTO participant_versions (participant_id, version) SELECT participant_id, 1 FROM assessments WHERE id = OLD.assessment_id
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) SELECT participant_id, 1 FROM assessments WHERE id = NEW.assessment_id
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER assessment_levels_version_delete AFTER DELETE ON assessment_levels
BEGIN
    INSERT INTO participant_versions (participant_id, version) SELECT participant_id, 1 FROM assessments WHERE id = OLD.assessment_id
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER plan_blocks_version_insert AFTER INSERT ON plan_blocks
BEGIN
    INSERT INTO participant_versions (participant_id, version) SELECT participant_id, 1 FROM weekly_plans WHERE id = NEW.plan_id
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER plan_blocks_version_update AFTER UPDATE ON plan_blocks
BEGIN
    INSERT INTO participant_versions (participant_id, version) SELECT participant_id, 1 FROM weekly_plans WHERE id = OLD.plan_id
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) SELECT participant_id, 1 FROM weekly_plans WHERE id = NEW.plan_id
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER plan_blocks_version_delete AFTER DELETE ON plan_blocks
BEGIN
    INSERT INTO participant_versions (participant_id, version) SELECT participant_id, 1 FROM weekly_plans WHERE id = OLD.plan_id
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER settings_version_insert AFTER INSERT ON settings
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER settings_version_update AFTER UPDATE ON settings
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER settings_version_delete AFTER DELETE ON settings
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER setting_history_version_insert AFTER INSERT ON setting_history
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER setting_history_version_update AFTER UPDATE ON setting_history
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER setting_history_version_delete AFTER DELETE ON setting_history
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER calendar_days_version_insert AFTER INSERT ON calendar_days
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER calendar_days_version_update AFTER UPDATE ON calendar_days
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER calendar_days_version_delete AFTER DELETE ON calendar_days
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER schools_version_insert AFTER INSERT ON schools
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER schools_version_update AFTER UPDATE ON schools
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER schools_version_delete AFTER DELETE ON schools
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER districts_version_insert AFTER INSERT ON districts
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER districts_version_update AFTER UPDATE ON districts
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER districts_version_delete AFTER DELETE ON districts
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER ui_translations_version_insert AFTER INSERT ON ui_translations
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER ui_translations_version_update AFTER UPDATE ON ui_translations
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER ui_translations_version_delete AFTER DELETE ON ui_translations
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;
