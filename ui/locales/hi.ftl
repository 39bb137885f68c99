# Switchboard के लेबल — हिन्दी
app-name = Switchboard
app-tagline = आपकी सहायता टीम के लिए WhatsApp संदेश और कॉल
language-label = भाषा
nav-conversations = बातचीत
nav-calls = कॉल
nav-templates = टेम्पलेट
nav-settings = सेटिंग
hub-disconnected = किसी हब से कनेक्ट नहीं है
conversations-empty = अभी कोई बातचीत नहीं है
conversations-empty-hint = आपकी कतारों की नई WhatsApp बातचीत यहाँ दिखाई देती है।
settings-title = सेटिंग
settings-notifications-title = कॉल की सूचनाएँ
settings-notifications-hint = जाँचें कि आने वाली कॉल आप तक पहुँचती हैं: यह नंबर कॉपी करने के विकल्प के साथ एक नमूना कॉल सूचना दिखाता है।
settings-notifications-test = नमूना कॉल सूचना दिखाएँ
notification-sent = नमूना सूचना दिखाई गई
notification-failed = सूचना नहीं दिखाई जा सकी: { $reason }
number-copied = नंबर कॉपी किया गया: { $number }
app-loading = शुरू हो रहा है…
app-error = Switchboard शुरू नहीं हो सकता: { $message }
demo-badge = डेमो टीम
sign-out = साइन आउट करें
signin-title = अपनी टीम के हब में साइन इन करें
signin-hint = हब का पता और आपका एजेंट टोकन आपके एडमिन से मिलता है।
signin-hub-url = हब का पता
signin-token = एजेंट टोकन
signin-submit = साइन इन करें
signin-pending = साइन इन हो रहा है…
signin-error-hub-unreachable = हब तक नहीं पहुँचा जा सकता। पता और अपना नेटवर्क जाँचें। ({ $message })
signin-error-token-refused = हब ने यह टोकन अस्वीकार कर दिया। अपने एडमिन से नया टोकन माँगें।
signin-error-keyring-unavailable = टोकन को सुरक्षित रूप से नहीं रखा जा सकता: न Secret Service उपलब्ध है, न कर्नेल कीरिंग। ({ $message })
signin-error-invalid-input = हब का पता और टोकन जाँचें: { $message }
sync-online = ऑनलाइन
sync-catching-up = अपडेट हो रहा है… ({ $count ->
        [one] { $count } बदलाव
       *[other] { $count } बदलाव
    })
sync-offline = { $since } से ऑफ़लाइन — { $retry } पर फिर कोशिश होगी
sync-offline-waiting = { $since } से ऑफ़लाइन
sync-signed-out = साइन आउट हो गया
sync-stopped = सिंक रुका हुआ है
sync-reason-unreachable = हब तक नहीं पहुँचा जा सकता: { $detail }
sync-reason-hub-error = हब ने त्रुटि के साथ जवाब दिया: { $detail }
sync-reason-local-store = लोकल स्टोर विफल हो गया: { $detail }
list-sort-time-left = सबसे कम बचे समय वाली पहले
list-mine-only = सिर्फ़ मेरी
list-error = बातचीत नहीं दिखाई जा सकती: { $message }
search-label = बातचीत खोजें
search-placeholder = ग्राहक और संदेश खोजें
search-customers = ग्राहक
search-messages = संदेश
search-no-results = कोई परिणाम नहीं
search-indexing = पुराने संदेश अभी भी इंडेक्स हो रहे हैं — परिणाम अधूरे हो सकते हैं
search-error = खोज नहीं हो सकी: { $message }
search-unknown-customer = अज्ञात ग्राहक
unread-count = { $count ->
        [one] { $count } अपठित संदेश
       *[other] { $count } अपठित संदेश
    }
