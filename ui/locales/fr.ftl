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
app-loading = Démarrage…
app-error = Switchboard ne peut pas démarrer : { $message }
demo-badge = Équipe de démonstration
sign-out = Se déconnecter
signin-title = Se connecter au hub de votre équipe
signin-hint = Votre administrateur vous donne l'adresse du hub et votre jeton d'agent.
signin-hub-url = Adresse du hub
signin-token = Jeton d'agent
signin-submit = Se connecter
signin-pending = Connexion…
signin-error-hub-unreachable = Le hub est injoignable. Vérifiez l'adresse et votre réseau. ({ $message })
signin-error-token-refused = Le hub a refusé ce jeton. Demandez-en un nouveau à votre administrateur.
signin-error-keyring-unavailable = Le jeton ne peut pas être conservé en sécurité : ni le Secret Service ni le trousseau du noyau ne sont disponibles. ({ $message })
signin-error-invalid-input = Vérifiez l'adresse du hub et le jeton : { $message }
sync-online = En ligne
sync-catching-up = Mise à jour… ({ $count ->
        [one] { $count } modification
       *[other] { $count } modifications
    })
sync-offline = Hors ligne depuis { $since } — nouvel essai à { $retry }
sync-offline-waiting = Hors ligne depuis { $since }
sync-signed-out = Déconnecté
sync-stopped = Synchronisation arrêtée
sync-reason-unreachable = Le hub est injoignable : { $detail }
sync-reason-hub-error = Le hub a répondu par une erreur : { $detail }
sync-reason-local-store = Le stockage local a échoué : { $detail }
list-sort-time-left = Moins de temps restant d'abord
list-mine-only = Les miennes seulement
list-error = Les conversations ne peuvent pas être affichées : { $message }
search-label = Rechercher dans les conversations
search-placeholder = Rechercher des clients et des messages
search-customers = Clients
search-messages = Messages
search-no-results = Aucun résultat
search-indexing = Indexation des anciens messages en cours — les résultats peuvent être incomplets
search-error = La recherche a échoué : { $message }
search-unknown-customer = Client inconnu
unread-count = { $count ->
        [one] { $count } message non lu
       *[other] { $count } messages non lus
    }
