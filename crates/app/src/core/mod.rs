//! The core: the profile (settings), the session of the signed-in agent
//! (its store, sync engine and notifier), and the contract's commands.
//!
//! Files on disk, in the data folder the shell gives:
//! - `profile.db`: a store used for its settings only (the hub last signed
//!   in to, the language, the warning thresholds);
//! - `accounts/<hub>-<agent>.db`: one store per hub and agent (the synced
//!   conversations, the outbox, the warnings fired), so signing in to
//!   another hub or as another agent never mixes their data.
//!
//! The token is in the OS keyring ([`crate::vault`]), nowhere else.
//!
//! A feature's commands are in a child module (`admin`, `editing`,
//! `outgoing`, `starting`, `templates`); what they carry to and from the
//! UI, and their pure checks, are in the crate's feature module of the same
//! name, which the contract names without reaching the core.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use reqwest::Method;
use switchboard_domain::clock::Clock;
use switchboard_domain::limits::Limits;
use switchboard_protocol::{
    AdminConfig, Agent, CallPermissionRequestResult, Channel, Conversation, CreatedAgent,
    EventLogEntry, Me, Message, MessagePage, NewAgent, NewQueue, NewRoute, Queue, Route, SendBody,
    Template, WebhookRejectList,
};
use switchboard_store::{
    ConversationFilter, ConversationItem, ConversationSort, Store, StoreError, UnreadCounts,
    local_message_id,
};
use switchboard_sync::{StoreHandle, SyncConfig, SyncEngine, SyncError, SyncState};

use crate::calls::call_view;
use crate::contract::{
    AgentEdit, AgentRef, AppEvent, Attachment, AudioDeviceList, CallButtonReply, CallMute, CallRef,
    CallView, ChannelEdit, ChannelIcon, CommandError, Commands, ComposerView, ConversationEdit,
    ConversationRef, CopyText, CustomerCheck, CustomerCheckView, ErrorCode, ListConversations,
    MediaFile, MessageRef, MicrophoneCheck, MicrophoneTestAsk, NewConversation, PermissionAsk,
    QueueEdit, RejectsPage, Reply, RouteRef, SampleNotification, SearchQuery, SearchResults,
    SessionView, SignIn, StartOutcome, TeamView, TemplateFill, TemplatePreview, TemplateQuery,
    TemplateReply, ThreadPage,
};
use crate::hub;
use crate::labels::{Labels, RenderedNotice};
use crate::notices::{self, Input};
use crate::settings::{self, AppSettings};
use crate::shell::{NoticeReplies, Shell};
use crate::vault::TokenVault;

mod admin;
mod editing;
mod outgoing;
mod starting;
mod templates;

/// The store setting of the signed-in agent (`/api/v1/me`, as last read).
const ME_KEY: &str = "me";
/// The longest reply the composer sends (WhatsApp's text limit).
const MAX_REPLY_CHARS: usize = 4096;
/// How long "test my microphone" records.
const MICROPHONE_TEST: std::time::Duration = std::time::Duration::from_secs(3);

/// How the core starts.
pub struct CoreOptions {
    /// The app's data folder.
    pub data_dir: PathBuf,
    /// The app runs a demo team of its own.
    pub demo: bool,
    /// The agent's microphone and speaker; none: calls are answered
    /// without audio, and the popup says so.
    pub audio: Option<Arc<dyn crate::audio::AudioDevices>>,
}

struct Session {
    hub_url: String,
    token: String,
    me: Me,
    token_store: String,
    engine: SyncEngine,
    notifier: std::sync::mpsc::Sender<Input>,
    notifier_thread: Option<std::thread::JoinHandle<()>>,
    forwarder: tokio::task::JoinHandle<()>,
}

struct Inner {
    data_dir: PathBuf,
    demo: bool,
    audio: Option<Arc<dyn crate::audio::AudioDevices>>,
    /// The calls the agent is in, with their audio.
    talking: Arc<crate::talking::Talking>,
    /// The ring tone of the calls ringing for the agent.
    ringer: Arc<crate::ringing::Ringer>,
    profile: StoreHandle,
    shell: Arc<dyn Shell>,
    vault: Arc<dyn TokenVault>,
    clock: Arc<dyn Clock>,
    http: reqwest::Client,
    settings: Mutex<AppSettings>,
    session: tokio::sync::Mutex<Option<Session>>,
}

/// The desktop app's core. Clones share it.
#[derive(Clone)]
pub struct Core {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Core {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Core")
            .field("data_dir", &self.inner.data_dir)
            .finish_non_exhaustive()
    }
}

fn store_err(e: impl std::fmt::Display) -> CommandError {
    CommandError::new(ErrorCode::LocalStore, e.to_string())
}