preview-outbound = आप: { $text }
preview-none = अभी कोई संदेश नहीं
time-left = { $duration } बाकी
time-left-under-minute = 1 मिनट से कम बाकी
window-closed = विंडो बंद — सिर्फ़ टेम्पलेट
thread-none = पढ़ने के लिए कोई बातचीत चुनें।
thread-empty = इस बातचीत में अभी कोई संदेश नहीं है।
thread-loading-earlier = पिछले संदेश लोड हो रहे हैं…
thread-start = बातचीत की शुरुआत
thread-messages-label = इस बातचीत के संदेश
thread-error = बातचीत नहीं दिखाई जा सकती: { $message }
message-forwarded = फ़ॉरवर्ड किया गया — उस चैट के पिछले संदेश साझा नहीं किए गए
message-status-received = मिला
message-status-pending = भेजा जाना बाकी
message-status-unconfirmed = अभी पुष्टि नहीं हुई
message-status-sent = भेजा गया
message-status-delivered = पहुँच गया
message-status-read = पढ़ लिया गया
message-status-failed = विफल
message-frequently-forwarded = कई बार फ़ॉरवर्ड किया गया — उस चैट के पिछले संदेश साझा नहीं किए गए
message-card-redacted = कार्ड नंबर छिपाया गया, अंतिम अंक { $last4 }
message-tag-template = टेम्पलेट
message-tag-choice = चुना गया विकल्प
message-contacts-hint = इसका विवरण अभी यहाँ नहीं दिखता: देखने के लिए फ़ोन पर WhatsApp खोलें।
message-reaction = { $emoji } से प्रतिक्रिया दी
message-reaction-removed = एक प्रतिक्रिया हटाई
message-permission-request = ग्राहक से कॉल करने की अनुमति माँगी
message-permission-granted = ग्राहक ने कॉल की अनुमति दी
message-permission-declined = ग्राहक ने कॉल से इनकार किया
message-call-button = कॉल करें
message-unsupported = इस प्रकार का संदेश अभी समर्थित नहीं है: देखने के लिए फ़ोन पर WhatsApp खोलें।
call-entry-inbound-ended = आने वाली कॉल, { $duration }
call-entry-outbound-ended = जाने वाली कॉल, { $duration }
call-entry-inbound-missed = छूटी हुई आने वाली कॉल
call-entry-outbound-missed = जाने वाली कॉल, जवाब नहीं मिला
call-entry-inbound-declined = आने वाली कॉल, अस्वीकार की गई
call-entry-outbound-declined = जाने वाली कॉल, ग्राहक ने अस्वीकार की
failure-not-delivered = डिलीवर नहीं हुआ: { $reason }
failure-what-to-do = क्या करें: { $action }
failure-no-reason = कोई कारण नहीं बताया गया
failure-other-action = संदेश जाँचें और फिर से भेजें; अगर फिर विफल हो, तो अपने एडमिन को बताएँ।
failure-window-reason = 24 घंटे की ग्राहक सेवा विंडो बंद हो चुकी थी
failure-window-action = एक स्वीकृत टेम्पलेट भेजें; ग्राहक के लिखते ही फिर से खुलकर जवाब दिया जा सकता है।
failure-undeliverable-reason = WhatsApp इसे इस नंबर पर डिलीवर नहीं कर सका
failure-undeliverable-action = नंबर जाँचें: हो सकता है ग्राहक के पास WhatsApp न हो, या उसे अपडेट करना पड़े।
failure-ecosystem-reason = ग्राहक को मिलने वाले मार्केटिंग संदेश सीमित रखने के लिए WhatsApp ने यह संदेश रोक लिया
failure-ecosystem-action = अभी दोबारा न भेजें: एक दिन या उसके बाद फिर कोशिश करें, या ग्राहक के लिखने पर जवाब दें।
failure-experiment-reason = ग्राहक का नंबर WhatsApp के एक प्रयोग में शामिल है जिसमें मार्केटिंग संदेश नहीं मिलते
failure-experiment-action = आपकी ओर से ठीक करने को कुछ नहीं है: ग्राहक से किसी और तरीके से संपर्क करें, या उनके लिखने का इंतज़ार करें।
failure-marketing-opt-out-reason = ग्राहक ने इस व्यवसाय के मार्केटिंग संदेश बंद कर दिए हैं
failure-marketing-opt-out-action = उन्हें और मार्केटिंग न भेजें; जवाब और सेवा संदेश अब भी पहुँचते हैं।
failure-unsupported-reason = WhatsApp इस प्रकार के संदेश का समर्थन नहीं करता
failure-unsupported-action = इसे टेक्स्ट के रूप में या किसी और फ़ॉर्मैट में भेजें।
failure-media-reason = फ़ाइल नहीं भेजी जा सकी
failure-media-action = फ़ाइल का प्रकार और आकार जाँचें, फिर से भेजें।
failure-too-large-reason = संदेश या उसकी फ़ाइल बहुत बड़ी है
failure-too-large-action = छोटी फ़ाइल या छोटा टेक्स्ट भेजें।
failure-rate-reason = भेजने की एक सीमा पूरी हो गई
failure-rate-action = कुछ देर रुकें, फिर से भेजें।
failure-template-reason = WhatsApp ने टेम्पलेट या उसके मान अस्वीकार कर दिए
failure-template-action = मान जाँचें, या कोई दूसरा स्वीकृत टेम्पलेट चुनें।
failure-account-reason = यह बिज़नेस नंबर अभी संदेश नहीं भेज सकता
failure-account-action = अपने एडमिन को बताएँ: चैनल या उसके WhatsApp Business खाते पर ध्यान देना ज़रूरी है।
failure-temporary-reason = WhatsApp में एक अस्थायी समस्या आई
failure-temporary-action = थोड़ी देर में फिर से भेजें।
failure-network-reason = हब तक नहीं पहुँचा जा सका
failure-network-action = अपना कनेक्शन जाँचें, फिर से भेजें।
failure-unknown-outcome-reason = WhatsApp ने पुष्टि नहीं की कि यह भेजा गया या नहीं
failure-unknown-outcome-action = दोबारा भेजने से पहले ग्राहक से पूछें कि क्या यह पहुँचा, ताकि यह दो बार न पहुँचे।
delivery-alert-title = { $name } को डिलीवर नहीं हुआ
delivery-alert-dismiss = बंद करें
reply-label = जवाब
reply-placeholder = जवाब लिखें… (Ctrl+Enter से भेजें)
reply-send = भेजें
reply-error = जवाब कतार में नहीं डाला जा सका: { $message }
settings-account-title = खाता
settings-hub-url = हब
settings-agent-name = इस नाम से साइन इन
settings-token-store = टोकन यहाँ रखा है
settings-token-store-none = नहीं रखा गया
settings-preferences-title = प्राथमिकताएँ
settings-language = भाषा (ऐप और उसकी सूचनाओं की)
settings-language-system = सिस्टम की भाषा ({ $language })
settings-warn-minutes = विंडो बंद होने से पहले चेतावनी दें (मिनट, कॉमा से अलग करें)
settings-warn-minutes-hint = उदाहरण: 60, 15। कभी चेतावनी न पाने के लिए खाली छोड़ दें।
settings-warn-minutes-invalid = “{ $value }” मिनटों की पूर्ण संख्या नहीं है
settings-warn-for = किसके लिए चेतावनी दें
settings-warn-for-assigned = मुझे सौंपी गई बातचीत
settings-warn-for-my-queues = मेरी कतारों की हर बातचीत
settings-new-conversations = मेरी कतारों में नई बातचीत की सूचना दें
settings-new-messages = मेरी बातचीत में नए संदेशों की सूचना दें
settings-save = सहेजें
settings-saved = सेटिंग सहेज ली गई
settings-error = सेटिंग नहीं सहेजी गई: { $message }
settings-load-error = सेटिंग लोड नहीं की जा सकती: { $message }
audio-title = कॉल का ऑडियो
audio-hint = कॉल के लिए माइक्रोफ़ोन और स्पीकर या हेडसेट; रिंग टोन स्पीकर पर बजती है।
audio-microphone = माइक्रोफ़ोन
audio-speaker = स्पीकर या हेडसेट
audio-system-default = सिस्टम का डिफ़ॉल्ट
audio-device-default = { $name } (डिफ़ॉल्ट)
audio-device-missing = { $name } (कनेक्ट नहीं है)
audio-ring-tone = कॉल की घंटी बजते समय रिंग टोन बजाएँ
audio-test-microphone = मेरा माइक्रोफ़ोन जाँचें
audio-testing = सुन रहे हैं: कुछ बोलिए।
audio-meter = माइक्रोफ़ोन का स्तर
audio-heard = माइक्रोफ़ोन काम कर रहा है: आपकी आवाज़ सुनाई दी।
audio-heard-nothing = कुछ सुनाई नहीं दिया: जाँचें कि माइक्रोफ़ोन म्यूट नहीं है (हेडसेट पर या सिस्टम की साउंड सेटिंग में) और ऊपर वही चुना गया है।
audio-failed = माइक्रोफ़ोन या स्पीकर इस्तेमाल नहीं किया जा सकता: { $message }
audio-devices-error = साउंड डिवाइस की सूची नहीं मिल सकी: { $message }
call-direction-inbound = आने वाली कॉल
call-direction-outbound = जाने वाली कॉल
call-queue-label = कतार
call-loading = कॉल लोड हो रही है…
call-error = कॉल नहीं दिखाई जा सकती: { $message }
call-action-error = यह नहीं हो सका: { $message }
call-audio-unavailable = यहाँ जवाब दिया गया — इस कंप्यूटर पर ऐप के पास कॉल के लिए कोई ऑडियो डिवाइस नहीं है, इसलिए कॉल में आवाज़ नहीं है; ग्राहक को वापस कॉल करके या अपने फ़ोन से बात करें।
call-state-ringing = घंटी बज रही है
call-state-connecting = कनेक्ट हो रही है…
call-state-connected = कनेक्ट हो गई
call-state-ended = कॉल समाप्त
call-state-declined = कॉल अस्वीकार की गई
call-state-missed = मिस्ड कॉल
call-state-failed = कॉल विफल रही
call-incoming-title = आने वाली WhatsApp कॉल
call-incoming-body = { $name } · { $number }
    कतार: { $queue } · चैनल: { $channel }
