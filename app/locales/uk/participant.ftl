# Ukrainian: the participant's pages (issue 13). Machine-assisted; not yet checked by a qualified translator.

absence-heading = Відсутності

absence-none = Відсутностей не записано.

answer-can_do = Я це вмію

answer-not_yet = Ще ні

answer-with_help = З допомогою

app-name = Språktrappan

elp-back-me = Назад на мою сторінку

elp-choose-skill = Вибери частину

elp-comment = Коментар до розмови про розвиток

elp-comment-add = Додати коментар

elp-comments = Коментарі

elp-confirm = Зберегти мої рівні

elp-continue = Далі

elp-count = Відповідей: { $answered } з { $total }

elp-draft = Ти вже почав ({ $occasion }). Продовжуй з того місця, де зупинився, або вибери частину.

elp-finish-back = Повернутися

elp-finish-lead = Ось що кажуть твої відповіді. Збережи або повернися й дай більше відповідей.

elp-finish-title = Завершити: мої рівні

elp-goal = Це моя мета

elp-goals = Цілі

elp-heading = Самооцінки (мовне портфоліо)

elp-intro = Ти читаєш короткі речення про шведську мову на роботі й у щоденному житті. Для кожного речення натисни те, що правда для тебе. Усе зберігається одразу.

elp-latest = Мої рівні ({ $date })

elp-nav = Речення

elp-no-statements = Тут немає речень.

elp-none = Самооцінок ще немає.

elp-not-assessed = Не оцінено

elp-open = Що я вмію шведською?

elp-other-occasion = Інший раз

elp-position = Речення { $n } з { $total }

elp-previous = Назад

elp-progress-label = Є відповідь

elp-queued = відп. збережено на цьому планшеті. Їх буде надіслано, коли знову буде зв'язок.

elp-read-aloud = Прочитати вголос

elp-skills = Усі частини

elp-skip = Пропустити

elp-source-paper = З паперового портфоліо

elp-source-tablet = На планшеті, твердження { $version }, поріг { $threshold }

elp-start = Почати

elp-submit = Завершити

elp-submit-explain = Коли будеш готовий, заверши. Спочатку ти побачиш свої рівні й ще зможеш повернутися. Частину, яку ти не почав, не буде оцінено.

elp-title = Що я вмію шведською?

error-forbidden = У тебе немає доступу до цього.

error-internal = На сервері щось пішло не так. Нічого не змінено. Спробуй ще раз або звернися до офісу програми.

error-invalid = { $count ->
    [one] { $count } поле треба виправити. Нічого не збережено.
    [few] { $count } поля треба виправити. Нічого не збережено.
    [many] { $count } полів треба виправити. Нічого не збережено.
   *[other] { $count } поля треба виправити. Нічого не збережено.
}

error-not-found = Цього не знайдено.

error-not-signed-in = Спочатку увійди.

error-sign-in-failed = Дані для входу неправильні. Спробуй ще раз.

error-throttled = Забагато спроб. Спробуй ще раз через { $minutes } хв.

error-transport = Не вдалося з'єднатися із сервером. Перевір зв'язок і спробуй ще раз.

field-code = Особистий код

field-date = Дата

field-end = Кінець

field-kind = Вид

field-ladder = Драбина

field-name = Ім'я

field-occasion = Раз

field-participant_ref = Номер

field-pin = PIN-код

field-school = Школа

field-start = Початок

field-status = Стан

hours-heading = Години на тиждень

hours-minimum = Щотижня потрібно щонайменше { $time } уроків і стільки ж самостійного навчання; менше, коли учасник починає посеред тижня або відсутній.

hours-minutes-short = { $hours } год { $minutes } хв

hours-no-weeks = Тижнів ще немає: вступна програма ще не почалася.

hours-unit = год

hours-weeks = Тижні вступної програми

idle-continue = Далі

idle-warning = Планшета вже довго ніхто не торкався. За одну хвилину тебе буде виведено з системи.

kind-self_study = Самостійне навчання

kind-teaching = Уроки

ladder-caption = Лінії: рівні за самооцінкою для кожної навички. Ромби: результати SFI, розміщені за приблизною схемою A ≈ A1−, B ≈ A1, C ≈ A2, D ≈ B1 (це лише орієнтир, а не тест рівня CEFR). Їх показано поруч, ніколи не як середнє.

ladder-data = Дані драбини (таблиця)

ladder-data-assessments = Рівні за самооцінкою

ladder-desc = Рівні CEFR за самооцінкою з { $assessments } самооцінок, одна лінія на кожну навичку, і { $results } результатів SFI як чорні ромби, розміщені за приблизною схемою «курс → CEFR». Останні рівні за самооцінкою: { $latest }.

ladder-empty = Самооцінок і результатів SFI ще немає.

ladder-heading = Мовна драбина

