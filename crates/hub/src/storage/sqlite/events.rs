//! A conversation's event log.

use chrono::{DateTime, Utc};
use rusqlite::params;
use switchboard_protocol::{EventKind, EventLogEntry};

use super::SqliteTx;
use super::codecs::{EVENT_COLS, enum_str, event_entry, event_row, ms};
use crate::storage::{EventTx, StoreResult};

impl EventTx for SqliteTx<'_> {
    fn insert_event(
        &mut self,
        conversation_id: &str,
        kind: EventKind,
        message: &str,
        message_id: Option<&str>,
        at: DateTime<Utc>,
    ) -> StoreResult<EventLogEntry> {
        self.conn
            .prepare_cached(
                "INSERT INTO event_log (conversation_id, kind, message, message_id, at) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                conversation_id,
                enum_str(&kind),
                message,
                message_id,
                ms(at)
            ])?;
        Ok(event_entry(
            self.conn.last_insert_rowid(),
            conversation_id,
            kind,
            message,
            message_id,
            at,
        ))
    }

    fn events(&mut self, conversation_id: &str) -> StoreResult<Vec<EventLogEntry>> {
        let sql =
            format!("SELECT {EVENT_COLS} FROM event_log WHERE conversation_id = ?1 ORDER BY id");
        self.all(&sql, [conversation_id], |r| event_row(r))
    }
}
