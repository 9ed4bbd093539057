# The tablet's answer queue (issue 12).
elp-queued = svar är sparade på surfplattan och skickas när anslutningen är tillbaka.
elp-waiting-on-tablet = { $count ->
    [one] Ett svar väntar på en surfplatta och skickas när deltagaren loggar in där igen.
   *[other] { $count } svar väntar på en surfplatta och skickas när deltagaren loggar in där igen.
}
field-key = Svarets nyckel
field-tablet = Surfplatta
field-answers = Antal svar
elp-draft-staff = En självskattning ({ $occasion }) pågår sedan { $date }: { $answered } av { $total } påståenden besvarade.
idle-warning = Ingen har rört surfplattan på en stund. Om en minut loggas du ut.
idle-continue = Fortsätt
# Att avsluta en självbedömning.
elp-finish-title = Avsluta: mina nivåer
elp-finish-lead = Så här säger dina svar. Spara, eller gå tillbaka och svara på fler.
elp-confirm = Spara mina nivåer
elp-finish-back = Gå tillbaka
elp-not-assessed = Inte bedömd
# Deltagarens egen sida: några stora rutor.
me-lead = Vad vill du göra?
me-mentor = Din mentor: { $name }
me-tile-elp-hint = Svara på korta meningar om din svenska.
me-tile-ladder = Min trappa
me-tile-ladder-hint = Se hur din svenska växer.
me-tile-passport = Mitt pass
me-tile-passport-hint = Dina nivåer på en sida, att visa eller skriva ut.
me-tile-hours = Mina timmar
me-tile-hours-hint = Dina timmar svenska varje vecka.
# Deltagarens språk (issue 13).
me-language = Mitt språk

# Heard, not only read (issue 13).
audio-listen = Lyssna
audio-listen-sv = Lyssna på svenska
audio-own-voice = Använd surfplattans egen röst
