# Dari: the participant's pages (issue 13). Machine-assisted; not yet checked by a qualified translator.

absence-heading = غیرحاضری‌ها

absence-none = هیچ غیرحاضری ثبت نشده است.

answer-can_do = این را می‌توانم

answer-not_yet = هنوز نه

answer-with_help = با کمک

app-name = Språktrappan

elp-back-me = برگشت به صفحهٔ من

elp-choose-skill = یک بخش را انتخاب کنید

elp-comment = نظر برای گفتگو دربارهٔ پیشرفت

elp-comment-add = نظر اضافه کنید

elp-comments = نظرها

elp-confirm = سطح‌های من را ذخیره کنید

elp-continue = ادامه

elp-count = { $answered } از { $total } جواب داده شده

elp-draft = شما شروع کرده‌اید ({ $occasion }). از جایی که ماندید ادامه دهید، یا یک بخش را انتخاب کنید.

elp-finish-back = برگشت

elp-finish-lead = جواب‌های شما این را نشان می‌دهند. ذخیره کنید، یا برگردید و به جمله‌های بیشتر جواب دهید.

elp-finish-title = پایان: سطح‌های من

elp-goal = این هدف من است

elp-goals = هدف‌ها

elp-heading = خودارزیابی‌ها (دوسیهٔ زبان)

elp-intro = شما جمله‌های کوتاه دربارهٔ زبان سویدنی در کار و زندگی روزمره می‌خوانید. برای هر جمله، روی چیزی که برای شما درست است بزنید. همه‌چیز فوراً ذخیره می‌شود.

elp-latest = سطح‌های من ({ $date })

elp-nav = جمله‌ها

elp-no-statements = اینجا هیچ جمله‌ای نیست.

elp-none = هنوز هیچ خودارزیابی نیست.

elp-not-assessed = ارزیابی نشده

elp-open = به سویدنی چه کارهایی می‌توانم بکنم؟

elp-other-occasion = یک نوبت دیگر

elp-position = جملهٔ { $n } از { $total }

elp-previous = برگشت

elp-progress-label = جواب داده شده

elp-queued = جواب روی این تبلت ذخیره شده است و وقتی انترنت دوباره وصل شود، فرستاده می‌شود.

elp-read-aloud = بلند خواندن

elp-skills = همهٔ بخش‌ها

elp-skip = رد شدن

elp-source-paper = از یک دوسیهٔ کاغذی

elp-source-tablet = روی تبلت، جمله‌های نسخهٔ { $version }، حد { $threshold }

elp-start = شروع

elp-submit = پایان

elp-submit-explain = وقتی آماده بودید، پایان را بزنید. اول سطح‌های خود را می‌بینید و هنوز می‌توانید برگردید. بخشی که شروع نکرده‌اید، ارزیابی نمی‌شود.

elp-title = به سویدنی چه کارهایی می‌توانم بکنم؟

error-forbidden = شما به این دسترسی ندارید.

error-internal = در سرور مشکلی پیش آمد. چیزی تغییر نکرد. دوباره کوشش کنید، یا به دفتر برنامه خبر دهید.

error-invalid = { $count ->
    [one] یک خانه باید اصلاح شود. چیزی ذخیره نشد.
   *[other] { $count } خانه باید اصلاح شود. چیزی ذخیره نشد.
}

error-not-found = این پیدا نشد.

error-not-signed-in = لطفاً اول وارد شوید.

error-sign-in-failed = معلومات ورود درست نیست. دوباره کوشش کنید.

error-throttled = کوشش بیش از حد. بعد از { $minutes } دقیقه دوباره کوشش کنید.

error-transport = وصل شدن به سرور ممکن نشد. انترنت را بررسی کنید و دوباره کوشش کنید.

field-code = کود شخصی

field-date = تاریخ

field-end = پایان

field-kind = نوع

field-ladder = زینه

field-name = نام

field-occasion = نوبت

