# Somali: the participant's pages (issue 13). Machine-assisted; not yet checked by a qualified translator.

absence-heading = Maqnaanshaha

absence-none = Maqnaansho lama diiwaangelin.

answer-can_do = Waan samayn karaa

answer-not_yet = Weli maya

answer-with_help = Haddii la i caawiyo

app-name = Språktrappan

elp-back-me = Ku noqo boggayga

elp-choose-skill = Dooro qayb

elp-comment = Faallo loogu talagalay wada-hadalka horumarka

elp-comment-add = Ku dar faallo

elp-comments = Faallooyin

elp-confirm = Kaydi heerarkayga

elp-continue = Sii wad

elp-count = { $answered } ka mid ah { $total } ayaa laga jawaabay

elp-draft = Waad bilowday ({ $occasion }). Ka sii wad meeshii aad joojisay, ama dooro qayb.

elp-finish-back = Dib u noqo

elp-finish-lead = Tani waa waxa jawaabahaagu sheegayaan. Kaydi, ama dib u noqo oo ka jawaab jumlado kale.

elp-finish-title = Dhammee: heerarkayga

elp-goal = Kani waa hadafkayga

elp-goals = Hadafyo

elp-heading = Is-qiimayn (faylka luqadda)

elp-intro = Waxaad akhrinaysaa jumlado gaaban oo ku saabsan af Iswiidhishka shaqada iyo nolosha maalinlaha ah. Jumlad kasta, taabo waxa adiga kugu habboon. Wax walba isla markiiba waa la kaydiyaa.

elp-latest = Heerarkayga ({ $date })

elp-nav = Jumlado

elp-no-statements = Halkan jumlado ma jiraan.

elp-none = Weli is-qiimayn ma jirto.

elp-not-assessed = Lama qiimayn

elp-open = Maxaan ku samayn karaa af Iswiidhish?

elp-other-occasion = Marxalad kale

elp-position = Jumlad { $n } ka mid ah { $total }

elp-previous = Dib

elp-progress-label = La jawaabay

elp-queued = jawaab ayaa ku kaydsan tabletkan, waxaana la diri doonaa marka khadku soo laabto.

elp-read-aloud = Kor u akhri

elp-skills = Dhammaan qaybaha

elp-skip = Ka bood

elp-source-paper = Laga soo qaaday fayl warqad ah

elp-source-tablet = Tabletka, jumladaha { $version }, xadka { $threshold }

elp-start = Bilow

elp-submit = Dhammee

elp-submit-explain = Markaad diyaar tahay, dhammee. Marka hore waxaad arkaysaa heerarkaaga, weli dib ayaad u noqon kartaa. Qayb aadan bilaabin lama qiimaynayo.

elp-title = Maxaan ku samayn karaa af Iswiidhish?

error-forbidden = Uma lihid ogolaansho tan.

error-internal = Wax baa ka khaldamay server-ka. Waxba lama beddelin. Mar kale isku day, ama u sheeg xafiiska barnaamijka.

error-invalid = { $count ->
    [one] Hal goob ayaa u baahan in la saxo. Waxba lama kaydin.
   *[other] { $count } goobood ayaa u baahan in la saxo. Waxba lama kaydin.
 }

error-not-found = Tan lama helin.

error-not-signed-in = Fadlan soo gal.

error-sign-in-failed = Xogta soo-galku sax ma aha. Mar kale isku day.

error-throttled = Isku day aad u badan. Mar kale isku day { $minutes } daqiiqo kadib.

error-transport = Server-ka lama gaari karo. Hubi khadka oo mar kale isku day.

field-code = Koodhka shakhsiga ah

field-date = Taariikh

field-end = Dhammaad

field-kind = Nooc

field-ladder = Jaranjar

field-name = Magac

field-occasion = Marxalad

field-participant_ref = Tixraac

field-pin = PIN

field-school = Dugsi

field-start = Bilow

field-status = Xaalad

