-- Issue 12: an answer given on the tablet carries an idempotency key (made on the tablet when
-- the answer is given, kept with it while the tablet is offline). A key is applied once: a
-- repeated delivery of the same answer changes nothing.
CREATE TABLE assessment_deliveries (
    key             TEXT PRIMARY KEY,
    participant_id  BIGINT NOT NULL REFERENCES participants (id),
    assessment_id   BIGINT NOT NULL REFERENCES assessments (id),
    statement_id    TEXT NOT NULL,
    delivered_at    BIGINT NOT NULL
);
CREATE INDEX assessment_deliveries_participant ON assessment_deliveries (participant_id);

-- Answers that a tablet holds for a participant whose session ended before they were sent:
-- the tablet reports how many (with a token the server signed for that participant), so the
-- staff view of the draft can say so. Zero removes the row.
CREATE TABLE tablet_waiting (
    participant_id  BIGINT NOT NULL REFERENCES participants (id),
    tablet          TEXT NOT NULL,
    answers         BIGINT NOT NULL,
    reported_at     BIGINT NOT NULL,
    PRIMARY KEY (participant_id, tablet)
);
