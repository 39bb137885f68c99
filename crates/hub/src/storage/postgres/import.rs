//! `switchboard-hub migrate --from sqlite://… --to postgres://…`: a
//! SQLite hub's whole record, change feed included (same `seq`s, so agents'
//! devices keep syncing from their cursors), copied into an empty
//! PostgreSQL database in one transaction, then counted on both sides.
//!
//! The two schemas keep the same columns with the same meanings; the copy
//! reads each table's columns from PostgreSQL's catalogue and moves the
//! values as they are (binary COPY), SQLite's rowid becoming `ord` where it
//! orders rows. The channel-usage figures are copied, not recomputed: their
//! triggers are off during the copy.

use std::path::Path;

use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::{ToSql, Type};
use rusqlite::types::Value;

use super::conn::{Conn, shown};
use super::migrations;
use crate::storage::{StoreError, StoreResult};

/// The tables, parents first (the foreign keys hold at every step).
const TABLES: &[&str] = &[
    "channels",
    "queues",
    "routes",
    "agents",
    "agent_queues",
    "conversations",
    "messages",
    "calls",
    "event_log",
    "templates",
    "changes",
    "early_statuses",
    "webhook_rejects",
    "channel_usage",
];

/// Rows moved per COPY (each a stream of its own).
const CHUNK: usize = 50_000;

/// What a migration copied: each table's rows, and the feed's last `seq`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub tables: Vec<(String, i64)>,
    pub last_seq: i64,
}

/// Copies the SQLite record at `from` into the empty PostgreSQL database at
/// `to` (migrated first); refuses a target that holds anything, and fails
/// (with the target left as it was) when a table's count differs after.
/// Runs the synchronous client: call it off async tasks.
pub fn import_sqlite(
    from: &Path,
    to: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> StoreResult<Imported> {
    let source = rusqlite::Connection::open_with_flags(
        from,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::Backend(format!("{}: {e}", from.display())))?;
    // One consistent instant of the source, even while a hub writes to it.
    source.execute_batch("BEGIN")?;
    let config: postgres::Config = to
        .parse()
        .map_err(|e| StoreError::Backend(format!("{}: {e}", shown(to))))?;
    let mut conn = Conn::connect(&config)
        .map_err(|e| StoreError::Unavailable(format!("{}: {e}", shown(to))))?;
    migrations::migrate(&mut conn, now)?;
    let mut tx = conn.client.transaction()?;
    for table in TABLES {
        if tx
            .query_opt(&format!("SELECT 1 FROM {table} LIMIT 1"), &[])?
            .is_some()
        {
            return Err(StoreError::Conflict(format!(
                "{} is not empty (table {table} has rows): migrate copies into an empty database only",
                shown(to)
            )));
        }
    }
    tx.batch_execute(
        "ALTER TABLE messages DISABLE TRIGGER messages_usage;
         ALTER TABLE conversations DISABLE TRIGGER conversations_usage;",
    )?;
    let mut tables = Vec::new();
    for table in TABLES {
        let columns: Vec<(String, String)> = tx
            .query(
                "SELECT column_name, data_type FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
                &[table],
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let copied = copy_table(&source, &mut tx, table, &columns)?;
        tables.push(((*table).to_string(), copied));
    }
    tx.batch_execute(
        "ALTER TABLE messages ENABLE TRIGGER messages_usage;
         ALTER TABLE conversations ENABLE TRIGGER conversations_usage;",
    )?;
    // Identities continue after the copied values.
    for (table, column) in [
        ("routes", "ord"),
        ("messages", "ord"),
        ("calls", "ord"),
        ("event_log", "id"),
        ("changes", "seq"),
        ("early_statuses", "id"),
        ("webhook_rejects", "id"),
    ] {
        tx.execute(
            &format!(
                "SELECT setval(pg_get_serial_sequence('{table}', '{column}'),
                               COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false)"
            ),
            &[],
        )?;
    }
    // Counted on both sides before the commit: a difference leaves the
    // target empty.
    for (table, copied) in &tables {
        let there: i64 = tx
            .query_one(&format!("SELECT COUNT(*) FROM {table}"), &[])?
            .get(0);
        let here: i64 =
            source.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))?;
        if there != here || *copied != here {
            return Err(StoreError::Backend(format!(
                "table {table}: {here} rows in SQLite, {there} in PostgreSQL after the copy; nothing was kept"
            )));
        }
    }
    let last_seq: i64 = tx
        .query_one("SELECT COALESCE(MAX(seq), 0) FROM changes", &[])?
        .get(0);
    tx.commit()?;
    Ok(Imported { tables, last_seq })
}

