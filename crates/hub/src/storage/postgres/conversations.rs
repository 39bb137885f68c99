//! Conversations.

use postgres::types::ToSql;

use super::PgTx;
use crate::storage::rows::{CONV_COLS, conversation_row, customer_key, enum_str, json, ms, opt_ms};
use crate::storage::{
    ConversationFilter, ConversationRow, ConversationTx, StoreError, StoreResult,
};

/// A taken unique key is another conversation with the same customer.
fn conflict() -> StoreError {
    StoreError::Conflict("the channel has a conversation with this customer".into())
}

impl ConversationTx for PgTx<'_> {
    fn conversation(&mut self, id: &str) -> StoreResult<Option<ConversationRow>> {
        let sql = format!("SELECT {CONV_COLS} FROM conversations WHERE id = $1");
        self.one(&sql, &[&id], conversation_row)
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
            "SELECT {CONV_COLS} FROM conversations WHERE channel_id = $1 AND customer_wa_id = $2
                AND customer_wa_id IS DISTINCT FROM customer_user_id"
        );
        self.one(&sql, &[&channel_id, &wa_id], conversation_row)
    }

    fn conversation_by_user_id(
        &mut self,
        channel_id: &str,
        user_id: &str,
    ) -> StoreResult<Option<ConversationRow>> {
        let sql = format!(
            "SELECT {CONV_COLS} FROM conversations WHERE channel_id = $1 AND customer_user_id = $2"
        );
        self.one(&sql, &[&channel_id, &user_id], conversation_row)
    }

    fn insert_conversation(&mut self, c: &ConversationRow) -> StoreResult<()> {
        let key = customer_key(c)?;
        self.conn
            .execute_unique(
                "INSERT INTO conversations (id, channel_id, customer_wa_id, customer_name, queue_id, assignee_id, status, priority, tags, last_customer_message_at, call_permission, created_at, updated_at, customer_user_id, customer_username)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
                &[
                    &c.id,
                    &c.channel_id,
                    &key,
                    &c.customer_name,
                    &c.queue_id,
                    &c.assignee_id,
                    &enum_str(&c.status),
                    &enum_str(&c.priority),
                    &json(&c.tags),
                    &opt_ms(c.last_customer_message_at),
                    &json(&c.call_permission),
                    &ms(c.created_at),
                    &ms(c.updated_at),
                    &c.customer_user_id,
                    &c.customer_username,
                ],
            )?
            .map(drop)
            .ok_or_else(conflict)
    }

    fn update_conversation(&mut self, c: &ConversationRow) -> StoreResult<()> {
        let key = customer_key(c)?;
        self.conn
            .execute_unique(
                "UPDATE conversations SET customer_name = $2, queue_id = $3, assignee_id = $4, status = $5, priority = $6, tags = $7,
                    last_customer_message_at = $8, call_permission = $9, updated_at = $10,
                    customer_wa_id = $11, customer_user_id = $12, customer_username = $13 WHERE id = $1",
                &[
                    &c.id,
                    &c.customer_name,
                    &c.queue_id,
                    &c.assignee_id,
                    &enum_str(&c.status),
                    &enum_str(&c.priority),
                    &json(&c.tags),
                    &opt_ms(c.last_customer_message_at),
                    &json(&c.call_permission),
                    &ms(c.updated_at),
                    &key,
                    &c.customer_user_id,
                    &c.customer_username,
                ],
            )?
            .map(drop)
            .ok_or_else(conflict)
    }

    fn conversations(&mut self, f: &ConversationFilter) -> StoreResult<Vec<ConversationRow>> {
        let mut sql = format!("SELECT {CONV_COLS} FROM conversations WHERE 1 = 1");
        let mut args: Vec<Box<dyn ToSql + Sync>> = Vec::new();
        let arg = |v: Box<dyn ToSql + Sync>, args: &mut Vec<Box<dyn ToSql + Sync>>| {
            args.push(v);
            format!("${}", args.len())
        };
        if let Some(queues) = &f.queues {
            if queues.is_empty() {
                return Ok(Vec::new());
            }
            let p = arg(Box::new(queues.clone()), &mut args);
            sql.push_str(&format!(" AND queue_id = ANY({p})"));
        }
        if let Some(q) = &f.queue_id {
            let p = arg(Box::new(q.clone()), &mut args);
            sql.push_str(&format!(" AND queue_id = {p}"));
        }
        if let Some(s) = &f.status {
            let p = arg(Box::new(enum_str(s)), &mut args);
            sql.push_str(&format!(" AND status = {p}"));
        }
        if let Some((open, since)) = f.window {
            let p = arg(Box::new(ms(since)), &mut args);
            if open {
                sql.push_str(&format!(" AND last_customer_message_at > {p}"));
            } else {
                sql.push_str(&format!(
                    " AND (last_customer_message_at IS NULL OR last_customer_message_at <= {p})"
                ));
            }
        }
        if let Some((at, id)) = &f.after {
            let a = arg(Box::new(ms(*at)), &mut args);
            let b = arg(Box::new(id.clone()), &mut args);
            sql.push_str(&format!(
                " AND (updated_at < {a} OR (updated_at = {a} AND id > {b}))"
            ));
        }
        sql.push_str(&format!(
            " ORDER BY updated_at DESC, id LIMIT {}",
            f.limit.clamp(1, 1001)
        ));
        let params: Vec<&(dyn ToSql + Sync)> = args.iter().map(|a| a.as_ref()).collect();
        self.all(&sql, &params, conversation_row)
    }
}
