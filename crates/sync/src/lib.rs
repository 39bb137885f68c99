//! switchboard-sync: the desktop app's sync engine. It bootstraps a device
//! from the hub's change feed in large pages (one store transaction each),
//! then follows the live stream, resuming with `Last-Event-ID` after any
//! disconnect (with a jittered backoff), so that after a sleep, a network cut
//! or a hub restart the store holds exactly the hub's changes: none lost,
//! none applied twice. A kind this build does not know is kept and skipped.
//! A hub whose feed ends before the store's position (restored from a
//! backup) triggers a full resync that keeps the outbox.
//!
//! The outbox: what the agent sends is written to the store first (shown as
//! pending), then posted with its `client_id` until the hub answers; the
//! answer (or the feed) reconciles it, so a crash at any moment neither
//! loses nor duplicates a message.
//!
//! The UI gets an honest [`SyncState`] (online, catching up, offline: each
//! with since when) and an [`Update`] for everything applied.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use std::sync::Arc;
//! use switchboard_domain::clock::SystemClock;
//! use switchboard_protocol::SendBody;
//! use switchboard_sync::{StoreHandle, SyncConfig, SyncEngine, Update};
//!
//! let store = StoreHandle::open("switchboard.db")?;
//! let config = SyncConfig::new("https://hub.example", "sbt_…");
//! let engine = SyncEngine::start(config, store.clone(), Arc::new(SystemClock))?;
//! let mut updates = engine.updates();
//! // Shown as pending at once, sent when the hub answers.
//! engine
//!     .send("conversation-id", SendBody::Text { text: "Guten Tag!".into() })
//!     .await?;
//! while let Ok(update) = updates.recv().await {
//!     match update {
//!         Update::State(state) => println!("{state:?}"),
//!         Update::Changes(applied) => println!("refresh {:?}", applied.conversations),
//!         Update::Resynced => println!("reload everything"),
//!         Update::Outbox(entry) => println!("refresh {}", entry.conversation_id),
//!         Update::SearchIndexed => println!("search finds everything again"),
//!     }
//! }
//! # Ok(())
//! # }
//! ```
//!
//! Files: `engine` ([`SyncEngine`], the shared parts), `feed` (pages, then
//! the stream; a new device reads the feed compacted and defers the search
//! index), `indexer` (builds that index afterwards), `outbox` (sending), `client` (the hub's agent API, answers
//! sorted into what to do), `sse` (the event-stream reader), `store` (the
//! store on its own thread: [`StoreHandle`]), `state`, `backoff`, `config`.
//!
//! Depends on `switchboard-protocol` (the wire), `switchboard-store` (the
//! local store) and `switchboard-domain` (the `Clock`); never on tauri or
//! the hub.

mod backoff;
mod client;
mod config;
mod engine;
mod feed;
mod indexer;
mod outbox;
mod shared;
mod sse;
mod state;
mod store;

pub use backoff::{Backoff, Jitter};
pub use config::SyncConfig;
pub use engine::{ResyncHandle, SyncEngine};
pub use state::{Applied, OfflineReason, Source, SyncState, Update};
pub use store::StoreHandle;

/// What can go wrong using the engine.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The configuration cannot work (e.g. the hub URL is not an http(s)
    /// address).
    #[error("sync configuration: {0}")]
    Config(String),
    /// The local store refused (e.g. a client id used in another
    /// conversation).
    #[error(transparent)]
    Store(#[from] switchboard_store::StoreError),
    /// The store's thread is gone, or the job failed on it (a bug).
    #[error("the local store is closed")]
    StoreClosed,
}
