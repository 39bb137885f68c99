# Switchboard-Beschriftungen — Deutsch
app-name = Switchboard
app-tagline = WhatsApp-Nachrichten und -Anrufe für Ihr Support-Team
language-label = Sprache
nav-conversations = Unterhaltungen
nav-calls = Anrufe
nav-templates = Vorlagen
nav-settings = Einstellungen
hub-disconnected = Nicht mit einem Hub verbunden
conversations-empty = Noch keine Unterhaltungen
conversations-empty-hint = Neue WhatsApp-Unterhaltungen aus Ihren Warteschlangen erscheinen hier.
settings-title = Einstellungen
settings-notifications-title = Anrufbenachrichtigungen
settings-notifications-hint = Prüfen Sie, ob eingehende Anrufe Sie erreichen: Dies zeigt eine Beispiel-Anrufbenachrichtigung mit der Aktion „Nummer kopieren“.
settings-notifications-test = Beispiel-Anrufbenachrichtigung anzeigen
notification-sent = Beispielbenachrichtigung angezeigt
notification-failed = Die Benachrichtigung konnte nicht angezeigt werden: { $reason }
number-copied = Nummer kopiert: { $number }
app-loading = Wird gestartet…
app-error = Switchboard kann nicht starten: { $message }
demo-badge = Demo-Team
sign-out = Abmelden
signin-title = Beim Hub deines Teams anmelden
signin-hint = Die Adresse des Hubs und dein Agenten-Token bekommst du von deinem Admin.
signin-hub-url = Hub-Adresse
signin-token = Agenten-Token
signin-submit = Anmelden
signin-pending = Anmeldung läuft…
signin-error-hub-unreachable = Der Hub ist nicht erreichbar. Prüfe die Adresse und dein Netzwerk. ({ $message })
signin-error-token-refused = Der Hub hat dieses Token abgelehnt. Bitte deinen Admin um ein neues.
signin-error-keyring-unavailable = Das Token kann nicht sicher aufbewahrt werden: Weder der Secret Service noch der Kernel-Schlüsselbund ist verfügbar. ({ $message })
signin-error-invalid-input = Prüfe die Hub-Adresse und das Token: { $message }
sync-online = Online
sync-catching-up = Wird aktualisiert… ({ $count ->
        [one] 1 Änderung
       *[other] { $count } Änderungen
    })
sync-offline = Offline seit { $since } — neuer Versuch um { $retry }
sync-offline-waiting = Offline seit { $since }
sync-signed-out = Abgemeldet
sync-stopped = Synchronisierung angehalten
sync-reason-unreachable = Der Hub ist nicht erreichbar: { $detail }
sync-reason-hub-error = Der Hub hat mit einem Fehler geantwortet: { $detail }
sync-reason-local-store = Der lokale Speicher hat einen Fehler gemeldet: { $detail }
list-sort-time-left = Wenigste Restzeit zuerst
list-mine-only = Nur meine
list-error = Die Unterhaltungen können nicht angezeigt werden: { $message }
search-label = Unterhaltungen durchsuchen
search-placeholder = Kunden und Nachrichten durchsuchen
search-customers = Kunden
search-messages = Nachrichten
search-no-results = Keine Ergebnisse
search-indexing = Ältere Nachrichten werden noch indexiert — die Ergebnisse sind möglicherweise unvollständig
search-error = Die Suche ist fehlgeschlagen: { $message }
search-unknown-customer = Unbekannter Kunde
unread-count = { $count ->
        [one] 1 ungelesene Nachricht
       *[other] { $count } ungelesene Nachrichten
    }
