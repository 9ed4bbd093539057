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
