//! The storage conformance suite (`switchboard_hub::storage::conformance`)
//! run against the SQLite backend: each case opens a fresh database in a
//! temporary directory on the suite's recording listener and manual clock.
//! Another backend runs the same suite with its own factory.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use switchboard_domain::clock::Clock;
use switchboard_hub::storage::CommitListener;
use switchboard_hub::storage::conformance::{Opened, Spoil};
use switchboard_hub::storage::sqlite::SqliteStorage;

async fn sqlite(listener: CommitListener, clock: Arc<dyn Clock>) -> Opened {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hub.db");
    let store = SqliteStorage::open(&path, listener, clock).unwrap();
    Opened::new(Arc::new(store), dir, move |damage| {
        let path: PathBuf = path.clone();
        async move { spoil(&path, damage) }
    })
}

/// Damages one stored value with raw SQL, behind the storage's back.
fn spoil(path: &Path, damage: Spoil) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .unwrap();
    let changed = match &damage {
        Spoil::ConversationStatus { id } => conn.execute(
            "UPDATE conversations SET status = 'closed-by-a-newer-hub' WHERE id = ?1",
            [id],
        ),
        Spoil::TemplateRule {
            waba_id,
            name,
            language,
        } => conn.execute(
            "UPDATE templates SET raw = '{\"components\": 7}'
             WHERE waba_id = ?1 AND name = ?2 AND language = ?3",
            [waba_id, name, language],
        ),
        Spoil::ChangeKind { seq } => conn.execute(
            "UPDATE changes SET kind = 'from_a_newer_hub' WHERE seq = ?1",
            [seq],
        ),
    }
    .unwrap();
    assert_eq!(changed, 1, "{damage:?} found nothing to spoil");
}

switchboard_hub::storage_conformance!(sqlite);
