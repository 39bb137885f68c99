//! The IPC contract between the shell and the UI, declared once here: every
//! command (its name, arguments, result and which windows may call it), the
//! events the UI hears, the error codes. The shell serves one Tauri command
//! that hands a call to [`dispatch`]; `ui/src/bindings/ipc.ts` is generated
//! from this file by [`typescript`] (`cargo test -p switchboard-app`), so no
//! name is copied by hand between Rust and the UI.

use std::future::Future;

use serde::{Deserialize, Serialize};
use switchboard_protocol::{
    AdminConfig, Agent, Call, CallPermissionRequestResult, Channel, Conversation, CreatedAgent,
    EventLogEntry, Me, Message, MessagePage, NewAgent, NewQueue, NewRoute, Queue, Route, Template,
    WebhookRejectList,
};
use switchboard_store::{ConversationItem, UnreadCounts};
use switchboard_sync::SyncState;
use ts_rs::TS;

pub use crate::admin::{
    AgentEdit, AgentRef, ChannelEdit, ChannelIcon, QueueEdit, RejectsPage, RouteRef,
};
pub use crate::audio::{AudioDeviceList, MicrophoneCheck, MicrophoneLevel};
pub use crate::composer::ComposerView;
pub use crate::editing::{ConversationEdit, TeamView};
pub use crate::outgoing::{Attachment, CallButtonReply, MediaFile, MessageRef};
pub use crate::search::{SearchQuery, SearchResults};
use crate::settings::AppSettings;
pub use crate::starting::{CustomerCheck, CustomerCheckView, NewConversation, StartOutcome};
pub use crate::templates::{TemplateFill, TemplatePreview, TemplateQuery, TemplateValues};

/// The windows of the app, by what they are for. A command names the
/// windows allowed to call it; any other caller is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowKind {
    /// The main window (sign-in, the list, threads, settings).
    Main,
    /// An always-on-top call popup.
    CallPopup,
}

/// The main window's label.
pub const MAIN_WINDOW: &str = "main";
/// Call popups are labelled this prefix and the call's id.
pub const CALL_WINDOW_PREFIX: &str = "call-";
/// The query parameter carrying the call id in a popup's URL.
pub const CALL_QUERY: &str = "call";
/// The one Tauri event name every [`AppEvent`] travels on.
pub const EVENT_CHANNEL: &str = "switchboard://event";
/// The one Tauri command every contract command travels through.
pub const IPC_COMMAND: &str = "ipc";

impl WindowKind {
    /// The kind of the window with this label; an unknown label is none.
    pub fn of_label(label: &str) -> Option<WindowKind> {
        if label == MAIN_WINDOW {
            Some(WindowKind::Main)
        } else if label.starts_with(CALL_WINDOW_PREFIX) {
            Some(WindowKind::CallPopup)
        } else {
            None
        }
    }
}

pub use crate::error::{CommandError, ErrorCode};

/// Sign in: the hub's address and the agent's token.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SignIn {
    pub hub_url: String,
    pub token: String,
}

/// Who is signed in, where, and where their token is kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SessionView {
    /// The hub signed in to (kept after signing out, to prefill the form).
    pub hub_url: Option<String>,
    /// The agent; none when signed out.
    pub agent: Option<Me>,
    /// Where the token is kept (e.g. "Secret Service", "kernel keyring").
    pub token_store: Option<String>,
    /// The app runs a demo team of its own (`switchboard --demo`).
    pub demo: bool,
}

/// Which conversations the list shows.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ListConversations {
    /// Only this queue's.
    pub queue_id: Option<String>,
    /// Only those assigned to me.
    #[serde(default)]
    pub mine_only: bool,
    /// Open windows first, least time left first (else: latest first).
    #[serde(default)]
    pub by_time_left: bool,
    /// At most this many (default 200, at most 1,000).
    pub limit: Option<u32>,
}