call-copy-number = नंबर कॉपी करें
sample-caller-name = प्रिया शर्मा
sample-queue-name = सहायता
call-incoming-body-unnamed = { $number }
    कतार: { $queue } · चैनल: { $channel }
call-answer = जवाब दें
call-decline = अस्वीकार करें
call-in-call = कॉल पर
call-talk-connecting = ऑडियो कनेक्ट हो रहा है…
call-quality-good = नेटवर्क: अच्छा
call-quality-fair = नेटवर्क: ठीक-ठाक
call-quality-poor = नेटवर्क: खराब
call-quality-detail = { $loss } % ऑडियो खोया · { $jitter } ms जिटर
call-mute = म्यूट करें
call-muted-note = आपका माइक्रोफ़ोन म्यूट है: ग्राहक आपको नहीं सुन सकता।
call-hang-up = कॉल काटें
call-audio-failed = कॉल का ऑडियो शुरू नहीं हो सका: { $message }
# The main window's incoming-call banner could not list the calls going on now
call-banner-error = आने वाली कॉल नहीं दिखाई जा सकतीं: { $message }
notice-open = खोलें
window-closing-title = ग्राहक सेवा विंडो बंद होने वाली है
window-closing-body = { $name } · खुलकर जवाब देने के लिए { $minutes ->
        [one] { $minutes } मिनट बचा है
       *[other] { $minutes } मिनट बचे हैं
    }; उसके बाद सिर्फ़ टेम्पलेट भेजे जा सकेंगे।
