//! Messages and their statuses, which never move back (the hub's rank), and
//! the thread: pages of a conversation ordered by `(sent_at, id)`.
//!
//! The hub's message replaces the local pending copy the outbox wrote for
//! the same `client_id` (see `outbox.rs`), so a message is never shown twice.

use rusqlite::{Connection, OptionalExtension, params};
use switchboard_protocol::{Direction, Message, MessagePage, MessageStatus};

use crate::ApplyMode;
use crate::codecs::{enum_str, from_json, ms, to_json};
use crate::search;
use crate::{Store, StoreError, StoreResult, conversations};

/// How far along a message's delivery is; a status never replaces one of a
/// higher rank. The hub's order (`crates/hub/src/storage/mod.rs`):
/// `failed` outranks `delivered` (a failure after delivery is news) and
/// `read` outranks everything.
pub fn status_rank(s: MessageStatus) -> u8 {
    match s {
        MessageStatus::Received => 0,
        MessageStatus::Pending => 1,
        MessageStatus::Unconfirmed => 2,
        MessageStatus::Sent => 3,
        MessageStatus::Delivered => 4,
        MessageStatus::Failed => 5,
        MessageStatus::Read => 6,
    }
}

/// The thread's index (migration 0004's), which pages a conversation and
/// counts its unread messages without reading the rows.
const THREAD_INDEX: &str = "CREATE INDEX IF NOT EXISTS messages_thread ON messages(conversation_id, sent_at, id, direction)";

/// Drops the thread index for a bulk write (a thread is read by scanning
/// meanwhile; slow on a large store, still right).
pub(crate) fn drop_thread_index(conn: &Connection) -> StoreResult<()> {
    conn.execute_batch("DROP INDEX IF EXISTS messages_thread")?;
    Ok(())
}

/// Builds the thread index if a bulk write dropped it.
pub(crate) fn create_thread_index(conn: &Connection) -> StoreResult<()> {
    conn.execute_batch(THREAD_INDEX)?;
    Ok(())
}

/// What a stored message is indexed by: its search key and text.
struct Indexed {
    key: Option<i64>,
    text: Option<String>,
}

/// Writes a message not stored yet; `false` (nothing written) when one
/// with its id is. No read first: a new message (a bootstrap's million)
/// costs one write.
fn insert(conn: &Connection, m: &Message, local: bool, mode: ApplyMode) -> StoreResult<bool> {
    let text = search::indexed_text(m.text.as_deref());
    let mut key = text.map(|_| search::offered_key(ms(m.sent_at), &m.id));
    let mut offered = true;
    loop {
        match insert_row(conn, m, local, key) {
            Ok(0) => return Ok(false),
            Ok(_) => break,
            // The search key offered is taken (the id is not: that would
            // have written nothing): a free one, once.
            Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)))
                if offered
                    && key.is_some()
                    && e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
            {
                key = Some(search::message_key(conn, ms(m.sent_at))?);
                offered = false;
            }
            Err(e) => return Err(e),
        }
    }
    if let (Some(key), Some(text)) = (key, text) {
        search::index_message(conn, key, text, mode)?;
    }
    Ok(true)
}

/// The row, unless its id is stored: rows written.
fn insert_row(conn: &Connection, m: &Message, local: bool, key: Option<i64>) -> StoreResult<usize> {
    Ok(conn
        .prepare_cached(
            "INSERT INTO messages (id, conversation_id, direction, kind, status, status_rank,
                 client_id, wamid, text, sent_at, updated_at, local, json, search_key)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
             ON CONFLICT (id) DO NOTHING",
        )?
        .execute(params![
            m.id,
            m.conversation_id,
            enum_str(&m.direction)?,
            enum_str(&m.kind)?,
            enum_str(&m.status)?,
            status_rank(m.status),
            m.client_id,
            m.wamid,
            m.text,
            ms(m.sent_at),
            ms(m.updated_at),
            local,
            to_json(m)?,
            key,
        ])?)
}