preview-outbound = Du: { $text }
preview-none = Noch keine Nachrichten
time-left = noch { $duration }
time-left-under-minute = noch weniger als 1 Min.
window-closed = Fenster geschlossen — nur Vorlagen
thread-none = Wähle eine Unterhaltung, um sie zu lesen.
thread-empty = In dieser Unterhaltung gibt es noch keine Nachrichten.
thread-loading-earlier = Ältere Nachrichten werden geladen…
thread-start = Beginn der Unterhaltung
thread-messages-label = Nachrichten dieser Unterhaltung
thread-error = Die Unterhaltung kann nicht angezeigt werden: { $message }
message-forwarded = Weitergeleitet – frühere Nachrichten dieses Chats wurden nicht geteilt
message-status-received = Empfangen
message-status-pending = Ausstehend
message-status-unconfirmed = Noch nicht bestätigt
message-status-sent = Gesendet
message-status-delivered = Zugestellt
message-status-read = Gelesen
message-status-failed = Fehlgeschlagen
message-frequently-forwarded = Häufig weitergeleitet – frühere Nachrichten dieses Chats wurden nicht geteilt
message-card-redacted = Kartennummer unkenntlich gemacht, endet auf { $last4 }
message-tag-template = Vorlage
message-tag-choice = Gewählte Option
message-contacts-hint = Die Details werden hier noch nicht angezeigt: Öffne WhatsApp auf dem Telefon, um sie zu sehen.
message-reaction = Hat mit { $emoji } reagiert
message-reaction-removed = Hat eine Reaktion entfernt
message-permission-request = Den Kunden um die Erlaubnis gebeten, anzurufen
message-permission-granted = Der Kunde erlaubt Anrufe
message-permission-declined = Der Kunde hat Anrufe abgelehnt
message-call-button = Anrufen
message-unsupported = Diese Art von Nachricht wird noch nicht unterstützt: Öffne WhatsApp auf dem Telefon, um sie zu sehen.
call-entry-inbound-ended = Eingehender Anruf, { $duration }
call-entry-outbound-ended = Ausgehender Anruf, { $duration }
call-entry-inbound-missed = Verpasster eingehender Anruf
call-entry-outbound-missed = Ausgehender Anruf, nicht angenommen
call-entry-inbound-declined = Eingehender Anruf, abgelehnt
call-entry-outbound-declined = Ausgehender Anruf, vom Kunden abgelehnt
failure-not-delivered = Nicht zugestellt: { $reason }
failure-what-to-do = Was tun: { $action }
failure-no-reason = Es wurde kein Grund angegeben
failure-other-action = Prüfe die Nachricht und sende sie erneut; schlägt sie wieder fehl, wende dich an deinen Admin.
failure-window-reason = Das 24-Stunden-Kundenservicefenster war geschlossen
failure-window-action = Sende eine genehmigte Vorlage; freie Antworten sind wieder möglich, sobald der Kunde schreibt.
failure-undeliverable-reason = WhatsApp konnte sie an diese Nummer nicht zustellen
failure-undeliverable-action = Prüfe die Nummer: Der Kunde hat vielleicht kein WhatsApp oder muss die App aktualisieren.
failure-ecosystem-reason = WhatsApp hat diese Marketingnachricht zurückgehalten, um zu begrenzen, wie viele der Kunde erhält
failure-ecosystem-action = Sende sie jetzt nicht erneut: Versuche es in einem Tag oder später wieder, oder antworte, sobald der Kunde schreibt.
failure-experiment-reason = Die Nummer des Kunden ist Teil eines WhatsApp-Experiments ohne Marketingnachrichten
failure-experiment-action = Auf deiner Seite ist nichts zu beheben: Erreiche den Kunden auf anderem Weg oder warte, bis er schreibt.
failure-marketing-opt-out-reason = Der Kunde hat Marketingnachrichten dieses Unternehmens abbestellt
failure-marketing-opt-out-action = Sende ihm kein Marketing mehr; Antworten und Servicenachrichten kommen weiterhin an.
failure-unsupported-reason = WhatsApp unterstützt diese Art von Nachricht nicht
failure-unsupported-action = Sende sie als Text oder in einem anderen Format.
failure-media-reason = Die Datei konnte nicht gesendet werden
failure-media-action = Prüfe Dateityp und -größe und sende sie dann erneut.
failure-too-large-reason = Die Nachricht oder ihre Datei ist zu groß
failure-too-large-action = Sende eine kleinere Datei oder einen kürzeren Text.
failure-rate-reason = Ein Sendelimit wurde erreicht
failure-rate-action = Warte eine Weile und sende sie dann erneut.
failure-template-reason = WhatsApp hat die Vorlage oder ihre Werte abgelehnt
failure-template-action = Prüfe die Werte oder wähle eine andere genehmigte Vorlage.
failure-account-reason = Diese Geschäftsnummer kann gerade keine Nachrichten senden
failure-account-action = Sag deinem Admin Bescheid: Der Kanal oder sein WhatsApp-Business-Konto braucht Aufmerksamkeit.
failure-temporary-reason = WhatsApp hatte ein vorübergehendes Problem
failure-temporary-action = Sende sie gleich noch einmal.
failure-network-reason = Der Hub war nicht erreichbar
failure-network-action = Prüfe deine Verbindung und sende sie dann erneut.
failure-unknown-outcome-reason = WhatsApp hat nicht bestätigt, ob sie gesendet wurde
failure-unknown-outcome-action = Frag den Kunden, ob sie angekommen ist, bevor du sie erneut sendest, damit sie nicht doppelt ankommt.
delivery-alert-title = Nicht zugestellt an { $name }
delivery-alert-dismiss = Schließen
reply-label = Antwort
reply-placeholder = Antwort schreiben… (Strg+Enter sendet)
reply-send = Senden
reply-error = Die Antwort wurde nicht eingereiht: { $message }
settings-account-title = Konto
settings-hub-url = Hub
settings-agent-name = Angemeldet als
settings-token-store = Token aufbewahrt in
settings-token-store-none = Nicht aufbewahrt
settings-preferences-title = Einstellungen
settings-language = Sprache (der App und ihrer Benachrichtigungen)
settings-language-system = Systemsprache ({ $language })
settings-warn-minutes = Warnen, bevor ein Fenster schließt (Minuten, durch Kommas getrennt)
settings-warn-minutes-hint = Zum Beispiel 60, 15. Leer lassen, um nie zu warnen.
settings-warn-minutes-invalid = „{ $value }“ ist keine ganze Zahl von Minuten
settings-warn-for = Warnen für
settings-warn-for-assigned = Mir zugewiesene Unterhaltungen
settings-warn-for-my-queues = Alle Unterhaltungen meiner Warteschlangen
settings-new-conversations = Neue Unterhaltungen in meinen Warteschlangen melden
settings-new-messages = Neue Nachrichten in meinen Unterhaltungen melden
settings-save = Speichern
settings-saved = Einstellungen gespeichert
settings-error = Die Einstellungen wurden nicht gespeichert: { $message }
settings-load-error = Die Einstellungen können nicht geladen werden: { $message }
audio-title = Ton für Anrufe
audio-hint = Mikrofon und Lautsprecher oder Headset für Anrufe; der Klingelton spielt über den Lautsprecher.
audio-microphone = Mikrofon
audio-speaker = Lautsprecher oder Headset
audio-system-default = Systemstandard
audio-device-default = { $name } (Standard)
audio-device-missing = { $name } (nicht verbunden)
audio-ring-tone = Klingelton, solange ein Anruf klingelt
audio-test-microphone = Mein Mikrofon testen
audio-testing = Hört zu: Sag etwas.
audio-meter = Mikrofonpegel
audio-heard = Das Mikrofon funktioniert: Es hat dich gehört.
audio-heard-nothing = Nichts gehört: Prüfe, dass das Mikrofon nicht stummgeschaltet ist (am Headset oder in den Toneinstellungen des Systems) und dass es oben gewählt ist.
audio-failed = Mikrofon oder Lautsprecher können nicht verwendet werden: { $message }
audio-devices-error = Die Audiogeräte können nicht aufgelistet werden: { $message }
call-direction-inbound = Eingehender Anruf
call-direction-outbound = Ausgehender Anruf
call-queue-label = Warteschlange
call-loading = Anruf wird geladen…
call-error = Der Anruf kann nicht angezeigt werden: { $message }
call-action-error = Das hat nicht geklappt: { $message }
call-audio-unavailable = Hier angenommen — die App hat auf diesem Computer keine Audiogeräte für Anrufe, der Anruf hat also keinen Ton; sprich über den Rückruf beim Kunden oder dein Telefon.
call-state-ringing = Klingelt
call-state-connecting = Verbindung wird hergestellt…
call-state-connected = Verbunden
call-state-ended = Anruf beendet
call-state-declined = Anruf abgelehnt
call-state-missed = Verpasster Anruf
call-state-failed = Anruf fehlgeschlagen
call-incoming-title = Eingehender WhatsApp-Anruf
call-incoming-body = { $name } · { $number }
    Warteschlange: { $queue } · Kanal: { $channel }