hours-heading = Saacadaha toddobaadka

hours-minimum = Toddobaad kasta waxaa loo baahan yahay ugu yaraan { $time } waxbarid ah iyo is-barasho intaas le'eg; wax ka yar marka qofku bilaabo bartamaha toddobaadka ama uu maqan yahay.

hours-minutes-short = { $hours } saac { $minutes } daq

hours-no-weeks = Weli toddobaadyo ma jiraan: barnaamijka hordhaca weli ma bilaabmin.

hours-unit = saac

hours-weeks = Toddobaadyada hordhaca

idle-continue = Sii wad

idle-warning = Qofna tabletka ma taabanin muddo. Hal daqiiqo kadib waa lagaa saarayaa.

kind-self_study = Is-barasho

kind-teaching = Waxbarid

ladder-caption = Xariiqyo: heerarka is-qiimaynta ee xirfad kasta. Dheemanno: natiijooyinka SFI, loo dhigay sida hagaha qiyaasta ah A ≈ A1−, B ≈ A1, C ≈ A2, D ≈ B1 (waa hage, ma aha imtixaan heerka CEFR). Labada waxaa lagu tusaa dhinac dhinac, marnaba celcelis looma sameeyo.

ladder-data = Xogta jaranjarada (shax)

ladder-data-assessments = Heerarka is-qiimaynta

ladder-desc = Heerarka CEFR ee is-qiimaynta oo ka yimid { $assessments } is-qiimayn, xariiq xirfad kasta, iyo { $results } natiijo SFI oo ah dheemanno madow, loo dhigay sida hagaha qiyaasta ah ee koorsada ilaa CEFR. Heerarkii ugu dambeeyay ee is-qiimaynta: { $latest }.

ladder-empty = Weli ma jiraan is-qiimayn ama natiijooyin SFI.

ladder-heading = Jaranjarada luqadda

ladder-matching = Jaranjarada isku-xidhka

ladder-sfi-legend = Natiijada SFI (loo dhigay sida hagaha koorsada → CEFR)

ladder-title = Jaranjarada luqadda: { $name }

ladder-work = Jaranjarada shaqada

language = Luqad

loading = Waa la soo dejinayaa…

me-hello = Salaan, { $name }!

me-language = Luqaddayda

me-lead = Maxaad rabtaa inaad samayso?

me-mentor = Lataliyahaaga: { $name }

me-tile-elp-hint = Ka jawaab jumlado gaaban oo ku saabsan af Iswiidhishkaaga.

me-tile-hours = Saacadahayga

me-tile-hours-hint = Saacadahaaga af Iswiidhishka toddobaad kasta.

me-tile-ladder = Jaranjaradayda

me-tile-ladder-hint = Arag sida af Iswiidhishkaagu u korayo.

me-tile-passport = Baasaboorkayga

me-tile-passport-hint = Heerarkaaga oo hal bog ah, si aad u tusto ama u daabacdo.

minutes-short = { $minutes } daq

nav-label = Liiska ugu weyn

nav-me = Boggayga

nav-start = Bilow

none = Midna

not-found-title = Boggan lama helin

occasion-checkpoint = Hubin

occasion-finish = Dhammaad

occasion-start = Bilow

passport-assessed-on = Is-qiimayntii ugu dambaysay: { $date }

passport-current = heerka hadda

passport-date = Taariikh

passport-guide-note = Koorsooyinka SFI iyo heerarka CEFR waa miisaanno kala duwan; is-qiimayntu waa tan qofka ka qaybgalaha laftiisa.

passport-level = Heer

passport-levels = Heerka is-qiimaynta ee xirfad kasta

passport-open = Baasaboorka luqadda

passport-period = Muddo

passport-print = Daabac

passport-programme = Barnaamij

passport-programme-name = Barnaamijka hordhaca: shaqo iyo af Iswiidhish

passport-sfi-heading = Natiijadii SFI ee ugu dambaysay