fn update(conn: &Connection, m: &Message, old: Indexed, mode: ApplyMode) -> StoreResult<()> {
    let text = search::indexed_text(m.text.as_deref());
    let second = search::key_second(ms(m.sent_at));
    // The same text in the same second keeps its key and its index entry.
    let same_second = old.key.filter(|k| search::second_of_key(*k) == second);
    let reindex = old.text.as_deref() != m.text.as_deref() || same_second != old.key;
    let key = match (reindex, text) {
        (false, _) => old.key,
        (true, None) => None,
        (true, Some(_)) => match same_second {
            Some(k) => Some(k),
            None => Some(search::message_key(conn, ms(m.sent_at))?),
        },
    };
    if reindex && let Some(old_key) = old.key {
        search::unindex_message(conn, old_key)?;
    }
    conn.prepare_cached(
        "UPDATE messages SET conversation_id = ?2, direction = ?3, kind = ?4, status = ?5,
             status_rank = ?6, client_id = ?7, wamid = ?8, text = ?9, sent_at = ?10,
             updated_at = ?11, json = ?12, search_key = ?13
         WHERE id = ?1",
    )?
    .execute(params![
        m.id,
        m.conversation_id,
        enum_str(&m.direction)?,
        enum_str(&m.kind)?,
        enum_str(&m.status)?,
        status_rank(m.status),
        m.client_id,
        m.wamid,
        m.text,
        ms(m.sent_at),
        ms(m.updated_at),
        to_json(m)?,
        key,
    ])?;
    if reindex && let (Some(key), Some(text)) = (key, text) {
        search::index_message(conn, key, text, mode)?;
    }
    Ok(())
}