/// A conversation.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConversationRef {
    pub conversation_id: String,
}

/// A page of a thread.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ThreadPage {
    pub conversation_id: String,
    /// The page before this message id (the newest when none).
    pub before: Option<String>,
    /// Messages per page (default 50, at most 500).
    pub limit: Option<u32>,
}

/// A text reply, queued in the outbox.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Reply {
    pub conversation_id: String,
    pub text: String,
}

/// A template to send in a conversation, with its values.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TemplateReply {
    pub conversation_id: String,
    pub template_id: String,
    #[serde(flatten)]
    pub values: TemplateValues,
}

/// A call-permission request in a conversation, with the agent's words
/// (the hub's default text when none).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PermissionAsk {
    pub conversation_id: String,
    #[serde(default)]
    pub body_text: Option<String>,
}

/// A call.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CallRef {
    pub call_id: String,
}

/// A call as the popup shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CallView {
    pub call: Call,
    /// The customer's name, when known.
    pub customer_name: Option<String>,
    /// E.164 (`+…`), or `@username` when the number is unknown.
    pub customer_handle: String,
    /// The E.164 number to copy, when known.
    pub number: Option<String>,
    pub queue_name: String,
    /// The messaging channel ("WhatsApp").
    pub channel: String,
    /// Whether this call still rings (answer and decline make sense).
    pub ringing: bool,
    /// The agent's audio in this call, while there is a session.
    pub talk: Option<CallTalk>,
    /// Why answering it here failed (`audio_failed`: the call still rings),
    /// wherever the agent pressed Answer (the popup, the notification).
    pub answer_failed: Option<CommandError>,
}

/// Where the agent's audio in a call is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TalkState {
    Connecting,
    Connected,
    Ended,
}

/// The agent's audio in a call: its state, mute, and the network's
/// quality (what the agent hears is late or lost).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CallTalk {
    pub state: TalkState,
    pub muted: bool,
    /// Incoming audio packets lost, in percent.
    pub loss_percent: f64,
    /// Inter-arrival jitter of the incoming audio, in milliseconds.
    pub jitter_ms: f64,
}

/// Mutes or unmutes the agent's microphone in a call.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CallMute {
    pub call_id: String,
    pub muted: bool,
}

/// Which microphone to test.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MicrophoneTestAsk {
    /// A device id from [`Commands::audio_devices`]; none: the one chosen
    /// in the settings (else the system's default).
    pub input: Option<String>,
}

/// Text to put on the clipboard.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CopyText {
    pub text: String,
}

/// A sample incoming-call notification, to check notifications work.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SampleNotification {
    /// The language of its texts (the UI's current one).
    pub locale: String,
}

/// What the shell tells the UI, on [`EVENT_CHANNEL`].
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "event", rename_all = "snake_case")]
#[ts(export)]
pub enum AppEvent {
    /// Signed in or out.
    Session { session: SessionView },
    /// The sync's state changed.
    SyncState { state: SyncState },
    /// These conversations changed (their threads too); `all`: reload
    /// everything (a resync, a missed update).
    ConversationsChanged { ids: Vec<String>, all: bool },
    /// The unread counts changed.
    Unread { counts: UnreadCounts },
    /// The team's queues, agents or channels changed (or everything was
    /// reloaded): a view naming them asks for `team` again.
    TeamChanged,
    /// A call changed (a popup follows its call).
    CallChanged { call: Box<CallView> },
    /// The number was put on the clipboard.
    NumberCopied { number: String },
    /// Show this conversation (a notice was clicked).
    OpenConversation { conversation_id: String },
    /// A message for the agent, as a catalog key of `ui/locales` (e.g.
    /// audio is not available yet).
    Notice { key: String },
    /// The settings changed (the language, say).
    Settings { settings: AppSettings },
    /// The microphone's level during "test my microphone".
    MicrophoneLevel { level: MicrophoneLevel },
}

