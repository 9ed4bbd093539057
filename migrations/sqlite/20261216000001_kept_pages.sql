-- Change versions for the staff's participant page (issue 18): the page is kept whole for as
-- long as its participant's version and the programme's (participant 0) stay the same, so
-- every table it shows moves one of them. The participant's own: the record's history, the
-- outcome, SFI results' history, ladder steps, the placement, talk goals, group membership,
-- answers waiting on tablets, assessment answers and comments. The programme's: staff (names,
-- roles), teaching groups, the ladder steps' names, the CEFR catalogues and their texts.

CREATE TRIGGER participant_history_version_insert AFTER INSERT ON participant_history
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER participant_history_version_update AFTER UPDATE ON participant_history
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER participant_history_version_delete AFTER DELETE ON participant_history
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER outcomes_version_insert AFTER INSERT ON outcomes
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER outcomes_version_update AFTER UPDATE ON outcomes
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER outcomes_version_delete AFTER DELETE ON outcomes
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER sfi_result_versions_version_insert AFTER INSERT ON sfi_result_versions
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER sfi_result_versions_version_update AFTER UPDATE ON sfi_result_versions
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER sfi_result_versions_version_delete AFTER DELETE ON sfi_result_versions
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER participant_steps_version_insert AFTER INSERT ON participant_steps
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER participant_steps_version_update AFTER UPDATE ON participant_steps
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER participant_steps_version_delete AFTER DELETE ON participant_steps
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER placements_version_insert AFTER INSERT ON placements
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER placements_version_update AFTER UPDATE ON placements
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER placements_version_delete AFTER DELETE ON placements
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER development_talk_goals_version_insert AFTER INSERT ON development_talk_goals
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER development_talk_goals_version_update AFTER UPDATE ON development_talk_goals
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER development_talk_goals_version_delete AFTER DELETE ON development_talk_goals
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER group_members_version_insert AFTER INSERT ON group_members
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER group_members_version_update AFTER UPDATE ON group_members
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER group_members_version_delete AFTER DELETE ON group_members
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER tablet_waiting_version_insert AFTER INSERT ON tablet_waiting
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER tablet_waiting_version_update AFTER UPDATE ON tablet_waiting
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) VALUES (NEW.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER tablet_waiting_version_delete AFTER DELETE ON tablet_waiting
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (OLD.participant_id, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER assessment_comments_version_insert AFTER INSERT ON assessment_comments
BEGIN
    INSERT INTO participant_versions (participant_id, version) SELECT participant_id, 1 FROM assessments WHERE id = NEW.assessment_id
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER assessment_comments_version_update AFTER UPDATE ON assessment_comments
BEGIN
    INSERT INTO participant_versions (participant_id, version) SELECT participant_id, 1 FROM assessments WHERE id = OLD.assessment_id
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) SELECT participant_id, 1 FROM assessments WHERE id = NEW.assessment_id
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER assessment_comments_version_delete AFTER DELETE ON assessment_comments
BEGIN
    INSERT INTO participant_versions (participant_id, version) SELECT participant_id, 1 FROM assessments WHERE id = OLD.assessment_id
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER assessment_answers_version_insert AFTER INSERT ON assessment_answers
BEGIN
    INSERT INTO participant_versions (participant_id, version) SELECT participant_id, 1 FROM assessments WHERE id = NEW.assessment_id
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER assessment_answers_version_update AFTER UPDATE ON assessment_answers
BEGIN
    INSERT INTO participant_versions (participant_id, version) SELECT participant_id, 1 FROM assessments WHERE id = OLD.assessment_id
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
    INSERT INTO participant_versions (participant_id, version) SELECT participant_id, 1 FROM assessments WHERE id = NEW.assessment_id
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER assessment_answers_version_delete AFTER DELETE ON assessment_answers
BEGIN
    INSERT INTO participant_versions (participant_id, version) SELECT participant_id, 1 FROM assessments WHERE id = OLD.assessment_id
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER users_version_insert AFTER INSERT ON users
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER users_version_update AFTER UPDATE ON users
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER users_version_delete AFTER DELETE ON users
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER teaching_groups_version_insert AFTER INSERT ON teaching_groups
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER teaching_groups_version_update AFTER UPDATE ON teaching_groups
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER teaching_groups_version_delete AFTER DELETE ON teaching_groups
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER ladder_step_definitions_version_insert AFTER INSERT ON ladder_step_definitions
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER ladder_step_definitions_version_update AFTER UPDATE ON ladder_step_definitions
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER ladder_step_definitions_version_delete AFTER DELETE ON ladder_step_definitions
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER cefr_catalogues_version_insert AFTER INSERT ON cefr_catalogues
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER cefr_catalogues_version_update AFTER UPDATE ON cefr_catalogues
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER cefr_catalogues_version_delete AFTER DELETE ON cefr_catalogues
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER cefr_statements_version_insert AFTER INSERT ON cefr_statements
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER cefr_statements_version_update AFTER UPDATE ON cefr_statements
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER cefr_statements_version_delete AFTER DELETE ON cefr_statements
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER cefr_statement_texts_version_insert AFTER INSERT ON cefr_statement_texts
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER cefr_statement_texts_version_update AFTER UPDATE ON cefr_statement_texts
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER cefr_statement_texts_version_delete AFTER DELETE ON cefr_statement_texts
BEGIN
    INSERT INTO participant_versions (participant_id, version) VALUES (0, 1)
        ON CONFLICT (participant_id) DO UPDATE SET version = version + 1;
END;
