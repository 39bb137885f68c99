# تسميات Switchboard — العربية (من اليمين إلى اليسار)
app-name = Switchboard
app-tagline = رسائل ومكالمات WhatsApp لفريق الدعم لديك
language-label = اللغة
nav-conversations = المحادثات
nav-calls = المكالمات
nav-templates = القوالب
nav-settings = الإعدادات
hub-disconnected = غير متصل بأي مركز
conversations-empty = لا توجد محادثات بعد
conversations-empty-hint = تظهر هنا محادثات WhatsApp الجديدة من قوائم الانتظار لديك.
settings-title = الإعدادات
settings-notifications-title = إشعارات المكالمات
settings-notifications-hint = تحقّق من وصول المكالمات الواردة إليك: يعرض هذا إشعار مكالمة تجريبيًا مع إجراء لنسخ الرقم.
settings-notifications-test = عرض إشعار مكالمة تجريبي
notification-sent = تم عرض الإشعار التجريبي
notification-failed = تعذّر عرض الإشعار: { $reason }
number-copied = تم نسخ الرقم: { $number }
app-loading = جارٍ التشغيل…
app-error = تعذّر تشغيل Switchboard: { $message }
demo-badge = فريق تجريبي
sign-out = تسجيل الخروج
signin-title = سجّل الدخول إلى مركز فريقك
signin-hint = يعطيك المسؤول عنوان المركز ورمز الوكيل الخاص بك.
signin-hub-url = عنوان المركز
signin-token = رمز الوكيل
signin-submit = تسجيل الدخول
signin-pending = جارٍ تسجيل الدخول…
signin-error-hub-unreachable = تعذّر الوصول إلى المركز. تحقّق من العنوان ومن شبكتك. ({ $message })
signin-error-token-refused = رفض المركز هذا الرمز. اطلب رمزًا جديدًا من المسؤول.
signin-error-keyring-unavailable = لا يمكن حفظ الرمز بأمان: لا تتوفر خدمة Secret Service ولا حلقة مفاتيح النواة. ({ $message })
signin-error-invalid-input = تحقّق من عنوان المركز والرمز: { $message }
sync-online = متصل
sync-catching-up = جارٍ التحديث… ({ $count ->
        [zero] لا تغييرات
        [one] تغيير واحد
        [two] تغييران
        [few] { $count } تغييرات
        [many] { $count } تغييرًا
       *[other] { $count } تغيير
    })
sync-offline = غير متصل منذ { $since } — ستُعاد المحاولة في { $retry }
sync-offline-waiting = غير متصل منذ { $since }
sync-signed-out = تم تسجيل الخروج
sync-stopped = المزامنة متوقفة
sync-reason-unreachable = تعذّر الوصول إلى المركز: { $detail }
sync-reason-hub-error = ردّ المركز بخطأ: { $detail }
sync-reason-local-store = فشل التخزين المحلي: { $detail }
list-sort-time-left = الأقل وقتًا متبقيًا أولًا
list-mine-only = محادثاتي فقط
list-error = تعذّر عرض المحادثات: { $message }
search-label = البحث في المحادثات
search-placeholder = ابحث عن العملاء والرسائل
search-customers = العملاء
search-messages = الرسائل
search-no-results = لا توجد نتائج
search-indexing = لا تزال فهرسة الرسائل الأقدم جارية — قد تكون النتائج غير مكتملة
search-error = تعذّر البحث: { $message }
search-unknown-customer = عميل غير معروف
unread-count = { $count ->
        [zero] لا توجد رسائل غير مقروءة
        [one] رسالة واحدة غير مقروءة
        [two] رسالتان غير مقروءتين
        [few] { $count } رسائل غير مقروءة
        [many] { $count } رسالة غير مقروءة
       *[other] { $count } رسالة غير مقروءة
    }
