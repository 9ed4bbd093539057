# Arabic: the participant's pages (issue 13). Machine-assisted; not yet checked by a qualified translator.

absence-heading = الغياب

absence-none = لا يوجد غياب مسجَّل.

answer-can_do = أستطيع هذا

answer-not_yet = ليس بعد

answer-with_help = بمساعدة

app-name = Språktrappan

elp-back-me = العودة إلى صفحتي

elp-choose-skill = اختر جزءًا

elp-comment = تعليق لجلسة المتابعة

elp-comment-add = أضف تعليقًا

elp-comments = التعليقات

elp-confirm = احفظ مستوياتي

elp-continue = تابع

elp-count = أجبت عن { $answered } من { $total }

elp-draft = لقد بدأت ({ $occasion }). تابع من حيث توقفت، أو اختر جزءًا.

elp-finish-back = ارجع

elp-finish-lead = هذا ما تقوله إجاباتك. احفظه، أو ارجع وأجب عن المزيد.

elp-finish-title = إنهاء: مستوياتي

elp-goal = هذا هو هدفي

elp-goals = الأهداف

elp-heading = التقييم الذاتي (ملف اللغة)

elp-intro = ستقرأ جملًا قصيرة عن اللغة السويدية في العمل وفي الحياة اليومية. لكل جملة، اضغط على ما يناسبك. كل شيء يُحفظ فورًا.

elp-latest = مستوياتي ({ $date })

elp-nav = الجمل

elp-no-statements = لا توجد جمل هنا.

elp-none = لا يوجد تقييم ذاتي بعد.

elp-not-assessed = لم يُقيَّم

elp-open = ماذا أستطيع أن أفعل بالسويدية؟

elp-other-occasion = مرحلة أخرى

elp-position = الجملة { $n } من { $total }

elp-previous = رجوع

elp-progress-label = تمت الإجابة

elp-queued = إجابات محفوظة على هذا الجهاز اللوحي، وسيتم إرسالها عندما يعود الاتصال.

elp-read-aloud = اقرأ بصوت عالٍ

elp-skills = كل الأجزاء

elp-skip = تخطَّ

elp-source-paper = من ملف ورقي

elp-source-tablet = على الجهاز اللوحي، الجمل { $version }، الحد الأدنى { $threshold }

elp-start = ابدأ

elp-submit = إنهاء

elp-submit-explain = عندما تكون جاهزًا، اضغط إنهاء. أولًا سترى مستوياتك، ويمكنك أن ترجع. الجزء الذي لم تبدأه لن يُقيَّم.

elp-title = ماذا أستطيع أن أفعل بالسويدية؟

error-forbidden = ليس لديك إذن للوصول إلى هذا.

error-internal = حدث خطأ في الخادم. لم يتغير شيء. حاول مرة أخرى، أو أخبر مكتب البرنامج.

error-invalid = { $count ->
    [one] حقل واحد يحتاج إلى تصحيح. لم يُحفظ شيء.
   *[other] عدد الحقول التي تحتاج إلى تصحيح: { $count }. لم يُحفظ شيء.
}

error-not-found = لم يتم العثور على هذا.

error-not-signed-in = من فضلك سجّل الدخول.

error-sign-in-failed = بيانات الدخول غير صحيحة. حاول مرة أخرى.

error-throttled = محاولات كثيرة جدًا. حاول مرة أخرى بعد { $minutes } دقيقة.

error-transport = لا يمكن الوصول إلى الخادم. تحقق من الاتصال وحاول مرة أخرى.

field-code = الرمز الشخصي

field-date = التاريخ

field-end = النهاية

field-kind = النوع

field-ladder = السلم

field-name = الاسم

field-occasion = المرحلة

field-participant_ref = المرجع

field-pin = رمز PIN

field-school = المدرسة

field-start = البداية

field-status = الحالة

hours-heading = الساعات الأسبوعية

hours-minimum = في كل أسبوع يلزم { $time } على الأقل من التدريس، ومثلها من الدراسة الذاتية؛ ويلزم أقل إذا بدأ المشارك في منتصف الأسبوع أو كان غائبًا.

hours-minutes-short = { $hours } س { $minutes } د

hours-no-weeks = لا توجد أسابيع بعد: البرنامج التمهيدي لم يبدأ.

hours-unit = س

hours-weeks = أسابيع البرنامج التمهيدي

idle-continue = تابع

idle-warning = لم يلمس أحد الجهاز اللوحي منذ فترة. بعد دقيقة واحدة سيتم تسجيل خروجك.

kind-self_study = دراسة ذاتية

kind-teaching = تدريس

ladder-caption = الخطوط: المستويات حسب التقييم الذاتي لكل مهارة. الأشكال الماسية: نتائج SFI، موضوعة حسب دليل تقريبي: A ≈ A1−، B ≈ A1، C ≈ A2، D ≈ B1 (هذا دليل، وليس اختبارًا لمستوى CEFR). يظهر الاثنان جنبًا إلى جنب، ولا يُحسب منهما متوسط أبدًا.

ladder-data = بيانات السلم (جدول)

ladder-data-assessments = المستويات حسب التقييم الذاتي

ladder-desc = مستويات CEFR حسب التقييم الذاتي (عدد التقييمات: { $assessments })، خط واحد لكل مهارة، ونتائج SFI (عددها: { $results }) على شكل أشكال ماسية سوداء، موضوعة حسب الدليل التقريبي من الدورة إلى CEFR. آخر المستويات حسب التقييم الذاتي: { $latest }.

ladder-empty = لا توجد تقييمات ذاتية أو نتائج SFI بعد.

