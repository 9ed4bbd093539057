-- A whole country on one server (issue 18). Imports, the register and the sign-in find a
-- participant by reference alone, which the unique key (organisation_id, participant_ref)
-- cannot serve: every such lookup scanned the table (1 ms a row at 10,000 participants).
CREATE INDEX participants_ref ON participants (participant_ref);
