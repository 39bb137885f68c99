# Rótulos do Switchboard — português do Brasil
app-name = Switchboard
app-tagline = Mensagens e chamadas do WhatsApp para a sua equipe de suporte
language-label = Idioma
nav-conversations = Conversas
nav-calls = Chamadas
nav-templates = Modelos
nav-settings = Configurações
hub-disconnected = Sem conexão com um hub
conversations-empty = Nenhuma conversa ainda
conversations-empty-hint = As novas conversas do WhatsApp das suas filas aparecem aqui.
settings-title = Configurações
settings-notifications-title = Notificações de chamadas
settings-notifications-hint = Verifique se as chamadas recebidas chegam até você: isto mostra uma notificação de chamada de exemplo com a ação de copiar o número.
settings-notifications-test = Mostrar uma notificação de chamada de exemplo
notification-sent = Notificação de exemplo exibida
notification-failed = Não foi possível mostrar a notificação: { $reason }
number-copied = Número copiado: { $number }
app-loading = Iniciando…
app-error = O Switchboard não consegue iniciar: { $message }
demo-badge = Equipe de demonstração
sign-out = Sair
signin-title = Entre no hub da sua equipe
signin-hint = O endereço do hub e o seu token de agente são fornecidos pelo seu administrador.
signin-hub-url = Endereço do hub
signin-token = Token de agente
signin-submit = Entrar
signin-pending = Entrando…
signin-error-hub-unreachable = Não foi possível acessar o hub. Verifique o endereço e a sua rede. ({ $message })
signin-error-token-refused = O hub recusou este token. Peça um novo ao seu administrador.
signin-error-keyring-unavailable = O token não pode ser guardado com segurança: nem o Secret Service nem o chaveiro do kernel estão disponíveis. ({ $message })
signin-error-invalid-input = Verifique o endereço do hub e o token: { $message }
sync-online = On-line
sync-catching-up = Sincronizando… ({ $count ->
        [one] { $count } alteração
       *[other] { $count } alterações
    })
sync-offline = Off-line desde { $since } — nova tentativa às { $retry }
sync-offline-waiting = Off-line desde { $since }
sync-signed-out = Sessão encerrada
sync-stopped = Sincronização interrompida
sync-reason-unreachable = Não foi possível acessar o hub: { $detail }
sync-reason-hub-error = O hub respondeu com um erro: { $detail }
sync-reason-local-store = O armazenamento local falhou: { $detail }
list-sort-time-left = Menos tempo restante primeiro
list-mine-only = Só as minhas
list-error = Não é possível mostrar as conversas: { $message }
search-label = Pesquisar conversas
search-placeholder = Pesquisar clientes e mensagens
search-customers = Clientes
search-messages = Mensagens
search-no-results = Nenhum resultado
search-indexing = Ainda indexando as mensagens mais antigas — os resultados podem estar incompletos
search-error = A pesquisa falhou: { $message }
search-unknown-customer = Cliente desconhecido
unread-count = { $count ->
        [one] { $count } mensagem não lida
       *[other] { $count } mensagens não lidas
    }