call-copy-number = Nummer kopieren
sample-caller-name = Aiko Tanaka
sample-queue-name = Support
call-incoming-body-unnamed = { $number }
    Warteschlange: { $queue } · Kanal: { $channel }
call-answer = Annehmen
call-decline = Ablehnen
call-in-call = Im Gespräch
call-talk-connecting = Audio wird verbunden…
call-quality-good = Netzwerk: gut
call-quality-fair = Netzwerk: mittel
call-quality-poor = Netzwerk: schlecht
call-quality-detail = { $loss } % Audio verloren · { $jitter } ms Jitter
call-mute = Stummschalten
call-muted-note = Dein Mikrofon ist stummgeschaltet: Der Kunde hört dich nicht.
call-hang-up = Auflegen
call-audio-failed = Der Ton des Anrufs konnte nicht starten: { $message }
# The main window's incoming-call banner could not list the calls going on now
call-banner-error = Eingehende Anrufe können nicht angezeigt werden: { $message }
notice-open = Öffnen
window-closing-title = Kundenservice-Fenster schließt bald
window-closing-body = { $name } · Noch { $minutes ->
        [one] 1 Minute
       *[other] { $minutes } Minuten
    } für freie Antworten; danach können nur noch Vorlagen gesendet werden.
new-conversation-title = Neue Unterhaltung in { $queue }
new-conversation-body = { $name }
new-message-title = Neue Nachricht von { $name }
new-message-body = { $text }
new-message-no-text = { $kind ->
        [image] Foto
        [audio] Sprachnachricht
        [video] Video
        [document] Dokument
        [sticker] Sticker
        [location] Standort
        [contacts] Kontakt
        [reaction] Reaktion
       *[other] Neue Nachricht
    }
