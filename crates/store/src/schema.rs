//! The schema: embedded, append-only migrations, each applied in its own
//! transaction, and `PRAGMA user_version` as the number applied. A database
//! whose version is newer than this build's migrations is refused before
//! anything is written.

use rusqlite::Connection;

use crate::{StoreError, StoreResult};

/// 'SWBD', set by the first migration.
pub(crate) const APPLICATION_ID: i64 = 0x5357_4244;

/// One embedded migration: its name and SQL.
pub(crate) type Migration = (&'static str, &'static str);

/// Embedded migrations, in order. Append only: never edit a shipped one.
pub(crate) const MIGRATIONS: &[Migration] = &[
    ("0001_init", include_str!("../migrations/0001_init.sql")),
    (
        "0002_message_search",
        include_str!("../migrations/0002_message_search.sql"),
    ),
    (
        "0003_search_backlog",
        include_str!("../migrations/0003_search_backlog.sql"),
    ),
    (
        "0004_customer_lookup",
        include_str!("../migrations/0004_customer_lookup.sql"),
    ),
];

/// The schema version this build writes: the number of its migrations.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

fn user_version(conn: &Connection) -> StoreResult<u32> {
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    u32::try_from(v).map_err(|_| StoreError::Corrupt(format!("schema version {v}")))
}

/// Refuses, without writing anything, a database this build must not
/// migrate: one of a newer schema, or another application's.
pub(crate) fn check(conn: &Connection, migrations: &[Migration]) -> StoreResult<()> {
    let known = migrations.len() as u32;
    let found = user_version(conn)?;
    let app: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if app != 0 && app != APPLICATION_ID {
        return Err(StoreError::NotOurs(format!("application id {app:#x}")));
    }
    if app == 0 {
        // Never migrated by us: it must be empty.
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if tables > 0 || found > 0 {
            return Err(StoreError::NotOurs(format!(
                "{tables} tables, schema version {found}, no Switchboard application id"
            )));
        }
    }
    if found > known {
        return Err(StoreError::NewerSchema { found, known });
    }
    Ok(())
}

/// Applies the migrations not yet applied, each in its own (immediate)
/// transaction that also moves `user_version`; a failing one leaves the
/// database at the version before it.
pub(crate) fn migrate(conn: &mut Connection, migrations: &[Migration]) -> StoreResult<()> {
    // Migrations may index text again (0002).
    crate::fts::register(conn)?;
    for (i, (_name, sql)) in migrations.iter().enumerate() {
        let version = i as u32 + 1;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Read again under the write lock: another process may have migrated.
        let found = user_version(&tx)?;
        if found > migrations.len() as u32 {
            return Err(StoreError::NewerSchema {
                found,
                known: migrations.len() as u32,
            });
        }
        if found < version {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", version)?;
        }
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(conn: &Connection) -> u32 {
        user_version(conn).unwrap()
    }

    #[test]
    fn the_embedded_migrations_apply_once() {
        let mut conn = Connection::open_in_memory().unwrap();
        check(&conn, MIGRATIONS).unwrap();
        migrate(&mut conn, MIGRATIONS).unwrap();
        assert_eq!(version(&conn), SCHEMA_VERSION);
        check(&conn, MIGRATIONS).unwrap();
        migrate(&mut conn, MIGRATIONS).unwrap();
        assert_eq!(version(&conn), SCHEMA_VERSION);
        let app: i64 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap();
        assert_eq!(app, APPLICATION_ID);
    }

    #[test]
    fn a_failing_migration_rolls_back_alone() {
        const FAKE: &[Migration] = &[
            (
                "0001_a",
                "PRAGMA application_id = 1398227524; CREATE TABLE a (x);",
            ),
            (
                "0002_b",
                "CREATE TABLE b (x); INSERT INTO nowhere VALUES (1);",
            ),
        ];
        let mut conn = Connection::open_in_memory().unwrap();
        assert!(matches!(
            migrate(&mut conn, FAKE),
            Err(StoreError::Sqlite(_))
        ));
        assert_eq!(version(&conn), 1);
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(tables, ["a"]);
    }

    #[test]
    fn a_newer_version_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, MIGRATIONS).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        match check(&conn, MIGRATIONS) {
            Err(StoreError::NewerSchema { found, known }) => {
                assert_eq!((found, known), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            migrate(&mut conn, MIGRATIONS),
            Err(StoreError::NewerSchema { .. })
        ));
    }

    #[test]
    fn another_applications_database_is_refused() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE theirs (x)").unwrap();
        assert!(matches!(
            check(&conn, MIGRATIONS),
            Err(StoreError::NotOurs(_))
        ));
        let conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "application_id", 42).unwrap();
        assert!(matches!(
            check(&conn, MIGRATIONS),
            Err(StoreError::NotOurs(_))
        ));
    }
}
