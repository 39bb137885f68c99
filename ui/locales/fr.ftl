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
audio-title = Audio des appels
audio-hint = Le micro et le haut-parleur ou casque des appels ; la sonnerie joue sur le haut-parleur.
audio-microphone = Micro
audio-speaker = Haut-parleur ou casque
audio-system-default = Par défaut du système
audio-device-default = { $name } (par défaut)
audio-device-missing = { $name } (non connecté)
audio-ring-tone = Sonnerie pendant qu’un appel sonne
audio-test-microphone = Tester mon micro
audio-testing = Écoute en cours : dites quelque chose.
audio-meter = Niveau du micro
audio-heard = Le micro fonctionne : il vous a entendu.
audio-heard-nothing = Rien entendu : vérifiez que le micro n’est pas coupé (sur le casque ou dans les réglages son du système) et que c’est bien celui choisi ci-dessus.
audio-failed = Le micro ou le haut-parleur ne peut pas être utilisé : { $message }
audio-devices-error = Les périphériques audio ne peuvent pas être listés : { $message }
call-direction-inbound = Appel entrant
call-direction-outbound = Appel sortant
call-queue-label = File
call-loading = Chargement de l'appel…
call-error = L'appel ne peut pas être affiché : { $message }
call-action-error = Cela n'a pas fonctionné : { $message }
call-audio-unavailable = Répondu ici — l'application n'a pas de périphérique audio pour les appels sur cet ordinateur, l'appel est donc sans son ; parlez par le rappel du client ou votre téléphone.
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
call-in-call = En communication
call-talk-connecting = Connexion de l’audio…
call-quality-good = Réseau : bon
call-quality-fair = Réseau : moyen
call-quality-poor = Réseau : mauvais
call-quality-detail = { $loss } % de l’audio perdu · gigue de { $jitter } ms
call-mute = Couper le micro
call-muted-note = Votre micro est coupé : le client ne vous entend pas.
call-hang-up = Raccrocher
call-audio-failed = L’audio de l’appel n’a pas pu démarrer : { $message }
# The main window's incoming-call banner could not list the calls going on now
call-banner-error = Les appels entrants ne peuvent pas être affichés : { $message }
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
template-header-params = En-tête
template-header-param = Valeur de l’en-tête { $position }
template-button-params = Adresses web
template-button-param = { $button } : fin de l’adresse web
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
template-header-media = { $kind ->
        [image] Image
        [video] Vidéo
        [document] Document
        [location] Position
       *[other] Média
    }
template-buttons = Boutons
template-button-kind = { $kind ->
        [quick_reply] Bouton de réponse rapide
        [url] Bouton de lien
        [phone_number] Bouton d’appel
        [copy_code] Bouton « Copier le code »
        [otp] Bouton de code à usage unique
        [flow] Bouton de formulaire
        [voice_call] Bouton d’appel WhatsApp
       *[other] Bouton
    }

# Pièces jointes et messages avec bouton d’appel dans la zone de réponse
attach-open = Joindre un fichier
attach-drop = Déposez le fichier ici pour le joindre
attachment-title = Fichier à envoyer
attachment-caption = Légende (facultative)
attachment-remove = Retirer
attachment-send = Envoyer le fichier
attachment-sending = Envoi en cours…
attachment-error = Le fichier n’a pas été envoyé : { $message }
call-button-open = Bouton d’appel
call-button-title = Message avec un bouton d’appel
call-button-text = Texte du message
call-button-label = Libellé du bouton
call-button-default-label = Libellé par défaut
call-button-preview = Aperçu
call-button-cancel = Annuler
call-button-send = Envoyer
call-button-sending = Envoi en cours…
call-button-error = Le message n’a pas été mis en file d’attente : { $message }

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
permission-reason-pending = Une demande attend déjà la réponse du client.
permission-reason-refused = Aucune demande n'est possible pour le moment.
permission-error = La demande n'est pas partie : { $message }
permission-call = Appeler le client
permission-calling = Appel en cours…
permission-call-reason-not-granted = Le client n'a pas autorisé les appels.
permission-call-reason-expired = L'autorisation du client a expiré { $relative } ({ $time }).
permission-call-reason-none-left = Il ne reste plus d'appel pour aujourd'hui.
permission-call-reason-none-left-until = Plus aucun appel : le prochain sera possible { $relative } ({ $time }).
permission-call-error = L'appel n'est pas parti : { $message }