tray-unread = { $count ->
        [0] Keine ungelesenen Nachrichten
        [one] 1 ungelesene Nachricht
       *[other] { $count } ungelesene Nachrichten
    }

tray-open = Switchboard öffnen
tray-quit = Beenden

shortcuts-title = Tastenkürzel
shortcuts-typing-hint = Einzelne Tasten (/, J, K, ?) wirken nicht, während du in einem Feld schreibst.
shortcuts-or = oder
shortcuts-close = Schließen
shortcut-focus-search = Suchen
shortcut-next-conversation = Nächste Unterhaltung
shortcut-previous-conversation = Vorherige Unterhaltung
shortcut-send-reply = Antwort senden
shortcut-template-picker = Vorlage einfügen
shortcut-answer-call = Anruf annehmen (im Anruffenster)
shortcut-decline-call = Anruf ablehnen (im Anruffenster)
shortcut-show-shortcuts = Tastenkürzel anzeigen
key-ctrl = Strg
key-shift = Umschalt
key-alt = Alt
key-enter = Enter

# The composer and the template picker
composer-closed-since = Das 24-Stunden-Kundenservicefenster wurde { $since } geschlossen: WhatsApp erlaubt nur genehmigte Vorlagen, bis der Kunde wieder schreibt.
composer-closed-never = Der Kunde hat noch nicht geschrieben: WhatsApp erlaubt nur genehmigte Vorlagen, bis er schreibt.
composer-error = Unbekannt, was hier gesendet werden darf: { $message }
composer-refusal-window-closed = Das 24-Stunden-Kundenservicefenster ist geschlossen: Nur genehmigte Vorlagen dürfen gesendet werden.
composer-refusal-channel-disabled = Dieser Kanal ist deaktiviert: Darüber kann nichts gesendet werden.
composer-refusal-sender-cannot-chat = Diese Geschäftsnummer kann keine Nachrichten senden.
composer-refusal-sender-cannot-call = Diese Geschäftsnummer kann keine Anrufe tätigen.
composer-refusal-no-approved-template = In dieser Unterhaltung kann keine genehmigte Vorlage gesendet werden.
composer-refusal-template-not-approved = Diese Vorlage ist nicht genehmigt.
composer-refusal-template-by-automation = Vorlagen werden in dieser Unterhaltung von der Automatisierung gesendet.
composer-refusal-refused = Das kann hier gerade nicht gesendet werden.
reply-counter = { $count } von { $max } Zeichen
template-open = Vorlagen
template-picker-title = Vorlage senden
template-close = Schließen
template-search = Vorlagen suchen
template-search-placeholder = Name, Text oder Schlagwort
template-language = Sprache
template-language-any = Alle Sprachen
template-category = Kategorie
template-category-any = Alle Kategorien
template-category-marketing = Werbung
template-category-utility = Service
template-category-authentication = Authentifizierung
template-list = Genehmigte Vorlagen
template-none = Keine genehmigte Vorlage passt.
template-error = Die Vorlagen können nicht angezeigt werden: { $message }
template-back = Zurück zur Liste
template-params = Werte
template-params-none = Diese Vorlage hat keine Werte.
template-param = Wert { $position }
template-header-params = Kopfzeile
template-header-param = Wert in der Kopfzeile { $position }
template-button-params = Webadressen
template-button-param = { $button }: Ende der Webadresse
template-preview = So sieht es der Kunde
template-preview-error = Die Vorschau kann nicht angezeigt werden: { $message }
template-send = Vorlage senden
template-send-error = Die Vorlage wurde nicht eingereiht: { $message }
template-problem-not-approved = Die Vorlage ist nicht genehmigt.
template-problem-wrong-format = Dieser Wert hat nicht das erwartete Format.
template-problem-missing = Hier fehlt ein Wert.
template-problem-unexpected = Die Vorlage hat keinen solchen Wert.
template-problem-empty = Der Wert ist leer.
template-problem-too-long = Der Wert ist zu lang.
template-problem-newline-or-tab = Keine Zeilenumbrüche oder Tabulatoren erlaubt.
template-problem-too-many-spaces = Höchstens vier Leerzeichen hintereinander.
template-problem-invalid-url-suffix = Kein gültiges Ende für die Webadresse.
template-header-media = { $kind ->
        [image] Bild
        [video] Video
        [document] Dokument
        [location] Standort
       *[other] Medien
    }
