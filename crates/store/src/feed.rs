//! Applying the hub's change feed, and the sync cursor (the `seq` of the
//! last change applied).
//!
//! A batch of changes and the cursor move in one transaction, so a crash
//! leaves the cursor neither ahead of the data nor behind it. A change at or
//! below the cursor was applied already and is ignored. Each change carries
//! the whole object, which replaces the stored one (a message's status never
//! moves back); a kind this build does not know is kept as it came and
//! skipped, and the cursor still moves past it.

use std::collections::BTreeSet;

use rusqlite::{Connection, params};
use serde::Serialize;
use switchboard_protocol::{Change, ChangeData};

use crate::codecs::from_json;
use crate::{Store, StoreResult, calls, conversations, events, messages, outbox, team, templates};

/// How a batch of changes is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ApplyMode {
    /// Each message searchable and counted unread as it is written.
    #[default]
    Live,
    /// A bootstrap's pages (a million messages): the messages' search
    /// entries are left to [`Store::index_backlog`] (indexing is about half
    /// of what writing a message costs), and the thread index and the
    /// unread counts to [`Store::recount_unread`], once, at its end (a
    /// sorted build instead of a million inserts all over the index); the
    /// page cache is larger meanwhile.
    Bulk,
}

/// What applying changes did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ApplyReport {
    /// Changes applied (unknown kinds included).
    pub applied: usize,
    /// Of those, changes of a kind this build does not know, kept and skipped.
    pub unknown: usize,
    /// Changes at or below the cursor: applied before, ignored.
    pub ignored: usize,
    /// The cursor after the batch.
    pub cursor: i64,
    /// The conversations whose view may have changed (conversation, its
    /// messages, calls, permission or event log), for the UI to refresh.
    pub conversations: BTreeSet<String>,
}

/// A change of a kind this build does not know, as it came.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeptUnknown {
    pub seq: i64,
    pub kind: String,
    pub data: serde_json::Value,
}

/// The page cache of a bulk write (64 MiB; negative: KiB, as SQLite says),
/// and SQLite's default, given back at its end (the app stays small).
const BULK_CACHE_KIB: i64 = -65_536;
const DEFAULT_CACHE_KIB: i64 = -2_000;

fn unread_stale(conn: &Connection) -> StoreResult<bool> {
    Ok(conn
        .prepare_cached("SELECT unread_stale FROM sync_cursor WHERE id = 1")?
        .query_row([], |r| r.get(0))?)
}

fn cursor(conn: &Connection) -> StoreResult<i64> {
    Ok(conn
        .prepare_cached("SELECT seq FROM sync_cursor WHERE id = 1")?
        .query_row([], |r| r.get(0))?)
}

/// Applies one change's object; the id of the conversation it touches.
fn apply_one(conn: &Connection, change: &Change, mode: ApplyMode) -> StoreResult<Option<String>> {
    Ok(match &change.change {
        ChangeData::Conversation(c) => {
            conversations::put(conn, c, mode)?;
            Some(c.id.clone())
        }
        ChangeData::Message(m) | ChangeData::MessageStatus(m) => {
            messages::put_hub(conn, m, mode)?;
            if let Some(client_id) = &m.client_id {
                // The hub has it: the agent's queued send is done.
                outbox::accepted(conn, &m.conversation_id, client_id, &m.id)?;
            }
            Some(m.conversation_id.clone())
        }
        ChangeData::Call(c) => {
            calls::put(conn, c)?;
            Some(c.conversation_id.clone())
        }
        ChangeData::CallPermission(p) => {
            conversations::put_call_permission(conn, p)?;
            Some(p.conversation_id.clone())
        }
        ChangeData::Template(t) => {
            templates::put(conn, t)?;
            None
        }
        ChangeData::Queue(q) => {
            team::put_queue(conn, q)?;
            None
        }
        ChangeData::Channel(c) => {
            team::put_channel(conn, c)?;
            None
        }
        ChangeData::EventLog(e) => {
            events::put(conn, e)?;
            Some(e.conversation_id.clone())
        }
        ChangeData::Agent(a) => {
            team::put_agent(conn, a)?;
            None
        }
        ChangeData::Unknown(u) => {
            conn.execute(
                "INSERT INTO unknown_changes (seq, kind, data) VALUES (?1, ?2, ?3)
                 ON CONFLICT (seq) DO UPDATE SET kind = excluded.kind, data = excluded.data",
                params![change.seq, u.kind, u.data.to_string()],
            )?;
            None
        }
    })
}

impl Store {
    /// The `seq` of the last change applied (0 before the first): pass it
    /// as `after` to the hub's `/changes` and as `Last-Event-ID`.
    pub fn sync_cursor(&self) -> StoreResult<i64> {
        cursor(&self.conn)
    }

    /// Applies a page of the feed, in `seq` order, and moves the cursor past
    /// it (to `next`, the page's, when that is further: it skips changes
    /// this agent may not see), all in one transaction: on an error nothing
    /// is applied and the cursor stays. Changes at or below the cursor are
    /// ignored, so applying a page twice changes nothing.
    pub fn apply_batch(&mut self, changes: &[Change], next: i64) -> StoreResult<ApplyReport> {
        self.apply_batch_as(changes, next, ApplyMode::Live)
    }

