//! The messages' search index after a bootstrap: the feed follower writes a
//! new device's messages without it (about half of what each costs) and
//! kicks this task once online, which indexes them newest first
//! ([`switchboard_store::Store::index_backlog`]) in small transactions
//! queued between the store's other work, so the agent reads, writes and
//! searches meanwhile (a search finds what is indexed so far). At start it
//! finishes what an earlier run left.

use std::sync::Arc;

use crate::shared::Shared;
use crate::state::Update;

/// Messages indexed per transaction (tens of milliseconds).
const CHUNK: u32 = 2_000;

pub(crate) async fn run(shared: Arc<Shared>) {
    loop {
        let mut indexed = 0;
        loop {
            match shared.store.run(|s| s.index_backlog(CHUNK)).await {
                Ok(0) => {
                    if indexed > 0 {
                        tracing::info!(indexed, "search index: the backlog is indexed");
                        shared.status.publish(Update::SearchIndexed);
                    }
                    break;
                }
                Ok(n) => indexed += n,
                Err(e) => {
                    tracing::error!(error = %e, "search index: the backlog could not be indexed");
                    break;
                }
            }
        }
        shared.index_kick.notified().await;
    }
}
