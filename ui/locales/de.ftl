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
