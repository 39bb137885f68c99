//! The schema: embedded, append-only migrations, each applied in its own
//! transaction and recorded in `schema_migrations`, under a session lock so
//! that hub instances starting together migrate once.

use chrono::{DateTime, Utc};

use super::MIGRATE_LOCK;
use super::conn::Conn;
use crate::storage::StoreResult;
use crate::storage::rows::ms;

/// Embedded migrations, in order. Append only: never edit a shipped one.
pub const MIGRATIONS: &[(&str, &str)] = &[("0001_init", include_str!("migrations/0001_init.sql"))];

/// Applies the embedded migrations not yet recorded; `now` is recorded as
/// when.
pub(super) fn migrate(conn: &mut Conn, now: DateTime<Utc>) -> StoreResult<()> {
    conn.execute("SELECT pg_advisory_lock($1)", &[&MIGRATE_LOCK])?;
    let out = apply(conn, now);
    conn.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATE_LOCK])?;
    out
}

fn apply(conn: &mut Conn, now: DateTime<Utc>) -> StoreResult<()> {
    conn.client.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)",
    )?;
    for (version, sql) in MIGRATIONS {
        let mut tx = conn.client.transaction()?;
        let done = tx
            .query_opt(
                "SELECT 1 FROM schema_migrations WHERE version = $1",
                &[version],
            )?
            .is_some();
        if !done {
            tx.batch_execute(sql)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
                &[version, &ms(now)],
            )?;
            tracing::info!(version, "applied migration");
        }
        tx.commit()?;
    }
    Ok(())
}