preview-outbound = Vous : { $text }
preview-none = Pas encore de messages
time-left = Il reste { $duration }
time-left-under-minute = Moins d'une minute restante
window-closed = Fenêtre fermée — modèles uniquement
thread-none = Choisissez une conversation pour la lire.
thread-empty = Pas encore de messages dans cette conversation.
thread-loading-earlier = Chargement des messages précédents…
thread-start = Début de la conversation
thread-messages-label = Messages de cette conversation
thread-error = La conversation ne peut pas être affichée : { $message }
message-forwarded = Transféré — les messages précédents de cette discussion n’ont pas été partagés
message-status-received = Reçu
message-status-pending = En attente
message-status-unconfirmed = Pas encore confirmé
message-status-sent = Envoyé
message-status-delivered = Distribué
message-status-read = Lu
message-status-failed = Échec
message-frequently-forwarded = Transféré de nombreuses fois — les messages précédents de cette discussion n’ont pas été partagés
message-card-redacted = Numéro de carte masqué, se terminant par { $last4 }
message-tag-template = Modèle
message-tag-choice = Option choisie
message-contacts-hint = Ses détails ne s’affichent pas encore ici : ouvrez WhatsApp sur le téléphone pour les voir.
message-reaction = A réagi avec { $emoji }
message-reaction-removed = A retiré une réaction
message-permission-request = Autorisation d’appeler demandée au client
message-permission-granted = Le client autorise les appels
message-permission-declined = Le client a refusé les appels
message-call-button = Appeler
message-unsupported = Ce type de message n’est pas encore pris en charge : ouvrez WhatsApp sur le téléphone pour le voir.
call-entry-inbound-ended = Appel entrant, { $duration }
call-entry-outbound-ended = Appel sortant, { $duration }
call-entry-inbound-missed = Appel entrant manqué
call-entry-outbound-missed = Appel sortant, sans réponse
call-entry-inbound-declined = Appel entrant, refusé
call-entry-outbound-declined = Appel sortant, refusé par le client
failure-not-delivered = Non distribué : { $reason }
failure-what-to-do = Que faire : { $action }
failure-no-reason = Aucune raison n’a été donnée
failure-other-action = Vérifiez le message et renvoyez-le ; s’il échoue encore, prévenez votre administrateur.
failure-window-reason = La fenêtre de service client de 24 heures était fermée
failure-window-action = Envoyez un modèle approuvé ; les réponses libres redeviennent possibles dès que le client écrit.
failure-undeliverable-reason = WhatsApp n’a pas pu le distribuer à ce numéro
failure-undeliverable-action = Vérifiez le numéro : le client n’a peut-être pas WhatsApp, ou doit mettre l’application à jour.
failure-ecosystem-reason = WhatsApp a retenu ce message marketing pour limiter le nombre que le client en reçoit
failure-ecosystem-action = Ne le renvoyez pas maintenant : réessayez dans un jour ou plus, ou répondez quand le client écrit.
failure-experiment-reason = Le numéro du client fait partie d’une expérience WhatsApp qui ne reçoit pas de messages marketing
failure-experiment-action = Rien à corriger de votre côté : contactez le client autrement, ou attendez qu’il écrive.
failure-marketing-opt-out-reason = Le client a arrêté les messages marketing de cette entreprise
failure-marketing-opt-out-action = Ne lui envoyez plus de marketing ; les réponses et les messages de service passent toujours.
failure-unsupported-reason = WhatsApp ne prend pas en charge ce type de message
failure-unsupported-action = Envoyez-le en texte ou dans un autre format.
failure-media-reason = Le fichier n’a pas pu être envoyé
failure-media-action = Vérifiez le type et la taille du fichier, puis renvoyez-le.
failure-too-large-reason = Le message ou son fichier est trop volumineux
failure-too-large-action = Envoyez un fichier plus petit ou un texte plus court.
failure-rate-reason = Une limite d’envoi a été atteinte
failure-rate-action = Patientez un moment, puis renvoyez-le.
failure-template-reason = WhatsApp a refusé le modèle ou ses valeurs
failure-template-action = Vérifiez les valeurs, ou choisissez un autre modèle approuvé.
failure-account-reason = Ce numéro professionnel ne peut pas envoyer de messages pour le moment
failure-account-action = Prévenez votre administrateur : le canal ou son compte WhatsApp Business demande une intervention.
failure-temporary-reason = WhatsApp a rencontré un problème temporaire
failure-temporary-action = Renvoyez-le dans un instant.
failure-network-reason = Le hub était injoignable
failure-network-action = Vérifiez votre connexion, puis renvoyez-le.
failure-unknown-outcome-reason = WhatsApp n’a pas confirmé s’il a été envoyé
failure-unknown-outcome-action = Demandez au client s’il l’a reçu avant de le renvoyer, pour qu’il n’arrive pas en double.
delivery-alert-title = Non distribué à { $name }
delivery-alert-dismiss = Fermer
reply-label = Réponse
reply-placeholder = Écrire une réponse… (Ctrl+Entrée pour envoyer)
reply-send = Envoyer
reply-error = La réponse n'a pas été mise en file d'attente : { $message }
settings-account-title = Compte
settings-hub-url = Hub
settings-agent-name = Connecté en tant que
settings-token-store = Jeton conservé dans
settings-token-store-none = Non conservé
settings-preferences-title = Préférences
settings-language = Langue (de l'application et de ses notifications)
settings-language-system = Langue du système ({ $language })
settings-warn-minutes = Avertir avant la fermeture d'une fenêtre (minutes, séparées par des virgules)
settings-warn-minutes-hint = Par exemple 60, 15. Laisser vide pour ne jamais avertir.
settings-warn-minutes-invalid = « { $value } » n'est pas un nombre entier de minutes
settings-warn-for = Avertir pour
settings-warn-for-assigned = Les conversations qui me sont attribuées
settings-warn-for-my-queues = Toutes les conversations de mes files
settings-new-conversations = Me signaler les nouvelles conversations de mes files
settings-new-messages = Me signaler les nouveaux messages de mes conversations
settings-save = Enregistrer
settings-saved = Paramètres enregistrés
settings-error = Les paramètres n'ont pas été enregistrés : { $message }
settings-load-error = Les paramètres ne peuvent pas être chargés : { $message }
call-direction-inbound = Appel entrant
call-direction-outbound = Appel sortant
call-queue-label = File
call-loading = Chargement de l'appel…
call-error = L'appel ne peut pas être affiché : { $message }
call-action-error = Cela n'a pas fonctionné : { $message }
call-audio-unavailable = Répondu ici — l'audio bidirectionnel n'est pas encore disponible dans cette version ; parlez par le rappel du client ou votre téléphone.
call-state-ringing = Sonnerie
call-state-connecting = Connexion…
call-state-connected = Connecté
call-state-ended = Appel terminé
call-state-declined = Appel refusé
call-state-missed = Appel manqué
call-state-failed = Échec de l'appel
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
        [one] { $count } message non lu
       *[other] { $count } messages non lus
    }

tray-open = Ouvrir Switchboard
tray-quit = Quitter

shortcuts-title = Raccourcis clavier
shortcuts-typing-hint = Les touches seules (/, J, K, ?) sont sans effet pendant que vous écrivez dans un champ.
shortcuts-or = ou
shortcuts-close = Fermer
shortcut-focus-search = Rechercher
shortcut-next-conversation = Conversation suivante
shortcut-previous-conversation = Conversation précédente
shortcut-send-reply = Envoyer la réponse
shortcut-template-picker = Insérer un modèle
shortcut-answer-call = Répondre à l’appel (dans la fenêtre d’appel)
shortcut-decline-call = Refuser l’appel (dans la fenêtre d’appel)
shortcut-show-shortcuts = Afficher les raccourcis clavier
key-ctrl = Ctrl
key-shift = Maj
key-alt = Alt
key-enter = Entrée