new-conversation-title = { $queue } में नई बातचीत
new-conversation-body = { $name }
new-message-title = { $name } का नया संदेश
new-message-body = { $text }
new-message-no-text = { $kind ->
        [image] फ़ोटो
        [audio] ऑडियो संदेश
        [video] वीडियो
        [document] दस्तावेज़
        [sticker] स्टिकर
        [location] लोकेशन
        [contacts] संपर्क
        [reaction] प्रतिक्रिया
       *[other] नया संदेश
    }
tray-unread = { $count ->
        [0] कोई अपठित संदेश नहीं
        [one] { $count } अपठित संदेश
       *[other] { $count } अपठित संदेश
    }

tray-open = Switchboard खोलें
tray-quit = बंद करें

shortcuts-title = कीबोर्ड शॉर्टकट
shortcuts-typing-hint = किसी फ़ील्ड में लिखते समय अकेली कुंजियाँ (/, J, K, ?) काम नहीं करतीं।
shortcuts-or = या
shortcuts-close = बंद करें
shortcut-focus-search = खोजें
shortcut-next-conversation = अगली बातचीत
shortcut-previous-conversation = पिछली बातचीत
shortcut-send-reply = जवाब भेजें
shortcut-template-picker = टेम्पलेट डालें
shortcut-answer-call = कॉल का जवाब दें (कॉल विंडो में)
shortcut-decline-call = कॉल अस्वीकार करें (कॉल विंडो में)
shortcut-show-shortcuts = कीबोर्ड शॉर्टकट दिखाएँ
key-ctrl = Ctrl
key-shift = Shift
key-alt = Alt
key-enter = Enter