field-participant_ref = شمارهٔ مرجع

field-pin = پین‌کود

field-school = مکتب

field-start = شروع

field-status = وضعیت

hours-heading = ساعت‌های هفته‌وار

hours-minimum = هر هفته دست‌کم { $time } تدریس و همین اندازه مطالعهٔ شخصی لازم است؛ وقتی شرکت‌کننده در میان هفته شروع کند یا غیرحاضر باشد، کمتر.

hours-minutes-short = { $hours } ساعت { $minutes } دقیقه

hours-no-weeks = هنوز هفته‌ای نیست: برنامهٔ آشنایی هنوز شروع نشده است.

hours-unit = ساعت

hours-weeks = هفته‌های برنامهٔ آشنایی

idle-continue = ادامه

idle-warning = مدتی کسی به تبلت دست نزده است. بعد از یک دقیقه از سیستم خارج می‌شوید.

kind-self_study = مطالعهٔ شخصی

kind-teaching = تدریس

ladder-caption = خط‌ها: سطح‌هایی که خودتان برای هر مهارت تعیین کرده‌اید. لوزی‌ها: نتیجه‌های SFI که بر اساس رهنمای تقریبی A ≈ A1−، B ≈ A1، C ≈ A2، D ≈ B1 جا داده شده‌اند (یک رهنما، نه امتحان سطح CEFR). این دو کنار هم نشان داده می‌شوند، هیچ‌وقت اوسط گرفته نمی‌شوند.

ladder-data = معلومات زینه (جدول)

ladder-data-assessments = سطح‌های خودارزیابی‌شده

ladder-desc = سطح‌های CEFR خودارزیابی‌شده از { $assessments } خودارزیابی، یک خط برای هر مهارت، و { $results } نتیجهٔ SFI به شکل لوزی‌های سیاه که بر اساس رهنمای تقریبی کورس به CEFR جا داده شده‌اند. آخرین سطح‌های خودارزیابی‌شده: { $latest }.

ladder-empty = هنوز هیچ خودارزیابی یا نتیجهٔ SFI نیست.

ladder-heading = زینهٔ زبان

ladder-matching = زینهٔ کاریابی

ladder-sfi-legend = نتیجهٔ SFI (جا داده شده بر اساس رهنمای کورس ← CEFR)

ladder-title = زینهٔ زبان: { $name }

ladder-work = زینهٔ کار

language = زبان

loading = در حال بارگذاری…

me-hello = سلام { $name }!

me-language = زبان من

me-lead = چه می‌خواهید بکنید؟

me-mentor = رهنمای شما: { $name }

me-tile-elp-hint = به جمله‌های کوتاه دربارهٔ سویدنی خود جواب دهید.

me-tile-hours = ساعت‌های من

me-tile-hours-hint = ساعت‌های سویدنی شما در هر هفته.

me-tile-ladder = زینهٔ من

me-tile-ladder-hint = ببینید سویدنی شما چطور بهتر می‌شود.

me-tile-passport = پاسپورت من

me-tile-passport-hint = سطح‌های شما در یک صفحه، برای نشان دادن یا چاپ کردن.

minutes-short = { $minutes } دقیقه

nav-label = مینوی اصلی

nav-me = صفحهٔ من

nav-start = صفحهٔ اول

none = هیچ

not-found-title = صفحه پیدا نشد

occasion-checkpoint = بررسی میانی

occasion-finish = پایان

occasion-start = شروع

passport-assessed-on = آخرین خودارزیابی: { $date }

passport-current = سطح فعلی

passport-date = تاریخ

passport-guide-note = کورس‌های SFI و سطح‌های CEFR دو مقیاس جدا هستند؛ خودارزیابی از خود شرکت‌کننده است.

passport-level = سطح

passport-levels = سطح خودارزیابی‌شده برای هر مهارت

passport-open = پاسپورت زبان

passport-period = دوره

