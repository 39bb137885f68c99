//! The notifier's thread: it feeds the desktop [`Notifier`] with what the
//! sync applied, the agent's actions and the clock, and carries out what
//! it decides through the [`Shell`] (notifications, popups, clipboard) and
//! the store (the warnings fired, so a restart fires none twice).
//!
//! One thread, not a task: the notifier's host calls are synchronous, and
//! saving the fired warnings must finish before the warning is posted.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use chrono::{DateTime, Utc};
use switchboard_desktop::{
    Command, Event, FiredWarnings, Host, Notice, NoticeAction, NoticeId, NoticeKind, Notifier,
    Snapshot, Window,
};
use switchboard_domain::clock::Clock;
use switchboard_protocol::{Call, CallState, ChangeData, Me};
use switchboard_store::ConversationFilter;
use switchboard_sync::{StoreHandle, SyncError, Update};

use crate::contract::AppEvent;
use crate::labels::{Labels, render};
use crate::settings::AppSettings;
use crate::shell::{NoticeReplies, NoticeReply, Shell};

/// The store's settings key of the warnings fired.
const FIRED_KEY: &str = "fired_warnings";
/// The longest the thread sleeps without a reason to wake.
const IDLE: Duration = Duration::from_secs(3600);

/// What the thread is told.
pub(crate) enum Input {
    Update(Update),
    /// Updates were missed: reload from the store.
    Lagged,
    Reply(NoticeReply),
    Read(String),
    Settings(AppSettings),
    /// The core's own call changes (a decline's answer), and the shell's
    /// "show me this call" before the feed has it.
    Call(Box<Call>),
    Stop,
}

/// What the thread needs.
pub(crate) struct Parts {
    pub shell: Arc<dyn Shell>,
    pub store: StoreHandle,
    pub clock: Arc<dyn Clock>,
    pub runtime: tokio::runtime::Handle,
    pub me: Me,
    pub settings: AppSettings,
    /// A new device: announce nothing until the first sync is done, then
    /// start from what it brought.
    pub fresh: bool,
    /// Declines a call through the hub (the core's HTTP client).
    pub decline: Arc<dyn Fn(String) + Send + Sync>,
    /// Answers a call with the agent's audio (as the popup's Answer does).
    pub answer: Arc<dyn Fn(String) + Send + Sync>,
    /// The calls the agent is in (their popups stay open).
    pub talking: Arc<crate::talking::Talking>,
    /// The ring tone of the calls ringing for the agent.
    pub ringer: Arc<crate::ringing::Ringer>,
}

/// Starts the thread; send it [`Input`]s, [`Input::Stop`] to end it.
pub(crate) fn start(parts: Parts) -> (Sender<Input>, std::thread::JoinHandle<()>) {
    let (tx, rx) = std::sync::mpsc::channel();
    let replies_tx = tx.clone();
    let replies = NoticeReplies {
        send: Arc::new(move |r| {
            let _ = replies_tx.send(Input::Reply(r));
        }),
    };
    let thread = std::thread::Builder::new()
        .name("switchboard-notifier".into())
        .spawn(move || Worker::new(parts, replies).run(rx))
        .unwrap_or_else(|e| {
            tracing::error!(error = %e, "cannot start the notifier's thread");
            std::thread::spawn(|| {})
        });
    (tx, thread)
}

struct Worker {
    parts: Parts,
    replies: NoticeReplies,
    labels: Labels,
    notifier: Option<Notifier>,
    /// Ids handed out for notices the notification server refused (above
    /// every server id, so withdrawing them does nothing).
    refused: u64,
}

impl Worker {
    fn new(parts: Parts, replies: NoticeReplies) -> Self {
        let labels = Labels::for_locale(&parts.settings.language);
        Self {
            parts,
            replies,
            labels,
            notifier: None,
            refused: u64::from(u32::MAX),
        }
    }

    fn run(mut self, rx: Receiver<Input>) {
        if !self.parts.fresh {
            self.restore();
        }
        loop {
            self.tick_if_due();
            let wait = self.until_wakeup();
            let input = match rx.recv_timeout(wait) {
                Ok(Input::Stop) | Err(RecvTimeoutError::Disconnected) => {
                    self.parts.ringer.stop_all();
                    break;
                }
                Ok(input) => input,
                Err(RecvTimeoutError::Timeout) => continue,
            };
            self.handle(input);
        }
    }

    fn now(&self) -> DateTime<Utc> {
        self.parts.clock.now()
    }

    fn until_wakeup(&self) -> Duration {
        let Some(at) = self.notifier.as_ref().and_then(Notifier::next_wakeup) else {
            return IDLE;
        };
        (at - self.now())
            .to_std()
            .unwrap_or(Duration::ZERO)
            .min(IDLE)
    }