# L'administration (administrateurs seulement) : canaux, files, routage, conseillers, webhooks rejetés
nav-admin = Administration
admin-title = Administration du hub
admin-sections = Rubriques d'administration
admin-tab-channels = Canaux
admin-tab-queues = Files d'attente
admin-tab-routes = Routage
admin-tab-agents = Conseillers
admin-tab-rejects = Webhooks rejetés
admin-loading = Chargement…
admin-load-error = La configuration du hub n'a pas pu être chargée : { $message }
admin-retry = Réessayer
admin-cancel = Annuler
admin-error = Non effectué : { $message }
admin-unknown = Inconnu ({ $id })
admin-warnings-title = Avertissements de configuration
admin-channels-none = Aucun canal pour l'instant.
admin-channel-status = Statut
admin-channel-status-unverified-trial = Non vérifié (essai)
admin-channel-status-failed = En échec
admin-channel-status-connected = Connecté
admin-channel-status-rejected = Refusé
admin-channel-state = Utilisation
admin-channel-enabled = Activé
admin-channel-disabled = Désactivé
admin-channel-limit = Limite de clients
admin-channel-limit-none = Illimité
admin-channel-icon = Icône
admin-channel-icon-set = Définie
admin-channel-icon-none = Aucune
admin-channel-phone-id = ID du numéro de téléphone
admin-channel-waba = Compte WhatsApp Business
admin-channel-disable = Désactiver le canal
admin-channel-enable = Activer le canal
admin-channel-kept = Un canal désactivé garde ses conversations, ses messages et ses réglages ; réactivé, il reprend.
admin-channel-redact = Masquer les numéros de carte
admin-channel-redact-hint = Les numéros de carte des messages reçus sont masqués avant d'être enregistrés.
admin-channel-icon-upload = Nouvelle icône (JPG ou PNG)
admin-channel-icon-uploading = Envoi…
admin-channel-icon-done = L'icône a été enregistrée.
admin-queues-none = Aucune file d'attente pour l'instant.
admin-queue-wait = Stratégie d'attente
admin-wait-none = Aucune
admin-wait-hold-music = Musique d'attente
admin-wait-message = Message vocal
admin-queue-add-title = Ajouter une file d'attente
admin-queue-name = Nom
admin-queue-add = Créer la file
admin-routes-order = Les routes sont essayées dans l'ordre de leur rang ; la première qui correspond choisit la file d'attente.
admin-routes-none = Aucune route pour l'instant.
admin-route-position = Rang
admin-route-channel = Canal
admin-route-type = Mode de contact
admin-route-queue = File d'attente
admin-route-actions = Opérations
admin-route-any-channel = Tous les canaux
admin-route-any-type = Messages et appels
admin-route-type-message = Messages écrits
admin-route-type-call = Appels
admin-route-remove = Supprimer
admin-route-remove-confirm = Supprimer la route { $position } ? Les conversations déjà routées gardent leur file d'attente.
admin-route-remove-yes = Supprimer la route
admin-route-add-title = Ajouter une route
admin-route-position-hint = Laisser vide pour placer la route après la dernière.
admin-route-position-invalid = « { $value } » n'est pas un rang : saisissez un nombre entier ou laissez vide.
admin-route-choose-queue = Choisir une file d'attente
admin-route-add = Créer la route
admin-agents-none = Aucun conseiller pour l'instant.
admin-agent-name = Nom
admin-agent-role = Rôle
admin-role-agent = Conseiller
admin-role-admin = Administrateur
admin-agent-queues = Files d'attente
admin-agent-no-queues = Aucune file
admin-agent-token = Jeton
admin-agent-token-issued = Émis { $time }
admin-agent-token-revoked = Révoqué : aucun de ses jetons ne fonctionne avant l'émission d'un nouveau
admin-agent-admin = Administrateur (gère les canaux, files, routes et conseillers)
admin-agent-edit = Modifier
admin-agent-edit-title = Modifier { $name }
admin-agent-save = Enregistrer
admin-agent-rotate = Nouveau jeton
admin-agent-rotate-confirm = Émettre un nouveau jeton pour { $name } ? Le jeton actuel cesse aussitôt de fonctionner.
admin-agent-rotate-yes = Émettre un nouveau jeton
admin-agent-revoke = Révoquer le jeton
admin-agent-revoke-confirm = Révoquer le jeton de { $name } ? Cette personne ne pourra plus se connecter avant l'émission d'un nouveau jeton.
admin-agent-revoke-yes = Révoquer
admin-agent-add-title = Ajouter un conseiller
admin-agent-add = Créer le conseiller
admin-token-title = Jeton de { $name }
admin-token-once = Ce jeton n'est affiché qu'une seule fois. Copiez-le maintenant et transmettez-le à { $name } en toute sécurité : il ne pourra plus être affiché.
admin-token-copy = Copier le jeton
admin-token-copied = Copié dans le presse-papiers.
admin-token-done = Terminé, masquer le jeton
admin-rejects-intro = Éléments de webhook que le hub n'a pas pu lire, du plus récent au plus ancien. Les numéros de carte sont masqués sauf si le canal a désactivé le masquage.
admin-rejects-refresh = Actualiser
admin-rejects-error = Les webhooks rejetés n'ont pas pu être chargés : { $message }
admin-rejects-none = Le hub n'a rejeté aucun élément de webhook.
admin-reject-received = Reçu
admin-reject-source = Champ du webhook · liste
admin-reject-number = ID du numéro professionnel
admin-reject-number-none = Non indiqué
admin-reject-error = Motif
admin-reject-raw = Tel que reçu
admin-rejects-more = Rejets plus anciens
admin-rejects-end = Aucun rejet plus ancien.
# The thread: one of the agent's messages that failed, sent again or given up
message-failed-actions = Que faire de ce message
message-retry = Réessayer
message-discard = Abandonner
message-discard-confirm = Abandonner ce message ? Il ne sera pas envoyé et quittera la conversation.
message-discard-keep = Le garder
# $message: why the app refused, as the core words it
message-retry-error = Le message n'a pas été renvoyé : { $message }
message-discard-error = Le message n'a pas été abandonné : { $message }
# The thread: a message's file, fetched from the hub
media-load-video = Charger la vidéo
media-load-document = Récupérer le fichier
media-loading = Chargement du fichier…
media-save = Enregistrer
media-error-offline = Le fichier ne peut pas être chargé : le hub est injoignable.
media-error-not-found = Ce fichier n'est plus disponible.
# $message: why the file could not be fetched, as the core words it
media-error = Le fichier ne peut pas être chargé : { $message }
# The thread: replies, reactions and shared places
reply-quote-customer = Client
reply-quote-agent = Conseiller
reply-quote-missing = Réponse à un message précédent
reactions-label = Réactions
# $emoji: the reaction, shown as it is
reaction-by-customer = Le client a réagi avec { $emoji }
reaction-by-agent = Un conseiller a réagi avec { $emoji }
location-copy = Copier les coordonnées
location-copied = Coordonnées copiées.
# $message: why the app refused, as the core words it
location-copy-error = Les coordonnées n'ont pas été copiées : { $message }
# Détails de la conversation (son classement) et son journal des événements
details-region = Détails de la conversation
details-toggle = Détails
details-summary-unassigned = Non attribuée
details-summary-assigned = Attribuée à { $name }
details-assignee = Attribuée à
details-assignee-none = Personne (non attribuée)
details-assignee-me = { $name } (moi)
details-assignee-unknown = Agent inconnu
details-assign-me = M'attribuer
details-status = Statut
details-priority = Priorité
details-queue = File d'attente
details-queue-none = Aucune file d'attente
details-queue-unknown = File d'attente inconnue
details-tags = Étiquettes
details-error = La modification n'a pas été enregistrée : { $message }
details-team-error = L'équipe ne peut pas être affichée : { $message }
conversation-status-open = Ouverte
conversation-status-pending = En attente
conversation-status-solved = Résolue
conversation-status-closed = Fermée
conversation-priority-low = Basse
conversation-priority-normal = Normale
conversation-priority-high = Haute
conversation-priority-urgent = Urgente
tags-none = Aucune étiquette
# $tag : l'étiquette, telle qu'elle a été écrite
tag-remove = Retirer l'étiquette { $tag }
tag-new = Nouvelle étiquette
tag-add = Ajouter
event-log-title = Journal des événements
event-log-empty = Aucun événement pour l'instant.
event-log-error = Le journal des événements ne peut pas être affiché : { $message }
event-kind-delivery-failed = Échec de la remise
event-kind-delivery-unconfirmed = Remise non confirmée
event-kind-assigned = Attribuée
event-kind-queue-changed = File d'attente changée
event-kind-status-changed = Statut changé
event-kind-call-permission-requested = Autorisation d'appel demandée
event-kind-call-permission-granted = Autorisation d'appel accordée
event-kind-call-permission-denied = Autorisation d'appel refusée
event-kind-call-permission-revoked = Autorisation d'appel retirée
event-kind-call-missed = Appel manqué
event-kind-call-ended = Appel terminé
event-kind-channel-disabled = Numéro désactivé
# Commencer une nouvelle conversation avec un client
newconv-title = Nouvelle conversation
newconv-channel = Envoyer depuis
# $number : l'un des numéros WhatsApp de l'équipe
newconv-channel-disabled = { $number } (désactivé)
newconv-no-channel = Aucun numéro ne permet de commencer une conversation.
newconv-phone = Numéro de téléphone du client
newconv-phone-hint = Avec l'indicatif du pays, par ex. +33 6 12 34 56 78
newconv-checking = Vérification du numéro…
# $number : le numéro tel que WhatsApp l'écrit (E.164)
newconv-phone-ok = Numéro WhatsApp : { $number }
newconv-phone-empty = Saisissez le numéro du client.
newconv-phone-not-a-number = Ce n'est pas un numéro de téléphone.
newconv-phone-invalid = Ce numéro n'est pas valide : vérifiez l'indicatif du pays et les chiffres.
newconv-check-error = Le numéro ne peut pas être vérifié : { $message }
newconv-existing = Ce client a déjà une conversation — l'ouvrir
newconv-permission-pending = Une demande d'autorisation d'appeler ce client attend toujours sa réponse.
newconv-name = Nom du client (facultatif)
newconv-type = Commencer par
newconv-type-message = Un message
newconv-type-call = Un appel
newconv-call-hint = Pour un appel, le client doit d'abord donner son autorisation : seuls les modèles qui la demandent sont proposés.
newconv-template = Modèle
newconv-template-none-call = Aucun modèle approuvé ne demande l'autorisation d'appeler.
newconv-tags = Étiquettes
newconv-priority = Priorité
newconv-status = Statut
newconv-queue = File d'attente
newconv-default = Par défaut
newconv-summary = Récapitulatif
newconv-summary-from = De
newconv-summary-to = À
newconv-summary-unset = Pas encore choisi
newconv-missing-channel = Choisissez le numéro d'envoi.
newconv-missing-phone = Saisissez le numéro WhatsApp du client.
newconv-missing-existing = Ce client a déjà une conversation : ouvrez-la plutôt.
newconv-missing-template = Choisissez un modèle.
newconv-missing-values = Remplissez les valeurs du modèle.
newconv-start = Commencer la conversation
newconv-starting = Démarrage…
newconv-cancel = Annuler
newconv-error = La conversation n'a pas été commencée : { $message }
newconv-started = La conversation a commencé.
newconv-exists = Ce client a déjà une conversation.
newconv-warnings = À noter
newconv-open-existing = Ouvrir la conversation
newconv-close = Fermer