preview-outbound = أنت: { $text }
preview-none = لا توجد رسائل بعد
time-left = يتبقى { $duration }
time-left-under-minute = يتبقى أقل من دقيقة
window-closed = النافذة مغلقة — القوالب فقط
thread-none = اختر محادثة لقراءتها.
thread-empty = لا توجد رسائل في هذه المحادثة بعد.
thread-loading-earlier = جارٍ تحميل الرسائل السابقة…
thread-start = بداية المحادثة
thread-messages-label = رسائل هذه المحادثة
thread-error = تعذّر عرض المحادثة: { $message }
message-forwarded = مُعاد توجيهها — لم تتم مشاركة الرسائل السابقة من تلك المحادثة
message-status-received = مستلمة
message-status-pending = قيد الانتظار
message-status-unconfirmed = لم يتم التأكيد بعد
message-status-sent = مُرسلة
message-status-delivered = تم التسليم
message-status-read = مقروءة
message-status-failed = فشلت
message-frequently-forwarded = أُعيد توجيهها مرات عديدة — لم تتم مشاركة الرسائل السابقة من تلك المحادثة
message-card-redacted = رقم البطاقة محجوب، ينتهي بـ { $last4 }
message-tag-template = قالب
message-tag-choice = الخيار المختار
message-contacts-hint = لا تُعرض تفاصيلها هنا بعد: افتح واتساب على الهاتف لرؤيتها.
message-reaction = تفاعل بـ { $emoji }
message-reaction-removed = أزال تفاعلًا
message-permission-request = طُلب من العميل إذن الاتصال
message-permission-granted = سمح العميل بالمكالمات
message-permission-declined = رفض العميل المكالمات
message-call-button = اتصال
message-unsupported = هذا النوع من الرسائل غير مدعوم بعد: افتح واتساب على الهاتف لرؤيتها.
call-entry-inbound-ended = مكالمة واردة، { $duration }
call-entry-outbound-ended = مكالمة صادرة، { $duration }
call-entry-inbound-missed = مكالمة واردة فائتة
call-entry-outbound-missed = مكالمة صادرة، لم يتم الرد
call-entry-inbound-declined = مكالمة واردة، مرفوضة
call-entry-outbound-declined = مكالمة صادرة، رفضها العميل
failure-not-delivered = لم تُسلَّم: { $reason }
failure-what-to-do = ما العمل: { $action }
failure-no-reason = لم يُذكر أي سبب
failure-other-action = تحقق من الرسالة وأعد إرسالها؛ وإذا فشلت مجددًا فأبلغ المسؤول.
failure-window-reason = كانت نافذة خدمة العملاء البالغة 24 ساعة قد أُغلقت
failure-window-action = أرسل قالبًا معتمدًا؛ يصبح الرد الحر ممكنًا مجددًا بمجرد أن يكتب العميل.
failure-undeliverable-reason = تعذّر على واتساب تسليمها إلى هذا الرقم
failure-undeliverable-action = تحقق من الرقم: قد لا يملك العميل واتساب، أو قد يحتاج إلى تحديثه.
failure-ecosystem-reason = احتجز واتساب هذه الرسالة التسويقية للحد من عدد ما يتلقاه العميل
failure-ecosystem-action = لا تُعد إرسالها الآن: حاول مجددًا بعد يوم أو أكثر، أو رُدّ عندما يكتب العميل.
failure-experiment-reason = رقم العميل ضمن تجربة لواتساب لا تصلها الرسائل التسويقية
failure-experiment-action = لا شيء لإصلاحه من جهتك: تواصل مع العميل بطريقة أخرى، أو انتظر حتى يكتب.
failure-marketing-opt-out-reason = أوقف العميل الرسائل التسويقية من هذا النشاط التجاري
failure-marketing-opt-out-action = لا ترسل له مزيدًا من التسويق؛ الردود ورسائل الخدمة لا تزال تصل.
failure-unsupported-reason = لا يدعم واتساب هذا النوع من الرسائل
failure-unsupported-action = أرسلها نصًا أو بتنسيق آخر.
failure-media-reason = تعذّر إرسال الملف
failure-media-action = تحقق من نوع الملف وحجمه، ثم أعد إرساله.
failure-too-large-reason = الرسالة أو ملفها كبير جدًا
failure-too-large-action = أرسل ملفًا أصغر أو نصًا أقصر.
failure-rate-reason = تم بلوغ حد للإرسال
failure-rate-action = انتظر قليلًا، ثم أعد الإرسال.
failure-template-reason = رفض واتساب القالب أو قيمه
failure-template-action = تحقق من القيم، أو اختر قالبًا معتمدًا آخر.
failure-account-reason = لا يمكن لرقم النشاط التجاري هذا إرسال رسائل الآن
failure-account-action = أبلغ المسؤول: القناة أو حساب واتساب للأعمال الخاص بها يحتاج إلى معالجة.
failure-temporary-reason = واجه واتساب مشكلة مؤقتة
failure-temporary-action = أعد الإرسال بعد لحظات.
failure-network-reason = تعذّر الوصول إلى المركز
failure-network-action = تحقق من اتصالك، ثم أعد الإرسال.
failure-unknown-outcome-reason = لم يؤكد واتساب ما إذا كانت قد أُرسلت
failure-unknown-outcome-action = اسأل العميل هل وصلته قبل إعادة إرسالها، حتى لا تصل مرتين.
delivery-alert-title = لم تُسلَّم إلى { $name }
delivery-alert-dismiss = إغلاق
reply-label = الرد
reply-placeholder = اكتب ردًا… (Ctrl+Enter للإرسال)
reply-send = إرسال
reply-error = لم تتم إضافة الرد إلى قائمة الإرسال: { $message }
settings-account-title = الحساب
settings-hub-url = المركز
settings-agent-name = تم تسجيل الدخول باسم
settings-token-store = مكان حفظ الرمز
settings-token-store-none = غير محفوظ
settings-preferences-title = التفضيلات
settings-language = اللغة (للتطبيق وإشعاراته)
settings-language-system = لغة النظام ({ $language })
settings-warn-minutes = التنبيه قبل إغلاق النافذة (بالدقائق، مفصولة بفواصل)
settings-warn-minutes-hint = مثلًا 60، 15. اتركه فارغًا لعدم التنبيه أبدًا.
settings-warn-minutes-invalid = «{ $value }» ليس عددًا صحيحًا من الدقائق
settings-warn-for = التنبيه بشأن
settings-warn-for-assigned = المحادثات المسندة إليّ
settings-warn-for-my-queues = كل المحادثات في قوائم الانتظار الخاصة بي
settings-new-conversations = أعلمني بالمحادثات الجديدة في قوائم الانتظار الخاصة بي
settings-new-messages = أعلمني بالرسائل الجديدة في محادثاتي
settings-save = حفظ
settings-saved = تم حفظ الإعدادات
settings-error = لم يتم حفظ الإعدادات: { $message }
settings-load-error = تعذّر تحميل الإعدادات: { $message }
audio-title = صوت المكالمات
audio-hint = الميكروفون ومكبّر الصوت أو سماعة الرأس للمكالمات؛ تُشغَّل نغمة الرنين على مكبّر الصوت.
audio-microphone = الميكروفون
audio-speaker = مكبّر الصوت أو سماعة الرأس
audio-system-default = الافتراضي في النظام
audio-device-default = { $name } (الافتراضي)
audio-device-missing = { $name } (غير متصل)
audio-ring-tone = نغمة رنين أثناء رنين المكالمة
audio-test-microphone = اختبار الميكروفون
audio-testing = جارٍ الاستماع: قل شيئًا.
audio-meter = مستوى الميكروفون
audio-heard = الميكروفون يعمل: لقد سمعك.
audio-heard-nothing = لم يُسمع شيء: تأكّد من أن الميكروفون غير مكتوم (في سماعة الرأس أو في إعدادات الصوت في النظام) وأنه الميكروفون المختار أعلاه.
audio-failed = تعذّر استخدام الميكروفون أو مكبّر الصوت: { $message }
audio-devices-error = تعذّر عرض قائمة أجهزة الصوت: { $message }
call-direction-inbound = مكالمة واردة
call-direction-outbound = مكالمة صادرة
call-queue-label = قائمة الانتظار
call-loading = جارٍ تحميل المكالمة…
call-error = تعذّر عرض المكالمة: { $message }
call-action-error = لم ينجح ذلك: { $message }
call-audio-unavailable = تم الرد هنا — لا يملك التطبيق أجهزة صوت للمكالمات على هذا الحاسوب، لذا المكالمة بلا صوت؛ تحدّث مع العميل بمعاودة الاتصال به أو من هاتفك.
call-state-ringing = يرن
call-state-connecting = جارٍ الاتصال…
call-state-connected = متصلة
call-state-ended = انتهت المكالمة
call-state-declined = تم رفض المكالمة
call-state-missed = مكالمة فائتة
call-state-failed = فشلت المكالمة
call-incoming-title = مكالمة WhatsApp واردة
call-incoming-body = { $name } · { $number }
    قائمة الانتظار: { $queue } · القناة: { $channel }
