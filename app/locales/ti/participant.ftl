# Tigrinya: the participant's pages (issue 13). Machine-assisted; not yet checked by a qualified translator.

absence-heading = ዘይምምጻእ

absence-none = ዝተመዝገበ ዘይምምጻእ የለን።

answer-can_do = እዚ ይኽእል እየ

answer-not_yet = ገና

answer-with_help = ብሓገዝ

app-name = Språktrappan

elp-back-me = ናብ ገጸይ ተመለስ

elp-choose-skill = ሓደ ክፋል ምረጽ

elp-comment = ርእይቶ ንዘተ ምዕባለ

elp-comment-add = ርእይቶ ወስኽ

elp-comments = ርእይቶታት

elp-confirm = ደረጃታተይ ዓቅብ

elp-continue = ቀጽል

elp-count = { $answered } ካብ { $total } ተመሊሶም

elp-draft = ጀሚርካ ኔርካ ({ $occasion })። ካብ ዘቋረጽካዮ ቀጽል፡ ወይ ሓደ ክፋል ምረጽ።

elp-finish-back = ተመለስ

elp-finish-lead = መልስታትካ እዚ ይብሉ። ዓቅቦ፡ ወይ ተመለስ'ሞ ተወሳኺ ሓረጋት መልስ።

elp-finish-title = ዛዝም: ደረጃታተይ

elp-goal = እዚ ዕላማይ እዩ

elp-goals = ዕላማታት

elp-heading = ርእሰ-ገምጋማት (ፖርትፎልዮ ቋንቋ)

elp-intro = ብዛዕባ ሽወደንኛ ኣብ ስራሕን ኣብ መዓልታዊ ህይወትን ሓጸርቲ ሓረጋት ተንብብ። ንነፍሲ ወከፍ ሓረግ፡ ንዓኻ ሓቂ ዝኾነ ጠውቕ። ኩሉ ብኡንብኡ ይዕቀብ።

elp-latest = ደረጃታተይ ({ $date })

elp-nav = ሓረጋት

elp-no-statements = ኣብዚ ሓረጋት የለዉን።

elp-none = ገና ርእሰ-ገምጋም የለን።

elp-not-assessed = ኣይተገምገመን

elp-open = ብሽወደንኛ እንታይ ክገብር እኽእል?

elp-other-occasion = ካልእ እዋን

elp-position = ሓረግ { $n } ካብ { $total }

elp-previous = ንድሕሪት

elp-progress-label = ዝተመለሱ

elp-queued = መልስታት ኣብዚ ታብለት ተዓቂቦም ኣለዉ፡ ርክብ ምስ ተመልሰ ክለኣኹ እዮም።

elp-read-aloud = ብድምጺ ኣንብብ

elp-skills = ኩሎም ክፋላት

elp-skip = ሕለፎ

elp-source-paper = ካብ ናይ ወረቐት ፖርትፎልዮ

elp-source-tablet = ኣብ ታብለት፡ ሓረጋት { $version }፡ ደረት { $threshold }

elp-start = ጀምር

elp-submit = ዛዝም

elp-submit-explain = ምስ ተዳለኻ፡ ዛዝም። መጀመርታ ደረጃታትካ ትርኢ፡ ገና ክትምለስ ድማ ትኽእል ኢኻ። ዘይጀመርካዮ ክፋል ኣይግምገምን እዩ።

elp-title = ብሽወደንኛ እንታይ ክገብር እኽእል?

error-forbidden = ናብዚ ፍቓድ የብልካን።

error-internal = ኣብ ሰርቨር ጌጋ ኣጋጢሙ። ዝተቐየረ ነገር የለን። እንደገና ፈትን፡ ወይ ንቤት ጽሕፈት ፕሮግራም ሓብር።

error-invalid = { $count ->
    [one] ሓደ ቦታ ምእራም የድልዮ። ዋላ ሓንቲ ኣይተዓቀበን።
   *[other] { $count } ቦታታት ምእራም የድልዮም። ዋላ ሓንቲ ኣይተዓቀበን።
}

error-not-found = እዚ ኣይተረኽበን።

error-not-signed-in = በጃኻ መጀመርታ እቶ።

error-sign-in-failed = ሓበሬታ ምእታው ቅኑዕ ኣይኮነን። እንደገና ፈትን።

error-throttled = ብዙሕ ፈተነታት። ድሕሪ { $minutes } ደቓይቕ እንደገና ፈትን።

error-transport = ሰርቨር ክርከብ ኣይከኣለን። ርክብ ኢንተርነት ፈትሽ'ሞ እንደገና ፈትን።

field-code = ውልቃዊ ኮድ

field-date = ዕለት

field-end = መወዳእታ

field-kind = ዓይነት

field-ladder = መሳልል

field-name = ስም

field-occasion = እዋን

field-participant_ref = መወከሲ

field-pin = PIN

field-school = ቤት ትምህርቲ

field-start = መጀመርታ

field-status = ኩነታት

hours-heading = ሰዓታት ሰሙን

