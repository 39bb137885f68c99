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
audio-title = Áudio das chamadas
audio-hint = O microfone e o alto-falante ou fone de ouvido das chamadas; o toque sai pelo alto-falante.
audio-microphone = Microfone
audio-speaker = Alto-falante ou fone de ouvido
audio-system-default = Padrão do sistema
audio-device-default = { $name } (padrão)
audio-device-missing = { $name } (desconectado)
audio-ring-tone = Toque enquanto uma chamada está tocando
audio-test-microphone = Testar meu microfone
audio-testing = Ouvindo: diga alguma coisa.
audio-meter = Nível do microfone
audio-heard = O microfone funciona: ele ouviu você.
audio-heard-nothing = Nada foi ouvido: verifique se o microfone não está silenciado (no fone ou nas configurações de som do sistema) e se é o escolhido acima.
audio-failed = Não é possível usar o microfone ou o alto-falante: { $message }
audio-devices-error = Não é possível listar os dispositivos de som: { $message }
call-direction-inbound = Chamada recebida
call-direction-outbound = Chamada efetuada
call-queue-label = Fila
call-loading = Carregando a chamada…
call-error = Não é possível mostrar a chamada: { $message }
call-action-error = Não deu certo: { $message }
call-audio-unavailable = Atendida aqui — o app não tem dispositivos de áudio para chamadas neste computador, então a chamada está sem som; fale com o cliente retornando a ligação ou pelo seu telefone.
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
call-in-call = Em chamada
call-talk-connecting = Conectando o áudio…
call-quality-good = Rede: boa
call-quality-fair = Rede: razoável
call-quality-poor = Rede: ruim
call-quality-detail = { $loss } % do áudio perdido · { $jitter } ms de jitter
call-mute = Silenciar
call-muted-note = Seu microfone está silenciado: o cliente não ouve você.
call-hang-up = Desligar
call-audio-failed = Não foi possível iniciar o áudio da chamada: { $message }
# The main window's incoming-call banner could not list the calls going on now
call-banner-error = Não é possível mostrar as chamadas recebidas: { $message }
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
template-header-params = Cabeçalho
template-header-param = Valor do cabeçalho { $position }
template-button-params = Endereços web
template-button-param = { $button }: final do endereço web
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
template-header-media = { $kind ->
        [image] Imagem
        [video] Vídeo
        [document] Documento
        [location] Localização
       *[other] Mídia
    }
template-buttons = Botões
template-button-kind = { $kind ->
        [quick_reply] Botão de resposta rápida
        [url] Botão de link
        [phone_number] Botão de ligação
        [copy_code] Botão “Copiar código”
        [otp] Botão de código de uso único
        [flow] Botão de formulário
        [voice_call] Botão de chamada do WhatsApp
       *[other] Botão
    }

# Anexos e mensagens com botão de chamada no campo de resposta
attach-open = Anexar arquivo
attach-drop = Solte o arquivo aqui para anexá-lo
attachment-title = Arquivo a enviar
attachment-caption = Legenda (opcional)
attachment-remove = Remover
attachment-send = Enviar arquivo
attachment-sending = Enviando…
attachment-error = O arquivo não foi enviado: { $message }
call-button-open = Botão de chamada
call-button-title = Mensagem com botão de chamada
call-button-text = Mensagem
call-button-label = Texto do botão
call-button-default-label = Texto padrão
call-button-preview = Prévia
call-button-cancel = Cancelar
call-button-send = Enviar
call-button-sending = Enviando…
call-button-error = A mensagem não entrou na fila: { $message }

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
permission-reason-pending = Já há uma solicitação aguardando a resposta do cliente.
permission-reason-refused = Nenhuma solicitação é possível no momento.
permission-error = A solicitação não foi enviada: { $message }
permission-call = Ligar para o cliente
permission-calling = Ligando…
permission-call-reason-not-granted = O cliente não permitiu ligações.
permission-call-reason-expired = A permissão do cliente expirou { $relative } ({ $time }).
permission-call-reason-none-left = Não resta nenhuma ligação para hoje.
permission-call-reason-none-left-until = Não restam ligações: a próxima será possível { $relative } ({ $time }).
permission-call-error = A ligação não foi feita: { $message }