fn sync_err(e: SyncError) -> CommandError {
    match e {
        SyncError::Store(StoreError::NotFound { what, id }) => {
            CommandError::new(ErrorCode::NotFound, format!("no {what} {id}"))
        }
        SyncError::Store(e @ StoreError::NotFailed { .. }) => {
            CommandError::new(ErrorCode::InvalidInput, e.to_string())
        }
        SyncError::Config(m) => CommandError::new(ErrorCode::InvalidInput, m),
        e => store_err(e),
    }
}

/// A file name part from free text: letters, digits, `.`, `-`; the rest `_`.
fn file_part(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// The account store's path for this hub and agent.
fn account_path(data_dir: &Path, hub_url: &str, agent_id: &str) -> PathBuf {
    let hub = hub_url
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    data_dir
        .join("accounts")
        .join(format!("{}-{}.db", file_part(hub), file_part(agent_id)))
}

/// The keyring account of a token: the hub and this profile's folder (two
/// profiles on one machine keep two tokens).
fn vault_account(data_dir: &Path, hub_url: &str) -> String {
    format!("{hub_url} {}", data_dir.display())
}

impl Core {
    /// Opens the profile in `options.data_dir` and, when a token for the
    /// last hub is in the keyring, resumes that session (offline at first:
    /// the store shows what it has; the sync catches up when the hub
    /// answers). Call on a multi-threaded tokio runtime.
    pub async fn open(
        options: CoreOptions,
        shell: Arc<dyn Shell>,
        vault: Arc<dyn TokenVault>,
        clock: Arc<dyn Clock>,
    ) -> Result<Core, CommandError> {
        std::fs::create_dir_all(options.data_dir.join("accounts")).map_err(|e| {
            store_err(format!(
                "cannot create the data folder {}: {e}",
                options.data_dir.display()
            ))
        })?;
        let profile = StoreHandle::open(options.data_dir.join("profile.db")).map_err(store_err)?;
        let settings = profile
            .run(|s| s.setting(settings::KEY))
            .await
            .map_err(store_err)?
            .and_then(|j| serde_json::from_str::<AppSettings>(&j).ok())
            .unwrap_or_default();
        let core = Core {
            inner: Arc::new(Inner {
                data_dir: options.data_dir,
                demo: options.demo,
                ringer: Arc::new(crate::ringing::Ringer::new(options.audio.clone())),
                audio: options.audio,
                talking: Arc::default(),
                profile,
                shell,
                vault,
                clock,
                http: hub::client(),
                settings: Mutex::new(settings),
                session: tokio::sync::Mutex::new(None),
            }),
        };
        core.resume().await;
        Ok(core)
    }

    fn settings_now(&self) -> AppSettings {
        self.inner
            .settings
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    async fn vault<T: Send + 'static>(
        &self,
        f: impl FnOnce(&dyn TokenVault) -> Result<T, crate::vault::VaultError> + Send + 'static,
    ) -> Result<T, CommandError> {
        let vault = self.inner.vault.clone();
        tokio::task::spawn_blocking(move || f(vault.as_ref()))
            .await
            .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))?
            .map_err(|e| CommandError::new(ErrorCode::KeyringUnavailable, e.to_string()))
    }

    /// The last session again, if its token is still in the keyring.
    async fn resume(&self) {
        let Some(hub_url) = self.settings_now().hub_url else {
            return;
        };
        let account = vault_account(&self.inner.data_dir, &hub_url);
        let token = match self.vault(move |v| v.get(&account)).await {
            Ok(Some(t)) => t,
            Ok(None) => return,
            Err(e) => {
                tracing::warn!(error = %e.message, "the keyring cannot be read: signed out");
                return;
            }
        };
        let me = match self.cached_me(&hub_url).await {
            Some(me) => me,
            // Never signed in fully on this profile: ask the hub.
            None => match hub::me(&self.inner.http, &hub_url, &token).await {
                Ok(me) => me,
                Err(e) => {
                    tracing::warn!(error = %e.message, "cannot resume the session");
                    return;
                }
            },
        };
        if let Err(e) = self.start_session(hub_url, token, me).await {
            tracing::error!(error = %e.message, "cannot resume the session");
        }
    }

    async fn cached_me(&self, hub_url: &str) -> Option<Me> {
        let key = format!("{ME_KEY} {hub_url}");
        let json = self
            .inner
            .profile
            .run(move |s| s.setting(&key))
            .await
            .ok()??;
        serde_json::from_str(&json).ok()
    }

    async fn start_session(
        &self,
        hub_url: String,
        token: String,
        me: Me,
    ) -> Result<SessionView, CommandError> {
        let token_store = self.vault(|v| v.describe()).await?.to_owned();
        let path = account_path(&self.inner.data_dir, &hub_url, &me.id);
        let store = StoreHandle::open(&path).map_err(store_err)?;
        let fresh = store.run(|s| s.sync_cursor()).await.map_err(store_err)? == 0;
        let engine = SyncEngine::start(
            SyncConfig::new(hub_url.clone(), token.clone()),
            store.clone(),
            self.inner.clock.clone(),
        )
        .map_err(sync_err)?;
        let updates = engine.updates();
        let decline = {
            let core = self.clone();
            let runtime = tokio::runtime::Handle::current();
            Arc::new(move |call_id: String| {
                let core = core.clone();
                runtime.spawn(async move {
                    if let Err(e) = core.decline(&call_id).await {
                        tracing::warn!(error = %e.message, "declining the call failed");
                    }
                });
            })
        };
        let answer = {
            let core = self.clone();
            let runtime = tokio::runtime::Handle::current();
            Arc::new(move |call_id: String| {
                let core = core.clone();
                runtime.spawn(async move { core.answer_from_notice(call_id).await });
            })
        };
        let (notifier, notifier_thread) = notices::start(notices::Parts {
            shell: self.inner.shell.clone(),
            store: store.clone(),
            clock: self.inner.clock.clone(),
            runtime: tokio::runtime::Handle::current(),
            me: me.clone(),
            settings: self.settings_now(),
            fresh,
            decline,
            answer,
            talking: self.inner.talking.clone(),
            ringer: self.inner.ringer.clone(),
        });
        let forwarder = tokio::spawn(crate::forwarding::forward(
            updates,
            self.inner.talking.clone(),
            store.clone(),
            self.inner.shell.clone(),
            notifier.clone(),
            crate::forwarding::Membership {
                agent_id: me.id.clone(),
                queues: me.queues.iter().map(|q| q.id.clone()).collect(),
                resync: engine.resync_handle(),
                resynced_at: 0,
            },
        ));
        let session = Session {
            hub_url,
            token,
            me,
            token_store,
            engine,
            notifier,
            notifier_thread: Some(notifier_thread),
            forwarder,
        };
        let view = self.view_of(Some(&session));
        let mut slot = self.inner.session.lock().await;
        if let Some(old) = slot.replace(session) {
            stop(old).await;
        }
        drop(slot);
        self.inner.shell.emit(AppEvent::Session {
            session: view.clone(),
        });
        Ok(view)
    }

    fn view_of(&self, session: Option<&Session>) -> SessionView {
        SessionView {
            hub_url: session
                .map(|s| s.hub_url.clone())
                .or_else(|| self.settings_now().hub_url),
            agent: session.map(|s| s.me.clone()),
            token_store: session.map(|s| s.token_store.clone()),
            demo: self.inner.demo,
        }
    }

    /// The signed-in session's store, or `not_signed_in`.
    async fn store(&self) -> Result<StoreHandle, CommandError> {
        let session = self.inner.session.lock().await;
        session
            .as_ref()
            .map(|s| s.engine.store().clone())
            .ok_or_else(|| CommandError::new(ErrorCode::NotSignedIn, "sign in first"))
    }

    /// Queues `body` in the outbox for a stored conversation: the local
    /// pending copy the thread shows at once.
    pub(crate) async fn queue(
        &self,
        conversation_id: &str,
        body: SendBody,
    ) -> Result<Message, CommandError> {
        let entry = {
            let session = self.inner.session.lock().await;
            let s = session
                .as_ref()
                .ok_or_else(|| CommandError::new(ErrorCode::NotSignedIn, "sign in first"))?;
            let known = s
                .engine
                .store()
                .run({
                    let id = conversation_id.to_owned();
                    move |st| st.conversation(&id)
                })
                .await
                .map_err(sync_err)?;
            if known.is_none() {
                return Err(CommandError::new(
                    ErrorCode::NotFound,
                    format!("no conversation {conversation_id}"),
                ));
            }
            s.engine
                .send(conversation_id, body)
                .await
                .map_err(sync_err)?
        };
        let id = local_message_id(&entry.client_id);
        self.read(move |s| s.message(&id))
            .await?
            .ok_or_else(|| CommandError::new(ErrorCode::Internal, "the queued message vanished"))
    }

    /// The sync engine of the session, or why there is none.
    async fn with_engine<T>(
        &self,
        f: impl AsyncFnOnce(&SyncEngine) -> Result<T, SyncError>,
    ) -> Result<T, CommandError> {
        let session = self.inner.session.lock().await;
        let s = session
            .as_ref()
            .ok_or_else(|| CommandError::new(ErrorCode::NotSignedIn, "sign in first"))?;
        f(&s.engine).await.map_err(sync_err)
    }

    /// A failed outbox entry queued again.
    pub(crate) async fn outbox_retry(&self, client_id: &str) -> Result<(), CommandError> {
        self.with_engine(async |e| e.retry_failed(client_id).await.map(drop))
            .await
    }

    /// A failed outbox entry forgotten.
    pub(crate) async fn outbox_discard(&self, client_id: &str) -> Result<(), CommandError> {
        self.with_engine(async |e| e.discard_failed(client_id).await.map(drop))
            .await
    }

    /// The composer's rules in the conversation now.
    pub(crate) async fn composer_now(
        &self,
        conversation_id: &str,
    ) -> Result<ComposerView, CommandError> {
        let now = self.inner.clock.now();
        let id = conversation_id.to_owned();
        self.read(move |s| crate::composer::view(s, &id, now, &Limits::default()))
            .await?
            .ok_or_else(|| {
                CommandError::new(
                    ErrorCode::NotFound,
                    format!("no conversation {conversation_id}"),
                )
            })
    }

    /// The agent signed in.
    pub(crate) async fn me(&self) -> Result<Me, CommandError> {
        let session = self.inner.session.lock().await;
        session
            .as_ref()
            .map(|s| s.me.clone())
            .ok_or_else(|| CommandError::new(ErrorCode::NotSignedIn, "sign in first"))
    }

    pub(crate) async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, CommandError> {
        self.store().await?.run(f).await.map_err(sync_err)
    }

    async fn tell_notifier(&self, input: Input) {
        if let Some(s) = self.inner.session.lock().await.as_ref() {
            let _ = s.notifier.send(input);
        }
    }

    /// The signed-in agent's way to the hub.
    pub(crate) async fn hub(&self) -> Result<hub::Hub, CommandError> {
        let session = self.inner.session.lock().await;
        let s = session
            .as_ref()
            .ok_or_else(|| CommandError::new(ErrorCode::NotSignedIn, "sign in first"))?;
        Ok(hub::Hub::new(
            self.inner.http.clone(),
            s.hub_url.clone(),
            s.token.clone(),
        ))
    }

    async fn decline(&self, call_id: &str) -> Result<CallView, CommandError> {
        let hub = self.hub().await?;
        let notifier = {
            let session = self.inner.session.lock().await;
            let s = session
                .as_ref()
                .ok_or_else(|| CommandError::new(ErrorCode::NotSignedIn, "sign in first"))?;
            s.notifier.clone()
        };
        let call: switchboard_protocol::Call = hub.post(&["calls", call_id, "decline"]).await?;
        // The feed brings it too; this withdraws the notice without waiting.
        let _ = notifier.send(Input::Call(Box::new(call.clone())));
        self.read(move |s| call_view(s, call)).await
    }

    /// Answers call `call_id` with the agent's devices: the media session
    /// answers Meta's offer, then the hub accepts with that answer. Nothing
    /// is accepted when the audio cannot start (never a silent call).
    async fn answer_with_audio(
        &self,
        devices: Arc<dyn crate::audio::AudioDevices>,
        call_id: &str,
        offer: String,
    ) -> Result<CallView, CommandError> {
        let choice = self.settings_now().devices();
        let (session, answer) =
            crate::talking::open_media(devices, choice, move |input, output, config| {
                switchboard_media::CallSession::answer(&offer, input, output, config)
            })
            .await?;
        let hub = self.hub().await?;
        let accepted: Result<switchboard_protocol::Call, _> = hub
            .send(
                Method::POST,
                &["calls", call_id, "accept"],
                &switchboard_protocol::AcceptCallRequest { sdp: answer },
            )
            .await;
        let call = match accepted {
            Ok(call) => call,
            Err(e) => {
                session.hang_up();
                return Err(e);
            }
        };
        self.inner.talking.start(call_id, session);
        self.read(move |s| call_view(s, call))
            .await
            .map(|v| self.with_talk(v))
    }

    /// The view with the agent's audio in the call, if any.
    fn with_talk(&self, view: CallView) -> CallView {
        self.inner.talking.decorate(view)
    }

    /// Answer pressed on the call's notification: as the popup's Answer,
    /// and the popup (open already) hears how it went; a failure stays in
    /// the call's view, by its Answer button.
    async fn answer_from_notice(&self, call_id: String) {
        let call = CallRef {
            call_id: call_id.clone(),
        };
        let view = match self.answer_call(call.clone()).await {
            Ok(view) => view,
            Err(e) => {
                tracing::warn!(call_id, error = %e.message, "answering from the notice failed");
                match self.call(call).await {
                    Ok(view) => view,
                    Err(_) => return,
                }
            }
        };
        self.inner.shell.emit(AppEvent::CallChanged {
            call: Box::new(view),
        });
    }

    /// Hangs up call `call_id`: its audio ends, and the hub ends the call.
    pub async fn hang_up(&self, call_id: &str) -> Result<CallView, CommandError> {
        self.inner.talking.end(call_id);
        let call: switchboard_protocol::Call = self
            .hub()
            .await?
            .post(&["calls", call_id, "hangup"])
            .await?;
        self.read(move |s| call_view(s, call)).await
    }

    /// The agent's audio devices, or why calls have none.
    fn devices(&self) -> Result<Arc<dyn crate::audio::AudioDevices>, CommandError> {
        self.inner.audio.clone().ok_or_else(|| {
            CommandError::new(
                ErrorCode::AudioFailed,
                "this app has no audio devices: calls have no audio",
            )
        })
    }

    /// Whether a ring tone plays for call `call_id`.
    pub fn rings_for(&self, call_id: &str) -> bool {
        self.inner.ringer.rings_for(call_id)
    }

    /// Whether the agent is in call `call_id` with audio.
    pub fn is_talking(&self, call_id: &str) -> bool {
        self.inner.talking.is_talking(call_id)
    }

    /// Signs out and stops the session (for the app's exit).
    pub async fn shutdown(&self) {
        if let Some(old) = self.inner.session.lock().await.take() {
            stop(old).await;
        }
    }
}

