//! From the sync engine to the agent: every update goes to the notifier at
//! once (a ringing call must not wait); the UI hears which conversations
//! changed, the unread counts and that the team changed, gathered while changes pour in (a
//! bootstrap, a burst of webhooks): each event is a script the webview
//! runs, and the webview's memory grows with their number, so a burst
//! costs at most one event of each kind per [`UI_EVERY`]. A lone change
//! still reaches the UI at once.

use std::collections::BTreeSet;
use std::sync::Arc;

use switchboard_protocol::ChangeData;
use switchboard_sync::{StoreHandle, Update};
use tokio::sync::broadcast::error::RecvError;
use tokio::time::{Duration, Instant};

use crate::contract::AppEvent;
use crate::notices::Input;
use crate::shell::Shell;

/// The least time between two events of the same kind to the UI.
pub(crate) const UI_EVERY: Duration = Duration::from_millis(250);

/// What the UI has still to hear of.
#[derive(Default)]
struct Gathered {
    ids: BTreeSet<String>,
    all: bool,
    unread: bool,
    team: bool,
}

impl Gathered {
    fn is_empty(&self) -> bool {
        self.ids.is_empty() && !self.all && !self.unread && !self.team
    }

    /// Everything to be reloaded (a resync, missed updates).
    fn everything(&mut self) {
        self.all = true;
        self.unread = true;
        self.team = true;
    }
}

/// Whether a change renames or adds what the views name: a queue, an agent
/// or a channel.
fn changes_team(change: &ChangeData) -> bool {
    matches!(
        change,
        ChangeData::Queue(_) | ChangeData::Agent(_) | ChangeData::Channel(_)
    )
}

/// The agent's queues as the session knows them.
pub(crate) struct Membership {
    pub agent_id: String,
    pub queues: BTreeSet<String>,
    pub resync: switchboard_sync::ResyncHandle,
    /// The feed position of the change that asked for the last resync: the
    /// replay brings that change and older ones again, which must not ask
    /// for another.
    pub resynced_at: i64,
}

impl Membership {
    /// When an admin changed the agent's queues: the feed is read again
    /// from the start, which brings the joined queues' earlier changes
    /// (they lie below the store's position).
    fn follow(&mut self, changes: &[switchboard_protocol::Change]) {
        for change in changes {
            if let switchboard_protocol::ChangeData::Agent(a) = &change.change
                && a.id == self.agent_id
                && change.seq > self.resynced_at
            {
                let queues: BTreeSet<String> = a.queue_ids.iter().cloned().collect();
                if queues != self.queues {
                    let joined = queues.difference(&self.queues).count();
                    self.queues = queues;
                    if joined > 0 {
                        tracing::info!(joined, "the agent joined queues: full resync");
                        self.resynced_at = change.seq;
                        self.resync.resync();
                    }
                }
            }
        }
    }
}

/// Follows the engine's updates until the engine stops: the notifier gets
/// every one, the UI the state and (gathered) which conversations changed,
/// the tray and the UI the unread count.
pub(crate) async fn forward(
    mut updates: tokio::sync::broadcast::Receiver<Update>,
    talking: Arc<crate::talking::Talking>,
    store: StoreHandle,
    shell: Arc<dyn Shell>,
    notifier: std::sync::mpsc::Sender<Input>,
    mut membership: Membership,
) {
    let mut to_ui = UiEvents {
        store,
        shell: shell.clone(),
        gathered: Gathered::default(),
        last: None,
        unread_total: None,
    };
    loop {
        let due = to_ui.due();
        let received = tokio::select! {
            r = updates.recv() => r,
            () = sleep_until(due), if due.is_some() => {
                to_ui.flush().await;
                continue;
            }
        };
        let update = match received {
            Ok(u) => u,
            Err(RecvError::Lagged(_)) => {
                let _ = notifier.send(Input::Lagged);
                to_ui.gathered.everything();
                to_ui.flush_if_quiet().await;
                continue;
            }
            Err(RecvError::Closed) => {
                to_ui.flush().await;
                return;
            }
        };
        match &update {
            Update::State(state) => shell.emit(AppEvent::SyncState {
                state: state.clone(),
            }),
            Update::Changes(applied) => {
                membership.follow(&applied.changes);
                for change in applied.changes.iter() {
                    if let ChangeData::Call(call) = &change.change {
                        talking.follow(call);
                    }
                    to_ui.gathered.team |= changes_team(&change.change);
                }
                to_ui
                    .gathered
                    .ids
                    .extend(applied.conversations.iter().cloned());
                to_ui.gathered.unread = true;
            }
            Update::Resynced => to_ui.gathered.everything(),
            Update::Outbox(entry) => {
                to_ui.gathered.ids.insert(entry.conversation_id.clone());
            }
            Update::SearchIndexed => {}
        }
        let _ = notifier.send(Input::Update(update));
        to_ui.flush_if_quiet().await;
    }
}

async fn sleep_until(due: Option<Instant>) {
    match due {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

/// The UI's events, gathered and sent at most once per [`UI_EVERY`].
struct UiEvents {
    store: StoreHandle,
    shell: Arc<dyn Shell>,
    gathered: Gathered,
    /// When the last events went.
    last: Option<Instant>,
    unread_total: Option<u32>,
}

impl UiEvents {
    /// When what is gathered is to go (none: nothing is).
    fn due(&self) -> Option<Instant> {
        if self.gathered.is_empty() {
            return None;
        }
        Some(self.last.map_or_else(Instant::now, |t| t + UI_EVERY))
    }

    /// Sends now when the last events went long enough ago; else the
    /// gathered wait for [`Self::due`].
    async fn flush_if_quiet(&mut self) {
        if self.due().is_some_and(|at| at <= Instant::now()) {
            self.flush().await;
        }
    }

    async fn flush(&mut self) {
        let g = std::mem::take(&mut self.gathered);
        if g.is_empty() {
            return;
        }
        self.last = Some(Instant::now());
        if g.all || !g.ids.is_empty() {
            self.shell.emit(AppEvent::ConversationsChanged {
                ids: if g.all {
                    Vec::new()
                } else {
                    g.ids.into_iter().collect()
                },
                all: g.all,
            });
        }
        if g.team {
            self.shell.emit(AppEvent::TeamChanged);
        }
        if g.unread
            && let Ok(counts) = self.store.run(|s| s.unread_counts()).await
        {
            if self.unread_total != Some(counts.total) {
                self.unread_total = Some(counts.total);
                self.shell.set_unread(counts.total);
            }
            self.shell.emit(AppEvent::Unread { counts });
        }
    }
}
