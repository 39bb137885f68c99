//! A conversation's event log.

use chrono::{DateTime, Utc};
use switchboard_protocol::{EventKind, EventLogEntry};

use super::PgTx;
use crate::storage::rows::{Cols, EVENT_COLS, enum_str, event_entry, event_row, ms};
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
        Ok(event_entry(
            id,
            conversation_id,
            kind,
            message,
            message_id,
            at,
        ))
    }

    fn events(&mut self, conversation_id: &str) -> StoreResult<Vec<EventLogEntry>> {
        let sql =
            format!("SELECT {EVENT_COLS} FROM event_log WHERE conversation_id = $1 ORDER BY id");
        self.all(&sql, &[&conversation_id], event_row)
    }
}