/// Stops a session: the engine, the forwarder, the notifier's thread.
async fn stop(mut old: Session) {
    old.forwarder.abort();
    let _ = old.notifier.send(Input::Stop);
    old.engine.stop().await;
    if let Some(t) = old.notifier_thread.take() {
        let _ = tokio::task::spawn_blocking(move || t.join()).await;
    }
}

impl Commands for Core {
    async fn session(&self, (): ()) -> Result<SessionView, CommandError> {
        let session = self.inner.session.lock().await;
        Ok(self.view_of(session.as_ref()))
    }

    async fn sign_in(&self, args: SignIn) -> Result<SessionView, CommandError> {
        let hub_url = hub::normalize_url(&args.hub_url)?;
        let token = args.token.trim().to_owned();
        if token.is_empty() {
            return Err(CommandError::new(
                ErrorCode::InvalidInput,
                "paste the agent token your admin gave you",
            ));
        }
        let me = hub::me(&self.inner.http, &hub_url, &token).await?;
        let account = vault_account(&self.inner.data_dir, &hub_url);
        let kept = token.clone();
        self.vault(move |v| v.put(&account, &kept)).await?;
        let me_json = serde_json::to_string(&me).map_err(store_err)?;
        let mut settings = self.settings_now();
        settings.hub_url = Some(hub_url.clone());
        let settings_json = serde_json::to_string(&settings).map_err(store_err)?;
        let key = format!("{ME_KEY} {hub_url}");
        self.inner
            .profile
            .run(move |s| {
                s.set_setting(&key, &me_json)?;
                s.set_setting(settings::KEY, &settings_json)
            })
            .await
            .map_err(store_err)?;
        *self
            .inner
            .settings
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = settings;
        tracing::info!(agent = %me.id, hub = %hub_url, "signed in");
        self.start_session(hub_url, token, me).await
    }