# The composer and the template picker
composer-closed-since = 24 घंटे की ग्राहक सेवा विंडो { $since } बंद हो गई: ग्राहक के दोबारा लिखने तक WhatsApp केवल स्वीकृत टेम्पलेट की अनुमति देता है।
composer-closed-never = ग्राहक ने अभी तक नहीं लिखा है: उनके लिखने तक WhatsApp केवल स्वीकृत टेम्पलेट की अनुमति देता है।
composer-error = पता नहीं कि यहाँ क्या भेजा जा सकता है: { $message }
composer-refusal-window-closed = 24 घंटे की ग्राहक सेवा विंडो बंद है: केवल स्वीकृत टेम्पलेट भेजे जा सकते हैं।
composer-refusal-channel-disabled = यह चैनल बंद है: इस पर कुछ भी नहीं भेजा जा सकता।
composer-refusal-sender-cannot-chat = यह व्यावसायिक नंबर संदेश नहीं भेज सकता।
composer-refusal-sender-cannot-call = यह व्यावसायिक नंबर कॉल नहीं कर सकता।
composer-refusal-no-approved-template = इस बातचीत में कोई स्वीकृत टेम्पलेट नहीं भेजा जा सकता।
composer-refusal-template-not-approved = यह टेम्पलेट स्वीकृत नहीं है।
composer-refusal-template-by-automation = इस बातचीत में टेम्पलेट ऑटोमेशन द्वारा भेजे जाते हैं।
composer-refusal-refused = इसे अभी यहाँ नहीं भेजा जा सकता।
reply-counter = { $max } में से { $count } वर्ण
template-open = टेम्पलेट
template-picker-title = टेम्पलेट भेजें
template-close = बंद करें
template-search = टेम्पलेट खोजें
template-search-placeholder = नाम, टेक्स्ट या टैग
template-language = भाषा
template-language-any = कोई भी भाषा
template-category = श्रेणी
template-category-any = कोई भी श्रेणी
template-category-marketing = मार्केटिंग
template-category-utility = यूटिलिटी
template-category-authentication = प्रमाणीकरण
template-list = स्वीकृत टेम्पलेट
template-none = कोई स्वीकृत टेम्पलेट मेल नहीं खाता।
template-error = टेम्पलेट नहीं दिखाए जा सकते: { $message }
template-back = सूची पर वापस जाएँ
template-params = मान
template-params-none = इस टेम्पलेट में कोई मान नहीं है।
template-param = मान { $position }
template-header-params = हेडर
template-header-param = हेडर का मान { $position }
template-button-params = वेब पते
template-button-param = { $button }: वेब पते का अंत
template-preview = ग्राहक को यह ऐसा दिखेगा
template-preview-error = पूर्वावलोकन नहीं दिखाया जा सकता: { $message }
template-send = टेम्पलेट भेजें
template-send-error = टेम्पलेट कतार में नहीं डाला गया: { $message }
template-problem-not-approved = टेम्पलेट स्वीकृत नहीं है।
template-problem-wrong-format = यह मान अपेक्षित प्रारूप में नहीं है।
template-problem-missing = यहाँ एक मान चाहिए।
template-problem-unexpected = टेम्पलेट में ऐसा कोई मान नहीं है।
template-problem-empty = मान खाली है।
template-problem-too-long = मान बहुत लंबा है।
template-problem-newline-or-tab = लाइन ब्रेक या टैब की अनुमति नहीं है।
template-problem-too-many-spaces = लगातार चार से अधिक स्पेस नहीं।
template-problem-invalid-url-suffix = वेब पते का मान्य अंत नहीं है।
template-header-media = { $kind ->
        [image] चित्र
        [video] वीडियो
        [document] दस्तावेज़
        [location] लोकेशन
       *[other] मीडिया
    }
template-buttons = बटन
template-button-kind = { $kind ->
        [quick_reply] त्वरित जवाब बटन
        [url] लिंक बटन
        [phone_number] कॉल बटन
        [copy_code] कोड कॉपी करने का बटन
        [otp] वन-टाइम कोड बटन
        [flow] फ़ॉर्म बटन
        [voice_call] WhatsApp कॉल बटन
       *[other] बटन
    }

# जवाब बॉक्स में फ़ाइलें और कॉल बटन वाले संदेश
attach-open = फ़ाइल जोड़ें
attach-drop = जोड़ने के लिए फ़ाइल यहाँ छोड़ें
attachment-title = भेजी जाने वाली फ़ाइल
attachment-caption = कैप्शन (वैकल्पिक)
attachment-remove = हटाएँ
attachment-send = फ़ाइल भेजें
attachment-sending = भेजा जा रहा है…
attachment-error = फ़ाइल नहीं भेजी गई: { $message }
call-button-open = कॉल बटन
call-button-title = कॉल बटन वाला संदेश
call-button-text = संदेश
call-button-label = बटन का लेबल
call-button-default-label = डिफ़ॉल्ट लेबल
call-button-preview = पूर्वावलोकन
call-button-cancel = रद्द करें
call-button-send = भेजें
call-button-sending = भेजा जा रहा है…
call-button-error = संदेश कतार में नहीं डाला गया: { $message }

# कॉल अनुमति पैनल
permission-title = कॉल करने की अनुमति
permission-state-label = स्थिति
permission-state-none = अनुरोध नहीं किया गया
permission-state-requested = अनुरोध किया गया, ग्राहक के उत्तर की प्रतीक्षा
permission-state-granted = दी गई
permission-state-denied = ग्राहक ने अस्वीकार की
permission-state-expired = समाप्त
permission-state-revoked = ग्राहक ने वापस ली
permission-requests-left-label = शेष अनुरोध
permission-requests-left = 24 घंटों में: { $day } · 7 दिनों में: { $week }
permission-next-label = अगला अनुरोध
permission-next-now = अभी संभव
permission-calls-left-label = आज शेष कॉल
permission-unanswered-label = लगातार अनुत्तरित
permission-expires-label = समाप्ति
permission-expires-none = कोई समाप्ति नहीं
permission-request = कॉल करने की अनुमति माँगें
permission-requesting = अनुरोध किया जा रहा है…
permission-reason-granted = ग्राहक पहले से कॉल की अनुमति देता है।
permission-reason-wait = अगला अनुरोध { $relative } ({ $time }) संभव है।
permission-reason-none-left = कोई अनुरोध शेष नहीं: अगला { $relative } ({ $time }) संभव है।
permission-reason-none-left-unknown = अभी कोई अनुरोध शेष नहीं है।
permission-reason-pending = एक अनुरोध पहले से ग्राहक के उत्तर की प्रतीक्षा में है।
permission-reason-refused = अभी कोई अनुरोध संभव नहीं है।
permission-error = अनुरोध नहीं भेजा गया: { $message }
permission-call = ग्राहक को कॉल करें
permission-calling = कॉल किया जा रहा है…
permission-call-reason-not-granted = ग्राहक ने कॉल की अनुमति नहीं दी है।
permission-call-reason-expired = ग्राहक की अनुमति { $relative } ({ $time }) समाप्त हो गई।
permission-call-reason-none-left = आज के लिए कोई कॉल शेष नहीं है।
permission-call-reason-none-left-until = कोई कॉल शेष नहीं: अगली { $relative } ({ $time }) संभव है।
permission-call-error = कॉल नहीं हो सकी: { $message }

