//! The live side of the change feed: every committed change goes to a
//! broadcast channel (in sequence order, from the storage writer); SSE
//! clients subscribe, catch up from storage, then follow the broadcast.

use std::sync::Arc;

use tokio::sync::broadcast;

use crate::storage::{CommitListener, FeedRecord};

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

#[cfg(test)]
mod tests {
    use switchboard_protocol::ChangeKind;

    use super::*;

    #[test]
    fn a_change_is_written_as_seq_kind_data() {
        let rec = FeedRecord {
            seq: 1,
            kind: ChangeKind::Conversation,
            queue_id: Some("support".into()),
            data: "{}".into(),
        };
        assert_eq!(
            change_json(&rec),
            r#"{"seq":1,"kind":"conversation","data":{}}"#
        );
    }
}