    async fn sign_out(&self, (): ()) -> Result<SessionView, CommandError> {
        let old = self.inner.session.lock().await.take();
        if let Some(old) = old {
            let account = vault_account(&self.inner.data_dir, &old.hub_url);
            stop(old).await;
            self.vault(move |v| v.delete(&account)).await?;
        }
        let view = self.view_of(None);
        self.inner.shell.emit(AppEvent::Session {
            session: view.clone(),
        });
        Ok(view)
    }

    async fn settings(&self, (): ()) -> Result<AppSettings, CommandError> {
        Ok(self.settings_now())
    }

    async fn save_settings(&self, args: AppSettings) -> Result<AppSettings, CommandError> {
        let mut settings = args.validated()?;
        // The hub changes by signing in, not here.
        settings.hub_url = self.settings_now().hub_url;
        let json = serde_json::to_string(&settings).map_err(store_err)?;
        self.inner
            .profile
            .run(move |s| s.set_setting(settings::KEY, &json))
            .await
            .map_err(store_err)?;
        *self
            .inner
            .settings
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = settings.clone();
        self.tell_notifier(Input::Settings(settings.clone())).await;
        self.inner.shell.emit(AppEvent::Settings {
            settings: settings.clone(),
        });
        Ok(settings)
    }

    async fn sync_state(&self, (): ()) -> Result<SyncState, CommandError> {
        let session = self.inner.session.lock().await;
        session
            .as_ref()
            .map(|s| s.engine.current_state())
            .ok_or_else(|| CommandError::new(ErrorCode::NotSignedIn, "sign in first"))
    }

