# Etiquetas de Switchboard — español
app-name = Switchboard
app-tagline = Mensajes y llamadas de WhatsApp para tu equipo de soporte
language-label = Idioma
nav-conversations = Conversaciones
nav-calls = Llamadas
nav-templates = Plantillas
nav-settings = Ajustes
hub-disconnected = Sin conexión con un hub
conversations-empty = Todavía no hay conversaciones
conversations-empty-hint = Aquí aparecen las nuevas conversaciones de WhatsApp de tus colas.
settings-title = Ajustes
settings-notifications-title = Notificaciones de llamadas
settings-notifications-hint = Comprueba que te llegan las llamadas entrantes: se muestra una notificación de llamada de ejemplo con la acción de copiar el número.
settings-notifications-test = Mostrar una notificación de llamada de ejemplo
notification-sent = Notificación de ejemplo mostrada
notification-failed = No se pudo mostrar la notificación: { $reason }
number-copied = Número copiado: { $number }
app-loading = Iniciando…
app-error = Switchboard no puede iniciarse: { $message }
demo-badge = Equipo de demostración
sign-out = Cerrar sesión
signin-title = Inicia sesión en el hub de tu equipo
signin-hint = Tu administrador te da la dirección del hub y tu token de agente.
signin-hub-url = Dirección del hub
signin-token = Token de agente
signin-submit = Iniciar sesión
signin-pending = Iniciando sesión…
signin-error-hub-unreachable = No se puede acceder al hub. Revisa la dirección y tu red. ({ $message })
signin-error-token-refused = El hub rechazó este token. Pide uno nuevo a tu administrador.
signin-error-keyring-unavailable = El token no se puede guardar de forma segura: no está disponible ni el Secret Service ni el llavero del kernel. ({ $message })
signin-error-invalid-input = Revisa la dirección del hub y el token: { $message }
sync-online = En línea
sync-catching-up = Sincronizando… ({ $count ->
        [one] { $count } cambio
       *[other] { $count } cambios
    })
sync-offline = Sin conexión desde las { $since } — reintento a las { $retry }
sync-offline-waiting = Sin conexión desde las { $since }
sync-signed-out = Sesión cerrada
sync-stopped = Sincronización detenida
sync-reason-unreachable = No se puede acceder al hub: { $detail }
sync-reason-hub-error = El hub respondió con un error: { $detail }
sync-reason-local-store = Falló el almacenamiento local: { $detail }
list-sort-time-left = Primero las de menos tiempo restante
list-mine-only = Solo las mías
list-error = No se pueden mostrar las conversaciones: { $message }
search-label = Buscar en las conversaciones
search-placeholder = Buscar clientes y mensajes
search-customers = Clientes
search-messages = Mensajes
search-no-results = Sin resultados
search-indexing = Todavía se están indexando los mensajes antiguos — puede que falten resultados
search-error = No se pudo buscar: { $message }
search-unknown-customer = Cliente desconocido
unread-count = { $count ->
        [one] { $count } mensaje sin leer
       *[other] { $count } mensajes sin leer
    }