# The composer and the template picker
composer-closed-since = La fenêtre de service client de 24 heures s’est fermée { $since } : WhatsApp n’autorise que les modèles approuvés jusqu’à ce que le client écrive à nouveau.
composer-closed-never = Le client n’a pas encore écrit : WhatsApp n’autorise que les modèles approuvés jusqu’à ce qu’il le fasse.
composer-error = Impossible de savoir ce qui peut être envoyé ici : { $message }
composer-refusal-window-closed = La fenêtre de service client de 24 heures est fermée : seuls les modèles approuvés peuvent être envoyés.
composer-refusal-channel-disabled = Ce canal est désactivé : rien ne peut y être envoyé.
composer-refusal-sender-cannot-chat = Ce numéro professionnel ne peut pas envoyer de messages.
composer-refusal-sender-cannot-call = Ce numéro professionnel ne peut pas passer d’appels.
composer-refusal-no-approved-template = Aucun modèle approuvé ne peut être envoyé dans cette conversation.
composer-refusal-template-not-approved = Ce modèle n’est pas approuvé.
composer-refusal-template-by-automation = Les modèles sont envoyés par l’automatisation dans cette conversation.
composer-refusal-refused = Impossible d’envoyer ceci ici pour le moment.
reply-counter = { $count } caractères sur { $max }
template-open = Modèles
template-picker-title = Envoyer un modèle
template-close = Fermer
template-search = Rechercher des modèles
template-search-placeholder = Nom, texte ou étiquette
template-language = Langue
template-language-any = Toutes les langues
template-category = Catégorie
template-category-any = Toutes les catégories
template-category-marketing = Promotionnel
template-category-utility = Utilitaire
template-category-authentication = Authentification
template-list = Modèles approuvés
template-none = Aucun modèle approuvé ne correspond.
template-error = Impossible d’afficher les modèles : { $message }
template-back = Retour à la liste
template-params = Valeurs
template-params-none = Ce modèle ne prend aucune valeur.
template-param = Valeur { $position }
template-preview = Tel que le client le verra
template-preview-error = Impossible d’afficher l’aperçu : { $message }
template-send = Envoyer le modèle
template-send-error = Le modèle n’a pas été mis en file d’attente : { $message }
template-problem-not-approved = Le modèle n’est pas approuvé.
template-problem-wrong-format = Cette valeur n’a pas le format attendu.
template-problem-missing = Une valeur est nécessaire ici.
template-problem-unexpected = Le modèle n’a pas cette valeur.
template-problem-empty = La valeur est vide.
template-problem-too-long = La valeur est trop longue.
template-problem-newline-or-tab = Pas de saut de ligne ni de tabulation.
template-problem-too-many-spaces = Pas plus de quatre espaces d’affilée.
template-problem-invalid-url-suffix = Fin d’adresse web non valide.

# Le panneau d'autorisation d'appel
permission-title = Autorisation d'appel
permission-state-label = État
permission-state-none = Non demandée
permission-state-requested = Demandée, en attente de la réponse du client
permission-state-granted = Accordée
permission-state-denied = Refusée par le client
permission-state-expired = Expirée
permission-state-revoked = Retirée par le client
permission-requests-left-label = Demandes restantes
permission-requests-left = Sur 24 heures : { $day } · sur 7 jours : { $week }
permission-next-label = Prochaine demande
permission-next-now = Possible maintenant
permission-calls-left-label = Appels restants aujourd'hui
permission-unanswered-label = Sans réponse d'affilée
permission-expires-label = Expire
permission-expires-none = Sans expiration
permission-request = Demander l'autorisation d'appeler
permission-requesting = Demande en cours…
permission-reason-granted = Le client autorise déjà les appels.
permission-reason-wait = La prochaine demande sera possible { $relative } ({ $time }).
permission-reason-none-left = Plus aucune demande : la prochaine sera possible { $relative } ({ $time }).
permission-reason-none-left-unknown = Plus aucune demande pour le moment.
permission-error = La demande n'est pas partie : { $message }
# The thread: one of the agent's messages that failed, sent again or given up
message-failed-actions = Que faire de ce message
message-retry = Réessayer
message-discard = Abandonner
message-discard-confirm = Abandonner ce message ? Il ne sera pas envoyé et quittera la conversation.
message-discard-keep = Le garder
# $message: why the app refused, as the core words it
message-retry-error = Le message n'a pas été renvoyé : { $message }
message-discard-error = Le message n'a pas été abandonné : { $message }