    /// [`Store::apply_batch`], written as `mode` says ([`ApplyMode::Bulk`]:
    /// a bootstrap's pages, followed by [`Store::recount_unread`] and
    /// [`Store::index_backlog`]).
    pub fn apply_batch_as(
        &mut self,
        changes: &[Change],
        next: i64,
        mode: ApplyMode,
    ) -> StoreResult<ApplyReport> {
        let tx = self.conn.transaction()?;
        if mode == ApplyMode::Bulk {
            if !unread_stale(&tx)? {
                // A bulk write's first page: the thread index is built once at
                // its end (`recount_unread`), by sorting, not kept up to date
                // message by message (a million inserts all over it).
                messages::drop_thread_index(&tx)?;
            }
            tx.pragma_update(None, "cache_size", BULK_CACHE_KIB)?;
        }
        let mut report = ApplyReport {
            cursor: cursor(&tx)?,
            ..ApplyReport::default()
        };
        for change in changes {
            if change.seq <= report.cursor {
                report.ignored += 1;
                continue;
            }
            if let Some(conversation_id) = apply_one(&tx, change, mode)? {
                report.conversations.insert(conversation_id);
            }
            if matches!(change.change, ChangeData::Unknown(_)) {
                report.unknown += 1;
            }
            report.applied += 1;
            report.cursor = change.seq;
        }
        report.cursor = report.cursor.max(next);
        tx.prepare_cached(
            "UPDATE sync_cursor SET seq = ?1, unread_stale = unread_stale OR ?2 WHERE id = 1",
        )?
        .execute(params![report.cursor, mode == ApplyMode::Bulk])?;
        tx.commit()?;
        Ok(report)
    }

    /// Whether a bulk write left the unread counts to count again (and the
    /// thread index to build).
    pub fn unread_stale(&self) -> StoreResult<bool> {
        unread_stale(&self.conn)
    }

    /// Ends a bulk write: builds the thread index and counts every
    /// conversation's unread customer messages again from the stored
    /// messages and the agent's read marks, in one transaction (one pass
    /// over the messages costs less than a count per message).
    pub fn recount_unread(&mut self) -> StoreResult<()> {
        let tx = self.conn.transaction()?;
        messages::create_thread_index(&tx)?;
        tx.execute_batch(
            "INSERT INTO conversation_reads (conversation_id)
                 SELECT DISTINCT conversation_id FROM messages WHERE direction = 'inbound'
             ON CONFLICT (conversation_id) DO NOTHING;
             UPDATE conversation_reads SET unread = (
                 SELECT count(*) FROM messages m
                 WHERE m.conversation_id = conversation_reads.conversation_id
                   AND m.direction = 'inbound'
                   AND (conversation_reads.read_sent_at IS NULL
                        OR (m.sent_at, m.id)
                           > (conversation_reads.read_sent_at, conversation_reads.read_message_id)));
             UPDATE sync_cursor SET unread_stale = 0 WHERE id = 1;",
        )?;
        tx.commit()?;
        self.conn
            .pragma_update(None, "cache_size", DEFAULT_CACHE_KIB)?;
        Ok(())
    }

    /// Applies one change (an event of the live stream) and moves the
    /// cursor to it, in one transaction; at or below the cursor it is
    /// ignored.
    pub fn apply(&mut self, change: &Change) -> StoreResult<ApplyReport> {
        self.apply_batch(std::slice::from_ref(change), change.seq)
    }

