//! The channel limits' figures for a send (`ConfigTx::channel_usage`),
//! read from what migration 0008's triggers keep as messages are written:
//! nothing here grows with the channel's conversations.
//!
//! - the two channel counts (`numbers_messaged`, `customers_replied`): one
//!   row of `channel_usage` by key, O(log c) in the channels;
//! - this customer's figures: their conversation's row by key, O(log n);
//! - the customers written to since `since`: a range of the
//!   `(channel_id, business_wrote_at)` index, O(log n + k), k those
//!   customers. k is bounded by the channel's daily limit, not by its size: a
//!   send to a customer not yet counted is refused once the limit is
//!   reached (a trial channel counts a handful of customers in all), so the
//!   window holds at most the highest limit in force in the last 24 hours
//!   (1,500 by default). Only business messages count and only sends write
//!   them (ingest stores what customers write; calls are not counted).

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::SqliteTx;
use super::codecs::ms;
use crate::storage::{ChannelUsageRow, StoreResult};

/// The channel's two counts.
const CHANNEL_COUNTS: &str =
    "SELECT numbers_messaged, customers_replied FROM channel_usage WHERE channel_id = ?1";
/// Customers the business wrote to after ?2.
const WRITTEN_SINCE: &str = "SELECT COUNT(*) FROM conversations
     WHERE channel_id = ?1 AND business_wrote_at > ?2";
/// This customer's figures.
const THIS_CUSTOMER: &str = "SELECT customer_wrote, business_wrote_at FROM conversations
     WHERE id = ?1 AND channel_id = ?2";

