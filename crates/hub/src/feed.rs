//! The live side of the change feed: every committed change goes to a
//! broadcast channel (in sequence order, from the storage writer); SSE
//! clients subscribe, catch up from storage, then follow the broadcast.

use std::sync::Arc;

use switchboard_protocol::ChangeKind;
use tokio::sync::broadcast;

use crate::storage::{CommitListener, FeedRecord, Tx};

#[derive(Clone)]
pub struct Feed {
    tx: broadcast::Sender<Arc<FeedRecord>>,
}

impl std::fmt::Debug for Feed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Feed")
            .field("subscribers", &self.tx.receiver_count())
            .finish()
    }
}

impl Default for Feed {
    fn default() -> Self {
        Self::new(16_384)
    }
}

impl Feed {
    /// `capacity`: live changes kept for slow clients before they must catch
    /// up from storage.
    pub fn new(capacity: usize) -> Self {
        let (tx, _) = broadcast::channel(capacity.max(1));
        Self { tx }
    }

    /// The storage's commit listener: publishes committed changes in order.
    pub fn listener(&self) -> CommitListener {
        let tx = self.tx.clone();
        Arc::new(move |records: &[FeedRecord]| {
            for r in records {
                // No subscribers is fine: the change is in storage.
                let _ = tx.send(Arc::new(r.clone()));
            }
        })
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<FeedRecord>> {
        self.tx.subscribe()
    }

    pub fn subscribers(&self) -> usize {
        self.tx.receiver_count()
    }
}

/// `{"seq":…,"kind":…,"data":…}` without re-parsing `data`.
pub fn change_json(r: &FeedRecord) -> String {
    format!(
        r#"{{"seq":{},"kind":"{}","data":{}}}"#,
        r.seq,
        r.kind.as_str(),
        r.data
    )
}

/// Appends a change of `kind` about `data` (scoped to `queue_id`).
pub fn emit<T: serde::Serialize>(
    tx: &mut dyn Tx,
    kind: ChangeKind,
    queue_id: Option<&str>,
    data: &T,
) -> crate::storage::StoreResult<i64> {
    let value = serde_json::to_value(data)
        .map_err(|e| crate::storage::StoreError::Backend(e.to_string()))?;
    tx.append_change(kind, queue_id, &value)
}

/// The scope of changes about an unrouted conversation (or its calls): no
/// agent belongs to it, so only admins see them.
pub const UNROUTED: &str = "";

/// The scope of an `agent` change: admins and that agent (whose visible
/// scopes include it, see [`crate::auth::Caller::queues`]).
pub fn agent_scope(agent_id: &str) -> String {
    format!("agent:{agent_id}")
}

/// Appends a change about a conversation (or its messages, calls, events):
/// visible to the agents of `queue_id`, to admins only when unrouted.
pub fn emit_scoped<T: serde::Serialize>(
    tx: &mut dyn Tx,
    kind: ChangeKind,
    queue_id: Option<&str>,
    data: &T,
) -> crate::storage::StoreResult<i64> {
    emit(tx, kind, Some(queue_id.unwrap_or(UNROUTED)), data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::sqlite::visible;

    fn rec(queue_id: Option<&str>) -> FeedRecord {
        FeedRecord {
            seq: 1,
            kind: ChangeKind::Conversation,
            queue_id: queue_id.map(str::to_owned),
            data: "{}".into(),
        }
    }

    #[test]
    fn unrouted_changes_reach_admins_only_and_queue_less_ones_everyone() {
        let agent = vec!["support".to_owned()];
        assert!(!visible(&rec(Some(UNROUTED)), Some(&agent)));
        assert!(visible(&rec(Some(UNROUTED)), None), "admins see everything");
        assert!(visible(&rec(Some("support")), Some(&agent)));
        assert!(!visible(&rec(Some("sales")), Some(&agent)));
        assert!(
            visible(&rec(None), Some(&agent)),
            "templates, channels: everyone"
        );
        assert_eq!(
            change_json(&rec(None)),
            r#"{"seq":1,"kind":"conversation","data":{}}"#
        );
    }
}
