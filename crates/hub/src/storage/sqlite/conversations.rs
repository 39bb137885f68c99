//! Conversations.

use rusqlite::params;

use super::SqliteTx;
use super::codecs::{
    CONV_COLS, backend, conversation_row, customer_key, enum_str, is_unique_violation, json, ms,
    opt_ms,
};
use crate::storage::{
    ConversationFilter, ConversationRow, ConversationTx, StoreError, StoreResult,
};

/// A unique violation is another conversation with the same customer.
fn conflict(e: rusqlite::Error) -> StoreError {
    if is_unique_violation(&e) {
        StoreError::Conflict("the channel has a conversation with this customer".into())
    } else {
        backend(e)
    }
}

impl ConversationTx for SqliteTx<'_> {
    fn conversation(&mut self, id: &str) -> StoreResult<Option<ConversationRow>> {
        let sql = format!("SELECT {CONV_COLS} FROM conversations WHERE id = ?1");
        self.one(&sql, [id], |r| conversation_row(r))
    }

    fn conversation_by_customer(
        &mut self,
        channel_id: &str,
        wa_id: &str,
    ) -> StoreResult<Option<ConversationRow>> {
        if wa_id.is_empty() {
            return Ok(None);
        }
        // The key column holds a BSUID only when the wa_id is unknown.
        let sql = format!(
            "SELECT {CONV_COLS} FROM conversations WHERE channel_id = ?1 AND customer_wa_id = ?2
                AND customer_wa_id IS NOT customer_user_id"
        );
        self.one(&sql, [channel_id, wa_id], |r| conversation_row(r))
    }

    fn conversation_by_user_id(
        &mut self,
        channel_id: &str,
        user_id: &str,
    ) -> StoreResult<Option<ConversationRow>> {
        let sql = format!(
            "SELECT {CONV_COLS} FROM conversations WHERE channel_id = ?1 AND customer_user_id = ?2"
        );
        self.one(&sql, [channel_id, user_id], |r| conversation_row(r))
    }

    fn insert_conversation(&mut self, c: &ConversationRow) -> StoreResult<()> {
        let key = customer_key(c)?;
        self.conn.prepare_cached(
            "INSERT INTO conversations (id, channel_id, customer_wa_id, customer_name, queue_id, assignee_id, status, priority, tags, last_customer_message_at, call_permission, created_at, updated_at, customer_user_id, customer_username)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )?.execute(params![
            c.id,
            c.channel_id,
            key,
            c.customer_name,
            c.queue_id,
            c.assignee_id,
            enum_str(&c.status),
            enum_str(&c.priority),
            json(&c.tags),
            opt_ms(c.last_customer_message_at),
            json(&c.call_permission),
            ms(c.created_at),
            ms(c.updated_at),
            c.customer_user_id,
            c.customer_username
        ]).map_err(conflict)?;
        Ok(())
    }

    fn update_conversation(&mut self, c: &ConversationRow) -> StoreResult<()> {
        let key = customer_key(c)?;
        self.conn.prepare_cached(
            "UPDATE conversations SET customer_name = ?2, queue_id = ?3, assignee_id = ?4, status = ?5, priority = ?6, tags = ?7,
                last_customer_message_at = ?8, call_permission = ?9, updated_at = ?10,
                customer_wa_id = ?11, customer_user_id = ?12, customer_username = ?13 WHERE id = ?1",
        )?.execute(params![
            c.id,
            c.customer_name,
            c.queue_id,
            c.assignee_id,
            enum_str(&c.status),
            enum_str(&c.priority),
            json(&c.tags),
            opt_ms(c.last_customer_message_at),
            json(&c.call_permission),
            ms(c.updated_at),
            key,
            c.customer_user_id,
            c.customer_username
        ]).map_err(conflict)?;
        Ok(())
    }

    fn conversations(&mut self, f: &ConversationFilter) -> StoreResult<Vec<ConversationRow>> {
        let mut sql = format!("SELECT {CONV_COLS} FROM conversations WHERE 1 = 1");
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(queues) = &f.queues {
            let marks: Vec<String> = queues
                .iter()
                .map(|q| {
                    args.push(q.clone().into());
                    format!("?{}", args.len())
                })
                .collect();
            if marks.is_empty() {
                return Ok(Vec::new());
            }
            sql.push_str(&format!(" AND queue_id IN ({})", marks.join(", ")));
        }
        if let Some(q) = &f.queue_id {
            args.push(q.clone().into());
            sql.push_str(&format!(" AND queue_id = ?{}", args.len()));
        }
        if let Some(s) = &f.status {
            args.push(enum_str(s).into());
            sql.push_str(&format!(" AND status = ?{}", args.len()));
        }
        if let Some((open, since)) = f.window {
            args.push(ms(since).into());
            if open {
                sql.push_str(&format!(" AND last_customer_message_at > ?{}", args.len()));
            } else {
                sql.push_str(&format!(
                    " AND (last_customer_message_at IS NULL OR last_customer_message_at <= ?{})",
                    args.len()
                ));
            }
        }
        if let Some((at, id)) = &f.after {
            args.push(ms(*at).into());
            let a = args.len();
            args.push(id.clone().into());
            let b = args.len();
            sql.push_str(&format!(
                " AND (updated_at < ?{a} OR (updated_at = ?{a} AND id > ?{b}))"
            ));
        }
        sql.push_str(&format!(
            " ORDER BY updated_at DESC, id LIMIT {}",
            f.limit.clamp(1, 1001)
        ));
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args), |r| conversation_row(r))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