passport-sign-coordinator = Isku-duwaha

passport-sign-mentor = Lataliye

passport-sign-participant = Ka qaybgale

passport-skill = Xirfad

passport-title = Baasaboorka luqadda

plan-heading = Qorshaha toddobaadka

plan-none = Weli qorshe toddobaad ma jiro.

problem-nothing-answered = Weli jumladna jawaab ma leh. Ka jawaab ugu yaraan hal jumlad oo xirfad ah, kadibna dhammee.

sfi-heading = Natiijooyinka SFI

sfi-none = Weli natiijooyin SFI ma jiraan.

sfi-none-short = weli ma jiraan

sign-in-staff-link = Soo-galka shaqaalaha

sign-out = Ka bax

skill-listening = Dhegaysi

skill-reading = Akhris

skill-spoken_interaction = La hadlidda dadka kale

skill-spoken_production = Hadal

skill-writing = Qoris

skip-to-content = U bood nuxurka

step-matching-applying = Waxay codsanaysaa shaqo ama waxbarasho

step-matching-cv_ready = CV iyo warqadda codsiga waa diyaar

step-matching-goal_set = Hadaf shaqo ama waxbarasho ayaa la dejiyay

step-matching-interviewed = Waraysi ama jawaabta aqbalaadda

step-matching-offer = Dalab shaqo ama boos waxbarasho

step-matching-registered = Ka diiwaangashan Arbetsförmedlingen (xafiiska shaqada)

step-work-introduced = Lagu baray goobta shaqada

step-work-ready_for_work = Diyaar u ah shaqaalaysiin

step-work-takes_responsibility = Mas'uul ka ah qayb gaar ah

step-work-tasks_independently = Hawlaha si madax-bannaan u qabta

step-work-tasks_with_support = Hawlaha ku qabta taageero

steps-heading = Saddexda jaranjarood: luqad, shaqo iyo isku-xidh

steps-not-yet = weli maya

tablet-lead = Qor koodhkaaga iyo PIN-kaaga.

tablet-sign-in = Bilow

tablet-title = Soo dhawoow

three-caption = { $reached } ka mid ah { $steps }

three-current = Heerka ama tallaabooyinka la gaaray

three-desc-language = Jaranjarada luqadda: { $level }.

three-desc-steps = { $ladder }: { $reached } ka mid ah { $steps } tallaabo ayaa la gaaray ({ $names }).

three-table = Jaranjarooyinka (shax)

three-title = Saddexda jaranjarood

time-heading = Wakhtiga la diiwaangeliyay (shanta toddobaad ee u dambeeyay)

time-none = Wakhti lama diiwaangelin shanta toddobaad ee u dambeeyay.

time-record = Diiwaangeli wakhti

time-save = Kaydi wakhtiga

visits-none = Weli qof shaqaale ah ma akhrin xogtaada.

visits-title = Yaa eegay xogtayda?

week = Toddobaad

week-detail = Waxbarid { $teaching }, is-barasho { $self_study } ka mid ah { $required }

week-short = T{ $week }

week-short-self-study = { $time } is-barasho ah ayaa maqan

week-short-teaching = { $time } waxbarid ah ayaa maqan

week-status-current = Toddobaadkan

week-status-short = Kuma filna

weekly-chart-data = Xogta saacadaha toddobaadka (shax)

weekly-chart-desc = Tiirar muujinaya daqiiqadaha waxbaridda (mugdi) iyo is-barashada (iftiin) ee { $weeks } toddobaad, daqiiqadaha loo baahan yahayna waa xariiq; { $short } toddobaad waqtigoodu kuma filnayn, waxaana lagu calaamadeeyay !.

weekly-chart-required = Loo baahan yahay

weekly-chart-title = Saacadaha toddobaadka

# Heard, not only read (issue 13).
audio-listen = Dhageyso
audio-listen-sv = Ku dhageyso af-iswiidhish
audio-own-voice = Isticmaal codka tablet-kan