    async fn composer(&self, args: ConversationRef) -> Result<ComposerView, CommandError> {
        self.me().await?;
        let now = self.inner.clock.now();
        let id = args.conversation_id;
        let view = self
            .read({
                let id = id.clone();
                move |s| crate::composer::view(s, &id, now, &Limits::default())
            })
            .await?;
        view.ok_or_else(|| CommandError::new(ErrorCode::NotFound, format!("no conversation {id}")))
    }

    async fn search(&self, args: SearchQuery) -> Result<SearchResults, CommandError> {
        let me = self.me().await?;
        self.read(move |s| {
            let queues = visible_queues(s, &me)?;
            let visible = |queue: Option<&str>| match &queues {
                None => true,
                Some(queues) => queue.is_some_and(|q| queues.iter().any(|v| v == q)),
            };
            crate::search::search(s, &args, &visible)
        })
        .await
    }

    async fn conversations(
        &self,
        args: ListConversations,
    ) -> Result<Vec<ConversationItem>, CommandError> {
        let me = self.me().await?;
        let now = self.inner.clock.now();
        let filter = ConversationFilter {
            queue_id: args.queue_id,
            assignee_id: args.mine_only.then(|| me.id.clone()),
            sort: if args.by_time_left {
                ConversationSort::TimeLeftAsc
            } else {
                ConversationSort::UpdatedDesc
            },
            limit: args.limit.unwrap_or(200).clamp(1, 1000),
            ..ConversationFilter::default()
        };
        self.read(move |s| {
            let mut items = s.conversations(&filter, now)?;
            if let Some(queues) = visible_queues(s, &me)? {
                items.retain(|i| {
                    i.conversation
                        .queue_id
                        .as_ref()
                        .is_some_and(|q| queues.contains(q))
                });
            }
            Ok(items)
        })
        .await
    }

