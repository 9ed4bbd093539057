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
