//! Messages, the statuses that came before their message (stashed), and
//! the webhook items that did not parse.

use chrono::{DateTime, Utc};
use switchboard_protocol::{Message, WebhookReject};

use super::PgTx;
use crate::storage::rows::{
    Cols, MSG_COLS, REJECT_COLS, enum_str, flag, json, message_row, ms, reject_key, reject_row,
};
use crate::storage::{MessageTx, NewWebhookReject, StoreResult};

impl MessageTx for PgTx<'_> {
    fn insert_message(&mut self, m: &Message) -> StoreResult<bool> {
        let n = self.conn.execute(
            "INSERT INTO messages (id, conversation_id, wamid, client_id, direction, kind, body, media, forwarded, frequently_forwarded, status, failure, agent_id, sent_at, updated_at, location, reply_to)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
             ON CONFLICT DO NOTHING",
            &[
                &m.id,
                &m.conversation_id,
                &m.wamid,
                &m.client_id,
                &enum_str(&m.direction),
                &enum_str(&m.kind),
                &m.text,
                &m.media.as_ref().map(json),
                &flag(m.forwarded),
                &flag(m.frequently_forwarded),
                &enum_str(&m.status),
                &m.failure.as_ref().map(json),
                &m.agent_id,
                &ms(m.sent_at),
                &ms(m.updated_at),
                &m.location.as_ref().map(json),
                &m.reply_to,
            ],
        )?;
        Ok(n == 1)
    }

    fn update_message(&mut self, m: &Message) -> StoreResult<()> {
        self.conn.execute(
            "UPDATE messages SET wamid = $2, status = $3, failure = $4, updated_at = $5, body = $6 WHERE id = $1",
            &[
                &m.id,
                &m.wamid,
                &enum_str(&m.status),
                &m.failure.as_ref().map(json),
                &ms(m.updated_at),
                &m.text,
            ],
        )?;
        Ok(())
    }

    fn message(&mut self, id: &str) -> StoreResult<Option<Message>> {
        let sql = format!("SELECT {MSG_COLS} FROM messages WHERE id = $1");
        self.one(&sql, &[&id], message_row)
    }

    fn message_by_wamid(&mut self, wamid: &str) -> StoreResult<Option<Message>> {
        let sql = format!("SELECT {MSG_COLS} FROM messages WHERE wamid = $1");
        self.one(&sql, &[&wamid], message_row)
    }

    fn message_by_client_id(
        &mut self,
        conversation_id: &str,
        client_id: &str,
    ) -> StoreResult<Option<Message>> {
        let sql = format!(
            "SELECT {MSG_COLS} FROM messages WHERE conversation_id = $1 AND client_id = $2"
        );
        self.one(&sql, &[&conversation_id, &client_id], message_row)
    }

    fn messages(
        &mut self,
        conversation_id: &str,
        before: Option<&str>,
        limit: u32,
    ) -> StoreResult<Vec<Message>> {
        let limit = i64::from(limit.clamp(1, 500));
        let mut out: Vec<Message> = match before {
            Some(before) => {
                let sql = format!(
                    "SELECT {MSG_COLS} FROM messages WHERE conversation_id = $1 AND (sent_at, ord) <
                       (SELECT sent_at, ord FROM messages WHERE id = $2)
                     ORDER BY sent_at DESC, ord DESC LIMIT $3"
                );
                self.all(&sql, &[&conversation_id, &before, &limit], |r| {
                    message_row(r)
                })?
            }
            None => {
                let sql = format!(
                    "SELECT {MSG_COLS} FROM messages WHERE conversation_id = $1
                     ORDER BY sent_at DESC, ord DESC LIMIT $2"
                );
                self.all(&sql, &[&conversation_id, &limit], message_row)?
            }
        };
        out.reverse();
        Ok(out)
    }

    fn unsent_messages(&mut self) -> StoreResult<Vec<Message>> {
        let sql = format!(
            "SELECT {MSG_COLS} FROM messages
             WHERE wamid IS NULL AND status = 'pending' AND direction = 'outbound'
             ORDER BY sent_at, ord"
        );
        self.all(&sql, &[], message_row)
    }

    fn stash_status(&mut self, wamid: &str, status_json: &str) -> StoreResult<()> {
        self.conn.execute(
            "INSERT INTO early_statuses (wamid, status, at) VALUES ($1, $2, $3)",
            &[&wamid, &status_json, &ms(self.now)],
        )?;
        Ok(())
    }

    fn take_stashed_statuses(&mut self, wamid: &str) -> StoreResult<Vec<String>> {
        self.all(
            "WITH taken AS (DELETE FROM early_statuses WHERE wamid = $1 RETURNING id, status)
             SELECT status FROM taken ORDER BY id",
            &[&wamid],
            |r| r.text(0),
        )
    }

    fn expire_stashed_statuses(&mut self, before: DateTime<Utc>, at_most: u32) -> StoreResult<u64> {
        self.conn.execute(
            "DELETE FROM early_statuses WHERE id IN
               (SELECT id FROM early_statuses WHERE at < $1 ORDER BY at, id LIMIT $2)",
            &[&ms(before), &i64::from(at_most)],
        )
    }

    fn insert_webhook_reject(&mut self, r: &NewWebhookReject) -> StoreResult<bool> {
        let n = self.conn.execute(
            "INSERT INTO webhook_rejects
               (received_at, phone_number_id, field, list, error, raw, raw_sha256)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (raw_sha256) DO NOTHING",
            &[
                &ms(r.received_at),
                &r.phone_number_id,
                &r.field,
                &r.list,
                &r.error,
                &r.raw,
                &reject_key(&r.field, &r.list, &r.raw),
            ],
        )?;
        Ok(n == 1)
    }

    fn webhook_rejects(
        &mut self,
        before: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<WebhookReject>> {
        self.all(
            &format!(
                "SELECT {REJECT_COLS} FROM webhook_rejects WHERE id < $1 ORDER BY id DESC LIMIT $2"
            ),
            &[&before.unwrap_or(i64::MAX), &i64::from(limit.clamp(1, 500))],
            reject_row,
        )
    }
}
