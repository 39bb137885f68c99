//! Conversations (with their window and call-permission summaries, as the
//! hub last described them), the list and one conversation, and the local
//! unread counts: customer messages after the last one this agent read.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use serde::Serialize;
use switchboard_protocol::{CallPermissionChange, Conversation, ConversationStatus, Message};
use ts_rs::TS;

use crate::codecs::{enum_str, from_json, ms, opt_ms, to_json};
use crate::search::{self, DocKind};
use crate::{ApplyMode, Store, StoreResult};

/// What search indexes for a customer: name, username and number.
fn customer_search(c: &Conversation) -> String {
    let customer = &c.customer;
    [
        &customer.name,
        &customer.username,
        &Some(customer.wa_id.clone()),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.trim().is_empty())
    .cloned()
    .collect::<Vec<_>>()
    .join(" · ")
}

/// Writes the conversation as the hub describes it (the whole object
/// replaces the stored one) and re-indexes its customer when that changed.
pub(crate) fn put(conn: &Connection, c: &Conversation, mode: ApplyMode) -> StoreResult<()> {
    let search_text = customer_search(c);
    let previous: Option<String> = conn
        .prepare_cached("SELECT customer_search FROM conversations WHERE id = ?1")?
        .query_row([&c.id], |r| r.get(0))
        .optional()?;
    conn.prepare_cached(
        "INSERT INTO conversations (id, channel_id, queue_id, assignee_id, status, priority,
             customer_wa_id, customer_name, customer_search, window_closes_at,
             last_customer_message_at, call_permission_state, created_at, updated_at, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
         ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id,
             queue_id = excluded.queue_id, assignee_id = excluded.assignee_id,
             status = excluded.status, priority = excluded.priority,
             customer_wa_id = excluded.customer_wa_id, customer_name = excluded.customer_name,
             customer_search = excluded.customer_search,
             window_closes_at = excluded.window_closes_at,
             last_customer_message_at = excluded.last_customer_message_at,
             call_permission_state = excluded.call_permission_state,
             created_at = excluded.created_at, updated_at = excluded.updated_at,
             json = excluded.json",
    )?
    .execute(params![
        c.id,
        c.channel_id,
        c.queue_id,
        c.assignee_id,
        enum_str(&c.status)?,
        enum_str(&c.priority)?,
        c.customer.wa_id,
        c.customer.name,
        search_text,
        opt_ms(c.window.closes_at),
        opt_ms(c.window.last_customer_message_at),
        enum_str(&c.call_permission.state)?,
        ms(c.created_at),
        ms(c.updated_at),
        to_json(c)?,
    ])?;
    if previous.as_deref() != Some(search_text.as_str()) {
        match mode {
            ApplyMode::Live => search::index(conn, DocKind::Customer, &c.id, Some(&search_text))?,
            ApplyMode::Bulk => search::defer_customer(conn, &c.id)?,
        }
    }
    Ok(())
}

/// Replaces a stored conversation's call-permission summary; a conversation
/// not stored yet is left to its own change (which carries the summary).
pub(crate) fn put_call_permission(conn: &Connection, p: &CallPermissionChange) -> StoreResult<()> {
    let Some(json) = conn
        .query_row(
            "SELECT json FROM conversations WHERE id = ?1",
            [&p.conversation_id],
            |r| r.get::<_, String>(0),
        )
        .optional()?
    else {
        return Ok(());
    };
    let mut c: Conversation = from_json(&json)?;
    c.call_permission = p.call_permission.clone();
    conn.execute(
        "UPDATE conversations SET call_permission_state = ?2, json = ?3 WHERE id = ?1",
        params![c.id, enum_str(&c.call_permission.state)?, to_json(&c)?],
    )?;
    Ok(())
}

/// Counts a customer message that was not in the store: unread unless it is
/// older than what the agent already read.
pub(crate) fn count_new_inbound(conn: &Connection, m: &Message) -> StoreResult<()> {
    // One statement: the first message of a conversation starts its count.
    conn.prepare_cached(
        "INSERT INTO conversation_reads (conversation_id, unread) VALUES (?1, 1)
         ON CONFLICT (conversation_id) DO UPDATE SET unread = unread + 1
         WHERE read_sent_at IS NULL OR (?2, ?3) > (read_sent_at, read_message_id)",
    )?
    .execute(params![m.conversation_id, ms(m.sent_at), m.id])?;
    Ok(())
}