/// Declares the commands: generates the [`Commands`] trait the core
/// implements, [`dispatch`] and [`COMMANDS`] (for the TypeScript export).
macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident($args:ty) -> $ret:ty, windows: [$($w:ident),+];
    )*) => {
        /// The commands, as the core serves them.
        pub trait Commands: Send + Sync {
            $(
                $(#[doc = $doc])*
                fn $name(&self, args: $args) -> impl Future<Output = Result<$ret, CommandError>> + Send;
            )*
        }

        /// Runs the command `name` for a window of kind `window` with its
        /// JSON arguments; the result as JSON.
        pub async fn dispatch<C: Commands>(
            core: &C,
            window: WindowKind,
            name: &str,
            args: serde_json::Value,
        ) -> Result<serde_json::Value, CommandError> {
            match name {
                $(
                    stringify!($name) => {
                        if ![$(WindowKind::$w),+].contains(&window) {
                            return Err(CommandError::new(
                                ErrorCode::NotAllowed,
                                format!("this window may not call {name}"),
                            ));
                        }
                        let args: $args = serde_json::from_value(args).map_err(|e| {
                            CommandError::new(ErrorCode::InvalidInput, format!("{name}: {e}"))
                        })?;
                        let out = core.$name(args).await?;
                        serde_json::to_value(out)
                            .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))
                    }
                )*
                _ => Err(CommandError::new(
                    ErrorCode::UnknownCommand,
                    format!("no command {name:?}"),
                )),
            }
        }

        /// Every command: name, documentation, and how to name its types in
        /// TypeScript.
        pub(crate) fn commands() -> Vec<CommandSpec> {
            vec![$(
                CommandSpec {
                    name: stringify!($name),
                    doc: concat!($($doc, "\n"),*),
                    args: ts_type::<$args>,
                    ret: ts_type::<$ret>,
                    deps: |deps| {
                        collect_deps::<$args>(deps);
                        collect_deps::<$ret>(deps);
                    },
                    windows: &[$(stringify!($w)),+],
                },
            )*]
        }
    };
}