template-buttons = Schaltflächen
template-button-kind = { $kind ->
        [quick_reply] Schnellantwort-Schaltfläche
        [url] Link-Schaltfläche
        [phone_number] Anruf-Schaltfläche
        [copy_code] Schaltfläche „Code kopieren“
        [otp] Einmalcode-Schaltfläche
        [flow] Formular-Schaltfläche
        [voice_call] WhatsApp-Anruf-Schaltfläche
       *[other] Schaltfläche
    }

# Anhänge und Nachrichten mit Anruf-Schaltfläche im Antwortfeld
attach-open = Datei anhängen
attach-drop = Datei hier ablegen, um sie anzuhängen
attachment-title = Zu sendende Datei
attachment-caption = Bildunterschrift (optional)
attachment-remove = Entfernen
attachment-send = Datei senden
attachment-sending = Wird gesendet…
attachment-error = Die Datei wurde nicht gesendet: { $message }
call-button-open = Anruf-Schaltfläche
call-button-title = Nachricht mit Anruf-Schaltfläche
call-button-text = Nachricht
call-button-label = Beschriftung der Schaltfläche
call-button-default-label = Standardbeschriftung
call-button-preview = Vorschau
call-button-cancel = Abbrechen
call-button-send = Senden
call-button-sending = Wird gesendet…
call-button-error = Die Nachricht wurde nicht eingereiht: { $message }

# Das Feld der Anrufberechtigung
permission-title = Anrufberechtigung
permission-state-label = Status
permission-state-none = Nicht angefragt
permission-state-requested = Angefragt, Antwort des Kunden ausstehend
permission-state-granted = Erteilt
permission-state-denied = Vom Kunden abgelehnt
permission-state-expired = Abgelaufen
permission-state-revoked = Vom Kunden widerrufen
permission-requests-left-label = Verbleibende Anfragen
permission-requests-left = In 24 Stunden: { $day } · in 7 Tagen: { $week }
permission-next-label = Nächste Anfrage
permission-next-now = Jetzt möglich
permission-calls-left-label = Verbleibende Anrufe heute
permission-unanswered-label = Unbeantwortet in Folge
permission-expires-label = Läuft ab
permission-expires-none = Kein Ablauf
permission-request = Anrufberechtigung anfragen
permission-requesting = Wird angefragt…
permission-reason-granted = Der Kunde erlaubt Anrufe bereits.
permission-reason-wait = Die nächste Anfrage ist { $relative } möglich ({ $time }).
permission-reason-none-left = Keine Anfrage mehr übrig: die nächste ist { $relative } möglich ({ $time }).
permission-reason-none-left-unknown = Derzeit ist keine Anfrage mehr übrig.
permission-reason-pending = Eine Anfrage wartet bereits auf die Antwort des Kunden.
permission-reason-refused = Derzeit ist keine Anfrage möglich.
permission-error = Die Anfrage wurde nicht gesendet: { $message }
permission-call = Kunden anrufen
permission-calling = Wird angerufen…
permission-call-reason-not-granted = Der Kunde hat Anrufe nicht erlaubt.
permission-call-reason-expired = Die Erlaubnis des Kunden ist { $relative } abgelaufen ({ $time }).
permission-call-reason-none-left = Für heute ist kein Anruf mehr übrig.
permission-call-reason-none-left-until = Kein Anruf mehr übrig: der nächste ist { $relative } möglich ({ $time }).
permission-call-error = Der Anruf wurde nicht aufgebaut: { $message }

