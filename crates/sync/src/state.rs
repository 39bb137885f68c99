//! The honest state of the sync for the UI (online, catching up, offline,
//! each with since when), and the updates the engine publishes.

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::Serialize;
use switchboard_domain::clock::Clock;
use switchboard_protocol::{Change, ChangeKind};
use switchboard_store::OutboxEntry;
use tokio::sync::{broadcast, watch};
use ts_rs::TS;

/// Where the sync stands. Every state says since when it holds: a reconnect
/// that fails again leaves `Offline` and its `since` as they were.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
#[ts(export)]
pub enum SyncState {
    /// The live stream is open: what the hub records arrives as it happens.
    Online {
        #[serde(with = "switchboard_protocol::rfc3339")]
        #[ts(type = "string")]
        since: DateTime<Utc>,
    },
    /// The hub answers and its feed is being applied page by page (a new
    /// device, or back after a disconnect); `applied` changes so far.
    CatchingUp {
        #[serde(with = "switchboard_protocol::rfc3339")]
        #[ts(type = "string")]
        since: DateTime<Utc>,
        #[ts(type = "number")]
        applied: u64,
    },
    /// No connection to the hub; the store shows what it had. `retry_at`:
    /// when the next attempt is due (none after signing out or stopping).
    Offline {
        #[serde(with = "switchboard_protocol::rfc3339")]
        #[ts(type = "string")]
        since: DateTime<Utc>,
        reason: OfflineReason,
        #[serde(with = "switchboard_protocol::rfc3339::option")]
        #[ts(type = "string | null")]
        retry_at: Option<DateTime<Utc>>,
    },
}

impl SyncState {
    /// Since when this state holds.
    pub fn since(&self) -> DateTime<Utc> {
        match self {
            SyncState::Online { since }
            | SyncState::CatchingUp { since, .. }
            | SyncState::Offline { since, .. } => *since,
        }
    }

    pub fn is_online(&self) -> bool {
        matches!(self, SyncState::Online { .. })
    }

    pub fn is_offline(&self) -> bool {
        matches!(self, SyncState::Offline { .. })
    }
}

/// Why the sync is offline: a code for the UI to branch on (`code` on the
/// wire), with the detail in words where there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
#[ts(export)]
pub enum OfflineReason {
    /// The hub could not be reached, or the connection to it was lost (no
    /// network, refused, timed out, the stream cut or silent).
    #[error("the hub cannot be reached: {detail}")]
    Unreachable { detail: String },
    /// The hub answered, but not usably (a server error, an answer this app
    /// cannot read).
    #[error("the hub answered with an error: {detail}")]
    HubError { detail: String },
    /// The local store failed (e.g. the disk is full).
    #[error("the local store failed: {detail}")]
    LocalStore { detail: String },
    /// The hub refused the token (rotated or revoked): the engine stopped;
    /// sign in again.
    #[error("signed out")]
    SignedOut,
    /// The engine was stopped.
    #[error("stopped")]
    Stopped,
}

/// Where applied changes came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A page of `/changes` (catching up).
    Page,
    /// The live stream.
    Stream,
}

/// Changes applied to the store in one transaction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Applied {
    pub source: Source,
    /// The `seq` of every change applied, in order (unknown kinds
    /// included).
    pub seqs: Vec<i64>,
    /// Changes that were at or below the cursor already (applied before):
    /// none when resuming is exact.
    pub ignored: usize,
    /// Of the applied changes, those of kinds this build does not know
    /// (kept and skipped).
    pub unknown: usize,
    /// The cursor after the transaction.
    pub cursor: i64,
    /// The conversations whose view may have changed.
    pub conversations: BTreeSet<String>,
    /// The known kinds applied (lists other than conversations to refresh:
    /// templates, queues, channels, agents).
    pub kinds: HashSet<ChangeKind>,
    /// The changes applied, in order (those at or below the cursor left
    /// out): what the desktop's notifier learns from (a new message is a
    /// `message` change, a status update a `message_status` one). Shared,
    /// not copied, with every receiver.
    #[serde(skip)]
    pub changes: Arc<[Change]>,
}

/// What the engine did, for the desktop layer to refresh what it shows.
/// A receiver that lags behind (`RecvError::Lagged`) should reload what it
/// shows from the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Update {
    /// The state changed (every transition, in order).
    State(SyncState),
    /// Changes of the feed were applied.
    Changes(Applied),
    /// The hub's feed no longer continued from the store's position (a hub
    /// restored from a backup): everything the feed brought was dropped and
    /// is being applied again from 0 (the outbox kept). Reload everything.
    Resynced,
    /// An outbox entry was queued, attempted, retried or discarded; the
    /// entry as it is now, or as it was when discarded (its conversation's
    /// thread changed).
    Outbox(OutboxEntry),
    /// The messages a bootstrap wrote without their search entries are all
    /// indexed now: a search finds every stored message again.
    SearchIndexed,
}

/// Publishes the state (a watch channel: the latest) and the updates (a
/// broadcast: every one, in order).
pub(crate) struct Status {
    clock: Arc<dyn Clock>,
    state: watch::Sender<SyncState>,
    updates: broadcast::Sender<Update>,
    /// Transitions happen one at a time (the feed and the outbox both make
    /// some).
    transitions: std::sync::Mutex<()>,
}

