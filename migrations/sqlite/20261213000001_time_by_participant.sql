-- Weekly minutes by participant first (issue 18): the compliance views read the participants
-- of a scope (a school, a mentor, a page of the national export) and then their minutes per
-- week, so the covering index starts with the participant. With the week first, one school's
-- week had to walk every entry of that week in the country.
DROP INDEX time_entries_week;
CREATE INDEX time_entries_participant_week ON time_entries (participant_id, iso_week, kind, minutes);