call-copy-number = نسخ الرقم
sample-caller-name = ليلى حسن
sample-queue-name = الدعم
call-incoming-body-unnamed = { $number }
    قائمة الانتظار: { $queue } · القناة: { $channel }
call-answer = رد
call-decline = رفض
call-in-call = في مكالمة
call-talk-connecting = جارٍ توصيل الصوت…
call-quality-good = الشبكة: جيدة
call-quality-fair = الشبكة: مقبولة
call-quality-poor = الشبكة: ضعيفة
call-quality-detail = فُقد { $loss }٪ من الصوت · تذبذب { $jitter } مللي ثانية
call-mute = كتم الصوت
call-muted-note = الميكروفون مكتوم: لا يسمعك العميل.
call-hang-up = إنهاء المكالمة
call-audio-failed = تعذّر بدء صوت المكالمة: { $message }
# The main window's incoming-call banner could not list the calls going on now
call-banner-error = تعذّر عرض المكالمات الواردة: { $message }
notice-open = فتح
window-closing-title = نافذة خدمة العملاء على وشك الإغلاق
window-closing-body = { $name } · { $minutes ->
        [zero] بقي أقل من دقيقة
        [one] بقيت دقيقة واحدة
        [two] بقيت دقيقتان
        [few] بقيت { $minutes } دقائق
        [many] بقيت { $minutes } دقيقة
       *[other] بقيت { $minutes } دقيقة
    } للرد بحرية؛ بعد ذلك يمكن إرسال القوالب فقط.
