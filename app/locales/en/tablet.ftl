# The tablet's answer queue (issue 12).
elp-queued = answers are saved on this tablet and will be sent when the connection is back.
elp-waiting-on-tablet = { $count ->
    [one] One answer waits on a tablet and will be sent when the participant signs in there again.
   *[other] { $count } answers wait on a tablet and will be sent when the participant signs in there again.
}
field-key = Answer key
field-tablet = Tablet
field-answers = Number of answers
elp-draft-staff = A self-assessment ({ $occasion }) is under way since { $date }: { $answered } of { $total } statements answered.
idle-warning = Nobody has touched the tablet for a while. In one minute you will be signed out.
idle-continue = Continue
# Finishing a self-assessment.
elp-finish-title = Finish: my levels
elp-finish-lead = This is what your answers say. Save it, or go back and answer more.
elp-confirm = Save my levels
elp-finish-back = Go back
elp-not-assessed = Not assessed
# The participant's own page: a few large tiles.
me-lead = What do you want to do?
me-mentor = Your mentor: { $name }
me-tile-elp-hint = Answer short sentences about your Swedish.
me-tile-ladder = My ladder
me-tile-ladder-hint = See how your Swedish grows.
me-tile-passport = My passport
me-tile-passport-hint = Your levels on one page, to show or print.
me-tile-hours = My hours
me-tile-hours-hint = Your hours of Swedish each week.
# The participant's languages (issue 13).
me-language = My language

# Heard, not only read (issue 13).
audio-listen = Listen
audio-listen-sv = Listen in Swedish
audio-own-voice = Use this tablet's own voice