preview-outbound = Tú: { $text }
preview-none = Todavía no hay mensajes
time-left = Quedan { $duration }
time-left-under-minute = Queda menos de 1 min
window-closed = Ventana cerrada — solo plantillas
thread-none = Elige una conversación para leerla.
thread-empty = Todavía no hay mensajes en esta conversación.
thread-loading-earlier = Cargando mensajes anteriores…
thread-start = Inicio de la conversación
thread-messages-label = Mensajes de esta conversación
thread-error = No se puede mostrar la conversación: { $message }
message-forwarded = Reenviado — no se compartieron los mensajes anteriores de ese chat
message-status-received = Recibido
message-status-pending = Pendiente
message-status-unconfirmed = Aún sin confirmar
message-status-sent = Enviado
message-status-delivered = Entregado
message-status-read = Leído
message-status-failed = Error
message-frequently-forwarded = Reenviado muchas veces — no se compartieron los mensajes anteriores de ese chat
message-card-redacted = Número de tarjeta oculto, termina en { $last4 }
message-tag-template = Plantilla
message-tag-choice = Opción elegida
message-contacts-hint = Sus datos aún no se muestran aquí: abre WhatsApp en el teléfono para verlos.
message-reaction = Reaccionó con { $emoji }
message-reaction-removed = Quitó una reacción
message-permission-request = Se pidió al cliente permiso para llamar
message-permission-granted = El cliente permite llamadas
message-permission-declined = El cliente rechazó las llamadas
message-call-button = Llamar
message-unsupported = Este tipo de mensaje aún no es compatible: abre WhatsApp en el teléfono para verlo.
call-entry-inbound-ended = Llamada entrante, { $duration }
call-entry-outbound-ended = Llamada saliente, { $duration }
call-entry-inbound-missed = Llamada entrante perdida
call-entry-outbound-missed = Llamada saliente sin respuesta
call-entry-inbound-declined = Llamada entrante rechazada
call-entry-outbound-declined = Llamada saliente rechazada por el cliente
failure-not-delivered = No entregado: { $reason }
failure-what-to-do = Qué hacer: { $action }
failure-no-reason = No se indicó ningún motivo
failure-other-action = Revisa el mensaje y vuelve a enviarlo; si vuelve a fallar, avisa a tu administrador.
failure-window-reason = La ventana de atención al cliente de 24 horas se había cerrado
failure-window-action = Envía una plantilla aprobada; podrás responder libremente en cuanto el cliente escriba.
failure-undeliverable-reason = WhatsApp no pudo entregarlo a este número
failure-undeliverable-action = Revisa el número: puede que el cliente no tenga WhatsApp o que deba actualizarlo.
failure-ecosystem-reason = WhatsApp retuvo este mensaje de marketing para limitar cuántos recibe el cliente
failure-ecosystem-action = No lo reenvíes ahora: inténtalo de nuevo en un día o más, o responde cuando el cliente escriba.
failure-experiment-reason = El número del cliente forma parte de un experimento de WhatsApp que no recibe mensajes de marketing
failure-experiment-action = No hay nada que corregir por tu parte: contacta al cliente por otra vía o espera a que escriba.
failure-marketing-opt-out-reason = El cliente dejó de recibir mensajes de marketing de esta empresa
failure-marketing-opt-out-action = No le envíes más marketing; las respuestas y los mensajes de servicio siguen llegando.
failure-unsupported-reason = WhatsApp no admite este tipo de mensaje
failure-unsupported-action = Envíalo como texto o en otro formato.
failure-media-reason = No se pudo enviar el archivo
failure-media-action = Revisa el tipo y el tamaño del archivo y vuelve a enviarlo.
failure-too-large-reason = El mensaje o su archivo es demasiado grande
failure-too-large-action = Envía un archivo más pequeño o un texto más corto.
failure-rate-reason = Se alcanzó un límite de envío
failure-rate-action = Espera un rato y vuelve a enviarlo.
failure-template-reason = WhatsApp rechazó la plantilla o sus valores
failure-template-action = Revisa los valores o elige otra plantilla aprobada.
failure-account-reason = Este número de empresa no puede enviar mensajes ahora
failure-account-action = Avisa a tu administrador: el canal o su cuenta de WhatsApp Business necesita atención.
failure-temporary-reason = WhatsApp tuvo un problema temporal
failure-temporary-action = Vuelve a enviarlo en un momento.
failure-network-reason = No se pudo acceder al hub
failure-network-action = Revisa tu conexión y vuelve a enviarlo.
failure-unknown-outcome-reason = WhatsApp no confirmó si se envió
failure-unknown-outcome-action = Pregunta al cliente si le llegó antes de reenviarlo, para que no llegue dos veces.
delivery-alert-title = No entregado a { $name }
delivery-alert-dismiss = Cerrar
reply-label = Respuesta
reply-placeholder = Escribe una respuesta… (Ctrl+Intro para enviar)
reply-send = Enviar
reply-error = La respuesta no se puso en cola: { $message }
settings-account-title = Cuenta
settings-hub-url = Hub
settings-agent-name = Sesión iniciada como
settings-token-store = Token guardado en
settings-token-store-none = No guardado
settings-preferences-title = Preferencias
settings-language = Idioma (de la aplicación y sus notificaciones)
settings-language-system = Idioma del sistema ({ $language })
settings-warn-minutes = Avisar antes de que se cierre una ventana (minutos, separados por comas)
settings-warn-minutes-hint = Por ejemplo 60, 15. Déjalo vacío para no avisar nunca.
settings-warn-minutes-invalid = «{ $value }» no es un número entero de minutos
settings-warn-for = Avisar de
settings-warn-for-assigned = Conversaciones asignadas a mí
settings-warn-for-my-queues = Todas las conversaciones de mis colas
settings-new-conversations = Avisarme de nuevas conversaciones en mis colas
settings-new-messages = Avisarme de nuevos mensajes en mis conversaciones
settings-save = Guardar
settings-saved = Ajustes guardados
settings-error = No se guardaron los ajustes: { $message }
settings-load-error = No se pueden cargar los ajustes: { $message }
audio-title = Audio de las llamadas
audio-hint = El micrófono y el altavoz o los auriculares de las llamadas; el tono de llamada suena por el altavoz.
audio-microphone = Micrófono
audio-speaker = Altavoz o auriculares
audio-system-default = Predeterminado del sistema
audio-device-default = { $name } (predeterminado)
audio-device-missing = { $name } (no conectado)
audio-ring-tone = Tono de llamada mientras suena una llamada
audio-test-microphone = Probar mi micrófono
audio-testing = Escuchando: di algo.
audio-meter = Nivel del micrófono
audio-heard = El micrófono funciona: te ha oído.
audio-heard-nothing = No se oyó nada: comprueba que el micrófono no esté silenciado (en los auriculares o en los ajustes de sonido del sistema) y que sea el elegido arriba.
audio-failed = No se puede usar el micrófono o el altavoz: { $message }
audio-devices-error = No se pueden listar los dispositivos de sonido: { $message }
call-direction-inbound = Llamada entrante
call-direction-outbound = Llamada saliente
call-queue-label = Cola
call-loading = Cargando la llamada…
call-error = No se puede mostrar la llamada: { $message }
call-action-error = No funcionó: { $message }
call-audio-unavailable = Respondida aquí — la aplicación no tiene dispositivos de audio para llamadas en este ordenador, así que la llamada no tiene sonido; habla con el cliente devolviéndole la llamada o desde tu teléfono.
call-state-ringing = Sonando
call-state-connecting = Conectando…
call-state-connected = Conectada
call-state-ended = Llamada finalizada
call-state-declined = Llamada rechazada
call-state-missed = Llamada perdida
call-state-failed = La llamada falló
call-incoming-title = Llamada entrante de WhatsApp
call-incoming-body = { $name } · { $number }
    Cola: { $queue } · Canal: { $channel }