preview-outbound = Você: { $text }
preview-none = Nenhuma mensagem ainda
time-left = Restam { $duration }
time-left-under-minute = Resta menos de 1 min
window-closed = Janela encerrada — só modelos
thread-none = Escolha uma conversa para lê-la.
thread-empty = Ainda não há mensagens nesta conversa.
thread-loading-earlier = Carregando mensagens anteriores…
thread-start = Início da conversa
thread-messages-label = Mensagens desta conversa
thread-error = Não é possível mostrar a conversa: { $message }
message-forwarded = Encaminhada — as mensagens anteriores daquela conversa não foram compartilhadas
message-status-received = Recebida
message-status-pending = Pendente
message-status-unconfirmed = Ainda não confirmada
message-status-sent = Enviada
message-status-delivered = Entregue
message-status-read = Lida
message-status-failed = Falhou
message-frequently-forwarded = Encaminhada com frequência — as mensagens anteriores daquela conversa não foram compartilhadas
message-card-redacted = Número do cartão ocultado, terminando em { $last4 }
message-tag-template = Modelo
message-tag-choice = Opção escolhida
message-contacts-hint = Os detalhes ainda não aparecem aqui: abra o WhatsApp no celular para vê-los.
message-reaction = Reagiu com { $emoji }
message-reaction-removed = Removeu uma reação
message-permission-request = Permissão para ligar pedida ao cliente
message-permission-granted = O cliente permitiu ligações
message-permission-declined = O cliente recusou ligações
message-call-button = Ligar
message-unsupported = Este tipo de mensagem ainda não é suportado: abra o WhatsApp no celular para vê-la.
call-entry-inbound-ended = Chamada recebida, { $duration }
call-entry-outbound-ended = Chamada efetuada, { $duration }
call-entry-inbound-missed = Chamada recebida perdida
call-entry-outbound-missed = Chamada efetuada, não atendida
call-entry-inbound-declined = Chamada recebida, recusada
call-entry-outbound-declined = Chamada efetuada, recusada pelo cliente
failure-not-delivered = Não entregue: { $reason }
failure-what-to-do = O que fazer: { $action }
failure-no-reason = Nenhum motivo foi informado
failure-other-action = Verifique a mensagem e envie de novo; se falhar outra vez, avise o seu administrador.
failure-window-reason = A janela de atendimento de 24 horas tinha fechado
failure-window-action = Envie um modelo aprovado; respostas livres voltam a ser possíveis quando o cliente escrever.
failure-undeliverable-reason = O WhatsApp não conseguiu entregá-la a este número
failure-undeliverable-action = Verifique o número: o cliente pode não ter WhatsApp ou precisar atualizar o aplicativo.
failure-ecosystem-reason = O WhatsApp reteve esta mensagem de marketing para limitar quantas o cliente recebe
failure-ecosystem-action = Não reenvie agora: tente de novo daqui a um dia ou mais, ou responda quando o cliente escrever.
failure-experiment-reason = O número do cliente faz parte de um experimento do WhatsApp que não recebe mensagens de marketing
failure-experiment-action = Não há nada a corrigir do seu lado: fale com o cliente por outro meio ou espere ele escrever.
failure-marketing-opt-out-reason = O cliente parou de receber mensagens de marketing desta empresa
failure-marketing-opt-out-action = Não envie mais marketing para ele; respostas e mensagens de serviço continuam chegando.
failure-unsupported-reason = O WhatsApp não aceita este tipo de mensagem
failure-unsupported-action = Envie como texto ou em outro formato.
failure-media-reason = O arquivo não pôde ser enviado
failure-media-action = Verifique o tipo e o tamanho do arquivo e envie de novo.
failure-too-large-reason = A mensagem ou o arquivo é grande demais
failure-too-large-action = Envie um arquivo menor ou um texto mais curto.
failure-rate-reason = Um limite de envio foi atingido
failure-rate-action = Aguarde um pouco e envie de novo.
failure-template-reason = O WhatsApp recusou o modelo ou os valores dele
failure-template-action = Verifique os valores ou escolha outro modelo aprovado.
failure-account-reason = Este número comercial não pode enviar mensagens agora
failure-account-action = Avise o seu administrador: o canal ou a conta do WhatsApp Business precisa de atenção.
failure-temporary-reason = O WhatsApp teve um problema temporário
failure-temporary-action = Envie de novo daqui a pouco.
failure-network-reason = Não foi possível acessar o hub
failure-network-action = Verifique a sua conexão e envie de novo.
failure-unknown-outcome-reason = O WhatsApp não confirmou se ela foi enviada
failure-unknown-outcome-action = Pergunte ao cliente se ela chegou antes de reenviar, para que não chegue duas vezes.
delivery-alert-title = Não entregue a { $name }
delivery-alert-dismiss = Dispensar
reply-label = Resposta
reply-placeholder = Escreva uma resposta… (Ctrl+Enter envia)
reply-send = Enviar
reply-error = A resposta não entrou na fila: { $message }
settings-account-title = Conta
settings-hub-url = Hub
settings-agent-name = Conectado como
settings-token-store = Token guardado em
settings-token-store-none = Não guardado
settings-preferences-title = Preferências
settings-language = Idioma (do aplicativo e das notificações)
settings-language-system = Idioma do sistema ({ $language })
settings-warn-minutes = Avisar antes de uma janela se encerrar (minutos, separados por vírgula)
settings-warn-minutes-hint = Por exemplo 60, 15. Deixe em branco para nunca avisar.
settings-warn-minutes-invalid = “{ $value }” não é um número inteiro de minutos
settings-warn-for = Avisar sobre
settings-warn-for-assigned = Conversas atribuídas a mim
settings-warn-for-my-queues = Todas as conversas das minhas filas
settings-new-conversations = Notificar novas conversas nas minhas filas
settings-new-messages = Notificar novas mensagens nas minhas conversas
settings-save = Salvar
settings-saved = Configurações salvas
settings-error = As configurações não foram salvas: { $message }
settings-load-error = Não é possível carregar as configurações: { $message }
call-direction-inbound = Chamada recebida
call-direction-outbound = Chamada efetuada
call-queue-label = Fila
call-loading = Carregando a chamada…
call-error = Não é possível mostrar a chamada: { $message }
call-action-error = Não deu certo: { $message }
call-audio-unavailable = Atendida aqui — o áudio nos dois sentidos ainda não está disponível nesta versão; fale com o cliente retornando a ligação ou pelo seu telefone.
call-state-ringing = Tocando
call-state-connecting = Conectando…
call-state-connected = Conectada
call-state-ended = Chamada encerrada
call-state-declined = Chamada recusada
call-state-missed = Chamada perdida
call-state-failed = A chamada falhou
call-incoming-title = Chamada recebida do WhatsApp
call-incoming-body = { $name } · { $number }
    Fila: { $queue } · Canal: { $channel }
