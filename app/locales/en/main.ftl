# Språktrappan: interface texts, English.
app-name = Språktrappan
skip-to-content = Skip to content
loading = Loading…
language = Language
nav-label = Main menu
nav-start = Start
nav-me = My page
nav-participants = Participants
nav-schools = Schools
nav-staff = Staff
nav-groups = Groups
nav-import = Import and export
sign-out = Sign out
not-found-title = Page not found
none = None
all = All
save = Save
add = Add
remove = Remove
actions = Actions
search = Search name or reference
filter = Show
previous = Previous page
next = Next page
pages = Pages
page-of = Page { $page } of { $pages }
results-count = { $count ->
    [one] One participant
   *[other] { $count } participants
}

sign-in-title = Sign in
sign-in = Sign in
sign-in-tablet-link = Participant? Sign in on the tablet
sign-in-staff-link = Staff sign-in
tablet-title = Welcome
tablet-lead = Write your code and your PIN.
tablet-sign-in = Start
me-hello = Hello, { $name }!

error-not-signed-in = Please sign in.
error-forbidden = You do not have access to this.
error-not-found = This could not be found.
error-invalid = { $count ->
    [one] One field needs to be corrected. Nothing was saved.
   *[other] { $count } fields need to be corrected. Nothing was saved.
}
error-sign-in-failed = The sign-in details are not right. Try again.
error-throttled = Too many attempts. Try again in { $minutes } minutes.
error-internal = Something went wrong on the server. Nothing was changed. Try again, or tell the programme office.
error-transport = The server could not be reached. Check the connection and try again.

home-coordinator-title = Programme overview
home-mentor-title = My participants
home-mentor-empty = You have no active participants yet.
home-teacher-title = My groups
home-teacher-empty = You have no groups yet. The programme office sets them up.
group-members-count = { $count ->
    [one] one participant
   *[other] { $count } participants
}

participant-new = New participant
participant-edit = Edit
participant-person = Person
participant-placement = Placement and studies
participant-arrival = Arrival in Sweden
participant-status = Status
status-active = Active
status-completed = Completed
status-left_early = Left early
gender-female = Female
gender-male = Male
gender-other = Other
gender-unspecified = Not stated
role-coordinator = Coordinator
role-teacher = SFI teacher
role-mentor = Mentor
source-web = Web
source-import = Import
source-cli = Command line
source-demo = Demo data

field-name = Name
field-participant_ref = Reference
field-given_name = Given name
field-family_name = Family name
field-gender = Gender
field-birth_year = Year of birth
field-school = School
field-district = District
field-mentor = Mentor
field-mentor_email = Mentor
field-start_date = Start date
field-planned_terms = Planned terms
field-residence_permit_date = Residence permit date
field-arrival_date = Arrival in Sweden
field-study_path = SFI study path
field-languages = Languages
field-status = Status
field-end_date = End date
field-pin = PIN
field-new-pin = New PIN
field-code = Personal code
field-email = E-mail
field-password = Password
field-first-password = First password
field-display_name = Name
field-role = Role
field-group = Group
field-teacher = Teacher
hint-participant_ref = The programme's own reference, e.g. P-0042.
hint-languages = Two-letter language codes separated by commas, e.g. ar,en.
hint-password = At least 10 characters. Give it to the person in a safe way.
hint-pin = 4 to 6 digits. The participant uses it with the personal code on the tablet.

eligibility = Newly arrived?
eligibility-info = Shown as information only; the programme decides.
eligibility-programme = Programme rule (permit at most 2 years ago, at most 4 years in Sweden)
eligibility-employment-service = Employment service rule (within 3 years of the permit)
eligibility-yes = Yes
eligibility-no = No
eligibility-unknown = Unknown (date missing)

tablet-access = Tablet sign-in
pin-is-set = A PIN is set.
pin-not-set = No PIN yet: the participant cannot sign in on the tablet.
pin-set = Set PIN
pin-saved = The PIN is saved.

history = Changes
history-when = When
history-who = By
history-field = Field
history-old = Before
history-new = After

school-new = New school
staff-new = New staff member
group-new = New group
group-add-member = Add a participant
group-remove-member = Remove { $name } from the group