call-copy-number = Copiar número
sample-caller-name = Lucía Fernández
sample-queue-name = Soporte
call-incoming-body-unnamed = { $number }
    Cola: { $queue } · Canal: { $channel }
call-answer = Responder
call-decline = Rechazar
call-in-call = En llamada
call-talk-connecting = Conectando el audio…
call-quality-good = Red: buena
call-quality-fair = Red: regular
call-quality-poor = Red: mala
call-quality-detail = { $loss } % del audio perdido · { $jitter } ms de jitter
call-mute = Silenciar
call-muted-note = Tu micrófono está silenciado: el cliente no te oye.
call-hang-up = Colgar
call-audio-failed = No se pudo iniciar el audio de la llamada: { $message }
# The main window's incoming-call banner could not list the calls going on now
call-banner-error = No se pueden mostrar las llamadas entrantes: { $message }
notice-open = Abrir
window-closing-title = La ventana de atención al cliente se va a cerrar
window-closing-body = { $name } · { $minutes ->
        [one] Queda { $minutes } minuto
       *[other] Quedan { $minutes } minutos
    } para responder libremente; después solo se podrán enviar plantillas.
new-conversation-title = Nueva conversación en { $queue }
new-conversation-body = { $name }
new-message-title = Nuevo mensaje de { $name }
new-message-body = { $text }
new-message-no-text = { $kind ->
        [image] Foto
        [audio] Mensaje de audio
        [video] Video
        [document] Documento
        [sticker] Sticker
        [location] Ubicación
        [contacts] Contacto
        [reaction] Reacción
       *[other] Nuevo mensaje
    }
tray-unread = { $count ->
        [0] No hay mensajes sin leer
        [one] { $count } mensaje sin leer
       *[other] { $count } mensajes sin leer
    }

tray-open = Abrir Switchboard
tray-quit = Salir

