# Språktrappan: gränssnittets texter, svenska.
app-name = Språktrappan
skip-to-content = Hoppa till innehållet
loading = Laddar …
language = Språk
nav-label = Huvudmeny
nav-start = Start
nav-me = Min sida
nav-participants = Deltagare
nav-schools = Skolor
nav-staff = Personal
nav-groups = Grupper
nav-import = Import och export
sign-out = Logga ut
not-found-title = Sidan finns inte
none = Ingen
all = Alla
save = Spara
add = Lägg till
remove = Ta bort
actions = Åtgärder
search = Sök namn eller referens
filter = Visa
previous = Föregående sida
next = Nästa sida
pages = Sidor
page-of = Sida { $page } av { $pages }
results-count = { $count ->
    [one] En deltagare
   *[other] { $count } deltagare
}

sign-in-title = Logga in
sign-in = Logga in
sign-in-tablet-link = Deltagare? Logga in på surfplattan
sign-in-staff-link = Inloggning för personal
tablet-title = Välkommen
tablet-lead = Skriv din kod och din PIN-kod.
tablet-sign-in = Börja
me-hello = Hej { $name }!

error-not-signed-in = Logga in först.
error-forbidden = Du har inte behörighet till det här.
error-not-found = Det här hittades inte.
error-invalid = { $count ->
    [one] Ett fält behöver rättas. Inget sparades.
   *[other] { $count } fält behöver rättas. Inget sparades.
}
error-sign-in-failed = Inloggningsuppgifterna stämmer inte. Försök igen.
error-throttled = För många försök. Försök igen om { $minutes } minuter.
error-internal = Något gick fel på servern. Inget ändrades. Försök igen eller kontakta programkontoret.
error-transport = Servern gick inte att nå. Kontrollera anslutningen och försök igen.

home-coordinator-title = Översikt över programmet
home-mentor-title = Mina deltagare
home-mentor-empty = Du har inga aktiva deltagare ännu.
home-teacher-title = Mina grupper
home-teacher-empty = Du har inga grupper ännu. Programkontoret lägger upp dem.
group-members-count = { $count ->
    [one] en deltagare
   *[other] { $count } deltagare
}

participant-new = Ny deltagare
participant-edit = Ändra
participant-person = Person
participant-placement = Placering och studier
participant-arrival = Ankomst till Sverige
participant-status = Status
status-active = Aktiv
status-completed = Avslutad
status-left_early = Avbrutit
gender-female = Kvinna
gender-male = Man
gender-other = Annat
gender-unspecified = Ej angivet
role-coordinator = Samordnare
role-teacher = SFI-lärare
role-mentor = Mentor
source-web = Webb
source-import = Import
source-cli = Kommandorad
source-demo = Demodata

field-name = Namn
field-participant_ref = Referens
field-given_name = Förnamn
field-family_name = Efternamn
field-gender = Kön
field-birth_year = Födelseår
field-school = Skola
field-district = Stadsdel
field-mentor = Mentor
field-mentor_email = Mentor
field-start_date = Startdatum
field-planned_terms = Planerade terminer
field-residence_permit_date = Datum för uppehållstillstånd
field-arrival_date = Ankomst till Sverige
field-study_path = Studieväg på SFI
field-languages = Språk
field-status = Status
field-end_date = Slutdatum
field-pin = PIN-kod
field-new-pin = Ny PIN-kod
field-code = Personlig kod
field-email = E-post
field-password = Lösenord
field-first-password = Första lösenord
field-display_name = Namn
field-role = Roll
field-group = Grupp
field-teacher = Lärare
hint-participant_ref = Programmets egen referens, t.ex. P-0042.
hint-languages = Språkkoder med två bokstäver, åtskilda med kommatecken, t.ex. ar,en.
hint-password = Minst 10 tecken. Lämna det till personen på ett säkert sätt.
hint-pin = 4 till 6 siffror. Deltagaren använder den med sin personliga kod på surfplattan.

eligibility = Nyanländ?
eligibility-info = Visas bara som information; programmet avgör.
eligibility-programme = Programmets regel (tillstånd högst 2 år sedan, högst 4 år i Sverige)
eligibility-employment-service = Arbetsförmedlingens regel (inom 3 år från tillståndet)
eligibility-yes = Ja
eligibility-no = Nej
eligibility-unknown = Okänt (datum saknas)

tablet-access = Inloggning på surfplattan
pin-is-set = PIN-kod är satt.
pin-not-set = Ingen PIN-kod ännu: deltagaren kan inte logga in på surfplattan.
pin-set = Sätt PIN-kod
pin-saved = PIN-koden är sparad.

history = Ändringar
history-when = När
history-who = Av
history-field = Fält
history-old = Före
history-new = Efter

school-new = Ny skola
staff-new = Ny personal
group-new = Ny grupp
group-add-member = Lägg till en deltagare
group-remove-member = Ta bort { $name } från gruppen