hours-minimum = ነፍሲ ወከፍ ሰሙን እንተወሓደ { $time } ትምህርትን ማዕረኡ ናይ ባዕልኻ መጽናዕትን የድሊ፤ ተሳታፊ ኣብ ማእከል ሰሙን እንተ ጀመረ ወይ እንተ ዘይመጸ፡ ይውሕድ።

hours-minutes-short = { $hours } ሰዓት { $minutes } ደቒቕ

hours-no-weeks = ገና ሰሙናት የለዉን: እቲ መእተዊ ፕሮግራም ገና ኣይጀመረን።

hours-unit = ሰዓት

hours-weeks = ሰሙናት ናይ መእተዊ ፕሮግራም

idle-continue = ቀጽል

idle-warning = ንገለ ግዜ ነዚ ታብለት ዝተንከፎ የለን። ድሕሪ ሓደ ደቒቕ ብኣውቶማቲክ ክትወጽእ ኢኻ።

kind-self_study = ናይ ባዕልኻ መጽናዕቲ

kind-teaching = ትምህርቲ

ladder-caption = መስመራት: ብርእሰ-ገምጋም ዝተረኽቡ ደረጃታት ንነፍሲ ወከፍ ክእለት። ቅርጺ ኣልማዝ: ውጽኢታት SFI፡ ብግምታዊ መምርሒ A ≈ A1−, B ≈ A1, C ≈ A2, D ≈ B1 ዝተቐመጡ (መምርሒ እዩ፡ ፈተና ደረጃ CEFR ኣይኮነን)። ክልቲኦም ጎኒ-ንጎኒ ይርኣዩ፡ ማእከላይ ቁጽሮም ፈጺሙ ኣይሕሰብን።

ladder-data = ዳታ መሳልል (ሰንጠረዥ)

ladder-data-assessments = ብርእሰ-ገምጋም ዝተረኽቡ ደረጃታት

ladder-desc = ብርእሰ-ገምጋም ዝተረኽቡ ደረጃታት CEFR ካብ { $assessments } ርእሰ-ገምጋማት፡ ንነፍሲ ወከፍ ክእለት ሓደ መስመር፡ ከምኡ'ውን { $results } ውጽኢታት SFI ከም ጸሊም ቅርጺ ኣልማዝ፡ ብግምታዊ መምርሒ ኮርስ-ናብ-CEFR ዝተቐመጡ። ናይ መወዳእታ ብርእሰ-ገምጋም ዝተረኽቡ ደረጃታት: { $latest }።

ladder-empty = ገና ርእሰ-ገምጋም ወይ ውጽኢት SFI የለን።

ladder-heading = መሳልል ቋንቋ

ladder-matching = መሳልል ምትእስሳር

ladder-sfi-legend = ውጽኢት SFI (ብመምርሒ ኮርስ → CEFR ዝተቐመጠ)

ladder-title = መሳልል ቋንቋ: { $name }

ladder-work = መሳልል ስራሕ

language = ቋንቋ

loading = ይጽዕን ኣሎ…

me-hello = ሰላም፡ { $name }!

me-language = ቋንቋይ

me-lead = እንታይ ክትገብር ትደሊ?

me-mentor = ኣማኻሪኻ: { $name }

me-tile-elp-hint = ብዛዕባ ሽወደንኛኻ ንሓጸርቲ ሓረጋት መልሲ ሃብ።

me-tile-hours = ሰዓታተይ

me-tile-hours-hint = ነፍሲ ወከፍ ሰሙን ናይ ሽወደንኛ ሰዓታትካ።

me-tile-ladder = መሳልለይ

me-tile-ladder-hint = ሽወደንኛኻ ከመይ ከም ዝዓቢ ርአ።

me-tile-passport = ፓስፖርተይ

me-tile-passport-hint = ደረጃታትካ ኣብ ሓደ ገጽ፡ ንምርኣይ ወይ ንምሕታም።

minutes-short = { $minutes } ደቒቕ

nav-label = ቀንዲ ሜኑ

nav-me = ገጸይ

nav-start = መጀመርታ

none = የለን

not-found-title = እዚ ገጽ የለን

occasion-checkpoint = ምርግጋጽ

occasion-finish = መወዳእታ

occasion-start = መጀመርታ

passport-assessed-on = ናይ መወዳእታ ርእሰ-ገምጋም: { $date }

passport-current = ናይ ሕጂ ደረጃ

passport-date = ዕለት

passport-guide-note = ኮርሳት SFI ከምኡ'ውን ደረጃታት CEFR ዝተፈላለዩ መዐቀኒታት እዮም፤ እቲ ርእሰ-ገምጋም ናይ ተሳታፊ ባዕሉ እዩ።

passport-level = ደረጃ

passport-levels = ብርእሰ-ገምጋም ዝተረኽበ ደረጃ ንነፍሲ ወከፍ ክእለት

passport-open = ፓስፖርት ቋንቋ

passport-period = ግዜ

passport-print = ሕተም

passport-programme = ፕሮግራም

passport-programme-name = መእተዊ ፕሮግራም: ስራሕን ሽወደንኛን