commands! {
    /// Who is signed in (none when signed out).
    session(()) -> SessionView, windows: [Main, CallPopup];
    /// Checks the token against the hub (`/api/v1/me`), keeps it in the
    /// OS keyring and starts syncing.
    sign_in(SignIn) -> SessionView, windows: [Main];
    /// Stops syncing and forgets the token (the local store stays).
    sign_out(()) -> SessionView, windows: [Main];
    /// The agent's settings.
    settings(()) -> AppSettings, windows: [Main, CallPopup];
    /// Saves the agent's settings.
    save_settings(AppSettings) -> AppSettings, windows: [Main];
    /// Where the sync stands.
    sync_state(()) -> SyncState, windows: [Main];
    /// The conversation list, from the local store.
    conversations(ListConversations) -> Vec<ConversationItem>, windows: [Main];
    /// One conversation, from the local store.
    conversation(ConversationRef) -> Option<ConversationItem>, windows: [Main, CallPopup];
    /// A page of a thread (pending replies included), from the local store.
    thread(ThreadPage) -> MessagePage, windows: [Main];
    /// What the agent may send in the conversation now (the domain's
    /// composer rules at the clock's instant): free text inside the
    /// customer-service window, approved templates only outside it, and
    /// when that changes.
    composer(ConversationRef) -> ComposerView, windows: [Main];
    /// The approved templates that match (name, text, tag; language and
    /// category), best first, from the local store.
    templates(TemplateQuery) -> Vec<Template>, windows: [Main];
    /// A template filled with the agent's values, as the customer will see
    /// it, and what is wrong with the values.
    preview_template(TemplateFill) -> TemplatePreview, windows: [Main];
    /// Queues a template (checked first: approved, the values complete and
    /// valid, templates allowed here): shown as pending at once, sent when
    /// the hub answers.
    send_template(TemplateReply) -> Message, windows: [Main];
    /// Asks the customer for permission to call, through the hub (online
    /// only: the hub checks the limits and says why not); the request sent
    /// and the permission's summary after it.
    request_call_permission(PermissionAsk) -> CallPermissionRequestResult, windows: [Main];
    /// Queues a text reply: shown as pending at once, sent when the hub answers.
    send_reply(Reply) -> Message, windows: [Main];
    /// The agent has seen the conversation.
    mark_read(ConversationRef) -> UnreadCounts, windows: [Main];
    /// The unread counts.
    unread(()) -> UnreadCounts, windows: [Main];
    /// Full-text search in the local store: customers, then messages
    /// newest first, in the conversations the agent may see, with the
    /// matches marked.
    search(SearchQuery) -> SearchResults, windows: [Main];
    /// A call, as the popup shows it.
    call(CallRef) -> CallView, windows: [Main, CallPopup];
    /// The calls going on now (ringing, connecting, connected), oldest
    /// first, as the popup shows them: the main window's incoming-call
    /// banner (`call_changed` events follow them).
    active_calls(()) -> Vec<CallView>, windows: [Main];
    /// Answers a call: brings its popup and conversation to the front and,
    /// with the agent's audio devices, answers Meta's offer and accepts
    /// through the hub (`audio_failed` when the audio cannot start: the
    /// call still rings); without devices the popup says there is no audio.
    answer_call(CallRef) -> CallView, windows: [Main, CallPopup];
    /// Declines a call through the hub.
    decline_call(CallRef) -> CallView, windows: [Main, CallPopup];
    /// Calls the customer of a conversation (their call permission allows
    /// it: else the hub's refusal, in words): the agent's audio offers,
    /// the hub connects, Meta's answer starts the audio; the popup opens.
    place_call(ConversationRef) -> CallView, windows: [Main];
    /// Hangs up a call: the agent's audio ends and the hub ends the call.
    hang_up_call(CallRef) -> CallView, windows: [Main, CallPopup];
    /// Mutes or unmutes the agent in a call they are talking in.
    mute_call(CallMute) -> CallView, windows: [Main, CallPopup];
    /// The microphones and speakers to choose from for calls.
    audio_devices(()) -> AudioDeviceList, windows: [Main];
    /// "Test my microphone": records a few seconds from the microphone
    /// (the chosen one when none is named), telling the level every 100 ms
    /// ([`AppEvent::MicrophoneLevel`]), and says whether it heard anything.
    test_microphone(MicrophoneTestAsk) -> MicrophoneCheck, windows: [Main];
    /// Puts text (a number) on the clipboard.
    copy_text(CopyText) -> (), windows: [Main, CallPopup];
    /// Shows a sample incoming-call notification.
    sample_notification(SampleNotification) -> (), windows: [Main];
    /// Changes a conversation's assignment, status, priority, queue or
    /// tags through the hub (online only); the hub's view after it.
    update_conversation(ConversationEdit) -> Conversation, windows: [Main];
    /// The conversation's event log, oldest first, from the local store.
    event_log(ConversationRef) -> Vec<EventLogEntry>, windows: [Main];
    /// Queues, agents and channels as this agent sees them, from the
    /// local store.
    team(()) -> TeamView, windows: [Main];
    /// Queues a call-button message (inside the window): pending at once.
    send_call_button(CallButtonReply) -> Message, windows: [Main];
    /// Checks a file against WhatsApp's types and sizes, uploads it through
    /// the hub (online only) and queues the message: pending at once.
    send_attachment(Attachment) -> Message, windows: [Main];
    /// A message's media (image, audio, video, document), through the hub.
    message_media(MessageRef) -> MediaFile, windows: [Main];
    /// Sends a failed message again (pending at once).
    retry_message(MessageRef) -> Message, windows: [Main];
    /// Gives up a failed message that never reached the hub: it leaves the
    /// thread.
    discard_message(MessageRef) -> (), windows: [Main];
    /// A number checked for a new conversation (E.164), and the customer's
    /// existing conversation on that channel, from the local store.
    check_customer(CustomerCheck) -> CustomerCheckView, windows: [Main];
    /// Starts a conversation with a template through the hub (online
    /// only), or names the customer's existing one.
    start_conversation(NewConversation) -> StartOutcome, windows: [Main];
    /// Admin: channels, queues, routes, agents and configuration warnings.
    admin_config(()) -> AdminConfig, windows: [Main];
    /// Admin: webhook items the hub could not read, newest first.
    webhook_rejects(RejectsPage) -> WebhookRejectList, windows: [Main];
    /// Admin: a channel enabled or disabled (its data kept), its status,
    /// redaction or limits changed.
    update_channel(ChannelEdit) -> Channel, windows: [Main];
    /// Admin: a channel's icon (JPG or PNG, at most 1 MB; refused with the
    /// reason before the upload).
    set_channel_icon(ChannelIcon) -> Channel, windows: [Main];
    /// Admin: a new queue.
    add_queue(NewQueue) -> Queue, windows: [Main];
    /// Admin: a queue's wait strategy.
    update_queue(QueueEdit) -> Queue, windows: [Main];
    /// Admin: a new route.
    add_route(NewRoute) -> Route, windows: [Main];
    /// Admin: a route removed (routed conversations keep their queue).
    remove_route(RouteRef) -> (), windows: [Main];
    /// Admin: a new agent, with their token (shown this once).
    add_agent(NewAgent) -> CreatedAgent, windows: [Main];
    /// Admin: an agent's name, role or queues.
    update_agent(AgentEdit) -> Agent, windows: [Main];
    /// Admin: a new token for an agent (shown this once); the old one is
    /// refused at once.
    rotate_agent_token(AgentRef) -> CreatedAgent, windows: [Main];
    /// Admin: an agent's token revoked.
    revoke_agent_token(AgentRef) -> (), windows: [Main];
}

