-- Issue 17: the access log. Who read which participant's record, who downloaded personal
-- data, every sign-in, sign-out and failed sign-in, every refusal: who, when, what, about
-- whom, from where. Append-only: no row is ever changed or removed.
-- No foreign keys: the log outlives the accounts and records it names.
CREATE TABLE access_log (
    id              INTEGER PRIMARY KEY,
    at              BIGINT NOT NULL,
    actor_user_id   BIGINT,
    actor_participant_id BIGINT,
    actor_role      TEXT,
    event           TEXT NOT NULL,
    what            TEXT NOT NULL,
    participant_id  BIGINT,
    row_count       BIGINT,
    address         TEXT
);
CREATE INDEX access_log_by_participant ON access_log (participant_id, at);
CREATE INDEX access_log_by_user ON access_log (actor_user_id, at);
CREATE INDEX access_log_by_time ON access_log (at);
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN
    SELECT RAISE(ABORT, 'access_log is append-only');
END;
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
BEGIN
    SELECT RAISE(ABORT, 'access_log is append-only');
END;