import-participants = Import participants
import-hint = A CSV file with the columns of the participants register (separated by ; or ,). You see a report before anything is stored.
import-check = Check the file
import-report = Import report
import-file-name = File: { $name }
import-problems = Rows to correct
import-line = Line
import-column = Column
import-value = Value
import-why = Problem
import-invalid = { $count ->
    [one] One problem. Nothing will be imported until the file is corrected.
   *[other] { $count } problems. Nothing will be imported until the file is corrected.
}
import-would = The file is valid: { $created } new, { $updated } changed, { $unchanged } unchanged.
import-done = Imported: { $created } new, { $updated } changed, { $unchanged } unchanged.
import-confirm = Import
import-another = Import another file
export = Export
export-participants = Download all participants (CSV)

import-sfi-results = Import SFI results
import-sfi-hint = A CSV file with the columns of the sfi-results kind (participant_ref, test_date, occasion, course, grade_scale, grade and optionally the part results and teacher_email). You see a report before anything is stored.
export-sfi-results = Download all SFI results (CSV)
back = Back

field-participant = Participant
field-test_date = Test date
field-occasion = Occasion
field-course = Course
field-grade_scale = Grade scale
field-grade = Grade
field-reading = Reading
field-listening = Listening
field-speaking = Speaking
field-writing = Writing
field-teacher_email = Teacher
occasion-start = Start
occasion-checkpoint = Checkpoint
occasion-finish = Finish
scale-ig_g_vg = IG, G, VG
scale-f_a = F to A
scale-pass_fail = Pass or fail (IG, G)

sfi-heading = SFI results
sfi-none = No SFI results yet.
sfi-none-short = none yet
sfi-no-finish = no finish yet
sfi-start-finish = Start and finish
sfi-start = At start
sfi-finish = At finish
sfi-step = Courses moved
sfi-step-value = { $step }
sfi-guide = CEFR guide
sfi-guide-note = The CEFR levels are only a rough guide to the SFI courses, not a test result.
sfi-all-results = All results
sfi-enter = Enter a result
sfi-correct = Correct
sfi-delete = Delete
sfi-history = History of the results
sfi-change = Change
sfi-version = Version
sfi-result = Result
sfi-action-create = Entered
sfi-action-update = Corrected
sfi-action-delete = Deleted
sfi-grid = Enter test results
sfi-grid-hint = Type the grades. Enter or ↓ goes to the next row, Shift+Enter or ↑ back, ← and → to the next cell at the edge of the text. Rows left empty are not saved. All rows are saved together, or none if a cell is wrong.
sfi-grid-empty = The group has no participants yet.
sfi-grid-saved = Saved: { $created } new, { $updated } corrected, { $unchanged } unchanged.
sfi-latest = Latest
sfi-save-all = Save all results
sfi-parts = Part results
import-file-participants = Participants file (CSV)
import-file-sfi = SFI results file (CSV)
sfi-delete-explain = The result disappears from the participant's results. The history keeps it, with who deleted it and when.
sfi-delete-confirm = Delete this result

skill-listening = Listening
skill-reading = Reading
skill-spoken_interaction = Talking with others
skill-spoken_production = Speaking
skill-writing = Writing
answer-can_do = I can do this
answer-with_help = With help
answer-not_yet = Not yet
elp-open = What can I do in Swedish?
elp-title = What can I do in Swedish?
elp-intro = You read short sentences about Swedish at work and in daily life. For each one, tap what is true for you. Everything is saved at once.
elp-start = Start
elp-other-occasion = Another occasion
elp-draft = You have started ({ $occasion }). Continue where you stopped, or choose a part.
elp-count = { $answered } of { $total } answered
elp-position = Sentence { $n } of { $total }
elp-progress-label = Answered
elp-continue = Continue
elp-choose-skill = Choose a part
elp-submit-explain = When you are ready, finish. Sentences you have not answered count as "not yet".
elp-submit = Finish and save
elp-latest = My levels ({ $date })
elp-back-me = Back to my page
elp-no-statements = There are no sentences here.
elp-read-aloud = Read aloud
elp-goal = This is my goal
elp-previous = Back
elp-skip = Skip
elp-skills = All parts
elp-nav = Sentences
elp-heading = Self-assessments (language portfolio)
elp-none = No self-assessments yet.
elp-source-tablet = On the tablet, statements { $version }, threshold { $threshold }
elp-source-paper = From a paper portfolio
elp-goals = Goals
elp-comments = Comments
elp-comment = Comment for the development talk
elp-comment-add = Add comment
field-body = Comment
import-assessments = Import self-assessed levels
import-assessments-hint = A CSV file with the columns participant_ref, date, occasion, skill and level, e.g. from paper portfolios. You see a report before anything is stored. Assessments made on the tablet are never changed.
import-file-assessments = Self-assessments file (CSV)
export-assessments = Download all self-assessed levels (CSV)