passport-sfi-heading = ናይ መወዳእታ ውጽኢት SFI

passport-sign-coordinator = ኣወሃሃዲ

passport-sign-mentor = ኣማኻሪ

passport-sign-participant = ተሳታፊ

passport-skill = ክእለት

passport-title = ፓስፖርት ቋንቋ

plan-heading = መደብ ሰሙን

plan-none = ገና መደብ ሰሙን የለን።

problem-nothing-answered = ገና መልሲ ዘለዎ ሓረግ የለን። ኣብ ሓደ ክእለት እንተወሓደ ንሓደ ሓረግ መልስ፡ ድሕሪኡ ዛዝም።

sfi-heading = ውጽኢታት SFI

sfi-none = ገና ውጽኢት SFI የለን።

sfi-none-short = ገና የለን

sign-in-staff-link = ምእታው ንሰራሕተኛታት

sign-out = ውጻእ

skill-listening = ምስማዕ

skill-reading = ምንባብ

skill-spoken_interaction = ምስ ካልኦት ምዝርራብ

skill-spoken_production = ምዝራብ

skill-writing = ምጽሓፍ

skip-to-content = ናብ ትሕዝቶ ሕለፍ

step-matching-applying = ስራሕ ወይ ትምህርቲ ምሕታት

step-matching-cv_ready = CV ከምኡ'ውን ደብዳቤ ድሉዋት

step-matching-goal_set = ዕላማ ስራሕ ወይ ትምህርቲ ተቐሚጡ

step-matching-interviewed = ቃለ-መሕትት ወይ መልሲ ተቐባልነት

step-matching-offer = ዕድል ስራሕ ወይ ቦታ ትምህርቲ ቀሪቡ

step-matching-registered = ኣብ ቤት ጽሕፈት ስራሕ (Arbetsförmedlingen) ተመዝጊቡ

step-work-introduced = ኣብ ቦታ ስራሕ ምልላይ ተገይሩ

step-work-ready_for_work = ንስራሕ ድሉው

step-work-takes_responsibility = ሓላፍነት ናይ ሓደ ክፋል ምውሳድ

step-work-tasks_independently = ዕዮ ስራሕ ብዘይ ሓገዝ ምስራሕ

step-work-tasks_with_support = ዕዮ ስራሕ ብሓገዝ ምስራሕ

steps-heading = እቶም ሰለስተ መሳልላት: ቋንቋ፡ ስራሕን ምትእስሳርን

steps-not-yet = ገና

tablet-lead = ኮድካን PIN ቁጽርኻን ጽሓፍ።

tablet-sign-in = ጀምር

tablet-title = እንቋዕ ብደሓን መጻእኩም

three-caption = { $reached } ካብ { $steps }

three-current = ደረጃ ወይ ዝተበጽሑ ስጉምትታት

three-desc-language = መሳልል ቋንቋ: { $level }።

three-desc-steps = { $ladder }: { $reached } ካብ { $steps } ስጉምትታት ተበጺሖም ({ $names })።

three-table = መሳልላት (ሰንጠረዥ)

three-title = እቶም ሰለስተ መሳልላት

time-heading = ዝተመዝገበ ግዜ (ዝሓለፉ ሓሙሽተ ሰሙናት)

time-none = ኣብ ዝሓለፉ ሓሙሽተ ሰሙናት ዝተመዝገበ ግዜ የለን።

time-record = ግዜ መዝግብ

time-save = ግዜ ዓቅብ

visits-none = ገና ዝኾነ ሰራሕተኛ ሓበሬታኻ ኣየንበበን።

visits-title = ሓበሬታይ መን ረኣዮ?

week = ሰሙን

week-detail = ትምህርቲ { $teaching }፡ ናይ ባዕልኻ መጽናዕቲ { $self_study } ካብ { $required }

week-short = ሰሙን { $week }

week-short-self-study = { $time } ናይ ባዕልኻ መጽናዕቲ ጎዲሉ

week-short-teaching = { $time } ትምህርቲ ጎዲሉ

week-status-current = እዚ ሰሙን

week-status-short = ውሑድ

weekly-chart-data = ዳታ ሰዓታት ሰሙን (ሰንጠረዥ)

weekly-chart-desc = ዓንድታት ደቓይቕ ትምህርቲ (ዕሙቕ ሕብሪ) ከምኡ'ውን ናይ ባዕልኻ መጽናዕቲ (ፈኲስ ሕብሪ) ኣብ { $weeks } ሰሙናት፡ እቲ ዝድለ ደቓይቕ ከም መስመር፤ { $short } ሰሙናት ውሑድ ግዜ ነይርዎም፡ ብ ! ተመልኪቶም ኣለዉ።

weekly-chart-required = ዝድለ

weekly-chart-title = ሰዓታት ሰሙን

# Heard, not only read (issue 13).
audio-listen = ስማዕ
audio-listen-sv = ብሽወደንኛ ስማዕ
audio-own-voice = ናይዚ ታብሌት ድምጺ ተጠቐም
