//! What the engine's tasks (the feed follower, the outbox sender) share:
//! the configuration, the hub client, the store, the published state, and
//! the signals between them.

use std::sync::Mutex;

use chrono::{DateTime, Utc};
use tokio::sync::{Notify, watch};

use crate::client::HubClient;
use crate::state::{OfflineReason, Status};
use crate::{StoreHandle, SyncConfig};

/// What the engine's tasks share.
pub(crate) struct Shared {
    pub config: SyncConfig,
    pub client: HubClient,
    pub store: StoreHandle,
    pub status: Status,
    /// Wakes the outbox sender (something was queued, the hub is back).
    pub outbox_kick: Notify,
    /// Asks the feed follower for a full resync ([`SyncEngine::resync`]).
    pub resync_kick: Notify,
    /// Wakes the search indexer (a bootstrap left messages to index).
    pub index_kick: Notify,
    /// When the feed last reconnected (entries that could not reach the hub
    /// before it are due at once).
    pub(crate) back_at: Mutex<Option<DateTime<Utc>>>,
    /// Set when the engine stops (signed out, or stopped): every task ends.
    pub(crate) stop: watch::Sender<bool>,
}

impl Shared {
    /// The hub answers again.
    pub(crate) fn hub_back(&self) {
        *self.back_at.lock().unwrap_or_else(|e| e.into_inner()) = Some(self.status.now());
        self.outbox_kick.notify_one();
    }

    pub(crate) fn back_at(&self) -> Option<DateTime<Utc>> {
        *self.back_at.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The token was refused: offline for good, every task ends.
    pub(crate) fn sign_out(&self) {
        self.status.offline(OfflineReason::SignedOut, None);
        self.stop.send_replace(true);
    }

    pub(crate) fn stopped(&self) -> impl std::future::Future<Output = ()> + Send + 'static {
        let mut rx = self.stop.subscribe();
        async move {
            let _ = rx.wait_for(|s| *s).await;
        }
    }
}