/// One command, for the TypeScript export.
pub(crate) struct CommandSpec {
    pub name: &'static str,
    pub doc: &'static str,
    pub args: fn(&ts_rs::Config) -> String,
    pub ret: fn(&ts_rs::Config) -> String,
    pub deps: fn(&mut Vec<(String, std::path::PathBuf)>),
    pub windows: &'static [&'static str],
}

fn ts_type<T: TS>(cfg: &ts_rs::Config) -> String {
    T::name(cfg)
}

fn collect_deps<T: TS + 'static>(deps: &mut Vec<(String, std::path::PathBuf)>) {
    struct Visit<'a>(&'a ts_rs::Config, &'a mut Vec<(String, std::path::PathBuf)>);
    impl ts_rs::TypeVisitor for Visit<'_> {
        fn visit<T: TS + 'static + ?Sized>(&mut self) {
            if let Some(path) = T::output_path() {
                self.1.push((T::ident(self.0), path));
            }
        }
    }
    let cfg = ts_rs::Config::from_env();
    if let Some(path) = T::output_path() {
        deps.push((T::ident(&cfg), path));
    }
    T::visit_dependencies(&mut Visit(&cfg, deps));
    T::visit_generics(&mut Visit(&cfg, deps));
}

/// `ui/src/bindings/ipc.ts`: the command map, the event channel, the
/// window labels and the error codes' home, all from this file.
pub fn typescript() -> String {
    let cfg = ts_rs::Config::from_env();
    let specs = commands();
    let mut deps = Vec::new();
    for s in &specs {
        (s.deps)(&mut deps);
    }
    collect_deps::<AppEvent>(&mut deps);
    collect_deps::<CommandError>(&mut deps);
    collect_deps::<ErrorCode>(&mut deps);
    deps.sort();
    deps.dedup();
    let body = body(&cfg, &specs);
    let mut types: Vec<String> = vec!["AppEvent".into(), "CommandError".into()];
    for s in &specs {
        types.push((s.args)(&cfg));
        types.push((s.ret)(&cfg));
    }
    let used = |name: &str| {
        types.iter().any(|t| {
            t.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .any(|w| w == name)
        })
    };
    let mut out = String::from(
        "// Generated from crates/app/src/contract.rs by `cargo test -p switchboard-app`; do not edit.\n",
    );
    for (name, path) in deps.iter().filter(|(n, _)| used(n)) {
        let module = path.with_extension("");
        out.push_str(&format!(
            "import type {{ {name} }} from \"./{}\";\n",
            module.display()
        ));
    }
    out.push_str(&body);
    out
}

