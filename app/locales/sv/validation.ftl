# Valideringsproblem (crate::domain::problem). Argumenten är vanliga strängar.

## Problem med ett värde

problem-required = Obligatoriskt. Fyll i ett värde.
problem-too-long = För långt: högst { $max } tecken.
problem-not-a-date = Inget datum. Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-01.
problem-date-in-future = Datumet ligger i framtiden. Bara i dag eller tidigare är tillåtet.
problem-date-after-start = Får inte vara efter startdatumet.
problem-not-an-integer = Inget heltal. Skriv bara siffror.
problem-out-of-range = Ska vara ett tal från { $min } till { $max }.
problem-not-one-of = Inget tillåtet värde. Tillåtna värden: { $allowed }.
problem-bad-language-code = Ingen språkkod enligt ISO 639-1: { $code }. Skriv koder med två bokstäver, åtskilda med kommatecken, till exempel ar,en.
problem-bad-participant-ref = Använd bara bokstäverna A–Z, siffror, - och _, till exempel P-0042.
problem-bad-email = Ingen e-postadress. Skriv den som namn@exempel.se.
problem-control-character = Innehåller osynliga styrtecken, till exempel tabb eller radbrytning. Ta bort dem.
problem-unknown-mentor = Det finns ingen användare med rollen mentor som har den här e-postadressen.
problem-unknown-teacher = Det finns ingen användare med rollen lärare som har den här e-postadressen.
problem-unknown-participant = Det finns ingen deltagare med det här id:t.
problem-already-taken = Används redan. Välj ett annat värde.
problem-school-in-other-district = Skolan är redan registrerad i stadsdelen { $district }.
problem-bad-pin = Skriv 6 siffror.
problem-bad-sign-in-code = Ingen personlig kod. En kod har 6 bokstäver och siffror, till exempel K7M-4QX.
problem-password-too-short = För kort: minst { $min } tecken.
problem-duplicate = Samma nyckel som rad { $first_line } i filen. Varje nyckel får bara förekomma en gång.

## Problem med en hel fil

file-empty = Filen är tom. Första raden ska innehålla kolumnnamnen.
file-missing-column = Den obligatoriska kolumnen { $column } saknas på första raden.
file-unknown-column = Okänd kolumn { $column }. Tillåtna kolumner: { $allowed }.
file-duplicate-column = Kolumnen { $column } förekommer mer än en gång på första raden.
file-blank-column-name = Kolumn { $position } på första raden saknar namn.
file-bad-record = Rad { $line } kunde inte läsas: { $detail }
file-wrong-field-count = Rad { $line } har { $found } fält, men första raden har { $expected } kolumner.
problem-not-a-teacher = Användaren är inte SFI-lärare. Välj en användare med rollen lärare.
problem-end-before-start = Slutdatumet kan inte vara före startdatumet.

time-not-a-week = Ingen vecka. Skriv veckan som ÅÅÅÅ-Wvv, till exempel 2026-W09.
time-no-such-week = År { $year } har veckorna 1 till { $last }.
time-end-not-after-start = Sluttiden måste vara efter starttiden.
time-not-same-day = Start och slut måste vara samma dag.
time-in-future = Tiden ligger i framtiden. Bara tid som redan är slut kan registreras.
time-overlaps = Överlappar tid som redan är registrerad från { $start } till { $end }.
time-over-daily-limit = Högst { $max_hours } timmar av samma slag per dag. Med den här posten blir det { $hours } tim { $minutes } min.
time-plan-teaching-under-minimum = Planen har { $hours } tim { $minutes } min för lite undervisning per vecka.
time-plan-self-study-under-minimum = Planen har { $hours } tim { $minutes } min för lite självstudier per vecka. Planera minst lika mycket självstudier som minimitiden för undervisning.
time-plan-blocks-overlap = Överlappar ett annat undervisningspass samma dag ({ $start }–{ $end }).
sfi-course-below-path-start = Studieväg { $path } börjar på kurs { $first }. Välj kurs { $first } eller högre.
sfi-grade-not-in-scale = Inget betyg i skalan { $scale }. Tillåtna betyg: { $allowed }.
problem-frozen-assessment = En självskattning från surfplattan ändras aldrig; den har nivån { $level } här.
problem-not-a-time = Ingen tid. Skriv tiden som TT:MM, till exempel 08:30.
problem-teacher-only-for-teaching = Bara undervisning har en lärare. Lämna läraren tom för självstudier.
problem-changed-meanwhile = Någon annan har ändrat detta sedan du öppnade sidan. Ladda om sidan och försök igen.
problem-trivial-pin = För lätt att gissa. Undvik upprepade siffror eller siffror i följd, som 111111, 123456 eller 121212.
problem-last-coordinator = Minst en aktiv samordnare måste finnas kvar. Ge först ett annat konto rollen samordnare.
problem-own-account = Det här är ditt eget konto: be en annan samordnare att inaktivera det, ändra dess roll eller återställa dess lösenord. Ditt eget lösenord byter du under Mitt lösenord.
problem-passwords-differ = De två nya lösenorden är olika. Skriv samma nya lösenord två gånger.
problem-password-unchanged = Det nya lösenordet är samma som det nuvarande. Välj ett nytt lösenord.
problem-wrong-current-password = Det är inte ditt nuvarande lösenord.
problem-changed-by = { $by } ändrade detta { $at }, efter att du öppnade sidan, till ”{ $value }”. Inget sparades: ladda om sidan och gör din ändring igen.
problem-name-not-for-programme = Lämna namnet tomt för hela programmet. Skriv ett namn bara för en stadsdel eller en skola.
problem-unknown-district = Det finns ingen stadsdel med det namnet. Stadsdelar: { $allowed }.
problem-unknown-school = Det finns ingen skola med det namnet. Skolor: { $allowed }.
problem-not-the-reference = Skriv deltagarens referens exakt som den står ovan för att bekräfta.
problem-introduction-open = Introduktionen pågår fortfarande. Kryssa i rutan för att radera deltagaren ändå.
problem-before-participant-start = Får inte vara före deltagarens startdatum { $start }.
problem-bad-step-code = Använd små bokstäver a–z, siffror och _, och börja med en bokstav, till exempel cv_ready.
problem-unknown-step = Trappan har inget steg med den koden. Steg: { $allowed }.
problem-unknown-confirmer = Ingen användare med rollen mentor eller samordnare har den e-postadressen.
problem-bad-phone = Skriv ett telefonnummer med 6 till 20 siffror, mellanslag, +, - och parenteser, till exempel 08-123 45 67.
problem-not-after = Måste vara efter { $date }.
problem-date-in-past = Datumet har passerat. Välj i dag eller en senare dag.
problem-unchanged = Det här är värdet som redan gäller. Välj ett annat värde.
problem-nothing-answered = Ingen mening har något svar än. Svara på minst en mening i en färdighet och avsluta sedan.