/// Which conversations by their customer-service window, at the instant the
/// query is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowFilter {
    /// The window is open now.
    Open,
    /// The window is open now and closes at or before this instant.
    ClosingBefore(DateTime<Utc>),
    /// The window is closed now (or never opened).
    Closed,
}

/// How the conversation list is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ConversationSort {
    /// Most recently updated first (the hub's order).
    #[default]
    UpdatedDesc,
    /// Open windows first, the least time left first; then the closed ones,
    /// most recently updated first.
    TimeLeftAsc,
}

/// The filters of [`Store::conversations`]; every filter given must hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConversationFilter {
    pub queue_id: Option<String>,
    pub status: Option<ConversationStatus>,
    pub assignee_id: Option<String>,
    /// Only conversations with unread customer messages.
    pub unread_only: bool,
    pub window: Option<WindowFilter>,
    pub sort: ConversationSort,
    pub limit: u32,
}

impl Default for ConversationFilter {
    /// Every conversation, most recently updated first, at most 200.
    fn default() -> Self {
        ConversationFilter {
            queue_id: None,
            status: None,
            assignee_id: None,
            unread_only: false,
            window: None,
            sort: ConversationSort::UpdatedDesc,
            limit: 200,
        }
    }
}

/// A conversation as the list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ConversationItem {
    pub conversation: Conversation,
    /// Customer messages after the last one read here.
    pub unread: u32,
    /// The newest message of the thread (a local pending one included).
    pub last_message: Option<Message>,
}

/// Unread customer messages: per conversation (only those with some) and
/// in all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct UnreadCounts {
    pub by_conversation: BTreeMap<String, u32>,
    pub total: u32,
}

const ITEM_COLUMNS: &str = "c.json, COALESCE(r.unread, 0),
    (SELECT m.json FROM messages m WHERE m.conversation_id = c.id
     ORDER BY m.sent_at DESC, m.id DESC LIMIT 1)";

fn item(row: &rusqlite::Row<'_>) -> rusqlite::Result<(String, u32, Option<String>)> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?))
}

fn decode((json, unread, last): (String, u32, Option<String>)) -> StoreResult<ConversationItem> {
    Ok(ConversationItem {
        conversation: from_json(&json)?,
        unread,
        last_message: last.as_deref().map(from_json).transpose()?,
    })
}