shortcuts-title = Atajos de teclado
shortcuts-typing-hint = Las teclas sueltas (/, J, K, ?) no hacen nada mientras escribes en un campo.
shortcuts-or = o
shortcuts-close = Cerrar
shortcut-focus-search = Buscar
shortcut-next-conversation = Conversación siguiente
shortcut-previous-conversation = Conversación anterior
shortcut-send-reply = Enviar la respuesta
shortcut-template-picker = Insertar una plantilla
shortcut-answer-call = Responder la llamada (en la ventana de la llamada)
shortcut-decline-call = Rechazar la llamada (en la ventana de la llamada)
shortcut-show-shortcuts = Mostrar los atajos de teclado
key-ctrl = Ctrl
key-shift = Mayús
key-alt = Alt
key-enter = Intro

# The composer and the template picker
composer-closed-since = La ventana de atención al cliente de 24 horas se cerró { $since }: WhatsApp solo permite plantillas aprobadas hasta que el cliente vuelva a escribir.
composer-closed-never = El cliente aún no ha escrito: WhatsApp solo permite plantillas aprobadas hasta que lo haga.
composer-error = No se sabe qué se puede enviar aquí: { $message }
composer-refusal-window-closed = La ventana de atención al cliente de 24 horas está cerrada: solo se pueden enviar plantillas aprobadas.
composer-refusal-channel-disabled = Este canal está desactivado: no se puede enviar nada por él.
composer-refusal-sender-cannot-chat = Este número de empresa no puede enviar mensajes.
composer-refusal-sender-cannot-call = Este número de empresa no puede hacer llamadas.
composer-refusal-no-approved-template = No se puede enviar ninguna plantilla aprobada en esta conversación.
composer-refusal-template-not-approved = Esta plantilla no está aprobada.
composer-refusal-template-by-automation = En esta conversación, las plantillas las envía la automatización.
composer-refusal-refused = Esto no se puede enviar aquí ahora.
reply-counter = { $count } de { $max } caracteres
template-open = Plantillas
template-picker-title = Enviar una plantilla
template-close = Cerrar
template-search = Buscar plantillas
template-search-placeholder = Nombre, texto o etiqueta
template-language = Idioma
template-language-any = Todos los idiomas
template-category = Categoría
template-category-any = Todas las categorías
template-category-marketing = Promocional
template-category-utility = Utilidad
template-category-authentication = Autenticación
template-list = Plantillas aprobadas
template-none = Ninguna plantilla aprobada coincide.
template-error = No se pueden mostrar las plantillas: { $message }
template-back = Volver a la lista
template-params = Valores
template-params-none = Esta plantilla no lleva valores.
template-param = Valor { $position }
template-header-params = Encabezado
template-header-param = Valor del encabezado { $position }
template-button-params = Direcciones web
template-button-param = { $button }: final de la dirección web
template-preview = Tal como lo verá el cliente
template-preview-error = No se puede mostrar la vista previa: { $message }
template-send = Enviar plantilla
template-send-error = La plantilla no se puso en cola: { $message }
template-problem-not-approved = La plantilla no está aprobada.
template-problem-wrong-format = Este valor no tiene el formato esperado.
template-problem-missing = Aquí falta un valor.
template-problem-unexpected = La plantilla no tiene ese valor.
template-problem-empty = El valor está vacío.
template-problem-too-long = El valor es demasiado largo.
template-problem-newline-or-tab = No se permiten saltos de línea ni tabulaciones.
template-problem-too-many-spaces = No más de cuatro espacios seguidos.
template-problem-invalid-url-suffix = No es un final válido para la dirección web.
template-header-media = { $kind ->
        [image] Imagen
        [video] Video
        [document] Documento
        [location] Ubicación
       *[other] Multimedia
    }
template-buttons = Botones
template-button-kind = { $kind ->
        [quick_reply] Botón de respuesta rápida
        [url] Botón de enlace
        [phone_number] Botón de llamada
        [copy_code] Botón «Copiar código»
        [otp] Botón de código de un solo uso
        [flow] Botón de formulario
        [voice_call] Botón de llamada de WhatsApp
       *[other] Botón
    }

# Adjuntos y mensajes con botón de llamada en el cuadro de respuesta
attach-open = Adjuntar archivo
attach-drop = Suelta el archivo aquí para adjuntarlo
attachment-title = Archivo para enviar
attachment-caption = Pie de foto (opcional)
attachment-remove = Quitar
attachment-send = Enviar archivo
attachment-sending = Enviando…
attachment-error = El archivo no se envió: { $message }
call-button-open = Botón de llamada
call-button-title = Mensaje con botón de llamada
call-button-text = Mensaje
call-button-label = Texto del botón
call-button-default-label = Texto predeterminado
call-button-preview = Vista previa
call-button-cancel = Cancelar
call-button-send = Enviar
call-button-sending = Enviando…
call-button-error = El mensaje no se puso en cola: { $message }