import-participants = Importera deltagare
import-hint = En CSV-fil med kolumnerna i deltagarregistret (åtskilda med ; eller ,). Du får se en rapport innan något sparas.
import-check = Kontrollera filen
import-report = Importrapport
import-file-name = Fil: { $name }
import-problems = Rader att rätta
import-line = Rad
import-column = Kolumn
import-value = Värde
import-why = Problem
import-invalid = { $count ->
    [one] Ett problem. Inget importeras förrän filen är rättad.
   *[other] { $count } problem. Inget importeras förrän filen är rättad.
}
import-would = Filen är giltig: { $created } nya, { $updated } ändrade, { $unchanged } oförändrade.
import-done = Importerat: { $created } nya, { $updated } ändrade, { $unchanged } oförändrade.
import-confirm = Importera
import-another = Importera en annan fil
export = Export
export-participants = Ladda ner alla deltagare (CSV)

import-sfi-results = Importera SFI-resultat
import-sfi-hint = En CSV-fil med kolumnerna för sfi-results (participant_ref, test_date, occasion, course, grade_scale, grade och vid behov delresultaten och teacher_email). Du ser en rapport innan något sparas.
export-sfi-results = Ladda ner alla SFI-resultat (CSV)
back = Tillbaka

field-participant = Deltagare
field-test_date = Provdatum
field-occasion = Tillfälle
field-course = Kurs
field-grade_scale = Betygsskala
field-grade = Betyg
field-reading = Läsa
field-listening = Hörförståelse
field-speaking = Tala
field-writing = Skriva
field-teacher_email = Lärare
occasion-start = Start
occasion-checkpoint = Avstämning
occasion-finish = Slut
scale-ig_g_vg = IG, G, VG
scale-f_a = F till A
scale-pass_fail = Godkänd eller inte (IG, G)

sfi-heading = SFI-resultat
sfi-none = Inga SFI-resultat ännu.
sfi-none-short = inga ännu
sfi-no-finish = inget slutresultat ännu
sfi-start-finish = Start och slut
sfi-start = Vid start
sfi-finish = Vid slut
sfi-step = Kurser framåt
sfi-step-value = { $step }
sfi-guide = GERS-riktmärke
sfi-guide-note = GERS-nivåerna är bara ett grovt riktmärke för SFI-kurserna, inte ett provresultat.
sfi-all-results = Alla resultat
sfi-enter = Registrera ett resultat
sfi-correct = Rätta
sfi-delete = Ta bort
sfi-history = Resultatens historik
sfi-change = Ändring
sfi-version = Version
sfi-result = Resultat
sfi-action-create = Registrerat
sfi-action-update = Rättat
sfi-action-delete = Borttaget
sfi-grid = Registrera provresultat
sfi-grid-hint = Skriv betygen. Enter eller ↓ går till nästa rad, Skift+Enter eller ↑ tillbaka, ← och → till nästa ruta vid textens kant. Tomma rader sparas inte. Alla rader sparas tillsammans, eller ingen om en ruta är fel.
sfi-grid-empty = Gruppen har inga deltagare ännu.
sfi-grid-saved = Sparat: { $created } nya, { $updated } rättade, { $unchanged } oförändrade.
sfi-latest = Senaste
sfi-save-all = Spara alla resultat
sfi-parts = Delresultat
import-file-participants = Fil med deltagare (CSV)
import-file-sfi = Fil med SFI-resultat (CSV)
sfi-delete-explain = Resultatet försvinner från deltagarens resultat. Historiken behåller det, med vem som tog bort det och när.
sfi-delete-confirm = Ta bort resultatet

skill-listening = Lyssna
skill-reading = Läsa
skill-spoken_interaction = Samtala
skill-spoken_production = Berätta
skill-writing = Skriva
answer-can_do = Det kan jag
answer-with_help = Med hjälp
answer-not_yet = Inte än
elp-open = Vad kan jag på svenska?
elp-title = Vad kan jag på svenska?
elp-intro = Du läser korta meningar om svenska på jobbet och i vardagen. Tryck på det som stämmer för dig. Allt sparas direkt.
elp-start = Börja
elp-other-occasion = Ett annat tillfälle
elp-draft = Du har börjat ({ $occasion }). Fortsätt där du slutade, eller välj en del.
elp-count = { $answered } av { $total } besvarade
elp-position = Mening { $n } av { $total }
elp-progress-label = Besvarade
elp-continue = Fortsätt
elp-choose-skill = Välj en del
elp-submit-explain = När du är klar, avsluta. Meningar som du inte har svarat på räknas som "inte än".
elp-submit = Avsluta och spara
elp-latest = Mina nivåer ({ $date })
elp-back-me = Tillbaka till min sida
elp-no-statements = Här finns inga meningar.
elp-read-aloud = Läs upp
elp-goal = Det här är mitt mål
elp-previous = Tillbaka
elp-skip = Hoppa över
elp-skills = Alla delar
elp-nav = Meningar
elp-heading = Självskattningar (språkportfolio)
elp-none = Inga självskattningar ännu.
elp-source-tablet = På surfplattan, påståenden { $version }, tröskel { $threshold }
elp-source-paper = Från en pappersportfolio
elp-goals = Mål
elp-comments = Kommentarer
elp-comment = Kommentar inför utvecklingssamtalet
elp-comment-add = Lägg till kommentar
field-body = Kommentar
import-assessments = Importera självskattade nivåer
import-assessments-hint = En CSV-fil med kolumnerna participant_ref, date, occasion, skill och level, till exempel från pappersportfolior. Du ser en rapport innan något sparas. Självskattningar från surfplattan ändras aldrig.
import-file-assessments = Fil med självskattningar (CSV)
export-assessments = Ladda ner alla självskattade nivåer (CSV)
