-- Weekly minutes by participant first (issue 18): the compliance views read the participants
-- of a scope (a school, a mentor, a page of the national export) and then their minutes per
-- week, so the covering index starts with the participant. With the week first, one school's
-- week had to walk every entry of that week in the country.
DROP INDEX time_entries_week;
CREATE INDEX time_entries_participant_week ON time_entries (participant_id, iso_week, kind, minutes);
-- The export streams participants a page at a time in byte order of reference (COLLATE "C",
-- the order of the file whatever the database's locale), which this index gives.
CREATE INDEX participants_ref_bytes ON participants (participant_ref COLLATE "C");