    fn tick_if_due(&mut self) {
        let now = self.now();
        if self
            .notifier
            .as_ref()
            .and_then(Notifier::next_wakeup)
            .is_some_and(|at| at <= now)
        {
            self.event(Event::Tick(now));
        }
    }

    fn store<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut switchboard_store::Store) -> Result<T, switchboard_store::StoreError>
        + Send
        + 'static,
    ) -> Result<T, SyncError> {
        self.parts.runtime.block_on(self.parts.store.run(f))
    }

    /// Starts the notifier from the store: the conversations, the warnings
    /// fired before, the unread counts; then the calls still ringing and a
    /// tick (what fell due while the app was closed fires now, once).
    fn restore(&mut self) {
        let now = self.now();
        let loaded = self.store(move |s| {
            let conversations = all_conversations(s, now)?;
            let fired = s
                .setting(FIRED_KEY)?
                .and_then(|j| serde_json::from_str::<FiredWarnings>(&j).ok())
                .unwrap_or_default();
            let unread = s.unread_counts()?.by_conversation;
            let calls = s.active_calls()?;
            Ok((conversations, fired, unread, calls))
        });
        let (conversations, fired, unread, calls) = match loaded {
            Ok(l) => l,
            Err(e) => {
                tracing::error!(error = %e, "cannot read the store: notifications start empty");
                (
                    Vec::new(),
                    FiredWarnings::default(),
                    BTreeMap::new(),
                    Vec::new(),
                )
            }
        };
        self.notifier = Some(Notifier::restore(
            self.parts.me.clone(),
            self.parts.settings.notifier_settings(),
            Snapshot {
                conversations,
                fired,
                unread,
            },
        ));
        for call in calls {
            self.event(Event::CallChanged(call));
        }
        self.event(Event::Tick(now));
    }

    fn handle(&mut self, input: Input) {
        match input {
            Input::Update(Update::State(state)) => {
                if self.notifier.is_none() && state.is_online() {
                    self.restore();
                }
            }
            Input::Update(Update::Changes(applied)) => {
                for change in applied.changes.iter() {
                    match &change.change {
                        ChangeData::Conversation(c) => {
                            self.event(Event::ConversationChanged(c.clone()));
                        }
                        ChangeData::Message(m) => self.event(Event::MessageAdded(m.clone())),
                        ChangeData::Call(c) => {
                            self.call_changed(c);
                            self.event(Event::CallChanged(c.clone()));
                        }
                        ChangeData::Agent(a) if a.id == self.parts.me.id => self.agent_changed(a),
                        _ => {}
                    }
                }
            }
            Input::Update(Update::Resynced) | Input::Lagged => {
                if self.notifier.is_some() {
                    self.reload_conversations();
                }
            }
            Input::Update(Update::Outbox(_) | Update::SearchIndexed) => {}
            Input::Reply(NoticeReply::Action { id, key }) => match NoticeAction::from_key(&key) {
                Some(action) => self.event(Event::NoticeActivated {
                    notice: NoticeId(u64::from(id)),
                    action,
                }),
                None => tracing::warn!(%key, "a notification action this app does not offer"),
            },
            Input::Reply(NoticeReply::Closed { id }) => {
                self.event(Event::NoticeClosed(NoticeId(u64::from(id))));
            }
            Input::Read(conversation_id) => {
                self.event(Event::ConversationRead { conversation_id });
            }
            Input::Settings(settings) => {
                self.labels = Labels::for_locale(&settings.language);
                self.event(Event::SettingsChanged(settings.notifier_settings()));
                self.parts.settings = settings;
            }
            Input::Call(call) => {
                self.call_changed(&call);
                self.event(Event::CallChanged(*call));
            }
            Input::Stop => {}
        }
    }

    /// The agent's queues or name changed (an admin moved them): the
    /// notifier follows; the queues' names come from the store.
    fn agent_changed(&mut self, agent: &switchboard_protocol::Agent) {
        let ids = agent.queue_ids.clone();
        let queues = self.store(move |s| {
            Ok(s.queues()?
                .into_iter()
                .filter(|q| ids.contains(&q.id))
                .collect::<Vec<_>>())
        });
        let Ok(queues) = queues else { return };
        let me = Me {
            id: agent.id.clone(),
            name: agent.name.clone(),
            role: agent.role,
            queues,
        };
        self.parts.me = me.clone();
        self.event(Event::AgentChanged(me));
    }

    /// After a resync or missed updates: every conversation again (the
    /// notifier keeps what it showed; unchanged ones change nothing).
    fn reload_conversations(&mut self) {
        let now = self.now();
        let loaded = self.store(move |s| Ok((all_conversations(s, now)?, s.active_calls()?)));
        match loaded {
            Ok((conversations, calls)) => {
                for c in conversations {
                    self.event(Event::ConversationChanged(c));
                }
                for c in calls {
                    self.event(Event::CallChanged(c));
                }
            }
            Err(e) => tracing::error!(error = %e, "cannot reload the conversations"),
        }
    }

    /// Tells the popups; closes this call's popup once the call is over,
    /// or no longer rings and the agent is not in it here (answered
    /// elsewhere).
    fn call_changed(&self, call: &Call) {
        let over = matches!(
            call.state,
            CallState::Ended | CallState::Declined | CallState::Missed | CallState::Failed
        );
        if over || (call.state != CallState::Ringing && !self.parts.talking.involves(&call.id)) {
            self.parts.shell.close_call_popup(&call.id);
        }
        let call = call.clone();
        let view = self
            .store(move |s| crate::calls::call_view(s, call))
            .map(|v| self.parts.talking.decorate(v));
        match view {
            Ok(view) => self.parts.shell.emit(AppEvent::CallChanged {
                call: Box::new(view),
            }),
            Err(e) => tracing::warn!(error = %e, "cannot describe a call"),
        }
    }

    fn event(&mut self, event: Event) {
        let Some(mut notifier) = self.notifier.take() else {
            return;
        };
        let mut host = HostAdapter { worker: self };
        let commands = notifier.handle(event, &mut host);
        self.notifier = Some(notifier);
        for command in commands {
            match command {
                Command::DeclineCall { call_id } => (self.parts.decline)(call_id),
                Command::AnswerCall { call_id } => (self.parts.answer)(call_id),
            }
        }
    }
}

