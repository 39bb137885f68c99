//! Calls: a conversation's calls and the calls going on now (ringing,
//! connecting, connected).

use rusqlite::{Connection, OptionalExtension, params};
use switchboard_protocol::Call;

use crate::codecs::{enum_str, from_json, ms, to_json};
use crate::{Store, StoreResult};

/// Writes the call as the hub describes it.
pub(crate) fn put(conn: &Connection, c: &Call) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO calls (id, conversation_id, state, started_at, json)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET conversation_id = excluded.conversation_id,
             state = excluded.state, started_at = excluded.started_at, json = excluded.json",
        params![
            c.id,
            c.conversation_id,
            enum_str(&c.state)?,
            ms(c.started_at),
            to_json(c)?
        ],
    )?;
    Ok(())
}

fn calls(conn: &Connection, sql: &str, arg: Option<&str>) -> StoreResult<Vec<Call>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows: Vec<String> = match arg {
        Some(a) => stmt
            .query_map([a], |r| r.get(0))?
            .collect::<Result<_, _>>()?,
        None => stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?,
    };
    rows.iter().map(|json| from_json(json)).collect()
}

impl Store {
    /// One call.
    pub fn call(&self, id: &str) -> StoreResult<Option<Call>> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT json FROM calls WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        json.as_deref().map(from_json).transpose()
    }

    /// A conversation's calls, newest first.
    pub fn calls_of_conversation(&self, conversation_id: &str) -> StoreResult<Vec<Call>> {
        calls(
            &self.conn,
            "SELECT json FROM calls WHERE conversation_id = ?1
             ORDER BY started_at DESC, id DESC",
            Some(conversation_id),
        )
    }

    /// The calls ringing, connecting or connected, oldest first (the one
    /// waiting longest comes first).
    pub fn active_calls(&self) -> StoreResult<Vec<Call>> {
        calls(
            &self.conn,
            "SELECT json FROM calls WHERE state IN ('ringing', 'connecting', 'connected')
             ORDER BY started_at, id",
            None,
        )
    }
}

#[cfg(test)]
mod tests {
    use switchboard_protocol::{CallState, ChangeData};

    use crate::Store;
    use crate::fixtures::*;

    fn ids(calls: Vec<switchboard_protocol::Call>) -> Vec<String> {
        calls.into_iter().map(|c| c.id).collect()
    }

    #[test]
    fn calls_of_a_conversation_and_the_active_ones() {
        let mut store = Store::in_memory().unwrap();
        store
            .apply_batch(
                &[
                    change(1, ChangeData::Call(call("k1", "c1", CallState::Ended, 0))),
                    change(2, ChangeData::Call(call("k2", "c1", CallState::Ringing, 5))),
                    change(
                        3,
                        ChangeData::Call(call("k3", "c2", CallState::Connected, 3)),
                    ),
                    change(4, ChangeData::Call(call("k4", "c2", CallState::Missed, 4))),
                ],
                0,
            )
            .unwrap();
        assert_eq!(
            ids(store.calls_of_conversation("c1").unwrap()),
            ["k2", "k1"]
        );
        assert_eq!(ids(store.active_calls().unwrap()), ["k3", "k2"]);
        // the ringing call is answered, then ends
        store
            .apply(&change(
                5,
                ChangeData::Call(call("k2", "c1", CallState::Connected, 5)),
            ))
            .unwrap();
        assert_eq!(ids(store.active_calls().unwrap()), ["k3", "k2"]);
        store
            .apply(&change(
                6,
                ChangeData::Call(call("k2", "c1", CallState::Ended, 5)),
            ))
            .unwrap();
        assert_eq!(ids(store.active_calls().unwrap()), ["k3"]);
        assert_eq!(store.call("k2").unwrap().unwrap().state, CallState::Ended);
        assert!(store.call("nope").unwrap().is_none());
        assert!(store.calls_of_conversation("c9").unwrap().is_empty());
    }
}
