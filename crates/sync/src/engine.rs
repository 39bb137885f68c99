//! The engine: the feed follower, the outbox sender and the search indexer,
//! tasks sharing the hub client, the store and the published state
//! ([`Shared`]).

use std::sync::{Arc, Mutex};

use switchboard_domain::clock::Clock;
use switchboard_protocol::SendBody;
use switchboard_store::OutboxEntry;
use tokio::sync::{Notify, broadcast, watch};
use tokio::task::JoinHandle;

use crate::client::HubClient;
use crate::shared::Shared;
use crate::state::{OfflineReason, Status, SyncState, Update};
use crate::{StoreHandle, SyncConfig, SyncError, feed, indexer, outbox};

/// Asks an engine for a full resync ([`SyncEngine::resync_handle`]).
#[derive(Clone)]
pub struct ResyncHandle(Arc<Shared>);

impl std::fmt::Debug for ResyncHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResyncHandle").finish_non_exhaustive()
    }
}

impl ResyncHandle {
    /// See [`SyncEngine::resync`].
    pub fn resync(&self) {
        self.0.resync_kick.notify_one();
    }
}

/// The sync engine of one signed-in agent: it follows the hub's change feed
/// into the store and sends the outbox. Start it with [`SyncEngine::start`]
/// on a tokio runtime; watch [`SyncEngine::state`], follow
/// [`SyncEngine::updates`], queue replies with [`SyncEngine::send`].
/// Dropping it stops its tasks at once (whatever they were doing: the store
/// is left consistent and the next engine resumes from it).
///
/// (Not called `Sync`, which would shadow the marker trait wherever it is
/// imported.)
pub struct SyncEngine {
    shared: Arc<Shared>,
    tasks: Vec<JoinHandle<()>>,
    /// Subscribed before the tasks started: the first [`SyncEngine::updates`]
    /// gets every update since the start.
    first_updates: Mutex<Option<broadcast::Receiver<Update>>>,
}

impl std::fmt::Debug for SyncEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncEngine")
            .field("hub_url", &self.shared.config.hub_url)
            .field("state", &self.shared.status.current())
            .finish_non_exhaustive()
    }
}

impl SyncEngine {
    /// Starts following the hub of `config` into `store`, on the current
    /// tokio runtime; `clock` says when states begin and entries are due.
    pub fn start(
        config: SyncConfig,
        store: StoreHandle,
        clock: Arc<dyn Clock>,
    ) -> Result<SyncEngine, SyncError> {
        let client = HubClient::new(&config)?;
        let shared = Arc::new(Shared {
            config,
            client,
            store,
            status: Status::new(clock),
            outbox_kick: Notify::new(),
            resync_kick: Notify::new(),
            index_kick: Notify::new(),
            back_at: Mutex::new(None),
            stop: watch::channel(false).0,
        });
        let spawn = |work: std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>>| {
            let stopped = shared.stopped();
            tokio::spawn(async move {
                tokio::select! {
                    () = work => {}
                    () = stopped => {}
                }
            })
        };
        let first_updates = Mutex::new(Some(shared.status.subscribe()));
        let tasks = vec![
            spawn(Box::pin(feed::run(shared.clone()))),
            spawn(Box::pin(outbox::run(shared.clone()))),
            spawn(Box::pin(indexer::run(shared.clone()))),
        ];
        Ok(SyncEngine {
            shared,
            tasks,
            first_updates,
        })
    }

    /// The state, as it changes (the latest only; [`SyncEngine::updates`]
    /// has every transition).
    pub fn state(&self) -> watch::Receiver<SyncState> {
        self.shared.status.watch()
    }

    /// The state now.
    pub fn current_state(&self) -> SyncState {
        self.shared.status.current()
    }