    async fn conversation(
        &self,
        args: ConversationRef,
    ) -> Result<Option<ConversationItem>, CommandError> {
        self.read(move |s| s.conversation(&args.conversation_id))
            .await
    }

    async fn thread(&self, args: ThreadPage) -> Result<MessagePage, CommandError> {
        let limit = args.limit.unwrap_or(50).clamp(1, 500);
        self.read(move |s| s.thread(&args.conversation_id, args.before.as_deref(), limit))
            .await
    }

    async fn request_call_permission(
        &self,
        args: PermissionAsk,
    ) -> Result<CallPermissionRequestResult, CommandError> {
        let request = switchboard_protocol::CallPermissionRequest {
            client_id: None,
            body_text: args.body_text.filter(|t| !t.trim().is_empty()),
            template: None,
        };
        self.hub()
            .await?
            .send(
                Method::POST,
                &[
                    "conversations",
                    &args.conversation_id,
                    "call-permission-requests",
                ],
                &request,
            )
            .await
    }

    async fn templates(&self, args: TemplateQuery) -> Result<Vec<Template>, CommandError> {
        self.me().await?;
        self.read(move |s| crate::templates::search(s, &args)).await
    }

    async fn preview_template(&self, args: TemplateFill) -> Result<TemplatePreview, CommandError> {
        self.me().await?;
        let id = args.template_id.clone();
        let template = self
            .read(move |s| crate::templates::template(s, &id))
            .await?
            .ok_or_else(|| {
                CommandError::new(
                    ErrorCode::NotFound,
                    format!("no template {}", args.template_id),
                )
            })?;
        Ok(crate::templates::preview(
            &template,
            &args.values,
            &Limits::default().message,
        ))
    }

    async fn send_template(&self, args: TemplateReply) -> Result<Message, CommandError> {
        self.me().await?;
        let composer = self.composer_now(&args.conversation_id).await?;
        if let Some(reason) = composer.template.reason {
            return Err(CommandError::new(
                ErrorCode::InvalidInput,
                format!("no template can be sent here now: {reason:?}"),
            ));
        }
        let (template, _) = self
            .template_to_send(&args.template_id, args.values)
            .await?;
        let body = SendBody::Template { template };
        self.queue(&args.conversation_id, body).await
    }

    async fn update_conversation(
        &self,
        args: ConversationEdit,
    ) -> Result<Conversation, CommandError> {
        self.edit_conversation(args).await
    }

    async fn event_log(&self, args: ConversationRef) -> Result<Vec<EventLogEntry>, CommandError> {
        self.conversation_events(args).await
    }

    async fn team(&self, _: ()) -> Result<TeamView, CommandError> {
        self.team_view().await
    }

    async fn send_call_button(&self, args: CallButtonReply) -> Result<Message, CommandError> {
        self.send_call_button_message(args).await
    }

    async fn send_attachment(&self, args: Attachment) -> Result<Message, CommandError> {
        self.send_file(args).await
    }

    async fn message_media(&self, args: MessageRef) -> Result<MediaFile, CommandError> {
        self.media_of(args).await
    }

    async fn retry_message(&self, args: MessageRef) -> Result<Message, CommandError> {
        self.send_again(args).await
    }

    async fn discard_message(&self, args: MessageRef) -> Result<(), CommandError> {
        self.give_up(args).await
    }

    async fn check_customer(&self, args: CustomerCheck) -> Result<CustomerCheckView, CommandError> {
        self.customer_check(args).await
    }

    async fn start_conversation(
        &self,
        args: NewConversation,
    ) -> Result<StartOutcome, CommandError> {
        self.start(args).await
    }

    async fn admin_config(&self, _: ()) -> Result<AdminConfig, CommandError> {
        self.admin_view().await
    }

    async fn webhook_rejects(&self, args: RejectsPage) -> Result<WebhookRejectList, CommandError> {
        self.admin_rejects(args).await
    }

    async fn update_channel(&self, args: ChannelEdit) -> Result<Channel, CommandError> {
        self.admin_edit_channel(args).await
    }

    async fn set_channel_icon(&self, args: ChannelIcon) -> Result<Channel, CommandError> {
        self.admin_channel_icon(args).await
    }

