//! A conversation's event log (assigned, moved, delivery failed, permission
//! granted, call missed, …).

use rusqlite::{Connection, params};
use switchboard_protocol::EventLogEntry;

use crate::codecs::{from_json, ms, to_json};
use crate::{Store, StoreResult};

/// Writes the entry as the hub describes it (by its id).
pub(crate) fn put(conn: &Connection, e: &EventLogEntry) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO event_log (id, conversation_id, at, json) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET conversation_id = excluded.conversation_id,
             at = excluded.at, json = excluded.json",
        params![e.id, e.conversation_id, ms(e.at), to_json(e)?],
    )?;
    Ok(())
}

impl Store {
    /// A conversation's event log, oldest first.
    pub fn event_log(&self, conversation_id: &str) -> StoreResult<Vec<EventLogEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT json FROM event_log WHERE conversation_id = ?1 ORDER BY at, id",
        )?;
        let rows: Vec<String> = stmt
            .query_map([conversation_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        rows.iter().map(|json| from_json(json)).collect()
    }
}

#[cfg(test)]
mod tests {
    use switchboard_protocol::ChangeData;

    use crate::Store;
    use crate::fixtures::*;

    #[test]
    fn the_event_log_is_oldest_first_per_conversation() {
        let mut store = Store::in_memory().unwrap();
        store
            .apply_batch(
                &[
                    change(1, ChangeData::EventLog(event(3, "c1", 9))),
                    change(2, ChangeData::EventLog(event(1, "c1", 2))),
                    change(3, ChangeData::EventLog(event(2, "c2", 5))),
                    change(4, ChangeData::EventLog(event(1, "c1", 2))),
                ],
                0,
            )
            .unwrap();
        let ids: Vec<i64> = store
            .event_log("c1")
            .unwrap()
            .iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(ids, [1, 3]);
        assert_eq!(store.event_log("c2").unwrap()[0].message, "assigned to Ana");
        assert!(store.event_log("c9").unwrap().is_empty());
    }
}
