//! SQLite backend: WAL, embedded append-only migrations (each in its own
//! transaction, recorded in `schema_migrations`), one dedicated writer thread
//! that groups queued writes into one transaction (a savepoint each), and a
//! small pool of reader connections.
//!
//! This file holds the storage itself (open, the writer thread and its
//! batches, the reader pool); `migrations` and `codecs` (how values become
//! columns and rows become values) serve it, and each part of the
//! [`Tx`](super::Tx) is implemented in its concern's file: `config`,
//! `conversations`, `messages`, `calls`, `events`, `templates`, `feed`.
//!
//! Secrets at rest: the database and the `-wal` and `-shm` files SQLite
//! makes next to it are readable by their owner only, and channel access
//! tokens are sealed with the [`Secrets`] the storage was opened with (see
//! `config::secure_channel_tokens` for what happens at open).

use std::any::Any;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row};
use switchboard_domain::clock::Clock;

use super::writer::{Job, Queue, next_batch, queue_write, run_caught};
use super::{CommitListener, FeedRecord, Storage, StoreError, StoreFuture, StoreResult, TxFn};
use crate::secrets::Secrets;

pub use backup::{BackupReport, backup};

mod backup;
mod calls;
mod codecs;
mod config;
mod conversations;
mod events;
mod feed;
mod messages;
mod migrations;
mod templates;
mod usage;

pub use migrations::migrate;

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 128;

/// Most writes grouped into one transaction.
const MAX_BATCH: usize = 512;

pub struct SqliteStorage {
    writer: Queue,
    readers: Arc<Mutex<Vec<Connection>>>,
    path: PathBuf,
    clock: Arc<dyn Clock>,
    secrets: Secrets,
}

impl std::fmt::Debug for SqliteStorage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStorage")
            .field("path", &self.path)
            .finish()
    }
}

fn open(path: &Path) -> StoreResult<Connection> {
    owner_only(path)?;
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // Room for every statement the hub prepares (rusqlite keeps 16): a
    // webhook's or a send's statements are never parsed again.
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    Ok(conn)
}

/// Makes the database file readable and writable by its owner only: a new
/// one is created so before SQLite opens it (SQLite gives the `-wal` and
/// `-shm` files it creates the main file's mode), and an existing one (and
/// its `-wal` and `-shm`) loses any access by group and others.
#[cfg(unix)]
fn owner_only(path: &Path) -> StoreResult<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let io = |p: &Path, e: std::io::Error| StoreError::Backend(format!("{}: {e}", p.display()));
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)
        .map_err(|e| io(path, e))?;
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let p = PathBuf::from(name);
        let Ok(meta) = std::fs::metadata(&p) else {
            continue;
        };
        let mode = meta.permissions().mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode & 0o700))
                .map_err(|e| io(&p, e))?;
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn owner_only(_: &Path) -> StoreResult<()> {
    Ok(())
}

impl SqliteStorage {
    /// Opens (creating and migrating) the database at `path` and starts the
    /// writer thread. `listener` receives each committed write's changes;
    /// `clock` stamps the bookkeeping instants (when a change was appended, a
    /// migration applied). Without a key: channel access tokens are stored
    /// as they are (see [`SqliteStorage::open_with_secrets`]).
    pub fn open(path: &Path, listener: CommitListener, clock: Arc<dyn Clock>) -> StoreResult<Self> {
        Self::open_with_secrets(path, listener, clock, Secrets::none())
    }

    /// [`SqliteStorage::open`], sealing channel access tokens with
    /// `secrets`: tokens stored in plain text (a database from before, or
    /// run without a key) are sealed now; a sealed token that `secrets`
    /// cannot open (no key, a wrong key) refuses the open.
    pub fn open_with_secrets(
        path: &Path,
        listener: CommitListener,
        clock: Arc<dyn Clock>,
        secrets: Secrets,
    ) -> StoreResult<Self> {
        let mut conn = open(path)?;
        migrate(&mut conn, clock.now())?;
        config::secure_channel_tokens(&mut conn, &secrets)?;
        let (tx, rx) = mpsc::channel::<Job>();
        let writer_clock = clock.clone();
        let writer_secrets = secrets.clone();
        std::thread::Builder::new()
            .name("hub-sqlite-writer".into())
            .spawn(move || writer_loop(conn, rx, listener, writer_clock, writer_secrets))
            .map_err(|e| StoreError::Backend(e.to_string()))?;
        Ok(Self {
            writer: Mutex::new(tx),
            readers: Arc::new(Mutex::new(Vec::new())),
            path: path.to_path_buf(),
            clock,
            secrets,
        })
    }

    /// Parses `sqlite://path` (or a bare path).
    pub fn path_from_url(url: &str) -> PathBuf {
        PathBuf::from(url.strip_prefix("sqlite://").unwrap_or(url))
    }
}

fn writer_loop(
    mut conn: Connection,
    rx: mpsc::Receiver<Job>,
    listener: CommitListener,
    clock: Arc<dyn Clock>,
    secrets: Secrets,
) {
    while let Some(batch) = next_batch(&rx, MAX_BATCH) {
        run_batch(&mut conn, batch, &listener, clock.now(), &secrets);
    }
}