# El panel de permiso de llamada
permission-title = Permiso para llamar
permission-state-label = Estado
permission-state-none = No solicitado
permission-state-requested = Solicitado, esperando la respuesta del cliente
permission-state-granted = Concedido
permission-state-denied = Rechazado por el cliente
permission-state-expired = Caducado
permission-state-revoked = Retirado por el cliente
permission-requests-left-label = Solicitudes restantes
permission-requests-left = En 24 horas: { $day } · en 7 días: { $week }
permission-next-label = Próxima solicitud
permission-next-now = Posible ahora
permission-calls-left-label = Llamadas restantes hoy
permission-unanswered-label = Sin respuesta seguidas
permission-expires-label = Caduca
permission-expires-none = Sin caducidad
permission-request = Solicitar permiso para llamar
permission-requesting = Solicitando…
permission-reason-granted = El cliente ya permite las llamadas.
permission-reason-wait = La próxima solicitud será posible { $relative } ({ $time }).
permission-reason-none-left = No quedan solicitudes: la próxima será posible { $relative } ({ $time }).
permission-reason-none-left-unknown = Por ahora no quedan solicitudes.
permission-reason-pending = Ya hay una solicitud esperando la respuesta del cliente.
permission-reason-refused = Por ahora no es posible enviar una solicitud.
permission-error = La solicitud no se envió: { $message }
permission-call = Llamar al cliente
permission-calling = Llamando…
permission-call-reason-not-granted = El cliente no ha permitido las llamadas.
permission-call-reason-expired = El permiso del cliente venció { $relative } ({ $time }).
permission-call-reason-none-left = No quedan llamadas para hoy.
permission-call-reason-none-left-until = No quedan llamadas: la próxima será posible { $relative } ({ $time }).
permission-call-error = La llamada no salió: { $message }