# प्रशासन (केवल प्रशासक): चैनल, कतारें, रूट, एजेंट, अस्वीकृत वेबहुक
nav-admin = प्रशासन
admin-title = हब का प्रशासन
admin-sections = प्रशासन के भाग
admin-tab-channels = चैनल
admin-tab-queues = कतारें
admin-tab-routes = रूट
admin-tab-agents = एजेंट
admin-tab-rejects = अस्वीकृत वेबहुक
admin-loading = लोड हो रहा है…
admin-load-error = हब का कॉन्फ़िगरेशन लोड नहीं हो सका: { $message }
admin-retry = फिर से कोशिश करें
admin-cancel = रद्द करें
admin-error = नहीं हुआ: { $message }
admin-unknown = अज्ञात ({ $id })
admin-warnings-title = कॉन्फ़िगरेशन की चेतावनियाँ
admin-channels-none = अभी कोई चैनल नहीं है।
admin-channel-status = स्थिति
admin-channel-status-unverified-trial = असत्यापित (परीक्षण)
admin-channel-status-failed = विफल
admin-channel-status-connected = जुड़ा हुआ
admin-channel-status-rejected = अस्वीकृत
admin-channel-state = उपयोग
admin-channel-enabled = चालू
admin-channel-disabled = बंद
admin-channel-limit = ग्राहकों की सीमा
admin-channel-limit-none = असीमित
admin-channel-icon = आइकन
admin-channel-icon-set = लगा हुआ
admin-channel-icon-none = कोई नहीं
admin-channel-phone-id = फ़ोन नंबर ID
admin-channel-waba = WhatsApp Business खाता
admin-channel-disable = चैनल बंद करें
admin-channel-enable = चैनल चालू करें
admin-channel-kept = बंद किया गया चैनल अपनी बातचीत, संदेश और सेटिंग रखता है; फिर से चालू करने पर वह आगे चलता है।
admin-channel-redact = कार्ड नंबर छिपाएँ
admin-channel-redact-hint = आने वाले संदेशों में कार्ड नंबर सहेजने से पहले छिपा दिए जाते हैं।
admin-channel-icon-upload = नया आइकन (JPG या PNG)
admin-channel-icon-uploading = अपलोड हो रहा है…
admin-channel-icon-done = आइकन सहेज लिया गया।
admin-queues-none = अभी कोई कतार नहीं है।
admin-queue-wait = प्रतीक्षा का तरीका
admin-wait-none = कोई नहीं
admin-wait-hold-music = होल्ड संगीत
admin-wait-message = बोला गया संदेश
admin-queue-add-title = कतार जोड़ें
admin-queue-name = नाम
admin-queue-add = कतार बनाएँ
admin-routes-order = रूट अपनी स्थिति के क्रम में आज़माए जाते हैं; जो पहला मेल खाता है वही कतार चुनता है।
admin-routes-none = अभी कोई रूट नहीं है।
admin-route-position = स्थान
admin-route-channel = चैनल
admin-route-type = प्रकार
admin-route-queue = कतार
admin-route-actions = कार्रवाइयाँ
admin-route-any-channel = कोई भी चैनल
admin-route-any-type = संदेश और कॉल
admin-route-type-message = संदेश
admin-route-type-call = कॉल
admin-route-remove = हटाएँ
admin-route-remove-confirm = रूट { $position } हटाएँ? जिन बातचीत को यह पहले भेज चुका है, वे अपनी कतार में रहेंगी।
admin-route-remove-yes = रूट हटाएँ
admin-route-add-title = रूट जोड़ें
admin-route-position-hint = रूट को आख़िरी रूट के बाद रखने के लिए खाली छोड़ें।
admin-route-position-invalid = “{ $value }” कोई स्थान नहीं है: पूर्ण संख्या लिखें या खाली छोड़ें।
admin-route-choose-queue = कतार चुनें
admin-route-add = रूट बनाएँ
admin-agents-none = अभी कोई एजेंट नहीं है।
admin-agent-name = नाम
admin-agent-role = भूमिका
admin-role-agent = एजेंट
admin-role-admin = प्रशासक
admin-agent-queues = कतारें
admin-agent-no-queues = कोई कतार नहीं
admin-agent-token = टोकन
admin-agent-token-issued = { $time } को जारी
admin-agent-token-revoked = रद्द: नया टोकन जारी होने तक उनका कोई टोकन काम नहीं करता
admin-agent-admin = प्रशासक (चैनल, कतारें, रूट और एजेंट सँभालता है)
admin-agent-edit = बदलें
admin-agent-edit-title = { $name } को बदलें
admin-agent-save = सहेजें
admin-agent-rotate = नया टोकन
admin-agent-rotate-confirm = { $name } के लिए नया टोकन जारी करें? उनका मौजूदा टोकन तुरंत काम करना बंद कर देगा।
admin-agent-rotate-yes = नया टोकन जारी करें
admin-agent-revoke = टोकन रद्द करें
admin-agent-revoke-confirm = { $name } का टोकन रद्द करें? नया टोकन जारी होने तक वे साइन इन नहीं कर पाएँगे।
admin-agent-revoke-yes = रद्द करें
admin-agent-add-title = एजेंट जोड़ें
admin-agent-add = एजेंट बनाएँ
admin-token-title = { $name } का टोकन
admin-token-once = यह टोकन केवल एक बार दिखाया जाता है। इसे अभी कॉपी करें और सुरक्षित तरीके से { $name } को दें: इसे दोबारा नहीं दिखाया जा सकता।
admin-token-copy = टोकन कॉपी करें
admin-token-copied = क्लिपबोर्ड पर कॉपी हो गया।
admin-token-done = हो गया, टोकन छिपाएँ
admin-rejects-intro = वेबहुक के वे आइटम जिन्हें हब पढ़ नहीं सका, नए पहले। जब तक चैनल ने इसे बंद न किया हो, कार्ड नंबर छिपे रहते हैं।
admin-rejects-refresh = ताज़ा करें
admin-rejects-error = अस्वीकृत वेबहुक लोड नहीं हो सके: { $message }
admin-rejects-none = हब ने कोई वेबहुक आइटम अस्वीकार नहीं किया है।
admin-reject-received = प्राप्त
admin-reject-source = वेबहुक फ़ील्ड · सूची
admin-reject-number = बिज़नेस नंबर ID
admin-reject-number-none = नहीं बताया गया
admin-reject-error = कारण
admin-reject-raw = जैसा प्राप्त हुआ
admin-rejects-more = पुराने अस्वीकृत आइटम
admin-rejects-end = इससे पुराने अस्वीकृत आइटम नहीं हैं।
# The thread: one of the agent's messages that failed, sent again or given up
message-failed-actions = इस संदेश का क्या करें
message-retry = फिर से कोशिश करें
message-discard = छोड़ दें
message-discard-confirm = यह संदेश छोड़ दें? यह भेजा नहीं जाएगा और बातचीत से हट जाएगा।
message-discard-keep = रखें
# $message: why the app refused, as the core words it
message-retry-error = यह दोबारा नहीं भेजा गया: { $message }
message-discard-error = यह छोड़ा नहीं गया: { $message }
# The thread: a message's file, fetched from the hub
media-load-video = वीडियो लोड करें
media-load-document = फ़ाइल प्राप्त करें
media-loading = फ़ाइल लोड हो रही है…
media-save = सहेजें
media-error-offline = फ़ाइल लोड नहीं हो सकती: हब तक नहीं पहुँचा जा सकता।
media-error-not-found = यह फ़ाइल अब उपलब्ध नहीं है।
# $message: why the file could not be fetched, as the core words it
media-error = फ़ाइल लोड नहीं हो सकती: { $message }
# The thread: replies, reactions and shared places
reply-quote-customer = ग्राहक
reply-quote-agent = एजेंट
reply-quote-missing = पिछले संदेश का जवाब
reactions-label = प्रतिक्रियाएँ
# $emoji: the reaction, shown as it is
reaction-by-customer = ग्राहक ने { $emoji } से प्रतिक्रिया दी
reaction-by-agent = एक एजेंट ने { $emoji } से प्रतिक्रिया दी
location-copy = निर्देशांक कॉपी करें
location-copied = निर्देशांक कॉपी किए गए।
# $message: why the app refused, as the core words it
location-copy-error = निर्देशांक कॉपी नहीं हुए: { $message }
# बातचीत का विवरण (खुली बातचीत किसके पास, किस क़तार में) और उसका घटना लॉग
details-region = बातचीत का विवरण
details-toggle = विवरण
details-summary-unassigned = किसी को नहीं सौंपी गई
details-summary-assigned = { $name } को सौंपी गई
details-assignee = किसे सौंपी गई
details-assignee-none = किसी को नहीं (असाइन नहीं)
details-assignee-me = { $name } (मैं)
details-assignee-unknown = अज्ञात एजेंट
details-assign-me = मुझे सौंपें
details-status = स्थिति
details-priority = प्राथमिकता
details-queue = क़तार
details-queue-none = कोई क़तार नहीं
details-queue-unknown = अज्ञात क़तार
details-tags = टैग
details-error = बदलाव सहेजा नहीं गया: { $message }
details-team-error = टीम नहीं दिखाई जा सकती: { $message }
conversation-status-open = खुली
conversation-status-pending = रुकी हुई
conversation-status-solved = हल हो गई
conversation-status-closed = बंद
conversation-priority-low = कम
conversation-priority-normal = सामान्य
conversation-priority-high = ऊँची
conversation-priority-urgent = तुरंत
tags-none = कोई टैग नहीं
# $tag: टैग, जैसा लिखा गया
tag-remove = टैग { $tag } हटाएँ
tag-new = नया टैग
tag-add = जोड़ें
event-log-title = घटना लॉग
event-log-empty = अभी कोई घटना नहीं।
event-log-error = घटना लॉग नहीं दिखाया जा सकता: { $message }
event-kind-delivery-failed = डिलीवरी विफल
event-kind-delivery-unconfirmed = डिलीवरी की पुष्टि नहीं
event-kind-assigned = सौंपी गई
event-kind-queue-changed = क़तार बदली
event-kind-status-changed = स्थिति बदली
event-kind-call-permission-requested = कॉल की अनुमति माँगी गई
event-kind-call-permission-granted = कॉल की अनुमति मिली
event-kind-call-permission-denied = कॉल की अनुमति नहीं मिली
event-kind-call-permission-revoked = कॉल की अनुमति वापस ली गई
event-kind-call-missed = छूटी हुई कॉल
event-kind-call-ended = कॉल समाप्त
event-kind-channel-disabled = नंबर बंद किया गया
# ग्राहक से नई बातचीत शुरू करना
newconv-title = नई बातचीत
newconv-channel = किस नंबर से भेजें
# $number: टीम के WhatsApp नंबरों में से एक
newconv-channel-disabled = { $number } (बंद)
newconv-no-channel = बातचीत शुरू करने के लिए कोई नंबर नहीं है।
newconv-phone = ग्राहक का फ़ोन नंबर
newconv-phone-hint = देश के कोड के साथ, जैसे +91 98765 43210
newconv-checking = नंबर जाँचा जा रहा है…
# $number: नंबर, जैसा WhatsApp लिखता है (E.164)
newconv-phone-ok = WhatsApp नंबर: { $number }
newconv-phone-empty = ग्राहक का नंबर लिखें।
newconv-phone-not-a-number = यह फ़ोन नंबर नहीं है।
newconv-phone-invalid = यह नंबर मान्य नहीं है: देश का कोड और अंक जाँचें।
newconv-check-error = नंबर जाँचा नहीं जा सका: { $message }
newconv-existing = इस ग्राहक की पहले से एक बातचीत है — उसे खोलें
newconv-permission-pending = इस ग्राहक को कॉल करने की अनुमति का अनुरोध अभी अनुत्तरित है।
newconv-name = ग्राहक का नाम (वैकल्पिक)
newconv-type = किससे शुरू करें
newconv-type-message = संदेश
newconv-type-call = कॉल
newconv-call-hint = कॉल के लिए पहले ग्राहक से अनुमति माँगी जाती है: सिर्फ़ वही टेम्पलेट दिखते हैं जो अनुमति माँगते हैं।
newconv-template = टेम्पलेट
newconv-template-none-call = कोई स्वीकृत टेम्पलेट कॉल की अनुमति नहीं माँगता।
newconv-tags = टैग
newconv-priority = प्राथमिकता
newconv-status = स्थिति
newconv-queue = क़तार
newconv-default = डिफ़ॉल्ट
newconv-summary = सारांश
newconv-summary-from = से
newconv-summary-to = को
newconv-summary-unset = अभी चुना नहीं गया
newconv-missing-channel = भेजने वाला नंबर चुनें।
newconv-missing-phone = ग्राहक का WhatsApp नंबर लिखें।
newconv-missing-existing = इस ग्राहक की पहले से बातचीत है: उसी को खोलें।
newconv-missing-template = टेम्पलेट चुनें।
newconv-missing-values = टेम्पलेट के मान भरें।
newconv-start = बातचीत शुरू करें
newconv-starting = शुरू हो रही है…
newconv-cancel = रद्द करें
newconv-error = बातचीत शुरू नहीं हुई: { $message }
newconv-started = बातचीत शुरू हो गई।
newconv-exists = इस ग्राहक की पहले से एक बातचीत है।
newconv-warnings = कृपया ध्यान दें
newconv-open-existing = बातचीत खोलें
newconv-close = बंद करें