ladder-matching = Драбина пошуку роботи чи навчання

ladder-sfi-legend = Результат SFI (розміщено за схемою «курс → CEFR»)

ladder-title = Мовна драбина: { $name }

ladder-work = Робоча драбина

language = Мова

loading = Завантаження…

me-hello = Привіт, { $name }!

me-language = Моя мова

me-lead = Що ти хочеш зробити?

me-mentor = Твій наставник: { $name }

me-tile-elp-hint = Дай відповіді на короткі речення про свою шведську.

me-tile-hours = Мої години

me-tile-hours-hint = Твої години шведської щотижня.

me-tile-ladder = Моя драбина

me-tile-ladder-hint = Подивись, як росте твоя шведська.

me-tile-passport = Мій паспорт

me-tile-passport-hint = Твої рівні на одній сторінці, щоб показати або надрукувати.

minutes-short = { $minutes } хв

nav-label = Головне меню

nav-me = Моя сторінка

nav-start = Початок

none = Немає

not-found-title = Сторінку не знайдено

occasion-checkpoint = Проміжна перевірка

occasion-finish = Кінець

occasion-start = Початок

passport-assessed-on = Остання самооцінка: { $date }

passport-current = теперішній рівень

passport-date = Дата

passport-guide-note = Курси SFI і рівні CEFR — це різні шкали; самооцінку зробив сам учасник.

passport-level = Рівень

passport-levels = Рівень за самооцінкою для кожної навички

passport-open = Мовний паспорт

passport-period = Період

passport-print = Надрукувати

passport-programme = Програма

passport-programme-name = Вступна програма: робота і шведська мова

passport-sfi-heading = Останній результат SFI

passport-sign-coordinator = Координатор

passport-sign-mentor = Наставник

passport-sign-participant = Учасник

passport-skill = Навичка

passport-title = Мовний паспорт

plan-heading = План на тиждень

plan-none = Плану на тиждень ще немає.

problem-nothing-answered = Ще немає жодної відповіді. Дай відповідь хоча б на одне речення в одній навичці, потім заверши.

sfi-heading = Результати SFI

sfi-none = Результатів SFI ще немає.

sfi-none-short = ще немає

sign-in-staff-link = Вхід для працівників

sign-out = Вийти

skill-listening = Слухання

skill-reading = Читання

skill-spoken_interaction = Розмова з іншими

skill-spoken_production = Говоріння

skill-writing = Письмо

skip-to-content = Перейти до змісту

step-matching-applying = Шукає роботу або навчання

step-matching-cv_ready = Резюме й лист готові

step-matching-goal_set = Є мета: робота або навчання

step-matching-interviewed = Співбесіда або відповідь про вступ

step-matching-offer = Пропозиція роботи або місця навчання

step-matching-registered = Зареєстрований у службі зайнятості

step-work-introduced = Ознайомлений з місцем роботи

step-work-ready_for_work = Готовий до працевлаштування

step-work-takes_responsibility = Відповідає за свою ділянку

step-work-tasks_independently = Виконує завдання самостійно

step-work-tasks_with_support = Виконує завдання з підтримкою

steps-heading = Три драбини: мова, робота і пошук роботи чи навчання

steps-not-yet = ще ні

tablet-lead = Напиши свій код і свій PIN-код.

tablet-sign-in = Почати

tablet-title = Ласкаво просимо

three-caption = { $reached } з { $steps }

three-current = Рівень або досягнуті кроки

three-desc-language = Мовна драбина: { $level }.

three-desc-steps = { $ladder }: досягнуто кроків: { $reached } з { $steps } ({ $names }).

three-table = Драбини (таблиця)

three-title = Три драбини

time-heading = Записаний час (останні п'ять тижнів)

time-none = За останні п'ять тижнів час не записано.

time-record = Записати час

time-save = Зберегти час

visits-none = Ще ніхто з працівників не читав твоїх даних.

visits-title = Хто дивився мої дані?

week = Тиждень

week-detail = Уроки { $teaching }, самостійне навчання { $self_study } з { $required }

week-short = тиж. { $week }

week-short-self-study = бракує { $time } самостійного навчання

week-short-teaching = бракує { $time } уроків

week-status-current = Цей тиждень

week-status-short = Замало

weekly-chart-data = Дані годин на тиждень (таблиця)

weekly-chart-desc = Стовпчики з уроками (темні) і самостійним навчанням (світлі) у хвилинах за { $weeks } тиж.; потрібний мінімум показано лінією. Тижнів, де часу було замало: { $short }; їх позначено знаком !.

weekly-chart-required = Потрібно

weekly-chart-title = Години на тиждень

# Heard, not only read (issue 13).
audio-listen = Слухати
audio-listen-sv = Слухати шведською
audio-own-voice = Використати голос цього планшета