    /// The changes of kinds this build does not know, kept as they came,
    /// oldest first.
    pub fn unknown_changes(&self) -> StoreResult<Vec<KeptUnknown>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT seq, kind, data FROM unknown_changes ORDER BY seq")?;
        let rows: Vec<(i64, String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(|(seq, kind, data)| {
                Ok(KeptUnknown {
                    seq,
                    kind,
                    data: from_json(&data)?,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use switchboard_protocol::{ChangeData, Direction};

    use super::*;
    use crate::fixtures::*;

    impl Store {
        fn has_index(&self, name: &str) -> bool {
            self.conn
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?1",
                    [name],
                    |r| r.get::<_, i64>(0),
                )
                .unwrap()
                == 1
        }
    }

    #[test]
    fn the_cursor_starts_at_zero_and_follows_the_changes() {
        let mut store = Store::in_memory().unwrap();
        assert_eq!(store.sync_cursor().unwrap(), 0);
        let report = store
            .apply_batch(
                &[
                    change(3, ChangeData::Conversation(conversation("c1"))),
                    change(7, ChangeData::Queue(queue("q1", "support"))),
                ],
                7,
            )
            .unwrap();
        assert_eq!((report.applied, report.ignored, report.cursor), (2, 0, 7));
        assert_eq!(report.conversations, BTreeSet::from(["c1".to_owned()]));
        assert_eq!(store.sync_cursor().unwrap(), 7);
        // a page whose next is past its last change (changes this agent may
        // not see), and an empty page
        store
            .apply_batch(&[change(9, ChangeData::Queue(queue("q2", "billing")))], 15)
            .unwrap();
        assert_eq!(store.sync_cursor().unwrap(), 15);
        store.apply_batch(&[], 20).unwrap();
        assert_eq!(store.sync_cursor().unwrap(), 20);
        // a stale next never moves it back
        store.apply_batch(&[], 4).unwrap();
        assert_eq!(store.sync_cursor().unwrap(), 20);
    }

    #[test]
    fn changes_at_or_below_the_cursor_are_ignored() {
        let mut store = Store::in_memory().unwrap();
        let first = message("m1", "c1", Direction::Inbound, "Hallo", 0);
        store.apply(&change(5, ChangeData::Message(first))).unwrap();
        let mut edited = message("m1", "c1", Direction::Inbound, "edited", 1);
        edited.updated_at = t(30);
        let report = store
            .apply(&change(5, ChangeData::Message(edited.clone())))
            .unwrap();
        assert_eq!((report.applied, report.ignored, report.cursor), (0, 1, 5));
        let report = store
            .apply(&change(4, ChangeData::Message(edited)))
            .unwrap();
        assert_eq!(report.ignored, 1);
        assert_eq!(
            store.message("m1").unwrap().unwrap().text.as_deref(),
            Some("Hallo")
        );
        assert_eq!(store.conversation("c1").unwrap(), None);
        assert_eq!(store.unread_counts().unwrap().total, 1);
    }

    #[test]
    fn a_bulk_write_leaves_the_unread_counts_to_one_recount_that_keeps_read_marks() {
        let mut store = Store::in_memory().unwrap();
        let m = |id: &str, conv: &str, minute: i64| {
            ChangeData::Message(message(id, conv, Direction::Inbound, "Hallo", minute))
        };
        store.apply(&change(1, m("m1", "c1", 1))).unwrap();
        store.mark_read("c1").unwrap();
        assert!(!store.unread_stale().unwrap());
        store
            .apply_batch_as(
                &[
                    change(2, m("m0", "c1", 0)),
                    change(3, m("m2", "c1", 2)),
                    change(4, m("m3", "c1", 3)),
                    change(5, m("n1", "c2", 1)),
                ],
                5,
                ApplyMode::Bulk,
            )
            .unwrap();
        assert!(store.unread_stale().unwrap());
        assert_eq!(store.unread_counts().unwrap().total, 0, "not counted yet");
        assert!(!store.has_index("messages_thread"), "built at the end");
        let page = store.thread("c1", None, 10).unwrap();
        let ids: Vec<&str> = page.messages.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(
            ids,
            ["m0", "m1", "m2", "m3"],
            "a thread reads right meanwhile"
        );
        store.recount_unread().unwrap();
        assert!(!store.unread_stale().unwrap());
        assert!(store.has_index("messages_thread"));
        let counts = store.unread_counts().unwrap();
        // c1: m2 and m3 came after what was read (m0 before it); c2: n1.
        assert_eq!(counts.by_conversation.get("c1"), Some(&2));
        assert_eq!(counts.by_conversation.get("c2"), Some(&1));
        assert_eq!(counts.total, 3);
        // Live again: counted as they come.
        store.apply(&change(6, m("m4", "c1", 4))).unwrap();
        assert_eq!(store.unread_counts().unwrap().total, 4);
    }

    #[test]
    fn an_unknown_kind_is_kept_and_skipped() {
        let mut store = Store::in_memory().unwrap();
        let report = store
            .apply_batch(
                &[
                    change(1, ChangeData::Conversation(conversation("c1"))),
                    unknown_change(2),
                    change(3, ChangeData::Queue(queue("q1", "support"))),
                ],
                3,
            )
            .unwrap();
        assert_eq!((report.applied, report.unknown, report.cursor), (3, 1, 3));
        let kept = store.unknown_changes().unwrap();
        assert_eq!(kept.len(), 1);
        assert_eq!((kept[0].seq, kept[0].kind.as_str()), (2, "sticker_pack"));
        assert_eq!(kept[0].data["name"], "Cats");
        assert_eq!(store.queues().unwrap().len(), 1);
    }

    #[test]
    fn a_failing_batch_applies_nothing_and_keeps_the_cursor() {
        let mut store = Store::in_memory().unwrap();
        store
            .apply(&change(1, ChangeData::Queue(queue("q1", "support"))))
            .unwrap();
        store
            .conn
            .execute_batch(
                "CREATE TRIGGER refuse BEFORE INSERT ON calls BEGIN SELECT RAISE(ABORT, 'disk'); END",
            )
            .unwrap();
        let err = store.apply_batch(
            &[
                change(2, ChangeData::Conversation(conversation("c1"))),
                change(
                    3,
                    ChangeData::Call(call(
                        "k1",
                        "c1",
                        switchboard_protocol::CallState::Ringing,
                        0,
                    )),
                ),
            ],
            3,
        );
        assert!(err.is_err());
        assert_eq!(store.sync_cursor().unwrap(), 1);
        assert_eq!(store.conversation("c1").unwrap(), None);
        assert!(store.search_customers("Jonas", 10).unwrap().is_empty());
    }
}