ladder-heading = سلم اللغة

ladder-matching = سلم المطابقة

ladder-sfi-legend = نتيجة SFI (موضوعة حسب الدليل من الدورة إلى CEFR)

ladder-title = سلم اللغة: { $name }

ladder-work = سلم العمل

language = اللغة

loading = جارٍ التحميل…

me-hello = مرحبًا، { $name }!

me-language = لغتي

me-lead = ماذا تريد أن تفعل؟

me-mentor = مرشدك: { $name }

me-tile-elp-hint = أجب عن جمل قصيرة عن لغتك السويدية.

me-tile-hours = ساعاتي

me-tile-hours-hint = ساعاتك في تعلّم السويدية كل أسبوع.

me-tile-ladder = سلمي

me-tile-ladder-hint = شاهد كيف تتقدم لغتك السويدية.

me-tile-passport = جواز لغتي

me-tile-passport-hint = مستوياتك في صفحة واحدة، لتعرضها أو تطبعها.

minutes-short = { $minutes } د

nav-label = القائمة الرئيسية

nav-me = صفحتي

nav-start = البداية

none = لا يوجد

not-found-title = الصفحة غير موجودة

occasion-checkpoint = المراجعة

occasion-finish = النهاية

occasion-start = البداية

passport-assessed-on = آخر تقييم ذاتي: { $date }

passport-current = المستوى الحالي

passport-date = التاريخ

passport-guide-note = دورات SFI ومستويات CEFR مقياسان مختلفان؛ والتقييم الذاتي هو تقييم المشارك نفسه.

passport-level = المستوى

passport-levels = المستوى حسب التقييم الذاتي لكل مهارة

passport-open = جواز اللغة

passport-period = الفترة

passport-print = اطبع

passport-programme = البرنامج

passport-programme-name = البرنامج التمهيدي: العمل واللغة السويدية

passport-sfi-heading = آخر نتيجة SFI

passport-sign-coordinator = المنسّق

passport-sign-mentor = المرشد

passport-sign-participant = المشارك

passport-skill = المهارة

passport-title = جواز اللغة

plan-heading = الخطة الأسبوعية

plan-none = لا توجد خطة أسبوعية بعد.

problem-nothing-answered = لا توجد إجابة لأي جملة بعد. أجب عن جملة واحدة على الأقل في مهارة واحدة، ثم اضغط إنهاء.

sfi-heading = نتائج SFI

sfi-none = لا توجد نتائج SFI بعد.

sfi-none-short = لا شيء بعد

sign-in-staff-link = دخول الموظفين

sign-out = تسجيل الخروج

skill-listening = الاستماع

skill-reading = القراءة

skill-spoken_interaction = التحدث مع الآخرين

skill-spoken_production = التحدث

skill-writing = الكتابة

skip-to-content = انتقل إلى المحتوى

step-matching-applying = يقدّم طلبات للعمل أو الدراسة

step-matching-cv_ready = السيرة الذاتية والرسالة جاهزتان

step-matching-goal_set = تم تحديد هدف للعمل أو الدراسة

step-matching-interviewed = مقابلة أو رد على طلب القبول

step-matching-offer = عرض عمل أو مقعد دراسي

step-matching-registered = مسجَّل في مكتب التوظيف

step-work-introduced = تعرَّف على مكان العمل

step-work-ready_for_work = جاهز للتوظيف

step-work-takes_responsibility = يتحمل مسؤولية مجال خاص به

step-work-tasks_independently = يقوم بالمهام وحده

step-work-tasks_with_support = يقوم بالمهام بمساعدة

steps-heading = السلالم الثلاثة: اللغة والعمل والمطابقة

steps-not-yet = ليس بعد

tablet-lead = اكتب رمزك ورمز PIN.

tablet-sign-in = ابدأ

tablet-title = مرحبًا بك

three-caption = { $reached } من { $steps }

three-current = المستوى أو الخطوات المنجزة

three-desc-language = سلم اللغة: { $level }.

three-desc-steps = { $ladder }: تم الوصول إلى { $reached } من { $steps } خطوات ({ $names }).

three-table = السلالم (جدول)

three-title = السلالم الثلاثة

time-heading = الوقت المسجَّل (آخر خمسة أسابيع)

time-none = لا يوجد وقت مسجَّل في آخر خمسة أسابيع.

time-record = سجّل الوقت

time-save = احفظ الوقت

visits-none = لم يقرأ أي موظف معلوماتك بعد.

visits-title = من اطّلع على معلوماتي؟

week = الأسبوع

week-detail = التدريس { $teaching }، الدراسة الذاتية { $self_study } من { $required }

week-short = أسبوع { $week }

week-short-self-study = ينقص { $time } من الدراسة الذاتية

week-short-teaching = ينقص { $time } من التدريس

week-status-current = هذا الأسبوع

week-status-short = غير كافٍ

weekly-chart-data = بيانات الساعات الأسبوعية (جدول)

weekly-chart-desc = أعمدة لدقائق التدريس (داكن) والدراسة الذاتية (فاتح) في كل أسبوع (عدد الأسابيع: { $weeks })، والدقائق المطلوبة على شكل خط. الأسابيع التي كان وقتها غير كافٍ عليها علامة ! (عددها: { $short }).

weekly-chart-required = المطلوب

weekly-chart-title = الساعات الأسبوعية

# Heard, not only read (issue 13).
audio-listen = استمع
audio-listen-sv = استمع بالسويدية
audio-own-voice = استخدم صوت هذا الجهاز اللوحي