# La administración (solo administradores): canales, colas, rutas, agentes, webhooks rechazados
nav-admin = Administración
admin-title = Administración del hub
admin-sections = Secciones de administración
admin-tab-channels = Canales
admin-tab-queues = Colas
admin-tab-routes = Rutas
admin-tab-agents = Agentes
admin-tab-rejects = Webhooks rechazados
admin-loading = Cargando…
admin-load-error = No se pudo cargar la configuración del hub: { $message }
admin-retry = Reintentar
admin-cancel = Cancelar
admin-error = No se hizo: { $message }
admin-unknown = Desconocido ({ $id })
admin-warnings-title = Avisos de configuración
admin-channels-none = Todavía no hay canales.
admin-channel-status = Estado
admin-channel-status-unverified-trial = Sin verificar (prueba)
admin-channel-status-failed = Con error
admin-channel-status-connected = Conectado
admin-channel-status-rejected = Rechazado
admin-channel-state = En uso
admin-channel-enabled = Activado
admin-channel-disabled = Desactivado
admin-channel-limit = Límite de clientes
admin-channel-limit-none = Ilimitado
admin-channel-icon = Icono
admin-channel-icon-set = Definido
admin-channel-icon-none = Ninguno
admin-channel-phone-id = ID del número de teléfono
admin-channel-waba = Cuenta de WhatsApp Business
admin-channel-disable = Desactivar canal
admin-channel-enable = Activar canal
admin-channel-kept = Un canal desactivado conserva sus conversaciones, mensajes y ajustes; al activarlo de nuevo, continúa.
admin-channel-redact = Ocultar números de tarjeta
admin-channel-redact-hint = Los números de tarjeta de los mensajes entrantes se ocultan antes de guardarse.
admin-channel-icon-upload = Nuevo icono (JPG o PNG)
admin-channel-icon-uploading = Subiendo…
admin-channel-icon-done = Se guardó el icono.
admin-queues-none = Todavía no hay colas.
admin-queue-wait = Estrategia de espera
admin-wait-none = Ninguna
admin-wait-hold-music = Música de espera
admin-wait-message = Mensaje de voz
admin-queue-add-title = Añadir una cola
admin-queue-name = Nombre
admin-queue-add = Añadir cola
admin-routes-order = Las rutas se prueban por orden de posición; la primera que coincide elige la cola.
admin-routes-none = Todavía no hay rutas.
admin-route-position = Posición
admin-route-channel = Canal
admin-route-type = Tipo
admin-route-queue = Cola
admin-route-actions = Acciones
admin-route-any-channel = Cualquier canal
admin-route-any-type = Mensajes y llamadas
admin-route-type-message = Mensajes
admin-route-type-call = Llamadas
admin-route-remove = Quitar
admin-route-remove-confirm = ¿Quitar la ruta { $position }? Las conversaciones que ya encaminó conservan su cola.
admin-route-remove-yes = Quitar ruta
admin-route-add-title = Añadir una ruta
admin-route-position-hint = Déjelo vacío para poner la ruta después de la última.
admin-route-position-invalid = «{ $value }» no es una posición: escriba un número entero o déjelo vacío.
admin-route-choose-queue = Elija una cola
admin-route-add = Añadir ruta
admin-agents-none = Todavía no hay agentes.
admin-agent-name = Nombre
admin-agent-role = Rol
admin-role-agent = Agente
admin-role-admin = Administrador
admin-agent-queues = Colas
admin-agent-no-queues = Ninguna cola
admin-agent-token = Token de acceso
admin-agent-token-issued = Emitido { $time }
admin-agent-token-revoked = Revocado: ningún token suyo funciona hasta que se emita uno nuevo
admin-agent-admin = Administrador (gestiona canales, colas, rutas y agentes)
admin-agent-edit = Editar
admin-agent-edit-title = Editar a { $name }
admin-agent-save = Guardar
admin-agent-rotate = Nuevo token
admin-agent-rotate-confirm = ¿Emitir un nuevo token para { $name }? Su token actual deja de funcionar al instante.
admin-agent-rotate-yes = Emitir nuevo token
admin-agent-revoke = Revocar token
admin-agent-revoke-confirm = ¿Revocar el token de { $name }? No podrá iniciar sesión hasta que se emita un token nuevo.
admin-agent-revoke-yes = Revocar
admin-agent-add-title = Añadir un agente
admin-agent-add = Añadir agente
admin-token-title = Token de { $name }
admin-token-once = Este token se muestra una sola vez. Cópielo ahora y entrégueselo a { $name } de forma segura: no se podrá volver a mostrar.
admin-token-copy = Copiar token
admin-token-copied = Copiado al portapapeles.
admin-token-done = Listo, ocultar el token
admin-rejects-intro = Elementos de webhook que el hub no pudo leer, del más reciente al más antiguo. Los números de tarjeta están ocultos salvo que el canal haya desactivado esa opción.
admin-rejects-refresh = Actualizar
admin-rejects-error = No se pudieron cargar los webhooks rechazados: { $message }
admin-rejects-none = El hub no ha rechazado ningún elemento de webhook.
admin-reject-received = Recibido
admin-reject-source = Campo del webhook · lista
admin-reject-number = ID del número de empresa
admin-reject-number-none = No indicado
admin-reject-error = Motivo
admin-reject-raw = Tal como llegó
admin-rejects-more = Rechazos anteriores
admin-rejects-end = No hay rechazos anteriores.
# The thread: one of the agent's messages that failed, sent again or given up
message-failed-actions = Qué hacer con este mensaje
message-retry = Reintentar
message-discard = Descartar
message-discard-confirm = ¿Descartar este mensaje? No se enviará y saldrá de la conversación.
message-discard-keep = Conservarlo
# $message: why the app refused, as the core words it
message-retry-error = No se volvió a enviar: { $message }
message-discard-error = No se descartó: { $message }
# The thread: a message's file, fetched from the hub
media-load-video = Cargar el vídeo
media-load-document = Obtener el archivo
media-loading = Cargando el archivo…
media-save = Guardar
media-error-offline = No se puede cargar el archivo: no se puede acceder al hub.
media-error-not-found = Este archivo ya no está disponible.
# $message: why the file could not be fetched, as the core words it
media-error = No se puede cargar el archivo: { $message }
# The thread: replies, reactions and shared places
reply-quote-customer = Cliente
reply-quote-agent = Agente
reply-quote-missing = Respuesta a un mensaje anterior
reactions-label = Reacciones
# $emoji: the reaction, shown as it is
reaction-by-customer = El cliente reaccionó con { $emoji }
reaction-by-agent = Un agente reaccionó con { $emoji }
location-copy = Copiar coordenadas
location-copied = Coordenadas copiadas.
# $message: why the app refused, as the core words it
location-copy-error = No se copiaron las coordenadas: { $message }
# Detalles de la conversación (su clasificación) y su registro de eventos
details-region = Detalles de la conversación
details-toggle = Detalles
details-summary-unassigned = Sin asignar
details-summary-assigned = Asignada a { $name }
details-assignee = Asignada a
details-assignee-none = Nadie (sin asignar)
details-assignee-me = { $name } (yo)
details-assignee-unknown = Agente desconocido
details-assign-me = Asignármela
details-status = Estado
details-priority = Prioridad
details-queue = Cola
details-queue-none = Sin cola
details-queue-unknown = Cola desconocida
details-tags = Etiquetas
details-error = El cambio no se guardó: { $message }
details-team-error = No se puede mostrar el equipo: { $message }
conversation-status-open = Abierta
conversation-status-pending = En espera
conversation-status-solved = Resuelta
conversation-status-closed = Cerrada
conversation-priority-low = Baja
conversation-priority-normal = Media
conversation-priority-high = Alta
conversation-priority-urgent = Urgente
tags-none = Sin etiquetas
# $tag: la etiqueta, tal como se escribió
tag-remove = Quitar la etiqueta { $tag }
tag-new = Nueva etiqueta
tag-add = Añadir
event-log-title = Registro de eventos
event-log-empty = Todavía no hay eventos.
event-log-error = No se puede mostrar el registro de eventos: { $message }
event-kind-delivery-failed = Entrega fallida
event-kind-delivery-unconfirmed = Entrega sin confirmar
event-kind-assigned = Asignada
event-kind-queue-changed = Cola cambiada
event-kind-status-changed = Estado cambiado
event-kind-call-permission-requested = Permiso para llamar solicitado
event-kind-call-permission-granted = Permiso para llamar concedido
event-kind-call-permission-denied = Permiso para llamar rechazado
event-kind-call-permission-revoked = Permiso para llamar retirado
event-kind-call-missed = Llamada perdida
event-kind-call-ended = Llamada terminada
event-kind-channel-disabled = Número desactivado
# Iniciar una conversación nueva con un cliente
newconv-title = Nueva conversación
newconv-channel = Enviar desde
# $number: uno de los números de WhatsApp del equipo
newconv-channel-disabled = { $number } (desactivado)
newconv-no-channel = No hay ningún número desde el que iniciar una conversación.
newconv-phone = Número de teléfono del cliente
newconv-phone-hint = Con el prefijo del país, p. ej. +34 612 34 56 78
newconv-checking = Comprobando el número…
# $number: el número como lo escribe WhatsApp (E.164)
newconv-phone-ok = Número de WhatsApp: { $number }
newconv-phone-empty = Escribe el número del cliente.
newconv-phone-not-a-number = Esto no es un número de teléfono.
newconv-phone-invalid = Este número no es válido: revisa el prefijo del país y los dígitos.
newconv-check-error = No se puede comprobar el número: { $message }
newconv-existing = Este cliente ya tiene una conversación — abrirla
newconv-permission-pending = Una solicitud de permiso para llamar a este cliente sigue sin respuesta.
newconv-name = Nombre del cliente (opcional)
newconv-type = Empezar con
newconv-type-message = Un mensaje
newconv-type-call = Una llamada
newconv-call-hint = Para una llamada, primero se pide permiso al cliente: solo se ofrecen las plantillas que lo piden.
newconv-template = Plantilla
newconv-template-none-call = Ninguna plantilla aprobada pide permiso para llamar.
newconv-tags = Etiquetas
newconv-priority = Prioridad
newconv-status = Estado
newconv-queue = Cola
newconv-default = Predeterminado
newconv-summary = Resumen
newconv-summary-from = Desde
newconv-summary-to = Para
newconv-summary-unset = Sin elegir todavía
newconv-missing-channel = Elige el número desde el que enviar.
newconv-missing-phone = Escribe el número de WhatsApp del cliente.
newconv-missing-existing = Este cliente ya tiene una conversación: ábrela en su lugar.
newconv-missing-template = Elige una plantilla.
newconv-missing-values = Completa los valores de la plantilla.
newconv-start = Iniciar conversación
newconv-starting = Iniciando…
newconv-cancel = Cancelar
newconv-error = La conversación no se inició: { $message }
newconv-started = La conversación se inició.
newconv-exists = Este cliente ya tiene una conversación.
newconv-warnings = Ten en cuenta
newconv-open-existing = Abrir la conversación
newconv-close = Cerrar
