# Validation problems (crate::domain::problem). Arguments are plain strings.

## Problems with one value

problem-required = Required. Fill in a value.
problem-too-long = Too long: at most { $max } characters.
problem-not-a-date = Not a date. Write the date as YYYY-MM-DD, for example 2026-03-01.
problem-date-in-future = The date is in the future. Only today or earlier is allowed.
problem-date-after-start = Must not be after the start date.
problem-not-an-integer = Not a whole number. Write digits only.
problem-out-of-range = Must be a number from { $min } to { $max }.
problem-not-one-of = Not an allowed value. Allowed values: { $allowed }.
problem-bad-language-code = Not an ISO 639-1 language code: { $code }. Write two-letter codes separated by commas, for example ar,en.
problem-bad-participant-ref = Use only the letters A–Z, digits, - and _, for example P-0042.
problem-bad-email = Not an email address. Write it as name@example.se.
problem-control-character = Contains invisible control characters such as tabs or line breaks. Remove them.
problem-unknown-mentor = No user with the mentor role has this email address.
problem-unknown-teacher = No user with the teacher role has this email address.
problem-unknown-participant = No participant with this ID exists.
problem-already-taken = Already in use. Choose another value.
problem-school-in-other-district = This school is already registered in the district { $district }.
problem-bad-pin = Write 6 digits.
problem-bad-sign-in-code = Not a personal code. A code has 6 letters and digits, for example K7M-4QX.
problem-password-too-short = Too short: at least { $min } characters.
problem-duplicate = Same key as line { $first_line } of this file. Each key may appear only once.

## Problems with a whole file

file-empty = The file is empty. The first line must name the columns.
file-missing-column = The required column { $column } is missing from the first line.
file-unknown-column = Unknown column { $column }. Allowed columns: { $allowed }.
file-duplicate-column = The column { $column } appears more than once in the first line.
file-blank-column-name = Column { $position } in the first line has no name.
file-bad-record = Line { $line } could not be read: { $detail }
file-wrong-field-count = Line { $line } has { $found } fields, but the first line has { $expected } columns.
problem-not-a-teacher = This user is not an SFI teacher. Choose a user with the teacher role.
problem-end-before-start = The end date cannot be before the start date.

time-not-a-week = Not a week. Write the week as YYYY-Www, for example 2026-W09.
time-no-such-week = The year { $year } has weeks 1 to { $last }.
time-end-not-after-start = The end time must be after the start time.
time-not-same-day = Start and end must be on the same day.
time-in-future = The time is in the future. Only time that has already ended can be recorded.
time-overlaps = Overlaps time already recorded from { $start } to { $end }.
time-over-daily-limit = At most { $max_hours } hours of one kind per day. With this entry the day would have { $hours } h { $minutes } min.
time-plan-teaching-under-minimum = The plan has { $hours } h { $minutes } min too little teaching per week.
time-plan-self-study-under-minimum = The plan has { $hours } h { $minutes } min too little self-study per week. Plan at least as much self-study as the teaching minimum.
time-plan-blocks-overlap = Overlaps another teaching block on the same day ({ $start }–{ $end }).
sfi-course-below-path-start = Study path { $path } starts at course { $first }. Choose course { $first } or higher.
sfi-grade-not-in-scale = Not a grade of the scale { $scale }. Allowed grades: { $allowed }.
problem-frozen-assessment = A self-assessment made on the tablet is never changed; it has the level { $level } here.
problem-not-a-time = Not a time. Write the time as HH:MM, for example 08:30.
problem-teacher-only-for-teaching = Only taught time has a teacher. Leave the teacher empty for self-study.
problem-changed-meanwhile = Someone else changed this since you opened the page. Reload the page and try again.
problem-trivial-pin = Too easy to guess. Avoid repeated or consecutive digits such as 111111, 123456 or 121212.
problem-last-coordinator = At least one active coordinator must remain. Give another account the coordinator role first.
problem-own-account = This is your own account: ask another coordinator to deactivate it, change its role or reset its password. Change your own password under My password.
problem-passwords-differ = The two new passwords differ. Type the same new password twice.
problem-password-unchanged = The new password is the same as the current one. Choose a new password.
problem-wrong-current-password = This is not your current password.
problem-changed-by = { $by } changed this at { $at }, since you opened the page, to “{ $value }”. Nothing was saved: reload the page and make your change again.
problem-name-not-for-programme = Leave the name empty for the whole programme. Write a name only for a district or a school.
problem-unknown-district = No district of this name. Districts: { $allowed }.
problem-unknown-school = No school of this name. Schools: { $allowed }.
problem-not-the-reference = Type the participant's reference exactly as shown above to confirm.
problem-introduction-open = The introduction is still open. Tick the box to erase the participant anyway.
problem-before-participant-start = Must not be before the participant's start date { $start }.
problem-bad-step-code = Use lower-case letters a–z, digits and _, starting with a letter, for example cv_ready.
problem-unknown-step = No step of this code on this ladder. Steps: { $allowed }.
problem-unknown-confirmer = No user with the mentor or coordinator role has this email address.
problem-bad-phone = Write a phone number of 6 to 20 digits, spaces, +, - and brackets, for example 08-123 45 67.
problem-not-after = Must be after { $date }.
problem-date-in-past = The date has passed. Choose today or a later day.
problem-unchanged = This is the value already in force. Choose another value.
problem-nothing-answered = No sentence has an answer yet. Answer at least one sentence of one skill, then finish.