# A administração (só administradores): canais, filas, rotas, agentes, webhooks rejeitados
nav-admin = Administração
admin-title = Administração do hub
admin-sections = Seções de administração
admin-tab-channels = Canais
admin-tab-queues = Filas
admin-tab-routes = Rotas
admin-tab-agents = Agentes
admin-tab-rejects = Webhooks rejeitados
admin-loading = Carregando…
admin-load-error = Não foi possível carregar a configuração do hub: { $message }
admin-retry = Tentar de novo
admin-cancel = Cancelar
admin-error = Não foi feito: { $message }
admin-unknown = Desconhecido ({ $id })
admin-warnings-title = Avisos de configuração
admin-channels-none = Ainda não há canais.
admin-channel-status = Situação
admin-channel-status-unverified-trial = Não verificado (teste)
admin-channel-status-failed = Com falha
admin-channel-status-connected = Conectado
admin-channel-status-rejected = Rejeitado
admin-channel-state = Em uso
admin-channel-enabled = Ativado
admin-channel-disabled = Desativado
admin-channel-limit = Limite de clientes
admin-channel-limit-none = Ilimitado
admin-channel-icon = Ícone
admin-channel-icon-set = Definido
admin-channel-icon-none = Nenhum
admin-channel-phone-id = ID do número de telefone
admin-channel-waba = Conta do WhatsApp Business
admin-channel-disable = Desativar canal
admin-channel-enable = Ativar canal
admin-channel-kept = Um canal desativado mantém suas conversas, mensagens e configurações; ativado de novo, ele continua.
admin-channel-redact = Ocultar números de cartão
admin-channel-redact-hint = Os números de cartão nas mensagens recebidas são mascarados antes de serem guardados.
admin-channel-icon-upload = Novo ícone (JPG ou PNG)
admin-channel-icon-uploading = Enviando…
admin-channel-icon-done = O ícone foi salvo.
admin-queues-none = Ainda não há filas.
admin-queue-wait = Estratégia de espera
admin-wait-none = Nenhuma
admin-wait-hold-music = Música de espera
admin-wait-message = Mensagem de voz
admin-queue-add-title = Adicionar uma fila
admin-queue-name = Nome
admin-queue-add = Adicionar fila
admin-routes-order = As rotas são testadas na ordem da posição; a primeira que corresponde escolhe a fila.
admin-routes-none = Ainda não há rotas.
admin-route-position = Posição
admin-route-channel = Canal
admin-route-type = Tipo
admin-route-queue = Fila
admin-route-actions = Ações
admin-route-any-channel = Qualquer canal
admin-route-any-type = Mensagens e chamadas
admin-route-type-message = Mensagens
admin-route-type-call = Chamadas
admin-route-remove = Remover
admin-route-remove-confirm = Remover a rota { $position }? As conversas que ela já encaminhou mantêm sua fila.
admin-route-remove-yes = Remover rota
admin-route-add-title = Adicionar uma rota
admin-route-position-hint = Deixe vazio para colocar a rota depois da última.
admin-route-position-invalid = “{ $value }” não é uma posição: digite um número inteiro ou deixe vazio.
admin-route-choose-queue = Escolha uma fila
admin-route-add = Adicionar rota
admin-agents-none = Ainda não há agentes.
admin-agent-name = Nome
admin-agent-role = Função
admin-role-agent = Agente
admin-role-admin = Administrador
admin-agent-queues = Filas
admin-agent-no-queues = Nenhuma fila
admin-agent-token = Token de acesso
admin-agent-token-issued = Emitido { $time }
admin-agent-token-revoked = Revogado: nenhum token dessa pessoa funciona até que um novo seja emitido
admin-agent-admin = Administrador (gerencia canais, filas, rotas e agentes)
admin-agent-edit = Editar
admin-agent-edit-title = Editar { $name }
admin-agent-save = Salvar
admin-agent-rotate = Novo token
admin-agent-rotate-confirm = Emitir um novo token para { $name }? O token atual deixa de funcionar na hora.
admin-agent-rotate-yes = Emitir novo token
admin-agent-revoke = Revogar token
admin-agent-revoke-confirm = Revogar o token de { $name }? Essa pessoa não conseguirá entrar até que um novo token seja emitido.
admin-agent-revoke-yes = Revogar
admin-agent-add-title = Adicionar um agente
admin-agent-add = Adicionar agente
admin-token-title = Token de { $name }
admin-token-once = Este token é mostrado uma única vez. Copie-o agora e entregue-o a { $name } com segurança: ele não poderá ser mostrado de novo.
admin-token-copy = Copiar token
admin-token-copied = Copiado para a área de transferência.
admin-token-done = Pronto, ocultar o token
admin-rejects-intro = Itens de webhook que o hub não conseguiu ler, do mais recente ao mais antigo. Os números de cartão ficam ocultos, a menos que o canal tenha desligado essa opção.
admin-rejects-refresh = Atualizar
admin-rejects-error = Não foi possível carregar os webhooks rejeitados: { $message }
admin-rejects-none = O hub não rejeitou nenhum item de webhook.
admin-reject-received = Recebido
admin-reject-source = Campo do webhook · lista
admin-reject-number = ID do número comercial
admin-reject-number-none = Não informado
admin-reject-error = Motivo
admin-reject-raw = Como foi recebido
admin-rejects-more = Rejeições mais antigas
admin-rejects-end = Não há rejeições mais antigas.
# The thread: one of the agent's messages that failed, sent again or given up
message-failed-actions = O que fazer com esta mensagem
message-retry = Tentar novamente
message-discard = Descartar
message-discard-confirm = Descartar esta mensagem? Ela não será enviada e sairá da conversa.
message-discard-keep = Manter
# $message: why the app refused, as the core words it
message-retry-error = Ela não foi reenviada: { $message }
message-discard-error = Ela não foi descartada: { $message }
# The thread: a message's file, fetched from the hub
media-load-video = Carregar o vídeo
media-load-document = Obter o arquivo
media-loading = Carregando o arquivo…
media-save = Salvar
media-error-offline = Não é possível carregar o arquivo: não foi possível acessar o hub.
media-error-not-found = Este arquivo não está mais disponível.
# $message: why the file could not be fetched, as the core words it
media-error = Não é possível carregar o arquivo: { $message }
# The thread: replies, reactions and shared places
reply-quote-customer = Cliente
reply-quote-agent = Agente
reply-quote-missing = Resposta a uma mensagem anterior
reactions-label = Reações
# $emoji: the reaction, shown as it is
reaction-by-customer = O cliente reagiu com { $emoji }
reaction-by-agent = Um agente reagiu com { $emoji }
location-copy = Copiar coordenadas
location-copied = Coordenadas copiadas.
# $message: why the app refused, as the core words it
location-copy-error = As coordenadas não foram copiadas: { $message }
# Detalhes da conversa (sua classificação) e seu registro de eventos
details-region = Detalhes da conversa
details-toggle = Detalhes
details-summary-unassigned = Sem responsável
details-summary-assigned = Atribuída a { $name }
details-assignee = Atribuída a
details-assignee-none = Ninguém (sem responsável)
details-assignee-me = { $name } (eu)
details-assignee-unknown = Agente desconhecido
details-assign-me = Atribuir a mim
details-status = Situação
details-priority = Prioridade
details-queue = Fila
details-queue-none = Sem fila
details-queue-unknown = Fila desconhecida
details-tags = Etiquetas
details-error = A alteração não foi salva: { $message }
details-team-error = A equipe não pode ser exibida: { $message }
conversation-status-open = Aberta
conversation-status-pending = Em espera
conversation-status-solved = Resolvida
conversation-status-closed = Encerrada
conversation-priority-low = Baixa
conversation-priority-normal = Média
conversation-priority-high = Alta
conversation-priority-urgent = Urgente
tags-none = Sem etiquetas
# $tag: a etiqueta, como foi escrita
tag-remove = Remover a etiqueta { $tag }
tag-new = Nova etiqueta
tag-add = Adicionar
event-log-title = Registro de eventos
event-log-empty = Nenhum evento ainda.
event-log-error = O registro de eventos não pode ser exibido: { $message }
event-kind-delivery-failed = Falha na entrega
event-kind-delivery-unconfirmed = Entrega não confirmada
event-kind-assigned = Atribuída
event-kind-queue-changed = Fila alterada
event-kind-status-changed = Situação alterada
event-kind-call-permission-requested = Permissão para ligar solicitada
event-kind-call-permission-granted = Permissão para ligar concedida
event-kind-call-permission-denied = Permissão para ligar recusada
event-kind-call-permission-revoked = Permissão para ligar retirada
event-kind-call-missed = Chamada perdida
event-kind-call-ended = Chamada encerrada
event-kind-channel-disabled = Número desativado
# Iniciar uma nova conversa com um cliente
newconv-title = Nova conversa
newconv-channel = Enviar de
# $number: um dos números de WhatsApp da equipe
newconv-channel-disabled = { $number } (desativado)
newconv-no-channel = Não há número para iniciar uma conversa.
newconv-phone = Telefone do cliente
newconv-phone-hint = Com o código do país, por ex. +55 11 91234-5678
newconv-checking = Verificando o número…
# $number: o número como o WhatsApp o escreve (E.164)
newconv-phone-ok = Número de WhatsApp: { $number }
newconv-phone-empty = Digite o número do cliente.
newconv-phone-not-a-number = Isto não é um número de telefone.
newconv-phone-invalid = Este número não é válido: confira o código do país e os dígitos.
newconv-check-error = Não foi possível verificar o número: { $message }
newconv-existing = Este cliente já tem uma conversa — abrir
newconv-permission-pending = Um pedido de permissão para ligar para este cliente ainda não foi respondido.
newconv-name = Nome do cliente (opcional)
newconv-type = Começar com
newconv-type-message = Uma mensagem
newconv-type-call = Uma ligação
newconv-call-hint = Para uma ligação, primeiro se pede permissão ao cliente: só são oferecidos os modelos que pedem isso.
newconv-template = Modelo
newconv-template-none-call = Nenhum modelo aprovado pede permissão para ligar.
newconv-tags = Etiquetas
newconv-priority = Prioridade
newconv-status = Situação
newconv-queue = Fila
newconv-default = Padrão
newconv-summary = Resumo
newconv-summary-from = De
newconv-summary-to = Para
newconv-summary-unset = Ainda não escolhido
newconv-missing-channel = Escolha o número de envio.
newconv-missing-phone = Digite o número de WhatsApp do cliente.
newconv-missing-existing = Este cliente já tem uma conversa: abra-a em vez disso.
newconv-missing-template = Escolha um modelo.
newconv-missing-values = Preencha os valores do modelo.
newconv-start = Iniciar conversa
newconv-starting = Iniciando…
newconv-cancel = Cancelar
newconv-error = A conversa não foi iniciada: { $message }
newconv-started = A conversa foi iniciada.
newconv-exists = Este cliente já tem uma conversa.
newconv-warnings = Atenção
newconv-open-existing = Abrir a conversa
newconv-close = Fechar