    /// The updates: state transitions, changes applied (with the
    /// conversations they touched), resyncs, outbox entries. The first call
    /// gets every update since the start (as many as the channel holds,
    /// 1,024); later calls, those from then on.
    pub fn updates(&self) -> broadcast::Receiver<Update> {
        self.first_updates
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
            .unwrap_or_else(|| self.shared.status.subscribe())
    }

    /// The store the engine writes to.
    pub fn store(&self) -> &StoreHandle {
        &self.shared.store
    }

    /// Queues a reply under a new `client_id` (a UUIDv7: replies queued in
    /// the same millisecond keep their order in the thread): written to the
    /// store first (shown in the thread as pending), then sent when the hub
    /// answers.
    pub async fn send(
        &self,
        conversation_id: &str,
        body: SendBody,
    ) -> Result<OutboxEntry, SyncError> {
        let client_id = uuid::Uuid::now_v7().to_string();
        self.send_as(conversation_id, &client_id, body).await
    }

    /// [`SyncEngine::send`] under the caller's `client_id` (the same one
    /// again answers the entry already queued).
    pub async fn send_as(
        &self,
        conversation_id: &str,
        client_id: &str,
        body: SendBody,
    ) -> Result<OutboxEntry, SyncError> {
        let now = self.shared.status.now();
        let (conversation_id, client_id) = (conversation_id.to_owned(), client_id.to_owned());
        let entry = self
            .shared
            .store
            .run(move |s| s.enqueue(&conversation_id, &client_id, &body, now))
            .await?;
        self.shared.status.publish(Update::Outbox(entry.clone()));
        self.shared.outbox_kick.notify_one();
        Ok(entry)
    }

    /// Sends a failed message again, under its `client_id` (the hub never
    /// recorded it): pending again at once, sent when the hub answers.
    pub async fn retry_failed(&self, client_id: &str) -> Result<OutboxEntry, SyncError> {
        let now = self.shared.status.now();
        let client_id = client_id.to_owned();
        let entry = self
            .shared
            .store
            .run(move |s| s.retry_failed(&client_id, now))
            .await?;
        self.shared.status.publish(Update::Outbox(entry.clone()));
        self.shared.outbox_kick.notify_one();
        Ok(entry)
    }

    /// Forgets a failed message the agent gave up (its copy leaves the
    /// thread); the entry as it was.
    pub async fn discard_failed(&self, client_id: &str) -> Result<OutboxEntry, SyncError> {
        let client_id = client_id.to_owned();
        let entry = self
            .shared
            .store
            .run(move |s| s.discard_failed(&client_id))
            .await?;
        self.shared.status.publish(Update::Outbox(entry.clone()));
        Ok(entry)
    }

    /// Forgets what the feed brought and applies it again from 0 (the
    /// outbox kept), e.g. when the agent joined a queue: the hub's changes
    /// of that queue from before are below the store's position, and only
    /// reading the feed again from the start brings them.
    pub fn resync(&self) {
        self.shared.resync_kick.notify_one();
    }

    /// A handle that asks for [`SyncEngine::resync`], for a task that does
    /// not own the engine.
    pub fn resync_handle(&self) -> ResyncHandle {
        ResyncHandle(self.shared.clone())
    }

    /// Sends what waits in the outbox now, without waiting for its backoff
    /// (e.g. the agent pressed "retry"; the hub's own waits still hold).
    pub fn retry_now(&self) {
        self.shared.hub_back();
    }

    /// Stops the engine: its tasks end, the state becomes offline
    /// ([`OfflineReason::Stopped`], unless it signed out).
    pub async fn stop(mut self) {
        self.shared.stop.send_replace(true);
        for task in self.tasks.drain(..) {
            let _ = task.await;
        }
        if !matches!(
            self.shared.status.current(),
            SyncState::Offline {
                reason: OfflineReason::SignedOut,
                ..
            }
        ) {
            self.shared.status.offline(OfflineReason::Stopped, None);
        }
    }
}

impl Drop for SyncEngine {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
    }
}