/// Every conversation the store has (`now` decides which windows are open).
fn all_conversations(
    s: &switchboard_store::Store,
    now: DateTime<Utc>,
) -> Result<Vec<switchboard_protocol::Conversation>, switchboard_store::StoreError> {
    let filter = ConversationFilter {
        limit: u32::MAX,
        ..ConversationFilter::default()
    };
    Ok(s.conversations(&filter, now)?
        .into_iter()
        .map(|i| i.conversation)
        .collect())
}

/// The notifier's [`Host`], on the shell and the store.
struct HostAdapter<'a> {
    worker: &'a mut Worker,
}

impl Host for HostAdapter<'_> {
    fn notify(&mut self, notice: Notice) -> NoticeId {
        let w = &mut *self.worker;
        let rendered = render(&notice, &w.labels);
        match w.parts.shell.notify(&rendered, w.replies.clone()) {
            Ok(id) => {
                if let NoticeKind::IncomingCall(call) = &notice.kind
                    && w.parts.settings.ring_tone
                {
                    let speaker = w.parts.settings.speaker.as_deref();
                    w.parts.ringer.start(u64::from(id), &call.call_id, speaker);
                }
                NoticeId(u64::from(id))
            }
            Err(e) => {
                tracing::error!(error = %e, summary = %rendered.summary, "the notification service refused a notice");
                w.refused += 1;
                NoticeId(w.refused)
            }
        }
    }

    fn withdraw(&mut self, id: NoticeId) {
        self.worker.parts.ringer.stop_notice(id.0);
        if let Ok(id) = u32::try_from(id.0) {
            self.worker.parts.shell.withdraw(id);
        }
    }

    fn copy_to_clipboard(&mut self, text: &str) {
        let shell = &self.worker.parts.shell;
        match shell.copy_to_clipboard(text) {
            Ok(()) => shell.emit(AppEvent::NumberCopied {
                number: text.to_owned(),
            }),
            Err(e) => tracing::error!(error = %e, "cannot write the clipboard"),
        }
    }

    fn open_window(&mut self, window: Window) {
        let shell = &self.worker.parts.shell;
        match window {
            Window::Conversation { conversation_id } => shell.show_conversation(&conversation_id),
            Window::CallPopup { call_id } => shell.show_call_popup(&call_id),
        }
    }

    fn save_fired_warnings(&mut self, fired: &FiredWarnings) {
        let json = match serde_json::to_string(fired) {
            Ok(j) => j,
            Err(e) => {
                tracing::error!(error = %e, "cannot encode the warnings fired");
                return;
            }
        };
        if let Err(e) = self.worker.store(move |s| s.set_setting(FIRED_KEY, &json)) {
            tracing::error!(error = %e, "cannot save the warnings fired");
        }
    }
}
