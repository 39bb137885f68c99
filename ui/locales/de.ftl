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