call-copy-number = Copiar número
sample-caller-name = Ana Souza
sample-queue-name = Suporte
call-incoming-body-unnamed = { $number }
    Fila: { $queue } · Canal: { $channel }
call-answer = Atender
call-decline = Recusar
notice-open = Abrir
window-closing-title = A janela de atendimento ao cliente vai se encerrar
window-closing-body = { $name } · { $minutes ->
        [one] Resta { $minutes } minuto
       *[other] Restam { $minutes } minutos
    } para responder livremente; depois disso, só modelos poderão ser enviados.
new-conversation-title = Nova conversa em { $queue }
new-conversation-body = { $name }
new-message-title = Nova mensagem de { $name }
new-message-body = { $text }
new-message-no-text = { $kind ->
        [image] Foto
        [audio] Mensagem de áudio
        [video] Vídeo
        [document] Documento
        [sticker] Figurinha
        [location] Localização
        [contacts] Contato
        [reaction] Reação
       *[other] Nova mensagem
    }
tray-unread = { $count ->
        [0] Nenhuma mensagem não lida
        [one] { $count } mensagem não lida
       *[other] { $count } mensagens não lidas
    }

tray-open = Abrir o Switchboard
tray-quit = Sair

shortcuts-title = Atalhos de teclado
shortcuts-typing-hint = Teclas sozinhas (/, J, K, ?) não fazem nada enquanto você digita em um campo.
shortcuts-or = ou
shortcuts-close = Fechar
shortcut-focus-search = Pesquisar
shortcut-next-conversation = Próxima conversa
shortcut-previous-conversation = Conversa anterior
shortcut-send-reply = Enviar a resposta
shortcut-template-picker = Inserir um modelo
shortcut-answer-call = Atender a chamada (na janela da chamada)
shortcut-decline-call = Recusar a chamada (na janela da chamada)
shortcut-show-shortcuts = Mostrar os atalhos de teclado
key-ctrl = Ctrl
key-shift = Shift
key-alt = Alt
key-enter = Enter

