//! Configuration: channels (and the figures of their limits), queues,
//! routes, agents.

use chrono::{DateTime, Utc};
use switchboard_protocol::{Agent, Channel, Queue, Route};

use super::PgTx;
use super::conn::Conn;
use crate::secrets::Secrets;
use crate::storage::rows::{
    CHANNEL_COLS, Cols, QUEUE_COLS, access_token_column, channel_row, enum_str, flag, from_ms, ms,
    queue_row, tokens_to_seal,
};
use crate::storage::{
    AgentRow, ChannelRow, ChannelUsageRow, ConfigTx, StoreError, StoreResult, comm_type_str,
};

/// At open: checks the stored channel access tokens against `secrets` and
/// seals those stored in plain text (see [`tokens_to_seal`]).
pub(super) fn secure_channel_tokens(conn: &mut Conn, secrets: &Secrets) -> StoreResult<()> {
    let mut tx = conn.client.transaction()?;
    let rows = tx
        .query("SELECT id, access_token FROM channels ORDER BY id", &[])?
        .iter()
        .map(|r| Ok((r.text(0)?, r.text(1)?)))
        .collect::<StoreResult<Vec<(String, String)>>>()?;
    for (id, sealed) in tokens_to_seal(rows, secrets)? {
        tx.execute(
            "UPDATE channels SET access_token = $2 WHERE id = $1",
            &[&id, &sealed],
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// Customers the business wrote to after $2.
const WRITTEN_SINCE: &str =
    "SELECT COUNT(*) FROM conversations WHERE channel_id = $1 AND business_wrote_at > $2";

impl PgTx<'_> {
    fn agent_queues(&mut self, agent_id: &str) -> StoreResult<Vec<String>> {
        self.all(
            "SELECT queue_id FROM agent_queues WHERE agent_id = $1 ORDER BY queue_id",
            &[&agent_id],
            |r| r.text(0),
        )
    }

    fn set_agent_queues(&mut self, agent: &Agent) -> StoreResult<()> {
        for q in &agent.queue_ids {
            self.conn.execute(
                "INSERT INTO agent_queues (agent_id, queue_id) VALUES ($1, $2)",
                &[&agent.id, q],
            )?;
        }
        Ok(())
    }

    /// The agent `condition` (on `$1`) selects.
    fn agent_where(&mut self, condition: &str, arg: &str) -> StoreResult<Option<Agent>> {
        let sql = format!("SELECT id, name, role, token_issued_at FROM agents WHERE {condition}");
        let found = self.one(&sql, &[&arg], |r| {
            Ok((r.text(0)?, r.text(1)?, r.word(2)?, r.opt_int(3)?))
        })?;
        match found {
            None => Ok(None),
            Some((id, name, role, issued)) => {
                let queue_ids = self.agent_queues(&id)?;
                Ok(Some(Agent {
                    id,
                    name,
                    role,
                    queue_ids,
                    token_issued_at: issued.map(from_ms),
                }))
            }
        }
    }
}

fn count(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

impl ConfigTx for PgTx<'_> {
    fn insert_channel(&mut self, row: &ChannelRow) -> StoreResult<()> {
        let c = &row.channel;
        let token = access_token_column(self.secrets, &c.id, &row.access_token);
        let inserted = self.conn.execute_unique(
            "INSERT INTO channels (id, phone_number_id, display_number, waba_id, access_token, status, enabled, redact_cards, max_customers, created_at, status_since)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
            &[
                &c.id,
                &c.phone_number_id,
                &c.display_number,
                &c.waba_id,
                &token,
                &enum_str(&c.status),
                &flag(c.enabled),
                &flag(c.redact_card_numbers),
                &c.max_customers.map(i64::from),
                &ms(self.now),
            ],
        )?;
        match inserted {
            Some(_) => Ok(()),
            None => Err(StoreError::Conflict(
                "a channel with that phone number id exists".into(),
            )),
        }
    }

    fn update_channel(&mut self, c: &Channel, at: DateTime<Utc>) -> StoreResult<()> {
        self.conn.execute(
            "UPDATE channels SET status_since = CASE WHEN status = $2 THEN status_since ELSE $6 END,
                status = $2, enabled = $3, redact_cards = $4, max_customers = $5 WHERE id = $1",
            &[
                &c.id,
                &enum_str(&c.status),
                &flag(c.enabled),
                &flag(c.redact_card_numbers),
                &c.max_customers.map(i64::from),
                &ms(at),
            ],
        )?;
        Ok(())
    }

    fn set_channel_icon(&mut self, id: &str, icon: &[u8]) -> StoreResult<()> {
        self.conn
            .execute("UPDATE channels SET icon = $2 WHERE id = $1", &[&id, &icon])?;
        Ok(())
    }

    fn channel_usage(
        &mut self,
        channel_id: &str,
        conversation_id: &str,
        since: DateTime<Utc>,
    ) -> StoreResult<ChannelUsageRow> {
        let mut u = ChannelUsageRow::default();
        if let Some((messaged, replied)) = self.one(
            "SELECT numbers_messaged, customers_replied FROM channel_usage WHERE channel_id = $1",
            &[&channel_id],
            |r| Ok((r.int(0)?, r.int(1)?)),
        )? {
            u.numbers_messaged = count(messaged);
            u.customers_replied = count(replied);
        }
        u.customers_last_24h = self
            .one(WRITTEN_SINCE, &[&channel_id, &ms(since)], |r| r.int(0))?
            .map(count)
            .unwrap_or(0);
        if let Some((wrote, wrote_at)) = self.one(
            "SELECT customer_wrote, business_wrote_at FROM conversations WHERE id = $1 AND channel_id = $2",
            &[&conversation_id, &channel_id],
            |r| Ok((r.flag(0)?, r.opt_int(1)?)),
        )? {
            u.this_customer_wrote = wrote;
            u.this_customer_counted = wrote_at.is_some();
            u.this_customer_counted_recently = wrote_at.is_some_and(|t| t > ms(since));
        }
        Ok(u)
    }

    fn channel(&mut self, id: &str) -> StoreResult<Option<ChannelRow>> {
        let sql = format!("SELECT {CHANNEL_COLS} FROM channels WHERE id = $1");
        let secrets = self.secrets;
        self.one(&sql, &[&id], |r| channel_row(r, secrets))
    }

    fn channel_by_phone_number_id(&mut self, pnid: &str) -> StoreResult<Option<ChannelRow>> {
        let sql = format!("SELECT {CHANNEL_COLS} FROM channels WHERE phone_number_id = $1");
        let secrets = self.secrets;
        self.one(&sql, &[&pnid], |r| channel_row(r, secrets))
    }

    fn channels(&mut self) -> StoreResult<Vec<ChannelRow>> {
        let sql = format!("SELECT {CHANNEL_COLS} FROM channels ORDER BY created_at, id");
        let secrets = self.secrets;
        self.all(&sql, &[], |r| channel_row(r, secrets))
    }

    fn insert_queue(&mut self, q: &Queue) -> StoreResult<()> {
        let inserted = self.conn.execute_unique(
            "INSERT INTO queues (id, name, wait_strategy) VALUES ($1, $2, $3)",
            &[&q.id, &q.name, &q.wait_strategy.map(|w| enum_str(&w))],
        )?;
        match inserted {
            Some(_) => Ok(()),
            None => Err(StoreError::Conflict(format!("queue {} exists", q.name))),
        }
    }

    fn update_queue(&mut self, q: &Queue) -> StoreResult<()> {
        self.conn.execute(
            "UPDATE queues SET name = $2, wait_strategy = $3 WHERE id = $1",
            &[&q.id, &q.name, &q.wait_strategy.map(|w| enum_str(&w))],
        )?;
        Ok(())
    }

    fn queue(&mut self, id_or_name: &str) -> StoreResult<Option<Queue>> {
        // By id first: a queue named like another's id is found by its id.
        let sql = format!(
            "SELECT {QUEUE_COLS} FROM queues WHERE id = $1 OR name = $1 ORDER BY (id = $1) DESC LIMIT 1"
        );
        self.one(&sql, &[&id_or_name], queue_row)
    }

    fn queues(&mut self) -> StoreResult<Vec<Queue>> {
        let sql = format!("SELECT {QUEUE_COLS} FROM queues ORDER BY name");
        self.all(&sql, &[], queue_row)
    }

    fn insert_route(&mut self, r: &Route) -> StoreResult<()> {
        self.conn.execute(
            "INSERT INTO routes (id, position, channel_id, communication_type, queue_id) VALUES ($1, $2, $3, $4, $5)",
            &[
                &r.id,
                &i64::from(r.position),
                &r.channel_id,
                &r.communication_type.map(comm_type_str),
                &r.queue_id,
            ],
        )?;
        Ok(())
    }

    fn routes(&mut self) -> StoreResult<Vec<Route>> {
        self.all(
            "SELECT id, position, channel_id, communication_type, queue_id FROM routes ORDER BY position, ord",
            &[],
            |r| {
                Ok(Route {
                    id: r.text(0)?,
                    position: r.num(1)?,
                    channel_id: r.opt_text(2)?,
                    communication_type: r.opt_word(3)?,
                    queue_id: r.text(4)?,
                })
            },
        )
    }

    fn delete_route(&mut self, id: &str) -> StoreResult<()> {
        match self
            .conn
            .execute("DELETE FROM routes WHERE id = $1", &[&id])?
        {
            0 => Err(StoreError::NotFound),
            _ => Ok(()),
        }
    }

    fn insert_agent(&mut self, row: &AgentRow) -> StoreResult<()> {
        let a = &row.agent;
        self.conn.execute(
            "INSERT INTO agents (id, name, role, token_hash, created_at, token_issued_at) VALUES ($1, $2, $3, $4, $5, $5)",
            &[&a.id, &a.name, &enum_str(&a.role), &row.token_hash, &ms(self.now)],
        )?;
        self.set_agent_queues(a)
    }

    fn update_agent(&mut self, a: &Agent) -> StoreResult<()> {
        let n = self.conn.execute(
            "UPDATE agents SET name = $2, role = $3 WHERE id = $1",
            &[&a.id, &a.name, &enum_str(&a.role)],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        self.conn
            .execute("DELETE FROM agent_queues WHERE agent_id = $1", &[&a.id])?;
        self.set_agent_queues(a)
    }

    fn set_agent_token(&mut self, id: &str, token_hash: Option<&str>) -> StoreResult<()> {
        let n = match token_hash {
            Some(hash) => self.conn.execute(
                "UPDATE agents SET token_hash = $2, token_issued_at = $3 WHERE id = $1",
                &[&id, &hash, &ms(self.now)],
            )?,
            None => self.conn.execute(
                "UPDATE agents SET token_issued_at = NULL WHERE id = $1",
                &[&id],
            )?,
        };
        match n {
            0 => Err(StoreError::NotFound),
            _ => Ok(()),
        }
    }

    fn agent_by_token_hash(&mut self, hash: &str) -> StoreResult<Option<Agent>> {
        // A revoked token (no issue instant) authenticates no one.
        self.agent_where("token_hash = $1 AND token_issued_at IS NOT NULL", hash)
    }

    fn agent(&mut self, id: &str) -> StoreResult<Option<Agent>> {
        self.agent_where("id = $1", id)
    }

    fn agents(&mut self) -> StoreResult<Vec<Agent>> {
        let ids: Vec<String> =
            self.all("SELECT id FROM agents ORDER BY name", &[], |r| r.text(0))?;
        let mut out = Vec::new();
        for id in ids {
            if let Some(a) = self.agent(&id)? {
                out.push(a);
            }
        }
        Ok(out)
    }
}