    async fn add_queue(&self, args: NewQueue) -> Result<Queue, CommandError> {
        self.admin_add_queue(args).await
    }

    async fn update_queue(&self, args: QueueEdit) -> Result<Queue, CommandError> {
        self.admin_edit_queue(args).await
    }

    async fn add_route(&self, args: NewRoute) -> Result<Route, CommandError> {
        self.admin_add_route(args).await
    }

    async fn remove_route(&self, args: RouteRef) -> Result<(), CommandError> {
        self.admin_remove_route(args).await
    }

    async fn add_agent(&self, args: NewAgent) -> Result<CreatedAgent, CommandError> {
        self.admin_add_agent(args).await
    }

    async fn update_agent(&self, args: AgentEdit) -> Result<Agent, CommandError> {
        self.admin_edit_agent(args).await
    }

    async fn rotate_agent_token(&self, args: AgentRef) -> Result<CreatedAgent, CommandError> {
        self.admin_rotate_token(args).await
    }

    async fn revoke_agent_token(&self, args: AgentRef) -> Result<(), CommandError> {
        self.admin_revoke_token(args).await
    }

    async fn send_reply(&self, args: Reply) -> Result<Message, CommandError> {
        let text = args.text.trim().to_owned();
        if text.is_empty() {
            return Err(CommandError::new(
                ErrorCode::InvalidInput,
                "write a reply first",
            ));
        }
        if text.chars().count() > MAX_REPLY_CHARS {
            return Err(CommandError::new(
                ErrorCode::InvalidInput,
                format!("a reply has at most {MAX_REPLY_CHARS} characters"),
            ));
        }
        self.queue(&args.conversation_id, SendBody::Text { text })
            .await
    }

    async fn mark_read(&self, args: ConversationRef) -> Result<UnreadCounts, CommandError> {
        let id = args.conversation_id.clone();
        let counts = self
            .read(move |s| {
                s.mark_read(&id)?;
                s.unread_counts()
            })
            .await?;
        self.tell_notifier(Input::Read(args.conversation_id)).await;
        self.inner.shell.set_unread(counts.total);
        self.inner.shell.emit(AppEvent::Unread {
            counts: counts.clone(),
        });
        Ok(counts)
    }

    async fn unread(&self, (): ()) -> Result<UnreadCounts, CommandError> {
        self.read(|s| s.unread_counts()).await
    }

    async fn call(&self, args: CallRef) -> Result<CallView, CommandError> {
        let id = args.call_id;
        self.read(move |s| {
            let call = s.call(&id)?.ok_or_else(|| StoreError::NotFound {
                what: "call",
                id: id.clone(),
            })?;
            call_view(s, call)
        })
        .await
        .map(|v| self.with_talk(v))
    }

    async fn answer_call(&self, args: CallRef) -> Result<CallView, CommandError> {
        let view = self.call(args).await?;
        self.inner.shell.show_call_popup(&view.call.id);
        self.inner
            .shell
            .show_conversation(&view.call.conversation_id);
        if let (Some(devices), Some(offer)) =
            (self.inner.audio.clone(), view.call.remote_sdp.clone())
        {
            // Answered elsewhere, declined, over: no media session at all.
            if !view.ringing {
                return Err(CommandError::new(
                    ErrorCode::InvalidInput,
                    "this call no longer rings: it was answered elsewhere or ended",
                ));
            }
            let id = view.call.id.clone();
            // Pressed twice (the popup and the notice): one answer.
            if self.inner.talking.involves(&id) {
                return Ok(self.with_talk(view));
            }
            // The agent hears the customer, not the ring tone.
            self.inner.ringer.pause_call(&id);
            self.inner.talking.answering(&id);
            let answered = self.answer_with_audio(devices, &id, offer).await;
            if let Err(e) = &answered {
                self.inner.talking.answer_failed(&id, e.clone());
                self.inner.ringer.resume_call(&id);
            }
            return answered;
        }
        // Two-way audio is its own piece of work: say so, never pretend.
        self.inner.shell.emit(AppEvent::Notice {
            key: "call-audio-unavailable".into(),
        });
        Ok(view)
    }

    async fn decline_call(&self, args: CallRef) -> Result<CallView, CommandError> {
        self.decline(&args.call_id).await
    }

    async fn place_call(&self, args: ConversationRef) -> Result<CallView, CommandError> {
        let devices = self.inner.audio.clone().ok_or_else(|| {
            CommandError::new(
                ErrorCode::AudioFailed,
                "this app has no audio devices: calls cannot be placed",
            )
        })?;
        let choice = self.settings_now().devices();
        let (pending, offer) =
            crate::talking::open_media(devices, choice, switchboard_media::CallSession::offer)
                .await?;
        // Refused (no permission, a limit reached): the offer is dropped.
        let call: switchboard_protocol::Call = self
            .hub()
            .await?
            .send(
                Method::POST,
                &["conversations", &args.conversation_id, "calls"],
                &switchboard_protocol::PlaceCallRequest { sdp: offer },
            )
            .await?;
        self.inner.talking.offer(&call.id, pending);
        // Meta's answer may have come through the feed already.
        let id = call.id.clone();
        let stored = self.read(move |s| s.call(&id)).await?;
        self.inner.talking.follow(stored.as_ref().unwrap_or(&call));
        self.inner.shell.show_call_popup(&call.id);
        self.read(move |s| call_view(s, call))
            .await
            .map(|v| self.with_talk(v))
    }