impl Store {
    /// The conversations that pass `filter`, in its order, at most its
    /// `limit`; `now` decides which windows are open.
    pub fn conversations(
        &self,
        filter: &ConversationFilter,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<ConversationItem>> {
        let now = ms(now);
        let mut sql = format!(
            "SELECT {ITEM_COLUMNS} FROM conversations c
             LEFT JOIN conversation_reads r ON r.conversation_id = c.id WHERE 1"
        );
        let mut args: Vec<Value> = Vec::new();
        let mut arg = |sql: &mut String, clause: &str, v: Value| {
            args.push(v);
            sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
        };
        if let Some(q) = &filter.queue_id {
            arg(&mut sql, " AND c.queue_id = ?", Value::Text(q.clone()));
        }
        if let Some(s) = &filter.status {
            arg(&mut sql, " AND c.status = ?", Value::Text(enum_str(s)?));
        }
        if let Some(a) = &filter.assignee_id {
            arg(&mut sql, " AND c.assignee_id = ?", Value::Text(a.clone()));
        }
        if filter.unread_only {
            sql.push_str(" AND r.unread > 0");
        }
        match filter.window {
            None => {}
            Some(WindowFilter::Open) => {
                arg(&mut sql, " AND c.window_closes_at > ?", Value::Integer(now));
            }
            Some(WindowFilter::Closed) => arg(
                &mut sql,
                " AND (c.window_closes_at IS NULL OR c.window_closes_at <= ?)",
                Value::Integer(now),
            ),
            Some(WindowFilter::ClosingBefore(before)) => {
                arg(&mut sql, " AND c.window_closes_at > ?", Value::Integer(now));
                arg(
                    &mut sql,
                    " AND c.window_closes_at <= ?",
                    Value::Integer(ms(before)),
                );
            }
        }
        match filter.sort {
            ConversationSort::UpdatedDesc => sql.push_str(" ORDER BY c.updated_at DESC, c.id"),
            ConversationSort::TimeLeftAsc => {
                args.push(Value::Integer(now));
                let n = args.len();
                sql.push_str(&format!(
                    " ORDER BY CASE WHEN c.window_closes_at > ?{n} THEN 0 ELSE 1 END,
                       CASE WHEN c.window_closes_at > ?{n} THEN c.window_closes_at END,
                       c.updated_at DESC, c.id"
                ));
            }
        }
        args.push(Value::Integer(i64::from(filter.limit)));
        sql.push_str(&format!(" LIMIT ?{}", args.len()));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), item)?;
        rows.map(|r| decode(r?)).collect()
    }

    /// One conversation, as the list shows it.
    pub fn conversation(&self, id: &str) -> StoreResult<Option<ConversationItem>> {
        let sql = format!(
            "SELECT {ITEM_COLUMNS} FROM conversations c
             LEFT JOIN conversation_reads r ON r.conversation_id = c.id WHERE c.id = ?1"
        );
        let row = self.conn.query_row(&sql, [id], item).optional()?;
        row.map(decode).transpose()
    }

    /// The newest conversation of the customer with this `wa_id` (digits)
    /// on this channel, if any.
    pub fn conversation_with_customer(
        &self,
        channel_id: &str,
        wa_id: &str,
    ) -> StoreResult<Option<ConversationItem>> {
        let sql = format!(
            "SELECT {ITEM_COLUMNS} FROM conversations c
             LEFT JOIN conversation_reads r ON r.conversation_id = c.id
             WHERE c.channel_id = ?1 AND c.customer_wa_id = ?2
             ORDER BY c.updated_at DESC LIMIT 1"
        );
        let row = self
            .conn
            .query_row(&sql, [channel_id, wa_id], item)
            .optional()?;
        row.map(decode).transpose()
    }

    /// Unread customer messages per conversation and in all.
    pub fn unread_counts(&self) -> StoreResult<UnreadCounts> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT conversation_id, unread FROM conversation_reads WHERE unread > 0
             ORDER BY conversation_id",
        )?;
        let mut counts = UnreadCounts::default();
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))? {
            let (id, n) = row?;
            counts.total += n;
            counts.by_conversation.insert(id, n);
        }
        Ok(counts)
    }

    /// Marks every customer message of the conversation read here (locally:
    /// the customer's read receipts are the hub's business).
    pub fn mark_read(&mut self, conversation_id: &str) -> StoreResult<()> {
        let tx = self.conn.transaction()?;
        let newest: Option<(i64, String)> = tx
            .query_row(
                "SELECT sent_at, id FROM messages
                 WHERE conversation_id = ?1 AND direction = 'inbound'
                 ORDER BY sent_at DESC, id DESC LIMIT 1",
                [conversation_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((sent_at, id)) = newest {
            tx.execute(
                "INSERT INTO conversation_reads (conversation_id, read_sent_at, read_message_id, unread)
                 VALUES (?1, ?2, ?3, 0)
                 ON CONFLICT (conversation_id) DO UPDATE SET read_sent_at = excluded.read_sent_at,
                     read_message_id = excluded.read_message_id, unread = 0",
                params![conversation_id, sent_at, id],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use switchboard_protocol::{CallPermissionState, ChangeData, ConversationStatus, Direction};

    use super::*;
    use crate::fixtures::*;

    /// c1: support, open, updated t(10), window closes t(60);
    /// c2: billing, pending, updated t(20), assigned to ana, closes t(30);
    /// c3: support, solved, updated t(5), window closed (t(-1)).
    fn three() -> Store {
        let mut store = Store::in_memory().unwrap();
        let mut c1 = conversation("c1");
        c1.updated_at = t(10);
        c1.window.closes_at = Some(t(60));
        let mut c2 = conversation("c2");
        c2.queue_id = Some("billing".into());
        c2.status = ConversationStatus::Pending;
        c2.assignee_id = Some("ana".into());
        c2.updated_at = t(20);
        c2.window.closes_at = Some(t(30));
        let mut c3 = conversation("c3");
        c3.status = ConversationStatus::Solved;
        c3.updated_at = t(5);
        c3.window.closes_at = Some(t(-1));
        let changes: Vec<_> = [c1, c2, c3]
            .into_iter()
            .enumerate()
            .map(|(i, c)| change(i as i64 + 1, ChangeData::Conversation(c)))
            .collect();
        store.apply_batch(&changes, 0).unwrap();
        store
    }

    fn ids(store: &Store, filter: ConversationFilter) -> Vec<String> {
        store
            .conversations(&filter, t(0))
            .unwrap()
            .into_iter()
            .map(|i| i.conversation.id)
            .collect()
    }

    #[test]
    fn the_list_is_most_recently_updated_first_and_filters() {
        let store = three();
        let all = ConversationFilter::default();
        assert_eq!(ids(&store, all.clone()), ["c2", "c1", "c3"]);
        let support = ConversationFilter {
            queue_id: Some("support".into()),
            ..all.clone()
        };
        assert_eq!(ids(&store, support), ["c1", "c3"]);
        let pending = ConversationFilter {
            status: Some(ConversationStatus::Pending),
            ..all.clone()
        };
        assert_eq!(ids(&store, pending), ["c2"]);
        let anas = ConversationFilter {
            assignee_id: Some("ana".into()),
            ..all.clone()
        };
        assert_eq!(ids(&store, anas), ["c2"]);
        assert_eq!(ids(&store, ConversationFilter { limit: 1, ..all }), ["c2"]);
    }

    #[test]
    fn a_customer_is_found_by_channel_and_number_newest_first() {
        let mut store = three();
        let mut other = conversation("c4");
        other.customer.wa_id = "4915199999999".into();
        other.updated_at = t(99);
        store
            .apply_batch(&[change(4, ChangeData::Conversation(other))], 3)
            .unwrap();
        let found = |ch: &str, wa: &str| {
            store
                .conversation_with_customer(ch, wa)
                .unwrap()
                .map(|i| i.conversation.id)
        };
        assert_eq!(found("ch-1", "4915112345678").as_deref(), Some("c2"));
        assert_eq!(found("ch-1", "4915199999999").as_deref(), Some("c4"));
        assert_eq!(found("ch-2", "4915112345678"), None);
        assert_eq!(found("ch-1", "4930000000"), None);
    }

    #[test]
    fn windows_are_judged_at_the_given_instant() {
        let store = three();
        let by = |w| ConversationFilter {
            window: Some(w),
            ..ConversationFilter::default()
        };
        assert_eq!(ids(&store, by(WindowFilter::Open)), ["c2", "c1"]);
        assert_eq!(ids(&store, by(WindowFilter::Closed)), ["c3"]);
        assert_eq!(ids(&store, by(WindowFilter::ClosingBefore(t(45)))), ["c2"]);
        // later, c2's window has closed too
        let later: Vec<String> = store
            .conversations(&by(WindowFilter::Closed), t(40))
            .unwrap()
            .into_iter()
            .map(|i| i.conversation.id)
            .collect();
        assert_eq!(later, ["c2", "c3"]);
    }

    #[test]
    fn time_left_puts_the_closest_deadline_first_and_closed_last() {
        let store = three();
        let filter = ConversationFilter {
            sort: ConversationSort::TimeLeftAsc,
            ..ConversationFilter::default()
        };
        assert_eq!(ids(&store, filter), ["c2", "c1", "c3"]);
        let mut store = store;
        let mut c1 = conversation("c1");
        c1.updated_at = t(10);
        c1.window.closes_at = Some(t(15));
        store
            .apply(&change(9, ChangeData::Conversation(c1)))
            .unwrap();
        let filter = ConversationFilter {
            sort: ConversationSort::TimeLeftAsc,
            ..ConversationFilter::default()
        };
        assert_eq!(ids(&store, filter), ["c1", "c2", "c3"]);
    }

    #[test]
    fn one_conversation_with_its_unread_count_and_last_message() {
        let mut store = three();
        assert!(store.conversation("nope").unwrap().is_none());
        let item = store.conversation("c1").unwrap().unwrap();
        assert_eq!((item.unread, item.last_message), (0, None));
        store
            .apply_batch(
                &[
                    change(
                        10,
                        ChangeData::Message(message("m1", "c1", Direction::Inbound, "Hallo", 1)),
                    ),
                    change(
                        11,
                        ChangeData::Message(message(
                            "m2",
                            "c1",
                            Direction::Outbound,
                            "Guten Tag",
                            2,
                        )),
                    ),
                ],
                0,
            )
            .unwrap();
        let item = store.conversation("c1").unwrap().unwrap();
        assert_eq!(item.unread, 1);
        assert_eq!(item.last_message.unwrap().id, "m2");
        assert_eq!(
            item.conversation.customer.name.as_deref(),
            Some("Jonas Weber")
        );
    }

    #[test]
    fn unread_counts_follow_new_customer_messages_and_mark_read() {
        let mut store = three();
        let inbound =
            |id: &str, conv: &str, minute| message(id, conv, Direction::Inbound, "?", minute);
        store
            .apply_batch(
                &[
                    change(10, ChangeData::Message(inbound("a1", "c1", 1))),
                    change(11, ChangeData::Message(inbound("a2", "c1", 2))),
                    change(12, ChangeData::Message(inbound("b1", "c2", 3))),
                    change(
                        13,
                        ChangeData::Message(message("o1", "c2", Direction::Outbound, "!", 4)),
                    ),
                ],
                0,
            )
            .unwrap();
        let counts = store.unread_counts().unwrap();
        assert_eq!(counts.total, 3);
        assert_eq!(counts.by_conversation["c1"], 2);
        assert_eq!(counts.by_conversation["c2"], 1);
        let unread_only = ConversationFilter {
            unread_only: true,
            ..ConversationFilter::default()
        };
        assert_eq!(ids(&store, unread_only.clone()), ["c2", "c1"]);

        store.mark_read("c1").unwrap();
        let counts = store.unread_counts().unwrap();
        assert_eq!(counts.total, 1);
        assert!(!counts.by_conversation.contains_key("c1"));
        assert_eq!(ids(&store, unread_only), ["c2"]);

        // a status change or a repeat is not a new message; a late older one
        // is already read; a newer one is unread
        store
            .apply_batch(
                &[
                    change(14, ChangeData::MessageStatus(inbound("a2", "c1", 2))),
                    change(15, ChangeData::Message(inbound("a0", "c1", 0))),
                    change(16, ChangeData::Message(inbound("a3", "c1", 5))),
                ],
                0,
            )
            .unwrap();
        assert_eq!(store.conversation("c1").unwrap().unwrap().unread, 1);
        store.mark_read("c1").unwrap();
        store.mark_read("no-such").unwrap();
        assert_eq!(store.unread_counts().unwrap().total, 1);
    }

    #[test]
    fn a_call_permission_change_updates_the_summary() {
        let mut store = three();
        let mut p = conversation("c1").call_permission;
        p.state = CallPermissionState::Granted;
        p.expires_at = Some(t(7 * 24 * 60));
        let patch = CallPermissionChange {
            conversation_id: "c1".into(),
            call_permission: p.clone(),
        };
        let unknown = CallPermissionChange {
            conversation_id: "c9".into(),
            call_permission: p.clone(),
        };
        store
            .apply_batch(
                &[
                    change(10, ChangeData::CallPermission(patch)),
                    change(11, ChangeData::CallPermission(unknown)),
                ],
                0,
            )
            .unwrap();
        let c1 = store.conversation("c1").unwrap().unwrap().conversation;
        assert_eq!(c1.call_permission, p);
        assert_eq!(c1.updated_at, t(10), "the rest is unchanged");
        assert!(store.conversation("c9").unwrap().is_none());
    }

    #[test]
    fn the_list_is_served_by_indexes() {
        let store = three();
        let plan: Vec<String> = store
            .conn
            .prepare(
                "EXPLAIN QUERY PLAN SELECT json FROM conversations c
                 ORDER BY c.updated_at DESC, c.id LIMIT 50",
            )
            .unwrap()
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(
            plan.iter().any(|p| p.contains("conversations_updated")),
            "{plan:?}"
        );
        assert!(!plan.iter().any(|p| p.contains("TEMP B-TREE")), "{plan:?}");
    }
}
