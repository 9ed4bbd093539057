-- Change versions for the staff's participant page (issue 18): the page is kept whole for as
-- long as its participant's version and the programme's (participant 0) stay the same, so
-- every table it shows moves one of them. The participant's own: the record's history, the
-- outcome, SFI results' history, ladder steps, the placement, talk goals, group membership,
-- answers waiting on tablets, assessment answers and comments. The programme's: staff (names,
-- roles), teaching groups, the ladder steps' names, the CEFR catalogues and their texts.

CREATE TRIGGER participant_history_version_insert AFTER INSERT ON participant_history
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_new();
CREATE TRIGGER participant_history_version_update AFTER UPDATE ON participant_history
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_both();
CREATE TRIGGER participant_history_version_delete AFTER DELETE ON participant_history
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_old();

CREATE TRIGGER outcomes_version_insert AFTER INSERT ON outcomes
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_new();
CREATE TRIGGER outcomes_version_update AFTER UPDATE ON outcomes
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_both();
CREATE TRIGGER outcomes_version_delete AFTER DELETE ON outcomes
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_old();

CREATE TRIGGER sfi_result_versions_version_insert AFTER INSERT ON sfi_result_versions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_new();
CREATE TRIGGER sfi_result_versions_version_update AFTER UPDATE ON sfi_result_versions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_both();
CREATE TRIGGER sfi_result_versions_version_delete AFTER DELETE ON sfi_result_versions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_old();

CREATE TRIGGER participant_steps_version_insert AFTER INSERT ON participant_steps
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_new();
CREATE TRIGGER participant_steps_version_update AFTER UPDATE ON participant_steps
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_both();
CREATE TRIGGER participant_steps_version_delete AFTER DELETE ON participant_steps
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_old();

CREATE TRIGGER placements_version_insert AFTER INSERT ON placements
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_new();
CREATE TRIGGER placements_version_update AFTER UPDATE ON placements
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_both();
CREATE TRIGGER placements_version_delete AFTER DELETE ON placements
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_old();

CREATE TRIGGER development_talk_goals_version_insert AFTER INSERT ON development_talk_goals
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_new();
CREATE TRIGGER development_talk_goals_version_update AFTER UPDATE ON development_talk_goals
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_both();
CREATE TRIGGER development_talk_goals_version_delete AFTER DELETE ON development_talk_goals
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_old();

CREATE TRIGGER group_members_version_insert AFTER INSERT ON group_members
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_new();
CREATE TRIGGER group_members_version_update AFTER UPDATE ON group_members
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_both();
CREATE TRIGGER group_members_version_delete AFTER DELETE ON group_members
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_old();

CREATE TRIGGER tablet_waiting_version_insert AFTER INSERT ON tablet_waiting
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_new();
CREATE TRIGGER tablet_waiting_version_update AFTER UPDATE ON tablet_waiting
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_both();
CREATE TRIGGER tablet_waiting_version_delete AFTER DELETE ON tablet_waiting
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_direct_old();

-- Rows that name their assessment, like its levels.
CREATE TRIGGER assessment_comments_version_insert AFTER INSERT ON assessment_comments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_assessment_levels_new();
CREATE TRIGGER assessment_comments_version_update AFTER UPDATE ON assessment_comments
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_assessment_levels_both();
CREATE TRIGGER assessment_comments_version_delete AFTER DELETE ON assessment_comments
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_assessment_levels_old();

CREATE TRIGGER assessment_answers_version_insert AFTER INSERT ON assessment_answers
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_assessment_levels_new();
CREATE TRIGGER assessment_answers_version_update AFTER UPDATE ON assessment_answers
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_assessment_levels_both();
CREATE TRIGGER assessment_answers_version_delete AFTER DELETE ON assessment_answers
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION versions_assessment_levels_old();

CREATE TRIGGER users_version AFTER INSERT OR UPDATE OR DELETE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION versions_programme();

CREATE TRIGGER teaching_groups_version AFTER INSERT OR UPDATE OR DELETE ON teaching_groups
    FOR EACH STATEMENT EXECUTE FUNCTION versions_programme();

CREATE TRIGGER ladder_step_definitions_version AFTER INSERT OR UPDATE OR DELETE ON ladder_step_definitions
    FOR EACH STATEMENT EXECUTE FUNCTION versions_programme();

CREATE TRIGGER cefr_catalogues_version AFTER INSERT OR UPDATE OR DELETE ON cefr_catalogues
    FOR EACH STATEMENT EXECUTE FUNCTION versions_programme();

CREATE TRIGGER cefr_statements_version AFTER INSERT OR UPDATE OR DELETE ON cefr_statements
    FOR EACH STATEMENT EXECUTE FUNCTION versions_programme();

CREATE TRIGGER cefr_statement_texts_version AFTER INSERT OR UPDATE OR DELETE ON cefr_statement_texts
    FOR EACH STATEMENT EXECUTE FUNCTION versions_programme();