/// Everything after the imports.
fn body(cfg: &ts_rs::Config, specs: &[CommandSpec]) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "\n/** The Tauri command every contract command travels through. */\nexport const IPC_COMMAND = {IPC_COMMAND:?};\n"
    ));
    out.push_str(&format!(
        "/** The Tauri event every `AppEvent` travels on. */\nexport const EVENT_CHANNEL = {EVENT_CHANNEL:?};\n"
    ));
    out.push_str(&format!(
        "/** The main window's label. */\nexport const MAIN_WINDOW = {MAIN_WINDOW:?};\n"
    ));
    out.push_str(&format!(
        "/** Call popups are labelled this prefix and the call's id. */\nexport const CALL_WINDOW_PREFIX = {CALL_WINDOW_PREFIX:?};\n"
    ));
    out.push_str(&format!(
        "/** The query parameter carrying the call id in a popup's URL. */\nexport const CALL_QUERY = {CALL_QUERY:?};\n\n"
    ));
    out.push_str("/** Every command: its arguments and result. */\nexport interface Commands {\n");
    for s in specs {
        out.push_str("  /**\n");
        for line in s.doc.lines() {
            out.push_str(&format!("   *{line}\n"));
        }
        out.push_str(&format!("   * Windows: {}.\n   */\n", s.windows.join(", ")));
        out.push_str(&format!(
            "  {}: {{ args: {}; result: {} }};\n",
            s.name,
            (s.args)(cfg),
            (s.ret)(cfg)
        ));
    }
    out.push_str("}\n\nexport type CommandName = keyof Commands;\n");
    out.push_str("/** Every event the shell emits. */\nexport type Event = AppEvent;\n");
    out.push_str("/** An error of a command. */\nexport type Error = CommandError;\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `ui/src/bindings/ipc.ts` (with the ts-rs exports, which
    /// `scripts/check-bindings.sh` runs and then checks for changes).
    #[test]
    fn export_bindings_ipc() {
        // .cargo/config.toml sets it (absolute: `relative = true`).
        let dir = std::path::PathBuf::from(
            std::env::var("TS_RS_EXPORT_DIR").unwrap_or_else(|_| "./bindings".into()),
        );
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("ipc.ts"), typescript()).unwrap();
    }

    #[test]
    fn every_command_is_in_the_typescript_map() {
        let ts = typescript();
        for s in commands() {
            assert!(
                ts.contains(&format!("  {}: {{ args:", s.name)),
                "{}",
                s.name
            );
        }
        assert!(ts.contains("import type { ConversationItem } from \"./ConversationItem\";"));
        assert!(
            !ts.contains("import type { ChangesPage } from"),
            "only what the map names"
        );
        assert!(ts.contains("sign_in: { args: SignIn; result: SessionView };"));
        assert!(ts.contains("copy_text: { args: CopyText; result: null };"));
    }

    #[test]
    fn window_kinds_come_from_labels() {
        assert_eq!(WindowKind::of_label("main"), Some(WindowKind::Main));
        assert_eq!(
            WindowKind::of_label("call-abc"),
            Some(WindowKind::CallPopup)
        );
        assert_eq!(WindowKind::of_label("other"), None);
    }
}