# The composer and the template picker
composer-closed-since = A janela de atendimento de 24 horas fechou { $since }: o WhatsApp só permite modelos aprovados até o cliente escrever de novo.
composer-closed-never = O cliente ainda não escreveu: o WhatsApp só permite modelos aprovados até que ele escreva.
composer-error = Não se sabe o que pode ser enviado aqui: { $message }
composer-refusal-window-closed = A janela de atendimento de 24 horas está fechada: só modelos aprovados podem ser enviados.
composer-refusal-channel-disabled = Este canal está desativado: nada pode ser enviado por ele.
composer-refusal-sender-cannot-chat = Este número comercial não pode enviar mensagens.
composer-refusal-sender-cannot-call = Este número comercial não pode fazer chamadas.
composer-refusal-no-approved-template = Nenhum modelo aprovado pode ser enviado nesta conversa.
composer-refusal-template-not-approved = Este modelo não está aprovado.
composer-refusal-template-by-automation = Nesta conversa, os modelos são enviados pela automação.
composer-refusal-refused = Isto não pode ser enviado aqui agora.
reply-counter = { $count } de { $max } caracteres
template-open = Modelos
template-picker-title = Enviar um modelo
template-close = Fechar
template-search = Buscar modelos
template-search-placeholder = Nome, texto ou etiqueta
template-language = Idioma
template-language-any = Todos os idiomas
template-category = Categoria
template-category-any = Todas as categorias
template-category-marketing = Promocional
template-category-utility = Utilidade
template-category-authentication = Autenticação
template-list = Modelos aprovados
template-none = Nenhum modelo aprovado corresponde.
template-error = Não é possível mostrar os modelos: { $message }
template-back = Voltar à lista
template-params = Valores
template-params-none = Este modelo não tem valores.
template-param = Valor { $position }
template-preview = Como o cliente vai ver
template-preview-error = Não é possível mostrar a prévia: { $message }
template-send = Enviar modelo
template-send-error = O modelo não foi colocado na fila: { $message }
template-problem-not-approved = O modelo não está aprovado.
template-problem-wrong-format = Este valor não está no formato esperado.
template-problem-missing = Falta um valor aqui.
template-problem-unexpected = O modelo não tem esse valor.
template-problem-empty = O valor está vazio.
template-problem-too-long = O valor é longo demais.
template-problem-newline-or-tab = Sem quebras de linha nem tabulações.
template-problem-too-many-spaces = No máximo quatro espaços seguidos.
template-problem-invalid-url-suffix = Não é um final válido para o endereço web.

# O painel de permissão de ligação
permission-title = Permissão para ligar
permission-state-label = Estado
permission-state-none = Não solicitada
permission-state-requested = Solicitada, aguardando a resposta do cliente
permission-state-granted = Concedida
permission-state-denied = Recusada pelo cliente
permission-state-expired = Expirada
permission-state-revoked = Retirada pelo cliente
permission-requests-left-label = Solicitações restantes
permission-requests-left = Em 24 horas: { $day } · em 7 dias: { $week }
permission-next-label = Próxima solicitação
permission-next-now = Possível agora
permission-calls-left-label = Ligações restantes hoje
permission-unanswered-label = Sem resposta seguidas
permission-expires-label = Expira
permission-expires-none = Sem expiração
permission-request = Solicitar permissão para ligar
permission-requesting = Solicitando…
permission-reason-granted = O cliente já permite ligações.
permission-reason-wait = A próxima solicitação será possível { $relative } ({ $time }).
permission-reason-none-left = Não restam solicitações: a próxima será possível { $relative } ({ $time }).
permission-reason-none-left-unknown = Não restam solicitações por enquanto.
permission-error = A solicitação não foi enviada: { $message }
# The thread: one of the agent's messages that failed, sent again or given up
message-failed-actions = O que fazer com esta mensagem
message-retry = Tentar novamente
message-discard = Descartar
message-discard-confirm = Descartar esta mensagem? Ela não será enviada e sairá da conversa.
message-discard-keep = Manter
# $message: why the app refused, as the core words it
message-retry-error = Ela não foi reenviada: { $message }
message-discard-error = Ela não foi descartada: { $message }
