//! A conversation's event log.

use chrono::{DateTime, Utc};
use switchboard_protocol::{EventKind, EventLogEntry};

use super::PgTx;
use crate::storage::rows::{Cols, EVENT_COLS, enum_str, event_row, from_ms, ms};
use crate::storage::{EventTx, StoreError, StoreResult};

impl EventTx for PgTx<'_> {
    fn insert_event(
        &mut self,
        conversation_id: &str,
        kind: EventKind,
        message: &str,
        message_id: Option<&str>,
        at: DateTime<Utc>,
    ) -> StoreResult<EventLogEntry> {
        let id = self
            .one(
                "INSERT INTO event_log (conversation_id, kind, message, message_id, at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                &[&conversation_id, &enum_str(&kind), &message, &message_id, &ms(at)],
                |r| r.int(0),
            )?
            .ok_or_else(|| StoreError::Backend("the event log entry has no id".into()))?;
        Ok(EventLogEntry {
            id,
            conversation_id: conversation_id.to_string(),
            kind,
            message: message.to_string(),
            message_id: message_id.map(str::to_string),
            at: from_ms(ms(at)),
        })
    }

    fn events(&mut self, conversation_id: &str) -> StoreResult<Vec<EventLogEntry>> {
        let sql =
            format!("SELECT {EVENT_COLS} FROM event_log WHERE conversation_id = $1 ORDER BY id");
        self.all(&sql, &[&conversation_id], event_row)
    }
}