# Die Verwaltung (nur Administrator:innen): Kanäle, Warteschlangen, Routen, Agent:innen, abgelehnte Webhooks
nav-admin = Verwaltung
admin-title = Hub-Verwaltung
admin-sections = Bereiche der Verwaltung
admin-tab-channels = Kanäle
admin-tab-queues = Warteschlangen
admin-tab-routes = Routen
admin-tab-agents = Agent:innen
admin-tab-rejects = Abgelehnte Webhooks
admin-loading = Wird geladen…
admin-load-error = Die Konfiguration des Hubs konnte nicht geladen werden: { $message }
admin-retry = Erneut versuchen
admin-cancel = Abbrechen
admin-error = Nicht ausgeführt: { $message }
admin-unknown = Unbekannt ({ $id })
admin-warnings-title = Warnungen zur Konfiguration
admin-channels-none = Noch keine Kanäle.
admin-channel-status = Zustand
admin-channel-status-unverified-trial = Nicht verifiziert (Test)
admin-channel-status-failed = Fehlgeschlagen
admin-channel-status-connected = Verbunden
admin-channel-status-rejected = Abgelehnt
admin-channel-state = In Betrieb
admin-channel-enabled = Aktiviert
admin-channel-disabled = Deaktiviert
admin-channel-limit = Kundenlimit
admin-channel-limit-none = Unbegrenzt
admin-channel-icon = Symbol
admin-channel-icon-set = Vorhanden
admin-channel-icon-none = Keines
admin-channel-phone-id = Telefonnummer-ID
admin-channel-waba = WhatsApp-Business-Konto
admin-channel-disable = Kanal deaktivieren
admin-channel-enable = Kanal aktivieren
admin-channel-kept = Ein deaktivierter Kanal behält seine Unterhaltungen, Nachrichten und Einstellungen; wieder aktiviert, läuft er weiter.
admin-channel-redact = Kartennummern schwärzen
admin-channel-redact-hint = Kartennummern in eingehenden Nachrichten werden vor dem Speichern unkenntlich gemacht.
admin-channel-icon-upload = Neues Symbol (JPG oder PNG)
admin-channel-icon-uploading = Wird hochgeladen…
admin-channel-icon-done = Das Symbol wurde gespeichert.
admin-queues-none = Noch keine Warteschlangen.
admin-queue-wait = Wartestrategie
admin-wait-none = Keine
admin-wait-hold-music = Wartemusik
admin-wait-message = Ansage
admin-queue-add-title = Warteschlange hinzufügen
admin-queue-name = Bezeichnung
admin-queue-add = Warteschlange anlegen
admin-routes-order = Routen werden in der Reihenfolge ihrer Position geprüft; die erste passende bestimmt die Warteschlange.
admin-routes-none = Noch keine Routen.
admin-route-position = Reihenfolge
admin-route-channel = Kanal
admin-route-type = Art
admin-route-queue = Warteschlange
admin-route-actions = Aktionen
admin-route-any-channel = Jeder Kanal
admin-route-any-type = Nachrichten und Anrufe
admin-route-type-message = Nachrichten
admin-route-type-call = Anrufe
admin-route-remove = Entfernen
admin-route-remove-confirm = Route { $position } entfernen? Bereits zugeordnete Unterhaltungen behalten ihre Warteschlange.
admin-route-remove-yes = Route entfernen
admin-route-add-title = Route hinzufügen
admin-route-position-hint = Leer lassen, um die Route hinter der letzten einzureihen.
admin-route-position-invalid = „{ $value }“ ist keine Position: eine ganze Zahl eingeben oder das Feld leer lassen.
admin-route-choose-queue = Warteschlange wählen
admin-route-add = Route anlegen
admin-agents-none = Noch keine Agent:innen.
admin-agent-name = Anzeigename
admin-agent-role = Rolle
admin-role-agent = Agent:in
admin-role-admin = Administrator:in
admin-agent-queues = Warteschlangen
admin-agent-no-queues = Keine Warteschlange
admin-agent-token = Zugangstoken
admin-agent-token-issued = Ausgestellt { $time }
admin-agent-token-revoked = Widerrufen: kein Token funktioniert, bis ein neues ausgestellt wird
admin-agent-admin = Administrator:in (verwaltet Kanäle, Warteschlangen, Routen und Agent:innen)
admin-agent-edit = Bearbeiten
admin-agent-edit-title = { $name } bearbeiten
admin-agent-save = Speichern
admin-agent-rotate = Neues Token
admin-agent-rotate-confirm = Ein neues Token für { $name } ausstellen? Das bisherige funktioniert sofort nicht mehr.
admin-agent-rotate-yes = Neues Token ausstellen
admin-agent-revoke = Token widerrufen
admin-agent-revoke-confirm = Das Token von { $name } widerrufen? Eine Anmeldung ist erst mit einem neuen Token wieder möglich.
admin-agent-revoke-yes = Widerrufen
admin-agent-add-title = Agent:in hinzufügen
admin-agent-add = Agent:in anlegen
admin-token-title = Token für { $name }
admin-token-once = Dieses Token wird nur einmal angezeigt. Jetzt kopieren und sicher an { $name } weitergeben: Es kann nicht erneut angezeigt werden.
admin-token-copy = Token kopieren
admin-token-copied = In die Zwischenablage kopiert.
admin-token-done = Fertig, Token ausblenden
admin-rejects-intro = Webhook-Einträge, die der Hub nicht lesen konnte, neueste zuerst. Kartennummern sind geschwärzt, sofern der Kanal das nicht abgeschaltet hat.
admin-rejects-refresh = Aktualisieren
admin-rejects-error = Die abgelehnten Webhooks konnten nicht geladen werden: { $message }
admin-rejects-none = Der Hub hat keinen Webhook-Eintrag abgelehnt.
admin-reject-received = Empfangen
admin-reject-source = Webhook-Feld · Liste
admin-reject-number = ID der Geschäftsnummer
admin-reject-number-none = Nicht angegeben
admin-reject-error = Grund
admin-reject-raw = Wie empfangen
admin-rejects-more = Ältere Einträge
admin-rejects-end = Keine älteren Einträge.
# The thread: one of the agent's messages that failed, sent again or given up
message-failed-actions = Was mit dieser Nachricht geschehen soll
message-retry = Erneut versuchen
message-discard = Verwerfen
message-discard-confirm = Diese Nachricht verwerfen? Sie wird nicht gesendet und verschwindet aus der Unterhaltung.
message-discard-keep = Behalten
# $message: why the app refused, as the core words it
message-retry-error = Sie wurde nicht erneut gesendet: { $message }
message-discard-error = Sie wurde nicht verworfen: { $message }
# The thread: a message's file, fetched from the hub
media-load-video = Video laden
media-load-document = Datei abrufen
media-loading = Datei wird geladen…
media-save = Speichern
media-error-offline = Die Datei kann nicht geladen werden: Der Hub ist nicht erreichbar.
media-error-not-found = Diese Datei ist nicht mehr verfügbar.
# $message: why the file could not be fetched, as the core words it
media-error = Die Datei kann nicht geladen werden: { $message }
# The thread: replies, reactions and shared places
reply-quote-customer = Kunde
reply-quote-agent = Agent:in
reply-quote-missing = Antwort auf eine frühere Nachricht
reactions-label = Reaktionen
# $emoji: the reaction, shown as it is
reaction-by-customer = Der Kunde hat mit { $emoji } reagiert
reaction-by-agent = Ein:e Agent:in hat mit { $emoji } reagiert
location-copy = Koordinaten kopieren
location-copied = Koordinaten kopiert.
# $message: why the app refused, as the core words it
location-copy-error = Die Koordinaten wurden nicht kopiert: { $message }
# Gesprächsdetails (Zuordnung des geöffneten Gesprächs) und sein Ereignisprotokoll
details-region = Gesprächsdetails
details-toggle = Einzelheiten
details-summary-unassigned = Niemandem zugewiesen
details-summary-assigned = Zugewiesen an { $name }
details-assignee = Zugewiesen an
details-assignee-none = Niemand (nicht zugewiesen)
details-assignee-me = { $name } (ich)
details-assignee-unknown = Unbekannter Agent
details-assign-me = Mir zuweisen
details-status = Bearbeitungsstand
details-priority = Priorität
details-queue = Warteschlange
details-queue-none = Keine Warteschlange
details-queue-unknown = Unbekannte Warteschlange
details-tags = Schlagwörter
details-error = Die Änderung wurde nicht gespeichert: { $message }
details-team-error = Das Team kann nicht angezeigt werden: { $message }
conversation-status-open = Offen
conversation-status-pending = Wartend
conversation-status-solved = Gelöst
conversation-status-closed = Geschlossen
conversation-priority-low = Niedrig
conversation-priority-normal = Mittel
conversation-priority-high = Hoch
conversation-priority-urgent = Dringend
tags-none = Keine Schlagwörter
# $tag: das Schlagwort, wie es geschrieben wurde
tag-remove = Schlagwort { $tag } entfernen
tag-new = Neues Schlagwort
tag-add = Hinzufügen
event-log-title = Ereignisprotokoll
event-log-empty = Noch keine Ereignisse.
event-log-error = Das Ereignisprotokoll kann nicht angezeigt werden: { $message }
event-kind-delivery-failed = Zustellung fehlgeschlagen
event-kind-delivery-unconfirmed = Zustellung nicht bestätigt
event-kind-assigned = Zugewiesen
event-kind-queue-changed = Warteschlange geändert
event-kind-status-changed = Stand geändert
event-kind-call-permission-requested = Anruferlaubnis angefragt
event-kind-call-permission-granted = Anruferlaubnis erteilt
event-kind-call-permission-denied = Anruferlaubnis abgelehnt
event-kind-call-permission-revoked = Anruferlaubnis zurückgezogen
event-kind-call-missed = Verpasster Anruf
event-kind-call-ended = Anruf beendet
event-kind-channel-disabled = Nummer deaktiviert
# Ein neues Gespräch mit einem Kunden beginnen
newconv-title = Neues Gespräch
newconv-channel = Senden von
# $number: eine der WhatsApp-Nummern des Teams
newconv-channel-disabled = { $number } (deaktiviert)
newconv-no-channel = Es gibt keine Nummer, von der ein Gespräch beginnen kann.
newconv-phone = Telefonnummer des Kunden
newconv-phone-hint = Mit Ländervorwahl, z. B. +49 151 23456789
newconv-checking = Nummer wird geprüft…
# $number: die Nummer, wie WhatsApp sie schreibt (E.164)
newconv-phone-ok = WhatsApp-Nummer: { $number }
newconv-phone-empty = Geben Sie die Nummer des Kunden ein.
newconv-phone-not-a-number = Das ist keine Telefonnummer.
newconv-phone-invalid = Diese Nummer ist ungültig: Prüfen Sie Ländervorwahl und Ziffern.
newconv-check-error = Die Nummer kann nicht geprüft werden: { $message }
newconv-existing = Dieser Kunde hat bereits ein Gespräch — öffnen
newconv-permission-pending = Eine Anfrage, diesen Kunden anrufen zu dürfen, ist noch unbeantwortet.
newconv-name = Name des Kunden (optional)
newconv-type = Beginnen mit
newconv-type-message = Einer Nachricht
newconv-type-call = Einem Anruf
newconv-call-hint = Für einen Anruf wird der Kunde zuerst um Erlaubnis gebeten: Nur Vorlagen, die darum bitten, werden angeboten.
newconv-template = Vorlage
newconv-template-none-call = Keine freigegebene Vorlage bittet um Anruferlaubnis.
newconv-tags = Schlagwörter
newconv-priority = Priorität
newconv-status = Bearbeitungsstand
newconv-queue = Warteschlange
newconv-default = Standard
newconv-summary = Zusammenfassung
newconv-summary-from = Von
newconv-summary-to = An
newconv-summary-unset = Noch nicht gewählt
newconv-missing-channel = Wählen Sie die Nummer, von der gesendet wird.
newconv-missing-phone = Geben Sie die WhatsApp-Nummer des Kunden ein.
newconv-missing-existing = Dieser Kunde hat bereits ein Gespräch: Öffnen Sie stattdessen dieses.
newconv-missing-template = Wählen Sie eine Vorlage.
newconv-missing-values = Füllen Sie die Werte der Vorlage aus.
newconv-start = Gespräch beginnen
newconv-starting = Wird begonnen…
newconv-cancel = Abbrechen
newconv-error = Das Gespräch wurde nicht begonnen: { $message }
newconv-started = Das Gespräch wurde begonnen.
newconv-exists = Dieser Kunde hat bereits ein Gespräch.
newconv-warnings = Bitte beachten
newconv-open-existing = Gespräch öffnen
newconv-close = Schließen