/// Removes the local pending copy `id`, if there is one (the hub's message
/// replaced it).
pub(crate) fn drop_local(conn: &Connection, id: &str) -> StoreResult<()> {
    let local: bool = conn
        .query_row("SELECT local FROM messages WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .unwrap_or(false);
    if local { delete(conn, id) } else { Ok(()) }
}

/// Removes a message (a local pending copy the hub's replaced).
fn delete(conn: &Connection, id: &str) -> StoreResult<()> {
    let key: Option<i64> = conn
        .prepare_cached("SELECT search_key FROM messages WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .flatten();
    if let Some(key) = key {
        search::unindex_message(conn, key)?;
    }
    conn.prepare_cached("DELETE FROM messages WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Writes a message from the hub: new, or replacing the stored one unless
/// the stored status ranks higher (or, at the same rank, is newer). The
/// local pending copy with the same `client_id` goes (its outbox entry is
/// the caller's to settle). Returns whether anything changed.
pub(crate) fn put_hub(conn: &Connection, m: &Message, mode: ApplyMode) -> StoreResult<bool> {
    if let Some(client_id) = &m.client_id {
        let locals: Vec<String> = conn
            .prepare_cached(
                "SELECT id FROM messages
                 WHERE conversation_id = ?1 AND client_id = ?2 AND local = 1 AND id != ?3",
            )?
            .query_map(params![m.conversation_id, client_id, m.id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for id in locals {
            delete(conn, &id)?;
        }
    }
    if insert(conn, m, false, mode)? {
        if m.direction == Direction::Inbound && mode == ApplyMode::Live {
            conversations::count_new_inbound(conn, m)?;
        }
        return Ok(true);
    }
    let stored: Option<(u8, i64, Indexed)> = conn
        .prepare_cached(
            "SELECT status_rank, updated_at, text, search_key FROM messages WHERE id = ?1",
        )?
        .query_row([&m.id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                Indexed {
                    text: r.get(2)?,
                    key: r.get(3)?,
                },
            ))
        })
        .optional()?;
    match stored {
        None => Err(StoreError::Corrupt(format!(
            "message {} neither written nor found",
            m.id
        ))),
        Some((rank, updated_at, old)) => {
            let new_rank = status_rank(m.status);
            if new_rank < rank || (new_rank == rank && ms(m.updated_at) < updated_at) {
                return Ok(false);
            }
            update(conn, m, old, mode)?;
            Ok(true)
        }
    }
}

/// Writes a local message (the outbox's pending copy, or its failure).
pub(crate) fn put_local(conn: &Connection, m: &Message) -> StoreResult<()> {
    let stored: Option<Indexed> = conn
        .prepare_cached("SELECT text, search_key FROM messages WHERE id = ?1 AND local = 1")?
        .query_row([&m.id], |r| {
            Ok(Indexed {
                text: r.get(0)?,
                key: r.get(1)?,
            })
        })
        .optional()?;
    match stored {
        None => {
            if !insert(conn, m, true, ApplyMode::Live)? {
                return Err(StoreError::Corrupt(format!(
                    "a local message {} whose id the hub's has",
                    m.id
                )));
            }
            Ok(())
        }
        Some(old) => update(conn, m, old, ApplyMode::Live),
    }
}

/// A stored message.
pub(crate) fn get(conn: &Connection, id: &str) -> StoreResult<Option<Message>> {
    let json: Option<String> = conn
        .query_row("SELECT json FROM messages WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    json.as_deref().map(from_json).transpose()
}

impl Store {
    /// One message (a local pending one too, by [`crate::local_message_id`]).
    pub fn message(&self, id: &str) -> StoreResult<Option<Message>> {
        get(&self.conn, id)
    }

    /// A page of the thread, like the hub's: the `limit` messages before
    /// the message `before` (the newest when `None`), returned oldest first.
    /// When the page is full, `before` in the answer is its oldest message's
    /// id, to ask for the page before it; `None` means the thread starts
    /// here. An unknown `before` is [`StoreError::NotFound`].
    pub fn thread(
        &self,
        conversation_id: &str,
        before: Option<&str>,
        limit: u32,
    ) -> StoreResult<MessagePage> {
        let limit = limit.max(1);
        let (sent_at, id) = match before {
            None => (i64::MAX, String::new()),
            Some(before) => self
                .conn
                .query_row(
                    "SELECT sent_at, id FROM messages WHERE id = ?1 AND conversation_id = ?2",
                    params![before, conversation_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or_else(|| StoreError::NotFound {
                    what: "message",
                    id: before.to_owned(),
                })?,
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT json FROM messages
             WHERE conversation_id = ?1 AND (sent_at, id) < (?2, ?3)
             ORDER BY sent_at DESC, id DESC LIMIT ?4",
        )?;
        let mut messages: Vec<Message> = stmt
            .query_map(params![conversation_id, sent_at, id, limit], |r| {
                r.get::<_, String>(0)
            })?
            .map(|json| from_json(&json?))
            .collect::<StoreResult<_>>()?;
        messages.reverse();
        let before = if messages.len() == limit as usize {
            messages.first().map(|m| m.id.clone())
        } else {
            None
        };
        Ok(MessagePage { messages, before })
    }
}

#[cfg(test)]
mod tests {
    use switchboard_protocol::{ChangeData, Direction, MessageStatus};

    use super::*;
    use crate::fixtures::*;

    fn with_thread(n: i64) -> Store {
        let mut store = Store::in_memory().unwrap();
        let changes: Vec<_> = (0..n)
            .map(|i| {
                let direction = if i % 2 == 0 {
                    Direction::Inbound
                } else {
                    Direction::Outbound
                };
                let m = message(
                    &format!("m{i:03}"),
                    "c1",
                    direction,
                    &format!("text {i}"),
                    i,
                );
                change(i + 1, ChangeData::Message(m))
            })
            .collect();
        store.apply_batch(&changes, 0).unwrap();
        store
    }

    fn page_ids(page: &MessagePage) -> Vec<&str> {
        page.messages.iter().map(|m| m.id.as_str()).collect()
    }

    #[test]
    fn statuses_rank_like_the_hub() {
        use MessageStatus::*;
        let order = [
            Received,
            Pending,
            Unconfirmed,
            Sent,
            Delivered,
            Failed,
            Read,
        ];
        for pair in order.windows(2) {
            assert!(status_rank(pair[0]) < status_rank(pair[1]), "{pair:?}");
        }
    }

    #[test]
    fn the_thread_pages_back_from_the_newest() {
        let store = with_thread(120);
        let first = store.thread("c1", None, 50).unwrap();
        assert_eq!(first.messages.len(), 50);
        assert_eq!(first.messages[0].id, "m070");
        assert_eq!(first.messages[49].id, "m119");
        assert_eq!(first.before.as_deref(), Some("m070"));
        let second = store.thread("c1", first.before.as_deref(), 50).unwrap();
        assert_eq!(page_ids(&second)[..2], ["m020", "m021"]);
        assert_eq!(second.before.as_deref(), Some("m020"));
        let last = store.thread("c1", second.before.as_deref(), 50).unwrap();
        assert_eq!(last.messages.len(), 20);
        assert_eq!(last.messages[0].id, "m000");
        assert_eq!(last.before, None);
        assert!(store.thread("other", None, 50).unwrap().messages.is_empty());
    }

    #[test]
    fn a_full_last_page_is_followed_by_an_empty_one() {
        let store = with_thread(4);
        let page = store.thread("c1", None, 4).unwrap();
        assert_eq!(page.before.as_deref(), Some("m000"));
        let empty = store.thread("c1", Some("m000"), 4).unwrap();
        assert!(empty.messages.is_empty());
        assert_eq!(empty.before, None);
    }

    #[test]
    fn an_unknown_before_is_not_found() {
        let store = with_thread(3);
        assert!(matches!(
            store.thread("c1", Some("nope"), 50),
            Err(StoreError::NotFound {
                what: "message",
                ..
            })
        ));
        // a message of another conversation is not a position in this one
        assert!(store.thread("c2", Some("m001"), 50).is_err());
    }

    #[test]
    fn equal_instants_are_ordered_by_id() {
        let mut store = Store::in_memory().unwrap();
        let changes: Vec<_> = ["b", "a", "c"]
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let m = message(id, "c1", Direction::Inbound, "same time", 0);
                change(i as i64 + 1, ChangeData::Message(m))
            })
            .collect();
        store.apply_batch(&changes, 0).unwrap();
        let page = store.thread("c1", None, 2).unwrap();
        assert_eq!(page_ids(&page), ["b", "c"]);
        let rest = store.thread("c1", page.before.as_deref(), 2).unwrap();
        assert_eq!(page_ids(&rest), ["a"]);
    }

    #[test]
    fn a_status_never_moves_back() {
        let mut store = Store::in_memory().unwrap();
        let m = message("m1", "c1", Direction::Outbound, "hi", 0);
        store
            .apply_batch(
                &[
                    change(
                        1,
                        ChangeData::Message(with_status(m.clone(), MessageStatus::Sent)),
                    ),
                    change(
                        2,
                        ChangeData::MessageStatus(with_status(m.clone(), MessageStatus::Read)),
                    ),
                    change(
                        3,
                        ChangeData::MessageStatus(with_status(m.clone(), MessageStatus::Delivered)),
                    ),
                ],
                0,
            )
            .unwrap();
        assert_eq!(
            store.message("m1").unwrap().unwrap().status,
            MessageStatus::Read
        );
        let mut failed = with_status(m, MessageStatus::Failed);
        failed.failure = serde_json::from_value(serde_json::json!(
            {"code": "graph_error", "reason": "undeliverable", "graph_code": 131026}
        ))
        .unwrap();
        store
            .apply(&change(4, ChangeData::MessageStatus(failed.clone())))
            .unwrap();
        assert_eq!(
            store.message("m1").unwrap().unwrap().status,
            MessageStatus::Read
        );
        assert!(store.message("nope").unwrap().is_none());
    }

    #[test]
    fn the_thread_index_built_after_a_bulk_write_is_the_migrations() {
        let store = Store::in_memory().unwrap();
        let migrated: String = store
            .conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = 'messages_thread'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(migrated, THREAD_INDEX.replace("IF NOT EXISTS ", ""));
    }

    #[test]
    fn the_thread_is_served_by_its_index() {
        let store = with_thread(3);
        let plan: Vec<String> = store
            .conn
            .prepare(
                "EXPLAIN QUERY PLAN SELECT json FROM messages
                 WHERE conversation_id = 'c1' AND (sent_at, id) < (1, 'x')
                 ORDER BY sent_at DESC, id DESC LIMIT 50",
            )
            .unwrap()
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(
            plan.iter().any(|p| p.contains("messages_thread")),
            "{plan:?}"
        );
        assert!(!plan.iter().any(|p| p.contains("TEMP B-TREE")), "{plan:?}");
    }
}