fn run_batch(
    conn: &mut Connection,
    batch: Vec<Job>,
    listener: &CommitListener,
    now: DateTime<Utc>,
    secrets: &Secrets,
) {
    let mut results = Vec::with_capacity(batch.len());
    let mut feed = Vec::new();
    let tx = match conn.transaction() {
        Ok(tx) => tx,
        Err(e) => {
            let msg = e.to_string();
            for (_, reply) in batch {
                let _ = reply.send(Err(StoreError::Backend(msg.clone())));
            }
            return;
        }
    };
    for (f, reply) in batch {
        let outcome = run_one(&tx, f, &mut feed, now, secrets);
        results.push((reply, outcome));
    }
    if let Err(e) = tx.commit() {
        let msg = e.to_string();
        tracing::error!(error = %msg, "commit failed");
        for (reply, _) in results {
            let _ = reply.send(Err(StoreError::Backend(msg.clone())));
        }
        return;
    }
    if !feed.is_empty() {
        listener(&feed);
    }
    for (reply, outcome) in results {
        let _ = reply.send(outcome);
    }
}

/// One queued write in its own savepoint: its failure rolls back only itself.
fn run_one(
    tx: &rusqlite::Transaction<'_>,
    f: TxFn,
    feed: &mut Vec<FeedRecord>,
    now: DateTime<Utc>,
    secrets: &Secrets,
) -> StoreResult<Box<dyn Any + Send>> {
    // The savepoint's statements are prepared once and kept (not parsed
    // again for every write, as `Transaction::savepoint` would).
    let run = |sql: &str| -> StoreResult<()> {
        tx.prepare_cached(sql)?.execute([])?;
        Ok(())
    };
    run("SAVEPOINT write")?;
    let mut stx = SqliteTx {
        conn: tx,
        appended: Vec::new(),
        now,
        secrets,
    };
    // A write that fails (or panics) rolls back its savepoint only.
    let out = run_caught(f, &mut stx);
    match out {
        Ok(out) => {
            let appended = std::mem::take(&mut stx.appended);
            run("RELEASE write")?;
            feed.extend(appended);
            Ok(out)
        }
        Err(e) => {
            run("ROLLBACK TO write")?;
            run("RELEASE write")?;
            Err(e)
        }
    }
}

impl Storage for SqliteStorage {
    fn write_boxed(&self, f: TxFn) -> StoreFuture<'_> {
        queue_write(&self.writer, f)
    }

    fn read_boxed(&self, f: TxFn) -> StoreFuture<'_> {
        let readers = self.readers.clone();
        let path = self.path.clone();
        let now = self.clock.now();
        let secrets = self.secrets.clone();
        Box::pin(async move {
            tokio::task::spawn_blocking(move || {
                let pooled = readers.lock().ok().and_then(|mut p| p.pop());
                let mut conn = match pooled {
                    Some(c) => c,
                    None => open(&path)?,
                };
                let out = (|| {
                    let tx = conn.transaction()?;
                    let mut stx = SqliteTx {
                        conn: &tx,
                        appended: Vec::new(),
                        now,
                        secrets: &secrets,
                    };
                    let out = f(&mut stx);
                    drop(tx);
                    out
                })();
                if let Ok(mut p) = readers.lock()
                    && p.len() < 8
                {
                    p.push(conn);
                }
                out
            })
            .await
            .map_err(|e| StoreError::Backend(e.to_string()))?
        })
    }
}

/// One transaction (a write's savepoint or a read's snapshot): every part
/// of [`Tx`](super::Tx) is implemented for it, each in its concern's file.
struct SqliteTx<'a> {
    conn: &'a Connection,
    appended: Vec<FeedRecord>,
    /// The storage clock's instant for this transaction's bookkeeping.
    now: DateTime<Utc>,
    /// Seals and opens channel access tokens.
    secrets: &'a Secrets,
}

impl SqliteTx<'_> {
    /// The one row `sql` selects, read by `row`, or `None`.
    fn one<T, P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
        row: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
    ) -> StoreResult<Option<T>> {
        Ok(self
            .conn
            .prepare_cached(sql)?
            .query_row(params, row)
            .optional()?)
    }

    /// Every row `sql` selects, read by `row`.
    fn all<T, P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
        row: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> StoreResult<Vec<T>> {
        let mut st = self.conn.prepare_cached(sql)?;
        let rows = st.query_map(params, row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::Storage;

    fn open_store(dir: &Path) -> Arc<dyn Storage> {
        let listener: CommitListener = Arc::new(|_: &[FeedRecord]| {});
        let clock = Arc::new(switchboard_domain::clock::ManualClock::new(
            DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
        ));
        Arc::new(SqliteStorage::open(&dir.join("t.db"), listener, clock).unwrap())
    }

    #[tokio::test]
    async fn migrations_apply_once_and_reopen_in_wal_mode() {
        let dir = tempfile::tempdir().unwrap();
        drop(open_store(dir.path()));
        let store = open_store(dir.path());
        assert!(store.read(|tx| tx.queues()).await.unwrap().is_empty());
        let conn = Connection::open(dir.path().join("t.db")).unwrap();
        let applied: i64 = conn
            .query_row("SELECT COUNT(*) FROM schema_migrations", [], |r| r.get(0))
            .unwrap();
        assert_eq!(applied, migrations::MIGRATIONS.len() as i64);
        let stamps: (i64, i64) = conn
            .query_row(
                "SELECT MIN(applied_at), MAX(applied_at) FROM schema_migrations",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(
            stamps,
            (1_700_000_000_000, 1_700_000_000_000),
            "the clock's"
        );
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    #[test]
    fn a_database_url_names_a_path() {
        assert_eq!(
            SqliteStorage::path_from_url("sqlite:///var/lib/hub.db"),
            PathBuf::from("/var/lib/hub.db")
        );
        assert_eq!(
            SqliteStorage::path_from_url("hub.db"),
            PathBuf::from("hub.db")
        );
    }
}
