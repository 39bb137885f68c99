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
call-direction-inbound = Eingehender Anruf
call-direction-outbound = Ausgehender Anruf
call-queue-label = Warteschlange
call-loading = Anruf wird geladen…
call-error = Der Anruf kann nicht angezeigt werden: { $message }
call-action-error = Das hat nicht geklappt: { $message }
call-audio-unavailable = Hier angenommen — Zwei-Wege-Audio gibt es in dieser Version noch nicht; sprich über den Rückruf beim Kunden oder dein Telefon.
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
permission-error = Die Anfrage wurde nicht gesendet: { $message }
# The thread: one of the agent's messages that failed, sent again or given up
message-failed-actions = Was mit dieser Nachricht geschehen soll
message-retry = Erneut versuchen
message-discard = Verwerfen
message-discard-confirm = Diese Nachricht verwerfen? Sie wird nicht gesendet und verschwindet aus der Unterhaltung.
message-discard-keep = Behalten
# $message: why the app refused, as the core words it
message-retry-error = Sie wurde nicht erneut gesendet: { $message }
message-discard-error = Sie wurde nicht verworfen: { $message }
