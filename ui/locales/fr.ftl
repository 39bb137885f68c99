# Libellés de Switchboard — français
app-name = Switchboard
app-tagline = Les messages et appels WhatsApp de votre équipe support
language-label = Langue
nav-conversations = Conversations
nav-calls = Appels
nav-templates = Modèles
nav-settings = Paramètres
hub-disconnected = Non connecté à un hub
conversations-empty = Aucune conversation pour l’instant
conversations-empty-hint = Les nouvelles conversations WhatsApp de vos files d’attente apparaissent ici.
settings-title = Paramètres
settings-notifications-title = Notifications d’appel
settings-notifications-hint = Vérifiez que les appels entrants vous parviennent : ceci affiche un exemple de notification d’appel avec l’action « Copier le numéro ».
settings-notifications-test = Afficher un exemple de notification d’appel
notification-sent = Exemple de notification affiché
notification-failed = La notification n’a pas pu être affichée : { $reason }
number-copied = Numéro copié : { $number }
call-incoming-title = Appel WhatsApp entrant
call-incoming-body = { $name } · { $number }
    File : { $queue } · Canal : { $channel }
call-copy-number = Copier le numéro
sample-caller-name = Aiko Tanaka
sample-queue-name = Support
call-incoming-body-unnamed = { $number }
    File : { $queue } · Canal : { $channel }
call-answer = Répondre
call-decline = Refuser
notice-open = Ouvrir
window-closing-title = La fenêtre de service client va se fermer
window-closing-body = { $name } · { $minutes ->
        [one] { $minutes } minute restante
       *[other] { $minutes } minutes restantes
    } pour répondre librement ; ensuite, seuls les modèles pourront être envoyés.
new-conversation-title = Nouvelle conversation dans { $queue }
new-conversation-body = { $name }
new-message-title = Nouveau message de { $name }
new-message-body = { $text }
new-message-no-text = { $kind ->
        [image] Photo
        [audio] Message audio
        [video] Vidéo
        [document] Document
        [sticker] Autocollant
        [location] Position
        [contacts] Contact
        [reaction] Réaction
       *[other] Nouveau message
    }
tray-unread = { $count ->
        [0] Aucun message non lu
        [one] 1 message non lu
       *[other] { $count } messages non lus
    }