    async fn hang_up_call(&self, args: CallRef) -> Result<CallView, CommandError> {
        self.hang_up(&args.call_id).await
    }

    async fn mute_call(&self, args: CallMute) -> Result<CallView, CommandError> {
        if !self.inner.talking.mute(&args.call_id, args.muted) {
            return Err(CommandError::new(
                ErrorCode::InvalidInput,
                format!("not talking in call {}", args.call_id),
            ));
        }
        self.call(CallRef {
            call_id: args.call_id,
        })
        .await
    }

    async fn active_calls(&self, (): ()) -> Result<Vec<CallView>, CommandError> {
        let views = self
            .read(|s| {
                s.active_calls()?
                    .into_iter()
                    .map(|call| call_view(s, call))
                    .collect::<Result<Vec<_>, _>>()
            })
            .await?;
        Ok(views.into_iter().map(|v| self.with_talk(v)).collect())
    }

    async fn audio_devices(&self, (): ()) -> Result<AudioDeviceList, CommandError> {
        let devices = self.devices()?;
        tokio::task::spawn_blocking(move || devices.list())
            .await
            .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))?
            .map_err(|m| CommandError::new(ErrorCode::AudioFailed, m))
    }

    async fn test_microphone(
        &self,
        args: MicrophoneTestAsk,
    ) -> Result<MicrophoneCheck, CommandError> {
        let devices = self.devices()?;
        let input = args.input.or(self.settings_now().microphone);
        let shell = self.inner.shell.clone();
        tokio::task::spawn_blocking(move || {
            devices.test_microphone(input.as_deref(), MICROPHONE_TEST, &mut |level| {
                shell.emit(AppEvent::MicrophoneLevel { level })
            })
        })
        .await
        .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))?
        .map_err(|m| CommandError::new(ErrorCode::AudioFailed, m))
    }

    async fn copy_text(&self, args: CopyText) -> Result<(), CommandError> {
        if args.text.len() > 4096 {
            return Err(CommandError::new(
                ErrorCode::InvalidInput,
                "text too long to copy",
            ));
        }
        self.inner
            .shell
            .copy_to_clipboard(&args.text)
            .map_err(|e| CommandError::new(ErrorCode::ClipboardFailed, e))
    }

    async fn sample_notification(&self, args: SampleNotification) -> Result<(), CommandError> {
        let labels = Labels::for_locale(&args.locale);
        let mut fluent = fluent_bundle::FluentArgs::new();
        fluent.set("name", labels.get("sample-caller-name", None));
        fluent.set("number", "+81 90-1234-5678");
        fluent.set("queue", labels.get("sample-queue-name", None));
        fluent.set("channel", "WhatsApp");
        let notice = RenderedNotice {
            summary: labels.get("call-incoming-title", None),
            body: labels.get("call-incoming-body", Some(&fluent)),
            actions: vec![(
                switchboard_desktop::NoticeAction::CopyNumber
                    .key()
                    .to_owned(),
                labels.get("call-copy-number", None),
            )],
            urgency: switchboard_desktop::Urgency::Critical,
            category: "call.incoming",
            resident: true,
            icon: "call-start",
        };
        let shell = self.inner.shell.clone();
        let replies = NoticeReplies {
            send: Arc::new(move |reply| {
                if let crate::shell::NoticeReply::Action { key, .. } = reply
                    && key == switchboard_desktop::NoticeAction::CopyNumber.key()
                    && shell.copy_to_clipboard("+819012345678").is_ok()
                {
                    shell.emit(AppEvent::NumberCopied {
                        number: "+819012345678".into(),
                    });
                }
            }),
        };
        self.inner
            .shell
            .notify(&notice, replies)
            .map(|_| ())
            .map_err(|e| CommandError::new(ErrorCode::NotificationFailed, e))
    }
}

/// The queues whose conversations the agent sees (`None`: all, an admin):
/// the agent's queues as the feed last described them, else as at sign-in.
/// A conversation moved to a queue that is not the agent's (the hub tells
/// the queue it left) leaves what they see.
fn visible_queues(s: &Store, me: &Me) -> Result<Option<Vec<String>>, StoreError> {
    if me.role == switchboard_protocol::Role::Admin {
        return Ok(None);
    }
    Ok(Some(match s.agent(&me.id)? {
        Some(agent) => agent.queue_ids,
        None => me.queues.iter().map(|q| q.id.clone()).collect(),
    }))
}
