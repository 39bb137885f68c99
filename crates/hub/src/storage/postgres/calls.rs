//! Calls.

use switchboard_protocol::Call;

use super::PgTx;
use crate::storage::rows::{CALL_COLS, call_row, enum_str, ms, opt_ms};
use crate::storage::{CallTx, StoreResult};

impl CallTx for PgTx<'_> {
    fn insert_call(&mut self, c: &Call) -> StoreResult<bool> {
        let n = self.conn.execute(
            &format!(
                "INSERT INTO calls ({CALL_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
                 ON CONFLICT DO NOTHING"
            ),
            &[
                &c.id,
                &c.conversation_id,
                &c.channel_id,
                &c.wacid,
                &enum_str(&c.direction),
                &enum_str(&c.state),
                &c.queue_id,
                &c.customer.wa_id,
                &c.customer.name,
                &c.remote_sdp,
                &c.agent_id,
                &ms(c.started_at),
                &opt_ms(c.connected_at),
                &opt_ms(c.ended_at),
                &c.duration_seconds.map(i64::from),
                &c.error_code.map(i64::from),
                &c.customer.user_id,
                &c.customer.username,
            ],
        )?;
        Ok(n == 1)
    }

    fn update_call(&mut self, c: &Call) -> StoreResult<()> {
        self.conn.execute(
            "UPDATE calls SET wacid = $2, state = $3, queue_id = $4, remote_sdp = $5, agent_id = $6, connected_at = $7,
                ended_at = $8, duration_seconds = $9, error_code = $10 WHERE id = $1",
            &[
                &c.id,
                &c.wacid,
                &enum_str(&c.state),
                &c.queue_id,
                &c.remote_sdp,
                &c.agent_id,
                &opt_ms(c.connected_at),
                &opt_ms(c.ended_at),
                &c.duration_seconds.map(i64::from),
                &c.error_code.map(i64::from),
            ],
        )?;
        Ok(())
    }

    fn call(&mut self, id: &str) -> StoreResult<Option<Call>> {
        let sql = format!("SELECT {CALL_COLS} FROM calls WHERE id = $1");
        self.one(&sql, &[&id], call_row)
    }

    fn call_by_wacid(&mut self, wacid: &str) -> StoreResult<Option<Call>> {
        let sql = format!("SELECT {CALL_COLS} FROM calls WHERE wacid = $1");
        self.one(&sql, &[&wacid], call_row)
    }

    fn calls_of_conversation(&mut self, conversation_id: &str) -> StoreResult<Vec<Call>> {
        let sql = format!(
            "SELECT {CALL_COLS} FROM calls WHERE conversation_id = $1 ORDER BY started_at, ord"
        );
        self.all(&sql, &[&conversation_id], call_row)
    }
}