impl Status {
    pub(crate) fn new(clock: Arc<dyn Clock>) -> Status {
        // Until the hub answers, the engine is on its way to catching up.
        let initial = SyncState::CatchingUp {
            since: clock.now(),
            applied: 0,
        };
        Status {
            clock,
            state: watch::channel(initial).0,
            updates: broadcast::channel(1024).0,
            transitions: std::sync::Mutex::new(()),
        }
    }

    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub(crate) fn watch(&self) -> watch::Receiver<SyncState> {
        self.state.subscribe()
    }

    pub(crate) fn current(&self) -> SyncState {
        self.state.borrow().clone()
    }

    pub(crate) fn subscribe(&self) -> broadcast::Receiver<Update> {
        self.updates.subscribe()
    }

    pub(crate) fn publish(&self, update: Update) {
        // No receiver is fine: nobody is looking.
        let _ = self.updates.send(update);
    }

    /// Moves to the state `next` computes from the current one, publishing
    /// it when it differs: first as an update, then on the watch channel,
    /// so whoever sees the new state finds its update already sent.
    fn transition(&self, next: impl FnOnce(&SyncState, DateTime<Utc>) -> SyncState) {
        let _one_at_a_time = self.transitions.lock().unwrap_or_else(|e| e.into_inner());
        let now = self.clock.now();
        let current = self.state.borrow().clone();
        let n = next(&current, now);
        if n == current {
            return;
        }
        self.publish(Update::State(n.clone()));
        self.state.send_replace(n);
    }

    /// Offline for `reason`; since the connection was lost (kept while it
    /// stays lost).
    pub(crate) fn offline(&self, reason: OfflineReason, retry_at: Option<DateTime<Utc>>) {
        self.transition(|s, now| SyncState::Offline {
            since: match s {
                SyncState::Offline { since, .. } => *since,
                _ => now,
            },
            reason,
            retry_at,
        });
    }

    /// The hub answers again: catching up.
    pub(crate) fn catching_up(&self) {
        self.transition(|s, now| match s {
            SyncState::CatchingUp { .. } => s.clone(),
            _ => SyncState::CatchingUp {
                since: now,
                applied: 0,
            },
        });
    }

    /// `n` more changes applied while catching up.
    pub(crate) fn progress(&self, n: usize) {
        self.transition(|s, _| match s {
            SyncState::CatchingUp { since, applied } => SyncState::CatchingUp {
                since: *since,
                applied: applied.saturating_add(n as u64),
            },
            other => other.clone(),
        });
    }

    /// The live stream is open.
    pub(crate) fn online(&self) {
        self.transition(|s, now| match s {
            SyncState::Online { .. } => s.clone(),
            _ => SyncState::Online { since: now },
        });
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeDelta;
    use switchboard_domain::clock::ManualClock;

    use super::*;

    fn at(minute: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_772_442_000, 0).unwrap() + TimeDelta::minutes(minute)
    }

    fn unreachable(detail: &str) -> OfflineReason {
        OfflineReason::Unreachable {
            detail: detail.into(),
        }
    }

    #[test]
    fn each_state_says_since_when_and_a_failed_retry_keeps_offlines_since() {
        let clock = Arc::new(ManualClock::new(at(0)));
        let status = Status::new(clock.clone());
        let mut updates = status.subscribe();
        assert_eq!(
            status.current(),
            SyncState::CatchingUp {
                since: at(0),
                applied: 0
            }
        );
        clock.set(at(1));
        status.progress(2000);
        status.progress(500);
        clock.set(at(2));
        status.online();
        status.online();
        clock.set(at(3));
        status.offline(unreachable("connection reset"), Some(at(4)));
        clock.set(at(5));
        status.offline(unreachable("connection refused"), Some(at(7)));
        clock.set(at(8));
        status.catching_up();
        status.progress(3);
        clock.set(at(9));
        status.online();
        let mut seen = Vec::new();
        while let Ok(Update::State(s)) = updates.try_recv() {
            seen.push(s);
        }
        assert_eq!(
            seen,
            [
                SyncState::CatchingUp {
                    since: at(0),
                    applied: 2000
                },
                SyncState::CatchingUp {
                    since: at(0),
                    applied: 2500
                },
                SyncState::Online { since: at(2) },
                SyncState::Offline {
                    since: at(3),
                    reason: unreachable("connection reset"),
                    retry_at: Some(at(4))
                },
                SyncState::Offline {
                    since: at(3),
                    reason: unreachable("connection refused"),
                    retry_at: Some(at(7))
                },
                SyncState::CatchingUp {
                    since: at(8),
                    applied: 0
                },
                SyncState::CatchingUp {
                    since: at(8),
                    applied: 3
                },
                SyncState::Online { since: at(9) },
            ]
        );
        assert_eq!(status.current().since(), at(9));
        assert!(status.watch().borrow().is_online());
    }

    #[test]
    fn the_state_reads_as_json_with_codes() {
        let s = SyncState::Offline {
            since: at(0),
            reason: OfflineReason::SignedOut,
            retry_at: None,
        };
        assert_eq!(
            serde_json::to_value(&s).unwrap(),
            serde_json::json!({
                "state": "offline", "since": "2026-03-02T09:00:00Z",
                "reason": {"code": "signed_out"}, "retry_at": null,
            })
        );
        assert_eq!(OfflineReason::SignedOut.to_string(), "signed out");
        let s = SyncState::CatchingUp {
            since: at(0),
            applied: 7,
        };
        assert_eq!(serde_json::to_value(&s).unwrap()["state"], "catching_up");
        assert_eq!(
            serde_json::to_value(unreachable("refused")).unwrap(),
            serde_json::json!({"code": "unreachable", "detail": "refused"})
        );
    }
}
