//! The raw baseline of the store's apply rate: the same changes written as
//! plain rusqlite upserts of the same rows (the store's columns and values,
//! the objects as JSON) into tables keyed by id, with no secondary index, no
//! full-text index, no read before a write, no unread counts, no outbox
//! reconciliation; one transaction per page, WAL, `synchronous = NORMAL`,
//! statements prepared once. What a mirror of the feed costs at the least
//! on this machine.

use std::path::Path;

use rusqlite::{Connection, params};
use serde::Serialize;
use switchboard_protocol::{Change, ChangeData};

pub struct Raw {
    conn: Connection,
}

fn word<T: Serialize>(v: &T) -> anyhow::Result<String> {
    Ok(match serde_json::to_value(v)? {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    })
}

impl Raw {
    pub fn open(path: &Path) -> anyhow::Result<Raw> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.execute_batch(
            "CREATE TABLE conversations (
                id TEXT PRIMARY KEY, channel_id TEXT NOT NULL, queue_id TEXT, assignee_id TEXT,
                status TEXT NOT NULL, priority TEXT NOT NULL, customer_wa_id TEXT NOT NULL,
                customer_name TEXT, window_closes_at INTEGER, last_customer_message_at INTEGER,
                call_permission_state TEXT NOT NULL, created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL, json TEXT NOT NULL);
             CREATE TABLE messages (
                id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, direction TEXT NOT NULL,
                kind TEXT NOT NULL, status TEXT NOT NULL, client_id TEXT, wamid TEXT, text TEXT,
                sent_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, json TEXT NOT NULL);
             CREATE TABLE other (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, json TEXT NOT NULL);",
        )?;
        Ok(Raw { conn })
    }

    /// Writes a page of changes in one transaction.
    pub fn apply(&mut self, changes: &[Change]) -> anyhow::Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut conv = tx.prepare_cached(
                "INSERT INTO conversations (id, channel_id, queue_id, assignee_id, status, priority,
                    customer_wa_id, customer_name, window_closes_at, last_customer_message_at,
                    call_permission_state, created_at, updated_at, json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                 ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id,
                    queue_id = excluded.queue_id, assignee_id = excluded.assignee_id,
                    status = excluded.status, priority = excluded.priority,
                    customer_wa_id = excluded.customer_wa_id, customer_name = excluded.customer_name,
                    window_closes_at = excluded.window_closes_at,
                    last_customer_message_at = excluded.last_customer_message_at,
                    call_permission_state = excluded.call_permission_state,
                    created_at = excluded.created_at, updated_at = excluded.updated_at,
                    json = excluded.json",
            )?;
            let mut msg = tx.prepare_cached(
                "INSERT OR REPLACE INTO messages (id, conversation_id, direction, kind, status,
                    client_id, wamid, text, sent_at, updated_at, json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?;
            let mut other = tx.prepare_cached(
                "INSERT OR REPLACE INTO other (seq, kind, json) VALUES (?1, ?2, ?3)",
            )?;
            for change in changes {
                match &change.change {
                    ChangeData::Conversation(c) => {
                        conv.execute(params![
                            c.id,
                            c.channel_id,
                            c.queue_id,
                            c.assignee_id,
                            word(&c.status)?,
                            word(&c.priority)?,
                            c.customer.wa_id,
                            c.customer.name,
                            c.window.closes_at.map(|t| t.timestamp_millis()),
                            c.window
                                .last_customer_message_at
                                .map(|t| t.timestamp_millis()),
                            word(&c.call_permission.state)?,
                            c.created_at.timestamp_millis(),
                            c.updated_at.timestamp_millis(),
                            serde_json::to_string(c)?,
                        ])?;
                    }
                    ChangeData::Message(m) | ChangeData::MessageStatus(m) => {
                        msg.execute(params![
                            m.id,
                            m.conversation_id,
                            word(&m.direction)?,
                            word(&m.kind)?,
                            word(&m.status)?,
                            m.client_id,
                            m.wamid,
                            m.text,
                            m.sent_at.timestamp_millis(),
                            m.updated_at.timestamp_millis(),
                            serde_json::to_string(m)?,
                        ])?;
                    }
                    other_change => {
                        other.execute(params![
                            change.seq,
                            other_change.kind_str(),
                            serde_json::to_string(other_change)?,
                        ])?;
                    }
                }
            }
        }
        tx.commit()?;
        Ok(())
    }
}