new-conversation-title = محادثة جديدة في { $queue }
new-conversation-body = { $name }
new-message-title = رسالة جديدة من { $name }
new-message-body = { $text }
new-message-no-text = { $kind ->
        [image] صورة
        [audio] رسالة صوتية
        [video] فيديو
        [document] مستند
        [sticker] ملصق
        [location] موقع
        [contacts] جهة اتصال
        [reaction] تفاعل
       *[other] رسالة جديدة
    }
tray-unread = { $count ->
        [zero] لا توجد رسائل غير مقروءة
        [one] رسالة واحدة غير مقروءة
        [two] رسالتان غير مقروءتين
        [few] { $count } رسائل غير مقروءة
        [many] { $count } رسالة غير مقروءة
       *[other] { $count } رسالة غير مقروءة
    }

tray-open = فتح Switchboard
tray-quit = إنهاء

shortcuts-title = اختصارات لوحة المفاتيح
shortcuts-typing-hint = لا تعمل المفاتيح المفردة (/ و J و K و ?) أثناء الكتابة في حقل.
shortcuts-or = أو
shortcuts-close = إغلاق
shortcut-focus-search = بحث
shortcut-next-conversation = المحادثة التالية
shortcut-previous-conversation = المحادثة السابقة
shortcut-send-reply = إرسال الرد
shortcut-template-picker = إدراج قالب
shortcut-answer-call = الرد على المكالمة (في نافذة المكالمة)
shortcut-decline-call = رفض المكالمة (في نافذة المكالمة)
shortcut-show-shortcuts = عرض اختصارات لوحة المفاتيح
key-ctrl = Ctrl
key-shift = Shift
key-alt = Alt
key-enter = Enter

