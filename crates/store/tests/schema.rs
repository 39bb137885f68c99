//! A database written by a newer Switchboard is refused with a clear
//! message, and left exactly as it was; so is another application's.

use std::path::Path;

use rusqlite::Connection;
use switchboard_store::{SCHEMA_VERSION, Store, StoreError};

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    all.sort();
    all
}

#[test]
fn a_newer_schema_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("switchboard.db");
    {
        let mut store = Store::open(&path).unwrap();
        store.set_setting("language", "de").unwrap();
    }
    {
        // what a newer build would leave: its migration applied
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE from_the_future (x); INSERT INTO from_the_future VALUES (1);",
        )
        .unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let before = files(dir.path());
    let err = Store::open(&path).unwrap_err();
    match &err {
        StoreError::NewerSchema { found, known } => {
            assert_eq!((*found, *known), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!("{other:?}"),
    }
    let message = err.to_string();
    assert!(message.contains("newer version"), "{message}");
    assert!(message.contains("Update Switchboard"), "{message}");
    assert_eq!(files(dir.path()), before);
    let conn = Connection::open(&path).unwrap();
    let version: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION + 1);
}

#[test]
fn a_newer_schema_in_rollback_mode_is_not_switched_to_wal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("switchboard.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA application_id = 1398227524; CREATE TABLE t (x);")
            .unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 5)
            .unwrap();
    }
    let before = files(dir.path());
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::NewerSchema { found, .. }) if found == SCHEMA_VERSION + 5
    ));
    assert_eq!(files(dir.path()), before);
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
}

#[test]
fn another_applications_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE notes (body TEXT)")
            .unwrap();
    }
    let before = files(dir.path());
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotOurs(_)), "{err:?}");
    assert!(
        err.to_string().contains("not a Switchboard database"),
        "{err}"
    );
    assert_eq!(files(dir.path()), before);
}

#[test]
fn an_older_schema_is_migrated_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("switchboard.db");
    Connection::open(&path).unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
}