passport-print = چاپ

passport-programme = برنامه

passport-programme-name = برنامهٔ آشنایی: کار و زبان سویدنی

passport-sfi-heading = آخرین نتیجهٔ SFI

passport-sign-coordinator = هماهنگ‌کننده

passport-sign-mentor = رهنما

passport-sign-participant = شرکت‌کننده

passport-skill = مهارت

passport-title = پاسپورت زبان

plan-heading = پلان هفته‌وار

plan-none = هنوز پلان هفته‌وار نیست.

problem-nothing-answered = هنوز به هیچ جمله‌ای جواب داده نشده است. دست‌کم به یک جمله در یک مهارت جواب دهید، بعد پایان را بزنید.

sfi-heading = نتیجه‌های SFI

sfi-none = هنوز هیچ نتیجهٔ SFI نیست.

sfi-none-short = هنوز هیچ

sign-in-staff-link = ورود کارمندان

sign-out = خروج

skill-listening = شنیدن

skill-reading = خواندن

skill-spoken_interaction = گفتگو با دیگران

skill-spoken_production = صحبت کردن

skill-writing = نوشتن

skip-to-content = رفتن به محتوا

step-matching-applying = درخواست دادن برای کار یا تحصیل

step-matching-cv_ready = خلص سوانح (CV) و نامه آماده است

step-matching-goal_set = هدف کار یا تحصیل تعیین شده است

step-matching-interviewed = مصاحبه یا جواب پذیرش

step-matching-offer = پیشنهاد کار یا جای تحصیل

step-matching-registered = ثبت‌نام در ادارهٔ کاریابی

step-work-introduced = با محل کار آشنا شده است

step-work-ready_for_work = آماده برای استخدام

step-work-takes_responsibility = مسئولیت یک بخش را به عهده می‌گیرد

step-work-tasks_independently = کارها را به‌تنهایی انجام می‌دهد

step-work-tasks_with_support = کارها را با کمک انجام می‌دهد

steps-heading = سه زینه: زبان، کار و کاریابی

steps-not-yet = هنوز نه

tablet-lead = کود و پین‌کود خود را بنویسید.

tablet-sign-in = شروع

tablet-title = خوش آمدید

three-caption = { $reached } از { $steps }

three-current = سطح یا قدم‌های طی‌شده

three-desc-language = زینهٔ زبان: { $level }.

three-desc-steps = { $ladder }: { $reached } از { $steps } قدم طی شده است ({ $names }).

three-table = زینه‌ها (جدول)

three-title = سه زینه

time-heading = وقت ثبت‌شده (پنج هفتهٔ اخیر)

time-none = در پنج هفتهٔ اخیر هیچ وقتی ثبت نشده است.

time-record = ثبت وقت

time-save = وقت را ذخیره کنید

visits-none = هنوز هیچ کارمندی معلومات شما را نخوانده است.

visits-title = چه کسی معلومات مرا دیده است؟

week = هفته

week-detail = تدریس { $teaching }، مطالعهٔ شخصی { $self_study } از { $required }

week-short = هفته { $week }

week-short-self-study = { $time } مطالعهٔ شخصی کم است

week-short-teaching = { $time } تدریس کم است

week-status-current = این هفته

week-status-short = کم

weekly-chart-data = معلومات ساعت‌های هفته‌وار (جدول)

weekly-chart-desc = ستون‌های دقیقه‌های تدریس (تیره) و مطالعهٔ شخصی (روشن) برای { $weeks } هفته، با دقیقه‌های لازم به شکل یک خط؛ { $short } هفته وقت کم داشتند و با ! نشانی شده‌اند.

weekly-chart-required = لازم

weekly-chart-title = ساعت‌های هفته‌وار

# Heard, not only read (issue 13).
audio-listen = گوش کنید
audio-listen-sv = به سویدنی گوش کنید
audio-own-voice = از صدای خود این تبلیت استفاده کنید