# The composer and the template picker
composer-closed-since = أُغلقت نافذة خدمة العملاء البالغة 24 ساعة { $since }: لا يسمح واتساب إلا بالقوالب المعتمدة حتى يكتب العميل مجددًا.
composer-closed-never = لم يكتب العميل بعد: لا يسمح واتساب إلا بالقوالب المعتمدة حتى يكتب.
composer-error = لا يُعرف ما يمكن إرساله هنا: { $message }
composer-refusal-window-closed = نافذة خدمة العملاء البالغة 24 ساعة مغلقة: لا يمكن إرسال سوى القوالب المعتمدة.
composer-refusal-channel-disabled = هذه القناة معطلة: لا يمكن إرسال أي شيء عبرها.
composer-refusal-sender-cannot-chat = لا يمكن لرقم النشاط التجاري هذا إرسال رسائل.
composer-refusal-sender-cannot-call = لا يمكن لرقم النشاط التجاري هذا إجراء مكالمات.
composer-refusal-no-approved-template = لا يمكن إرسال أي قالب معتمد في هذه المحادثة.
composer-refusal-template-not-approved = هذا القالب غير معتمد.
composer-refusal-template-by-automation = تُرسل القوالب في هذه المحادثة عبر الأتمتة.
composer-refusal-refused = لا يمكن إرسال هذا هنا الآن.
reply-counter = { $count } من { $max } حرفًا
template-open = القوالب
template-picker-title = إرسال قالب
template-close = إغلاق
template-search = البحث في القوالب
template-search-placeholder = الاسم أو النص أو الوسم
template-language = اللغة
template-language-any = كل اللغات
template-category = الفئة
template-category-any = كل الفئات
template-category-marketing = تسويق
template-category-utility = خدمات
template-category-authentication = مصادقة
template-list = القوالب المعتمدة
template-none = لا يوجد قالب معتمد مطابق.
template-error = تعذر عرض القوالب: { $message }
template-back = العودة إلى القائمة
template-params = القيم
template-params-none = لا يتطلب هذا القالب أي قيم.
template-param = القيمة { $position }
template-header-params = الترويسة
template-header-param = قيمة الترويسة { $position }
template-button-params = عناوين الويب
template-button-param = { $button }: نهاية عنوان الويب
template-preview = كما سيراه العميل
template-preview-error = تعذر عرض المعاينة: { $message }
template-send = إرسال القالب
template-send-error = لم يُوضع القالب في قائمة الانتظار: { $message }
template-problem-not-approved = القالب غير معتمد.
template-problem-wrong-format = هذه القيمة ليست بالتنسيق المتوقع.
template-problem-missing = يلزم إدخال قيمة هنا.
template-problem-unexpected = لا يحتوي القالب على هذه القيمة.
template-problem-empty = القيمة فارغة.
template-problem-too-long = القيمة طويلة جدًا.
template-problem-newline-or-tab = لا يُسمح بفواصل الأسطر أو علامات الجدولة.
template-problem-too-many-spaces = لا أكثر من أربع مسافات متتالية.
template-problem-invalid-url-suffix = ليست نهاية صالحة لعنوان الويب.
template-header-media = { $kind ->
        [image] صورة
        [video] فيديو
        [document] مستند
        [location] موقع
       *[other] وسائط
    }
template-buttons = الأزرار
template-button-kind = { $kind ->
        [quick_reply] زر رد سريع
        [url] زر رابط
        [phone_number] زر اتصال
        [copy_code] زر نسخ الرمز
        [otp] زر رمز لمرة واحدة
        [flow] زر نموذج
        [voice_call] زر مكالمة واتساب
       *[other] زر
    }

# المرفقات والرسائل مع زر اتصال في مربع الرد
attach-open = إرفاق ملف
attach-drop = أفلت الملف هنا لإرفاقه
attachment-title = الملف المراد إرساله
attachment-caption = التعليق (اختياري)
attachment-remove = إزالة
attachment-send = إرسال الملف
attachment-sending = جارٍ الإرسال…
attachment-error = لم يُرسل الملف: { $message }
call-button-open = زر الاتصال
call-button-title = رسالة مع زر اتصال
call-button-text = الرسالة
call-button-label = نص الزر
call-button-default-label = النص الافتراضي
call-button-preview = معاينة
call-button-cancel = إلغاء
call-button-send = إرسال
call-button-sending = جارٍ الإرسال…
call-button-error = لم تتم إضافة الرسالة إلى قائمة الإرسال: { $message }

# لوحة إذن الاتصال
permission-title = إذن الاتصال
permission-state-label = الحالة
permission-state-none = لم يُطلب
permission-state-requested = مطلوب، بانتظار رد العميل
permission-state-granted = ممنوح
permission-state-denied = رفضه العميل
permission-state-expired = منتهي الصلاحية
permission-state-revoked = سحبه العميل
permission-requests-left-label = الطلبات المتبقية
permission-requests-left = خلال 24 ساعة: { $day } · خلال 7 أيام: { $week }
permission-next-label = الطلب التالي
permission-next-now = ممكن الآن
permission-calls-left-label = المكالمات المتبقية اليوم
permission-unanswered-label = دون رد على التوالي
permission-expires-label = ينتهي
permission-expires-none = بلا انتهاء
permission-request = طلب إذن الاتصال
permission-requesting = جارٍ الطلب…
permission-reason-granted = العميل يسمح بالمكالمات بالفعل.
permission-reason-wait = الطلب التالي ممكن { $relative } ({ $time }).
permission-reason-none-left = لم يتبقَّ أي طلب: الطلب التالي ممكن { $relative } ({ $time }).
permission-reason-none-left-unknown = لم يتبقَّ أي طلب حاليًا.
permission-reason-pending = هناك طلب ينتظر بالفعل رد العميل.
permission-reason-refused = لا يمكن إرسال أي طلب حاليًا.
permission-error = لم يُرسَل الطلب: { $message }
permission-call = الاتصال بالعميل
permission-calling = جارٍ الاتصال…
permission-call-reason-not-granted = لم يسمح العميل بالمكالمات.
permission-call-reason-expired = انتهت صلاحية إذن العميل { $relative } ({ $time }).
permission-call-reason-none-left = لم تتبقَّ أي مكالمة لهذا اليوم.
permission-call-reason-none-left-until = لم تتبقَّ أي مكالمة: المكالمة التالية ممكنة { $relative } ({ $time }).
permission-call-error = لم تُجرَ المكالمة: { $message }

