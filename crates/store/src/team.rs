//! The team as the feed describes it: queues, channels (WhatsApp numbers)
//! and agents.

use rusqlite::{Connection, OptionalExtension, params};
use serde::de::DeserializeOwned;
use switchboard_protocol::{Agent, Channel, Queue};

use crate::codecs::{from_json, to_json};
use crate::{Store, StoreResult};

pub(crate) fn put_queue(conn: &Connection, q: &Queue) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO queues (id, name, json) VALUES (?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, json = excluded.json",
        params![q.id, q.name, to_json(q)?],
    )?;
    Ok(())
}

pub(crate) fn put_channel(conn: &Connection, c: &Channel) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO channels (id, json) VALUES (?1, ?2)
         ON CONFLICT (id) DO UPDATE SET json = excluded.json",
        params![c.id, to_json(c)?],
    )?;
    Ok(())
}

pub(crate) fn put_agent(conn: &Connection, a: &Agent) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO agents (id, name, json) VALUES (?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, json = excluded.json",
        params![a.id, a.name, to_json(a)?],
    )?;
    Ok(())
}

fn all<T: DeserializeOwned>(conn: &Connection, sql: &str) -> StoreResult<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    rows.iter().map(|json| from_json(json)).collect()
}

impl Store {
    /// The queues, by name.
    pub fn queues(&self) -> StoreResult<Vec<Queue>> {
        all(&self.conn, "SELECT json FROM queues ORDER BY name, id")
    }

    /// The channels, by id.
    pub fn channels(&self) -> StoreResult<Vec<Channel>> {
        all(&self.conn, "SELECT json FROM channels ORDER BY id")
    }

    /// The agents the feed described (an agent sees only themselves; an
    /// admin, everyone), by name.
    pub fn agents(&self) -> StoreResult<Vec<Agent>> {
        all(&self.conn, "SELECT json FROM agents ORDER BY name, id")
    }

    /// One agent.
    pub fn agent(&self, id: &str) -> StoreResult<Option<Agent>> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT json FROM agents WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        json.as_deref().map(from_json).transpose()
    }
}

#[cfg(test)]
mod tests {
    use switchboard_protocol::{ChangeData, WaitStrategy};

    use crate::Store;
    use crate::fixtures::*;

    #[test]
    fn queues_channels_and_agents_are_listed_and_replaced() {
        let mut store = Store::in_memory().unwrap();
        store
            .apply_batch(
                &[
                    change(1, ChangeData::Queue(queue("q2", "support"))),
                    change(2, ChangeData::Queue(queue("q1", "billing"))),
                    change(3, ChangeData::Channel(channel("ch-2"))),
                    change(4, ChangeData::Channel(channel("ch-1"))),
                    change(5, ChangeData::Agent(agent("a2", "Ben"))),
                    change(6, ChangeData::Agent(agent("a1", "Ana"))),
                ],
                0,
            )
            .unwrap();
        let queues: Vec<String> = store
            .queues()
            .unwrap()
            .into_iter()
            .map(|q| q.name)
            .collect();
        assert_eq!(queues, ["billing", "support"]);
        let channels: Vec<String> = store
            .channels()
            .unwrap()
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(channels, ["ch-1", "ch-2"]);
        let agents: Vec<String> = store
            .agents()
            .unwrap()
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(agents, ["Ana", "Ben"]);

        let mut q = queue("q2", "support");
        q.wait_strategy = Some(WaitStrategy::HoldMusic);
        let mut ch = channel("ch-1");
        ch.enabled = false;
        let mut a = agent("a1", "Ana");
        a.queue_ids = vec!["billing".into()];
        store
            .apply_batch(
                &[
                    change(7, ChangeData::Queue(q)),
                    change(8, ChangeData::Channel(ch)),
                    change(9, ChangeData::Agent(a)),
                ],
                0,
            )
            .unwrap();
        assert_eq!(
            store.queues().unwrap()[1].wait_strategy,
            Some(WaitStrategy::HoldMusic)
        );
        assert!(!store.channels().unwrap()[0].enabled);
        assert_eq!(store.agent("a1").unwrap().unwrap().queue_ids, ["billing"]);
        assert!(store.agent("nope").unwrap().is_none());
    }
}
