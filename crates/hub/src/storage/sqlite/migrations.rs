//! The schema: embedded, append-only migrations, each applied in its own
//! transaction and recorded in `schema_migrations`.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::codecs::ms;
use crate::storage::StoreResult;

/// Embedded migrations, in order. Append only: never edit a shipped one.
pub(super) const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("../migrations/0001_init.sql")),
    (
        "0002_channel_status_since",
        include_str!("../migrations/0002_channel_status_since.sql"),
    ),
    (
        "0003_webhook_rejects",
        include_str!("../migrations/0003_webhook_rejects.sql"),
    ),
    (
        "0004_messages_unsent",
        include_str!("../migrations/0004_messages_unsent.sql"),
    ),
    (
        "0005_customer_user_ids",
        include_str!("../migrations/0005_customer_user_ids.sql"),
    ),
    (
        "0006_agent_tokens",
        include_str!("../migrations/0006_agent_tokens.sql"),
    ),
    (
        "0008_channel_usage",
        include_str!("../migrations/0008_channel_usage.sql"),
    ),
    (
        "0009_change_objects",
        include_str!("../migrations/0009_change_objects.sql"),
    ),
    (
        "0010_message_context",
        include_str!("../migrations/0010_message_context.sql"),
    ),
];

/// Applies the embedded migrations not yet recorded, each in its own
/// transaction; `now` is recorded as when.
pub fn migrate(conn: &mut Connection, now: DateTime<Utc>) -> StoreResult<()> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)",
    )?;
    for (version, sql) in MIGRATIONS {
        let tx = conn.transaction()?;
        let done: bool = tx
            .query_row(
                "SELECT 1 FROM schema_migrations WHERE version = ?1",
                [version],
                |_| Ok(true),
            )
            .optional()?
            .unwrap_or(false);
        if !done {
            tx.execute_batch(sql)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2)",
                params![version, ms(now)],
            )?;
            tracing::info!(version, "applied migration");
        }
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(secs, 0).unwrap()
    }

    #[test]
    fn each_migration_applies_once_stamped_by_the_given_instant() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, at(1_700_000_000)).unwrap();
        migrate(&mut conn, at(1_800_000_000)).unwrap();
        let applied: Vec<(String, i64)> = conn
            .prepare("SELECT version, applied_at FROM schema_migrations ORDER BY version")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let expected: Vec<(String, i64)> = MIGRATIONS
            .iter()
            .map(|(v, _)| ((*v).to_owned(), 1_700_000_000_000))
            .collect();
        assert_eq!(applied, expected);
    }

    /// Changes written before `0009_change_objects` get the keys
    /// `ChangeData::object_key` gives new ones, with their scope.
    #[test]
    fn the_change_objects_migration_keys_the_changes_written_before_it() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)",
        )
        .unwrap();
        let objects = MIGRATIONS
            .iter()
            .position(|(v, _)| *v == "0009_change_objects")
            .unwrap();
        for (version, sql) in &MIGRATIONS[..objects] {
            conn.execute_batch(sql).unwrap();
            conn.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, 0)",
                [version],
            )
            .unwrap();
        }
        let rows = [
            (
                "conversation",
                Some("q1"),
                r#"{"id":"c1"}"#,
                Some("conversation:c1@q1"),
            ),
            (
                "message",
                Some("q1"),
                r#"{"id":"m1"}"#,
                Some("message:m1@q1"),
            ),
            (
                "message_status",
                Some("q1"),
                r#"{"id":"m1"}"#,
                Some("message:m1@q1"),
            ),
            (
                "call",
                Some("unrouted"),
                r#"{"id":"k1"}"#,
                Some("call:k1@unrouted"),
            ),
            (
                "call_permission",
                Some("q1"),
                r#"{"conversation_id":"c1"}"#,
                Some("call_permission:c1@q1"),
            ),
            ("template", None, r#"{"id":"t1"}"#, Some("template:t1@")),
            ("queue", None, r#"{"id":"q1"}"#, Some("queue:q1@")),
            ("channel", None, r#"{"id":"ch1"}"#, Some("channel:ch1@")),
            (
                "agent",
                Some("agent:a1"),
                r#"{"id":"a1"}"#,
                Some("agent:a1@agent:a1"),
            ),
            ("event_log", Some("q1"), r#"{"id":7}"#, None),
        ];
        for (kind, scope, data, _) in rows {
            conn.execute(
                "INSERT INTO changes (kind, queue_id, data, at) VALUES (?1, ?2, ?3, 0)",
                params![kind, scope, data],
            )
            .unwrap();
        }
        migrate(&mut conn, at(0)).unwrap();
        let keys: Vec<Option<String>> = conn
            .prepare("SELECT obj FROM changes ORDER BY seq")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let expected: Vec<Option<String>> = rows.iter().map(|r| r.3.map(str::to_owned)).collect();
        assert_eq!(keys, expected);
    }

    #[test]
    fn a_failing_migration_is_not_recorded() {
        let mut conn = Connection::open_in_memory().unwrap();
        // A `channels` table in the way makes the first migration fail.
        conn.execute_batch("CREATE TABLE channels (id TEXT)")
            .unwrap();
        assert!(migrate(&mut conn, at(0)).is_err());
        let applied: i64 = conn
            .query_row("SELECT COUNT(*) FROM schema_migrations", [], |r| r.get(0))
            .unwrap();
        assert_eq!(applied, 0);
    }
}