fn copy_table(
    source: &rusqlite::Connection,
    tx: &mut postgres::Transaction<'_>,
    table: &str,
    columns: &[(String, String)],
) -> StoreResult<i64> {
    // SQLite's rowid orders what PostgreSQL orders by `ord`.
    let select: Vec<String> = columns
        .iter()
        .map(|(c, _)| {
            if c == "ord" {
                "rowid".to_string()
            } else {
                c.clone()
            }
        })
        .collect();
    let types: Vec<Type> = columns
        .iter()
        .map(|(c, t)| match t.as_str() {
            "bigint" => Ok(Type::INT8),
            "text" => Ok(Type::TEXT),
            "bytea" => Ok(Type::BYTEA),
            other => Err(StoreError::Backend(format!(
                "{table}.{c}: a column of type {other} the copy does not know"
            ))),
        })
        .collect::<StoreResult<_>>()?;
    let names: Vec<&str> = columns.iter().map(|(c, _)| c.as_str()).collect();
    let mut st = source.prepare(&format!(
        "SELECT {} FROM {table} ORDER BY rowid",
        select.join(", ")
    ))?;
    let mut rows = st.query([])?;
    let copy_sql = format!("COPY {table} ({}) FROM STDIN BINARY", names.join(", "));
    let mut copied = 0i64;
    let mut done = false;
    while !done {
        let sink = tx.copy_in(&copy_sql)?;
        let mut writer = BinaryCopyInWriter::new(sink, &types);
        let mut in_chunk = 0;
        loop {
            let Some(row) = rows.next()? else {
                done = true;
                break;
            };
            let values = (0..columns.len())
                .map(|i| cell(table, &columns[i].0, &types[i], row.get::<_, Value>(i)?))
                .collect::<StoreResult<Vec<Box<dyn ToSql + Sync>>>>()?;
            let refs: Vec<&(dyn ToSql + Sync)> = values.iter().map(|v| v.as_ref()).collect();
            writer.write(&refs)?;
            copied += 1;
            in_chunk += 1;
            if in_chunk == CHUNK {
                break;
            }
        }
        writer.finish()?;
    }
    Ok(copied)
}

/// A SQLite value as the PostgreSQL column of type `ty` takes it.
fn cell(table: &str, column: &str, ty: &Type, v: Value) -> StoreResult<Box<dyn ToSql + Sync>> {
    let wrong = |v: &Value| {
        StoreError::Corrupt(format!(
            "{table}.{column}: {v:?} does not fit a {ty} column"
        ))
    };
    Ok(match (ty, v) {
        (t, Value::Null) if *t == Type::INT8 => Box::new(None::<i64>),
        (t, Value::Null) if *t == Type::TEXT => Box::new(None::<String>),
        (_, Value::Null) => Box::new(None::<Vec<u8>>),
        (t, Value::Integer(i)) if *t == Type::INT8 => Box::new(i),
        (t, Value::Text(s)) if *t == Type::TEXT => Box::new(s),
        (t, Value::Blob(b)) if *t == Type::BYTEA => Box::new(b),
        (_, v) => return Err(wrong(&v)),
    })
}
