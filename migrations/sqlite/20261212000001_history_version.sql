-- A participant's record version is the newest id of their history (issue 18). The index on
-- (participant_id, changed_at) cannot give it in order, so PostgreSQL walked the whole
-- history backwards from its newest row, filtering by participant, for every record read.
CREATE INDEX participant_history_version ON participant_history (participant_id, id);