impl SqliteTx<'_> {
    pub(super) fn usage(
        &self,
        channel_id: &str,
        conversation_id: &str,
        since: DateTime<Utc>,
    ) -> StoreResult<ChannelUsageRow> {
        let mut u = ChannelUsageRow::default();
        if let Some((messaged, replied)) = self.one(CHANNEL_COUNTS, [channel_id], |r| {
            Ok((r.get::<_, u32>(0)?, r.get::<_, u32>(1)?))
        })? {
            u.numbers_messaged = messaged;
            u.customers_replied = replied;
        }
        u.customers_last_24h = self
            .one(WRITTEN_SINCE, params![channel_id, ms(since)], |r| {
                r.get::<_, u32>(0)
            })?
            .unwrap_or(0);
        if let Some((wrote, wrote_at)) =
            self.one(THIS_CUSTOMER, [conversation_id, channel_id], |r| {
                Ok((r.get::<_, bool>(0)?, r.get::<_, Option<i64>>(1)?))
            })?
        {
            u.this_customer_wrote = wrote;
            u.this_customer_counted = wrote_at.is_some();
            u.this_customer_counted_recently = wrote_at.is_some_and(|t| t > ms(since));
        }
        Ok(u)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    fn migrated() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        super::super::migrate(&mut conn, DateTime::UNIX_EPOCH).unwrap();
        conn
    }

    /// The plan SQLite picks for `sql`, one line per step.
    fn plan(conn: &Connection, sql: &str) -> Vec<String> {
        let mut st = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let nulls = vec![rusqlite::types::Null; st.parameter_count()];
        st.query_map(rusqlite::params_from_iter(nulls), |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn a_sends_figures_are_searched_by_key_and_index_never_scanned() {
        let conn = migrated();
        assert_eq!(
            plan(&conn, CHANNEL_COUNTS),
            ["SEARCH channel_usage USING INDEX sqlite_autoindex_channel_usage_1 (channel_id=?)"]
        );
        assert_eq!(
            plan(&conn, WRITTEN_SINCE),
            [
                "SEARCH conversations USING COVERING INDEX conversations_business_wrote (channel_id=? AND business_wrote_at>?)"
            ]
        );
        assert_eq!(
            plan(&conn, THIS_CUSTOMER),
            ["SEARCH conversations USING INDEX sqlite_autoindex_conversations_1 (id=?)"]
        );
    }

    #[test]
    fn the_migration_counts_the_messages_written_before_it() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
        let (before, ours): (Vec<_>, Vec<_>) = super::super::migrations::MIGRATIONS
            .iter()
            .partition(|(v, _)| *v != "0008_channel_usage");
        for (_, sql) in before {
            conn.execute_batch(sql).unwrap();
        }
        // Two channels' histories, written before the figures were kept.
        let history = [
            // (conversation, channel, direction, kind, status, sent_at)
            ("a", "ch1", "outbound", "text", "sent", 1_000),
            ("b", "ch1", "inbound", "text", "received", 1_000),
            ("b", "ch1", "outbound", "template", "read", 3_000),
            ("c", "ch1", "outbound", "text", "failed", 3_000),
            ("d", "ch1", "inbound", "text", "received", 1_000),
            ("e", "ch1", "outbound", "call", "sent", 3_000),
            ("f", "ch1", "outbound", "text", "delivered", 4_000),
            ("f", "ch1", "outbound", "text", "failed", 5_000),
            ("g", "ch2", "outbound", "text", "sent", 4_000),
        ];
        for (i, (conv, ch, direction, kind, status, at)) in history.iter().enumerate() {
            conn.execute(
                "INSERT OR IGNORE INTO conversations (id, channel_id, customer_wa_id, status, priority, created_at, updated_at)
                 VALUES (?1, ?2, ?1, 'open', 'normal', 0, 0)",
                [conv, ch],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO messages (id, conversation_id, direction, kind, status, sent_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                params![format!("m{i}"), conv, direction, kind, status, at],
            )
            .unwrap();
        }
        conn.execute_batch(ours[0].1).unwrap();
        let tx = SqliteTx {
            conn: &conn,
            appended: Vec::new(),
            now: DateTime::UNIX_EPOCH,
            secrets: &crate::secrets::Secrets::none(),
        };
        let since = DateTime::from_timestamp_millis(2_000).unwrap();
        let f = tx.usage("ch1", "f", since).unwrap();
        assert_eq!(
            (
                f.numbers_messaged,
                f.customers_replied,
                f.customers_last_24h
            ),
            (2, 1, 2),
            "a and f messaged, b replied; b and f since 2 s"
        );
        assert!(
            !f.this_customer_wrote && f.this_customer_counted && f.this_customer_counted_recently
        );
        let d = tx.usage("ch1", "d", since).unwrap();
        assert!(d.this_customer_wrote && !d.this_customer_counted);
        let g = tx.usage("ch2", "g", since).unwrap();
        assert_eq!(
            (
                g.numbers_messaged,
                g.customers_replied,
                g.customers_last_24h
            ),
            (1, 0, 1)
        );
    }

    /// How many rows of the channel SQLite steps through to answer a send's
    /// figures, with `n` conversations on it (20 answered in the window).
    fn steps_with(n: usize) -> i32 {
        let conn = migrated();
        // Rows of the two tables only: no channel to point at.
        conn.execute_batch("PRAGMA foreign_keys = OFF; BEGIN")
            .unwrap();
        for i in 0..n {
            conn.execute(
                "INSERT INTO conversations (id, channel_id, customer_wa_id, status, priority, created_at, updated_at)
                 VALUES (?1, 'ch', ?1, 'open', 'normal', 0, 0)",
                [format!("c{i}")],
            )
            .unwrap();
            let answered = if i < 20 { 2_000 } else { 500 };
            conn.execute(
                "INSERT INTO messages (id, conversation_id, direction, kind, status, sent_at, updated_at)
                 VALUES (?1 || '-out', ?1, 'outbound', 'text', 'sent', ?2, ?2)",
                params![format!("c{i}"), answered],
            )
            .unwrap();
        }
        conn.execute_batch("COMMIT").unwrap();
        let mut steps = 0;
        for (sql, args) in [
            (CHANNEL_COUNTS, params!["ch"]),
            (WRITTEN_SINCE, params!["ch", 1_000]),
            (THIS_CUSTOMER, params!["c7", "ch"]),
        ] {
            let mut st = conn.prepare(sql).unwrap();
            let mut rows = st.query(args).unwrap();
            while rows.next().unwrap().is_some() {}
            drop(rows);
            assert_eq!(st.get_status(rusqlite::StatementStatus::FullscanStep), 0);
            steps += st.get_status(rusqlite::StatementStatus::VmStep);
        }
        steps
    }

    #[test]
    fn a_sends_figures_cost_the_same_whatever_the_channels_size() {
        // The same 20 customers in the window at 1,000 and 50,000
        // conversations: the same work.
        let small = steps_with(1_000);
        let large = steps_with(50_000);
        assert!(small > 0);
        assert_eq!(small, large, "steps at 1,000 and 50,000 conversations");
    }
}