# الإدارة (للمسؤولين فقط): القنوات وقوائم الانتظار وقواعد التوجيه والوكلاء وعناصر Webhook المرفوضة
nav-admin = الإدارة
admin-title = إدارة المركز
admin-sections = أقسام الإدارة
admin-tab-channels = القنوات
admin-tab-queues = قوائم الانتظار
admin-tab-routes = قواعد التوجيه
admin-tab-agents = الوكلاء
admin-tab-rejects = عناصر Webhook المرفوضة
admin-loading = جارٍ التحميل…
admin-load-error = تعذّر تحميل إعدادات المركز: { $message }
admin-retry = أعد المحاولة
admin-cancel = إلغاء
admin-error = لم يتم التنفيذ: { $message }
admin-unknown = غير معروف ({ $id })
admin-warnings-title = تحذيرات الإعداد
admin-channels-none = لا توجد قنوات بعد.
admin-channel-status = الحالة
admin-channel-status-unverified-trial = غير موثّقة (تجريبية)
admin-channel-status-failed = فشلت
admin-channel-status-connected = متصلة
admin-channel-status-rejected = مرفوضة
admin-channel-state = الاستخدام
admin-channel-enabled = مفعّلة
admin-channel-disabled = معطّلة
admin-channel-limit = حدّ العملاء
admin-channel-limit-none = بلا حدّ
admin-channel-icon = الأيقونة
admin-channel-icon-set = محددة
admin-channel-icon-none = لا توجد
admin-channel-phone-id = معرّف رقم الهاتف
admin-channel-waba = حساب WhatsApp Business
admin-channel-disable = تعطيل القناة
admin-channel-enable = تفعيل القناة
admin-channel-kept = تحتفظ القناة المعطّلة بمحادثاتها ورسائلها وإعداداتها؛ وعند تفعيلها مجددًا تستأنف عملها.
admin-channel-redact = إخفاء أرقام البطاقات
admin-channel-redact-hint = تُخفى أرقام البطاقات في الرسائل الواردة قبل حفظها.
admin-channel-icon-upload = أيقونة جديدة (JPG أو PNG)
admin-channel-icon-uploading = جارٍ الرفع…
admin-channel-icon-done = تم حفظ الأيقونة.
admin-queues-none = لا توجد قوائم انتظار بعد.
admin-queue-wait = طريقة الانتظار
admin-wait-none = بلا
admin-wait-hold-music = موسيقى الانتظار
admin-wait-message = رسالة صوتية
admin-queue-add-title = إضافة قائمة انتظار
admin-queue-name = الاسم
admin-queue-add = إنشاء قائمة الانتظار
admin-routes-order = تُجرَّب قواعد التوجيه حسب ترتيب مواضعها؛ وأول قاعدة مطابقة تختار قائمة الانتظار.
admin-routes-none = لا توجد قواعد توجيه بعد.
admin-route-position = الموضع
admin-route-channel = القناة
admin-route-type = النوع
admin-route-queue = قائمة الانتظار
admin-route-actions = الإجراءات
admin-route-any-channel = أي قناة
admin-route-any-type = الرسائل والمكالمات
admin-route-type-message = الرسائل
admin-route-type-call = المكالمات
admin-route-remove = إزالة
admin-route-remove-confirm = هل تريد إزالة قاعدة التوجيه { $position }؟ تحتفظ المحادثات التي وجّهتها من قبل بقائمة انتظارها.
admin-route-remove-yes = إزالة القاعدة
admin-route-add-title = إضافة قاعدة توجيه
admin-route-position-hint = اتركه فارغًا لوضع القاعدة بعد آخر قاعدة.
admin-route-position-invalid = «{ $value }» ليس موضعًا: اكتب عددًا صحيحًا أو اتركه فارغًا.
admin-route-choose-queue = اختر قائمة انتظار
admin-route-add = إنشاء القاعدة
admin-agents-none = لا يوجد وكلاء بعد.
admin-agent-name = الاسم
admin-agent-role = الدور
admin-role-agent = وكيل
admin-role-admin = مسؤول
admin-agent-queues = قوائم الانتظار
admin-agent-no-queues = بلا قائمة انتظار
admin-agent-token = الرمز المميز
admin-agent-token-issued = صدر { $time }
admin-agent-token-revoked = أُبطل: لا يعمل أي رمز له حتى يصدر رمز جديد
admin-agent-admin = مسؤول (يدير القنوات وقوائم الانتظار وقواعد التوجيه والوكلاء)
admin-agent-edit = تعديل
admin-agent-edit-title = تعديل { $name }
admin-agent-save = حفظ
admin-agent-rotate = رمز جديد
admin-agent-rotate-confirm = هل تريد إصدار رمز جديد لـ { $name }؟ يتوقف رمزه الحالي عن العمل فورًا.
admin-agent-rotate-yes = إصدار رمز جديد
admin-agent-revoke = إبطال الرمز
admin-agent-revoke-confirm = هل تريد إبطال رمز { $name }؟ لن يتمكن من تسجيل الدخول حتى يصدر رمز جديد.
admin-agent-revoke-yes = إبطال
admin-agent-add-title = إضافة وكيل
admin-agent-add = إنشاء الوكيل
admin-token-title = رمز { $name }
admin-token-once = يظهر هذا الرمز مرة واحدة فقط. انسخه الآن وسلّمه إلى { $name } بأمان: لا يمكن عرضه مرة أخرى.
admin-token-copy = نسخ الرمز
admin-token-copied = تم النسخ إلى الحافظة.
admin-token-done = تم، إخفاء الرمز
admin-rejects-intro = عناصر Webhook التي تعذّر على المركز قراءتها، الأحدث أولًا. أرقام البطاقات مخفية ما لم تُوقف القناة الإخفاء.
admin-rejects-refresh = تحديث
admin-rejects-error = تعذّر تحميل عناصر Webhook المرفوضة: { $message }
admin-rejects-none = لم يرفض المركز أي عنصر Webhook.
admin-reject-received = وقت الاستلام
admin-reject-source = حقل Webhook · القائمة
admin-reject-number = معرّف رقم النشاط التجاري
admin-reject-number-none = غير مذكور
admin-reject-error = السبب
admin-reject-raw = كما وصل
admin-rejects-more = عناصر مرفوضة أقدم
admin-rejects-end = لا توجد عناصر مرفوضة أقدم.
# The thread: one of the agent's messages that failed, sent again or given up
message-failed-actions = ما العمل بهذه الرسالة
message-retry = إعادة المحاولة
message-discard = تجاهل
message-discard-confirm = هل تريد تجاهل هذه الرسالة؟ لن تُرسَل وستُزال من المحادثة.
message-discard-keep = الإبقاء عليها
# $message: why the app refused, as the core words it
message-retry-error = لم تُرسَل مرة أخرى: { $message }
message-discard-error = لم يتم تجاهلها: { $message }
# The thread: a message's file, fetched from the hub
media-load-video = تحميل الفيديو
media-load-document = جلب الملف
media-loading = جارٍ تحميل الملف…
media-save = حفظ
media-error-offline = تعذّر تحميل الملف: لا يمكن الوصول إلى المركز.
media-error-not-found = لم يعد هذا الملف متاحًا.
# $message: why the file could not be fetched, as the core words it
media-error = تعذّر تحميل الملف: { $message }
# The thread: replies, reactions and shared places
reply-quote-customer = العميل
reply-quote-agent = الوكيل
reply-quote-missing = رد على رسالة سابقة
reactions-label = التفاعلات
# $emoji: the reaction, shown as it is
reaction-by-customer = تفاعل العميل بـ { $emoji }
reaction-by-agent = تفاعل أحد الوكلاء بـ { $emoji }
location-copy = نسخ الإحداثيات
location-copied = تم نسخ الإحداثيات.
# $message: why the app refused, as the core words it
location-copy-error = لم يتم نسخ الإحداثيات: { $message }
# تفاصيل المحادثة (إسنادها وتصنيفها) وسجل أحداثها
details-region = تفاصيل المحادثة
details-toggle = التفاصيل
details-summary-unassigned = غير مُسندة
details-summary-assigned = مُسندة إلى { $name }
details-assignee = مُسندة إلى
details-assignee-none = لا أحد (غير مُسندة)
details-assignee-me = { $name } (أنا)
details-assignee-unknown = وكيل غير معروف
details-assign-me = أسندها إليّ
details-status = الحالة
details-priority = الأولوية
details-queue = قائمة الانتظار
details-queue-none = بلا قائمة انتظار
details-queue-unknown = قائمة انتظار غير معروفة
details-tags = الوسوم
details-error = لم يُحفظ التغيير: { $message }
details-team-error = تعذّر عرض الفريق: { $message }
conversation-status-open = مفتوحة
conversation-status-pending = معلّقة
conversation-status-solved = محلولة
conversation-status-closed = مغلقة
conversation-priority-low = منخفضة
conversation-priority-normal = عادية
conversation-priority-high = عالية
conversation-priority-urgent = عاجلة
tags-none = لا وسوم
# $tag: الوسم كما كُتب
tag-remove = إزالة الوسم { $tag }
tag-new = وسم جديد
tag-add = إضافة
event-log-title = سجل الأحداث
event-log-empty = لا أحداث بعد.
event-log-error = تعذّر عرض سجل الأحداث: { $message }
event-kind-delivery-failed = فشل التسليم
event-kind-delivery-unconfirmed = لم يتأكد التسليم
event-kind-assigned = أُسندت
event-kind-queue-changed = تغيّرت قائمة الانتظار
event-kind-status-changed = تغيّرت الحالة
event-kind-call-permission-requested = طُلب إذن الاتصال
event-kind-call-permission-granted = مُنح إذن الاتصال
event-kind-call-permission-denied = رُفض إذن الاتصال
event-kind-call-permission-revoked = سُحب إذن الاتصال
event-kind-call-missed = مكالمة فائتة
event-kind-call-ended = انتهت المكالمة
event-kind-channel-disabled = عُطّل الرقم
# بدء محادثة جديدة مع عميل
newconv-title = محادثة جديدة
newconv-channel = الإرسال من
# $number: أحد أرقام واتساب لدى الفريق
newconv-channel-disabled = { $number } (معطّل)
newconv-no-channel = لا يوجد رقم لبدء محادثة منه.
newconv-phone = رقم هاتف العميل
newconv-phone-hint = مع رمز الدولة، مثل ‎+966 50 123 4567
newconv-checking = جارٍ التحقق من الرقم…
# $number: الرقم كما يكتبه واتساب (E.164)
newconv-phone-ok = رقم واتساب: { $number }
newconv-phone-empty = أدخل رقم العميل.
newconv-phone-not-a-number = هذا ليس رقم هاتف.
newconv-phone-invalid = هذا الرقم غير صالح: تحقّق من رمز الدولة والأرقام.
newconv-check-error = تعذّر التحقق من الرقم: { $message }
newconv-existing = لهذا العميل محادثة بالفعل — افتحها
newconv-permission-pending = طلب الإذن بالاتصال بهذا العميل لم يُجَب عنه بعد.
newconv-name = اسم العميل (اختياري)
newconv-type = البدء بـ
newconv-type-message = رسالة
newconv-type-call = مكالمة
newconv-call-hint = للمكالمة يُطلب إذن العميل أولًا: لا تُعرض إلا القوالب التي تطلبه.
newconv-template = القالب
newconv-template-none-call = لا يوجد قالب معتمد يطلب الإذن بالاتصال.
newconv-tags = الوسوم
newconv-priority = الأولوية
newconv-status = الحالة
newconv-queue = قائمة الانتظار
newconv-default = الافتراضي
newconv-summary = الملخص
newconv-summary-from = من
newconv-summary-to = إلى
newconv-summary-unset = لم يُختر بعد
newconv-missing-channel = اختر الرقم الذي يُرسل منه.
newconv-missing-phone = أدخل رقم واتساب الخاص بالعميل.
newconv-missing-existing = لهذا العميل محادثة بالفعل: افتحها بدلًا من ذلك.
newconv-missing-template = اختر قالبًا.
newconv-missing-values = املأ قيم القالب.
newconv-start = بدء المحادثة
newconv-starting = جارٍ البدء…
newconv-cancel = إلغاء
newconv-error = لم تبدأ المحادثة: { $message }
newconv-started = بدأت المحادثة.
newconv-exists = لهذا العميل محادثة بالفعل.
newconv-warnings = يُرجى الانتباه
newconv-open-existing = فتح المحادثة
newconv-close = إغلاق
