//! switchboard-store: the desktop app's local store. The UI reads only from
//! here, never from the hub: the sync client applies the hub's change feed
//! into it ([`Store::apply_batch`]), the app queues what the agent sends in
//! its outbox ([`Store::enqueue`]), and every screen is one typed query.
//!
//! SQLite (rusqlite, bundled) in WAL mode, with embedded append-only
//! migrations each in its own transaction ([`SCHEMA_VERSION`]); a database
//! written by a newer build is refused ([`StoreError::NewerSchema`]) before
//! anything is written. [`Store::in_memory`] is the same store for tests.
//! Full-text search finds Japanese (two-character words included), German
//! and French text through FTS5 tables fed by [`fts`]'s normalizer; the
//! messages' is keyed by when they were sent, so the newest matches come
//! first without sorting every match.
//!
//! Concerns, one file each: `schema` (migrations), `feed` (applying changes,
//! the sync cursor), `conversations` (with unread counts), `messages` (status
//! ranks, thread pages), `calls`, `templates`, `team` (queues, channels,
//! agents), `events` (the event log), `outbox`, `resync` (forgetting the
//! feed for a full resync), `settings`, `search` and [`fts`] (the text
//! normalizer and query builder).
//!
//! Must not depend on tauri, the hub, the network or the system clock: every
//! instant is a parameter. Depends only on `switchboard-protocol` of ours
//! (the objects it stores are the wire types).

mod calls;
mod codecs;
mod conversations;
mod error;
mod events;
mod feed;
pub mod fts;
mod messages;
mod outbox;
mod resync;
mod schema;
mod search;
mod settings;
mod team;
mod templates;

#[cfg(test)]
#[path = "../tests/common/mod.rs"]
mod fixtures;

use std::path::Path;

use rusqlite::Connection;

pub use conversations::{
    ConversationFilter, ConversationItem, ConversationSort, UnreadCounts, WindowFilter,
};
pub use error::{StoreError, StoreResult};
pub use feed::{ApplyMode, ApplyReport, KeptUnknown};
pub use fts::{Highlight, Snippet};
pub use messages::status_rank;
pub use outbox::{AttemptError, AttemptOutcome, OutboxEntry, OutboxState, local_message_id};
pub use schema::SCHEMA_VERSION;
pub use search::{CustomerHit, MessageHit};
pub use templates::TemplateFilter;

/// The local store: one SQLite connection. Reads take `&self`, writes
/// `&mut self` (each write is one transaction).
pub struct Store {
    conn: Connection,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.conn.path())
            .finish()
    }
}

impl Store {
    /// Opens (creating if needed) the store at `path`: WAL, then the
    /// migrations this file lacks. A database of a newer schema
    /// ([`StoreError::NewerSchema`]) or of another application
    /// ([`StoreError::NotOurs`]) is refused before anything is written.
    pub fn open(path: impl AsRef<Path>) -> StoreResult<Store> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        schema::check(&conn, schema::MIGRATIONS)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // In WAL, NORMAL never corrupts; a power loss may lose the last commits,
        // which the feed brings again (the cursor moves with the data).
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Self::ready(conn)
    }

    /// A store in memory, for tests: the same schema and queries.
    pub fn in_memory() -> StoreResult<Store> {
        Self::ready(Connection::open_in_memory()?)
    }

    fn ready(mut conn: Connection) -> StoreResult<Store> {
        schema::migrate(&mut conn, schema::MIGRATIONS)?;
        // Applying a change runs some twenty statements: keep them prepared.
        conn.set_prepared_statement_cache_capacity(64);
        Ok(Store { conn })
    }

    /// The schema version of the open database (this build's
    /// [`SCHEMA_VERSION`]).
    pub fn schema_version(&self) -> StoreResult<u32> {
        let v: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        u32::try_from(v).map_err(|_| StoreError::Corrupt(format!("schema version {v}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_memory_is_at_this_builds_schema() {
        let store = Store::in_memory().unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        assert!(format!("{store:?}").starts_with("Store"));
    }

    #[test]
    fn open_uses_wal_and_reopens() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.db");
        let store = Store::open(&path).unwrap();
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    }
}
