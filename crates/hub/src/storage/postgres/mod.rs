//! PostgreSQL backend (`SWITCHBOARD_DB=postgres://…`), for teams that run
//! several hub instances on one database: embedded append-only migrations,
//! a writer thread per instance that groups queued writes into one
//! transaction (a savepoint each), a pool of reader sessions, and a feed
//! follower that hands every instance's changes to this instance's commit
//! listener in `seq` order.
//!
//! Several instances, one feed. Every write transaction first takes one
//! transaction-scoped advisory lock, so writes (on any instance) commit one
//! after another and a change's `seq` grows in commit order: a reader that
//! saw `seq` N never later sees a smaller one appear. A write that appended
//! changes NOTIFYs at its commit; each instance's follower LISTENs (and
//! polls every [`POLL`] in case a notification was lost: a lost one costs
//! latency, never a change) and delivers whatever was committed after the
//! last change it delivered. The writer delivers its own changes the same
//! way right after its commit, under the same lock as the follower, so the
//! listener sees each change once, in order, whoever wrote it.
//!
//! Background jobs run once per team: the instance whose follower holds a
//! session advisory lock leads ([`PgStorage::leads`]); when it dies, its
//! session ends, the lock is free and another instance's follower takes it.
//!
//! The sessions are the synchronous `postgres` client's, which runs its own
//! small runtime: they are only used and dropped on threads that are not
//! async tasks (the writer, the follower, `spawn_blocking`).

use std::any::Any;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use chrono::{DateTime, Utc};
use postgres::fallible_iterator::FallibleIterator;
use switchboard_domain::clock::Clock;

use super::rows::{Cols, feed_row};
use super::writer::{Job, Queue, Reply, next_batch, queue_write, run_caught};
use super::{CommitListener, FeedRecord, Storage, StoreError, StoreFuture, StoreResult, TxFn};
use crate::secrets::Secrets;

mod calls;
mod config;
mod conn;
mod conversations;
mod events;
mod feed;
mod import;
mod messages;
mod migrations;
mod templates;

pub use conn::shown as shown_url;
use conn::{Conn, Manager, shown};
pub use import::{Imported, import_sqlite};
pub use migrations::MIGRATIONS;

/// Most writes grouped into one transaction.
const MAX_BATCH: usize = 512;
/// The follower reads the feed at least this often (a lost notification).
const POLL: Duration = Duration::from_millis(500);
/// The channel writes NOTIFY when they appended changes.
const CHANNEL: &str = "switchboard_changes";
/// Advisory lock keys ("SWBD" + a purpose).
const WRITE_LOCK: i64 = 0x5357_4244_0001;
const JOBS_LOCK: i64 = 0x5357_4244_0002;
pub(super) const MIGRATE_LOCK: i64 = 0x5357_4244_0003;

/// What the listener was handed last, shared by the writer and the follower.
struct Delivery {
    last: Mutex<i64>,
    listener: CommitListener,
}

impl Delivery {
    /// Hands the listener every change committed after the last delivered,
    /// in order, read on `conn`.
    fn catch_up(&self, conn: &mut Conn) -> StoreResult<()> {
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        loop {
            let rows = conn.query(
                "SELECT seq, kind, queue_id, data FROM changes WHERE seq > $1 ORDER BY seq LIMIT 1000",
                &[&*last],
            )?;
            let records = rows
                .iter()
                .map(feed_row)
                .collect::<StoreResult<Vec<FeedRecord>>>()?;
            let Some(end) = records.last().map(|r| r.seq) else {
                return Ok(());
            };
            (self.listener)(&records);
            *last = end;
            if records.len() < 1000 {
                return Ok(());
            }
        }
    }
}

pub struct PgStorage {
    writer: Queue,
    /// Dropped on a thread of its own (see the module's note on runtimes).
    pool: Option<r2d2::Pool<Manager>>,
    clock: Arc<dyn Clock>,
    secrets: Secrets,
    leads: Arc<AtomicBool>,
    stopping: Arc<AtomicBool>,
    url: String,
}

impl std::fmt::Debug for PgStorage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStorage").field("url", &self.url).finish()
    }
}

impl Drop for PgStorage {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        let pool = self.pool.take();
        let _ = std::thread::Builder::new()
            .name("hub-pg-close".into())
            .spawn(move || drop(pool));
    }
}

/// Runs `f` on a thread that is not an async task (the client's runtime
/// cannot start inside one) and waits for it.
fn off_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| s.spawn(f).join()).unwrap_or_else(|p| std::panic::resume_unwind(p))
}

impl PgStorage {
    /// Connects to the database at `url` (`postgres://user:password@host:port/db`),
    /// migrates it, checks the channel access tokens against `secrets`, and
    /// starts the writer and the feed follower. `listener` receives every
    /// committed change, this instance's and the others', in `seq` order.
    /// Fails with a message naming the database (never its password) when
    /// it cannot be reached.
    pub fn open(
        url: &str,
        listener: CommitListener,
        clock: Arc<dyn Clock>,
        secrets: Secrets,
    ) -> StoreResult<Self> {
        let config: postgres::Config = url
            .parse()
            .map_err(|e| StoreError::Backend(format!("SWITCHBOARD_DB: {}: {e}", shown(url))))?;
        let unreachable = |e: StoreError| StoreError::Unavailable(format!("{}: {e}", shown(url)));
        let (conn, last) = off_runtime(|| -> StoreResult<(Conn, i64)> {
            let mut conn = Conn::connect(&config).map_err(|e| unreachable(e.into()))?;
            migrations::migrate(&mut conn, clock.now())?;
            config::secure_channel_tokens(&mut conn, &secrets)?;
            let last: i64 = conn
                .query("SELECT COALESCE(MAX(seq), 0) FROM changes", &[])?
                .first()
                .map(|r| r.int(0))
                .transpose()?
                .unwrap_or(0);
            Ok((conn, last))
        })?;
        let delivery = Arc::new(Delivery {
            last: Mutex::new(last),
            listener,
        });
        let leads = Arc::new(AtomicBool::new(false));
        let stopping = Arc::new(AtomicBool::new(false));
        let (tx, rx) = mpsc::channel::<Job>();
        let spawn = |name: &str, f: Box<dyn FnOnce() + Send>| {
            std::thread::Builder::new()
                .name(name.into())
                .spawn(f)
                .map(drop)
                .map_err(|e| StoreError::Backend(e.to_string()))
        };
        {
            let (clock, secrets, delivery, config) = (
                clock.clone(),
                secrets.clone(),
                delivery.clone(),
                config.clone(),
            );
            spawn(
                "hub-pg-writer",
                Box::new(move || writer_loop(conn, config, rx, delivery, clock, secrets)),
            )?;
        }
        {
            let (delivery, leads, stopping, config) = (
                delivery.clone(),
                leads.clone(),
                stopping.clone(),
                config.clone(),
            );
            spawn(
                "hub-pg-follower",
                Box::new(move || follower_loop(config, delivery, leads, stopping)),
            )?;
        }
        let pool = r2d2::Pool::builder()
            .max_size(Manager::MAX)
            .min_idle(Some(0))
            // A lost session is seen by `has_broken`; checking every
            // checkout with a query would cost each read a round trip.
            .test_on_check_out(false)
            .connection_timeout(Duration::from_secs(5))
            .build_unchecked(Manager { config });
        Ok(Self {
            writer: Mutex::new(tx),
            pool: Some(pool),
            clock,
            secrets,
            leads,
            stopping,
            url: shown(url),
        })
    }

    /// Whether `url` names a PostgreSQL database.
    pub fn is_url(url: &str) -> bool {
        url.starts_with("postgres://") || url.starts_with("postgresql://")
    }
}

/// Creates the empty database `name` on the server of `server_url` (any
/// database URL of it) and returns that database's URL: for the tests and
/// the bench, which each start on a fresh one. `name` is a plain
/// identifier (lower-case letters, digits, `_`).
pub fn create_database(server_url: &str, name: &str) -> StoreResult<String> {
    let plain = !name.is_empty()
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !plain {
        return Err(StoreError::Backend(format!(
            "{name:?}: not a plain database name"
        )));
    }
    let (base, _) = server_url.rsplit_once('/').ok_or_else(|| {
        StoreError::Backend(format!("{}: no database in the URL", shown(server_url)))
    })?;
    let config: postgres::Config = server_url
        .parse()
        .map_err(|e| StoreError::Backend(format!("{}: {e}", shown(server_url))))?;
    off_runtime(|| -> StoreResult<()> {
        let mut client = config
            .connect(postgres::NoTls)
            .map_err(|e| StoreError::Unavailable(format!("{}: {e}", shown(server_url))))?;
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .map_err(|e| StoreError::Backend(format!("CREATE DATABASE {name}: {e}")))
    })?;
    Ok(format!("{base}/{name}"))
}

/// Where `scripts/with-postgres.sh` puts the URL of the private server it
/// starts for the tests and the bench.
pub const SCRATCH_SERVER_ENV: &str = "SWITCHBOARD_TEST_POSTGRES";

/// A new, empty database on the server of [`SCRATCH_SERVER_ENV`], named
/// `<prefix>_<process>_<random>` so that runs and callers never share one;
/// its URL. `prefix` is a plain identifier.
pub fn create_scratch_database(prefix: &str) -> StoreResult<String> {
    let server = std::env::var(SCRATCH_SERVER_ENV).map_err(|_| {
        StoreError::Unavailable(format!(
            "{SCRATCH_SERVER_ENV} is not set: run through scripts/with-postgres.sh"
        ))
    })?;
    let name = format!(
        "{prefix}_{}_{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    );
    create_database(&server, &name)
}

fn writer_loop(
    mut conn: Conn,
    config: postgres::Config,
    rx: mpsc::Receiver<Job>,
    delivery: Arc<Delivery>,
    clock: Arc<dyn Clock>,
    secrets: Secrets,
) {
    while let Some(batch) = next_batch(&rx, MAX_BATCH) {
        if conn.client.is_closed() {
            // The session was lost: a new one for this batch, or the
            // batch's writes are refused as unavailable (nothing written).
            match Conn::connect(&config) {
                Ok(fresh) => conn = fresh,
                Err(e) => {
                    let msg = e.to_string();
                    for (_, reply) in batch {
                        let _ = reply.send(Err(StoreError::Unavailable(msg.clone())));
                    }
                    continue;
                }
            }
        }
        run_batch(&mut conn, batch, clock.now(), &secrets);
        if let Err(e) = delivery.catch_up(&mut conn) {
            tracing::warn!(error = %e, "reading the feed after a write; the follower will");
        }
    }
}

fn run_batch(conn: &mut Conn, batch: Vec<Job>, now: DateTime<Utc>, secrets: &Secrets) {
    let fail_all = |batch: Vec<Reply>, e: StoreError| {
        for reply in batch {
            let _ = reply.send(Err(match &e {
                StoreError::Unavailable(m) => StoreError::Unavailable(m.clone()),
                other => StoreError::Backend(other.to_string()),
            }));
        }
    };
    // One round trip each to open (with the lock) and to close (with the
    // notification): a write's cost is mostly round trips.
    let begin = conn
        .client
        .batch_execute(&format!(
            "BEGIN; SELECT pg_advisory_xact_lock({WRITE_LOCK})"
        ))
        .map_err(StoreError::from);
    if let Err(e) = begin {
        let _ = conn.client.batch_execute("ROLLBACK");
        fail_all(batch.into_iter().map(|(_, r)| r).collect(), e);
        return;
    }
    let mut results = Vec::with_capacity(batch.len());
    let mut appended = false;
    for (f, reply) in batch {
        let outcome = run_one(conn, f, now, secrets, &mut appended);
        results.push((reply, outcome));
    }
    let end = if appended {
        format!("NOTIFY {CHANNEL}; COMMIT")
    } else {
        "COMMIT".to_string()
    };
    let commit = conn.client.batch_execute(&end).map_err(StoreError::from);
    if let Err(e) = commit {
        tracing::error!(error = %e, "commit failed");
        let _ = conn.client.batch_execute("ROLLBACK");
        fail_all(results.into_iter().map(|(r, _)| r).collect(), e);
        return;
    }
    for (reply, outcome) in results {
        let _ = reply.send(outcome);
    }
}

/// One queued write in its own savepoint: its failure rolls back only itself.
fn run_one(
    conn: &mut Conn,
    f: TxFn,
    now: DateTime<Utc>,
    secrets: &Secrets,
    appended: &mut bool,
) -> StoreResult<Box<dyn Any + Send>> {
    conn.client.batch_execute("SAVEPOINT write")?;
    let mut tx = PgTx {
        conn,
        appended: Vec::new(),
        now,
        secrets,
    };
    let out = run_caught(f, &mut tx);
    let wrote = !tx.appended.is_empty();
    match out {
        Ok(out) => {
            conn.client.batch_execute("RELEASE write")?;
            *appended |= wrote;
            Ok(out)
        }
        Err(e) => {
            conn.client
                .batch_execute("ROLLBACK TO write; RELEASE write")?;
            Err(e)
        }
    }
}

/// LISTENs for other writes, delivers them, and holds the jobs lock when
/// it is free. Reconnects (every [`POLL`]) when its session is lost.
fn follower_loop(
    config: postgres::Config,
    delivery: Arc<Delivery>,
    leads: Arc<AtomicBool>,
    stopping: Arc<AtomicBool>,
) {
    while !stopping.load(Ordering::SeqCst) {
        let mut conn = match Conn::connect(&config) {
            Ok(c) => c,
            Err(e) => {
                leads.store(false, Ordering::SeqCst);
                tracing::warn!(error = %e, "feed follower: database unreachable; retrying");
                std::thread::sleep(POLL);
                continue;
            }
        };
        if let Err(e) = follow(&mut conn, &delivery, &leads, &stopping) {
            tracing::warn!(error = %e, "feed follower: session lost; reconnecting");
        }
        leads.store(false, Ordering::SeqCst);
    }
}

fn follow(
    conn: &mut Conn,
    delivery: &Delivery,
    leads: &AtomicBool,
    stopping: &AtomicBool,
) -> StoreResult<()> {
    conn.client.batch_execute(&format!("LISTEN {CHANNEL}"))?;
    while !stopping.load(Ordering::SeqCst) {
        if !leads.load(Ordering::SeqCst) {
            let took = conn
                .query("SELECT pg_try_advisory_lock($1)", &[&JOBS_LOCK])?
                .first()
                .map(|r| r.try_get::<_, bool>(0))
                .transpose()?
                .unwrap_or(false);
            leads.store(took, Ordering::SeqCst);
        }
        delivery.catch_up(conn)?;
        // Wait for a notification (or the poll); drain what else came.
        if conn
            .client
            .notifications()
            .timeout_iter(POLL)
            .next()?
            .is_some()
        {
            let mut notes = conn.client.notifications();
            while notes.iter().next()?.is_some() {}
        }
    }
    Ok(())
}

impl Storage for PgStorage {
    fn write_boxed(&self, f: TxFn) -> StoreFuture<'_> {
        queue_write(&self.writer, f)
    }

    fn read_boxed(&self, f: TxFn) -> StoreFuture<'_> {
        let pool = self.pool.clone();
        let now = self.clock.now();
        let secrets = self.secrets.clone();
        Box::pin(async move {
            tokio::task::spawn_blocking(move || {
                let mut conn = pool
                    .ok_or_else(|| StoreError::Backend("the storage is closing".into()))?
                    .get()
                    .map_err(|e| StoreError::Unavailable(e.to_string()))?;
                conn.client
                    .batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")?;
                let mut tx = PgTx {
                    conn: &mut conn,
                    appended: Vec::new(),
                    now,
                    secrets: &secrets,
                };
                let out = f(&mut tx);
                conn.client.batch_execute("ROLLBACK")?;
                out
            })
            .await
            .map_err(|e| StoreError::Backend(e.to_string()))?
        })
    }

    fn leads_background_jobs(&self) -> bool {
        self.leads.load(Ordering::SeqCst)
    }

    fn shared_with_other_instances(&self) -> bool {
        true
    }
}

/// One transaction (a write's savepoint or a read's snapshot): every part
/// of [`Tx`](super::Tx) is implemented for it, each in its concern's file.
struct PgTx<'a> {
    conn: &'a mut Conn,
    appended: Vec<FeedRecord>,
    /// The storage clock's instant for this transaction's bookkeeping.
    now: DateTime<Utc>,
    /// Seals and opens channel access tokens.
    secrets: &'a Secrets,
}

impl PgTx<'_> {
    /// The first row `sql` selects, read by `read`, or `None`.
    fn one<T>(
        &mut self,
        sql: &str,
        params: conn::Params<'_>,
        read: impl FnOnce(&postgres::Row) -> StoreResult<T>,
    ) -> StoreResult<Option<T>> {
        self.conn.query(sql, params)?.first().map(read).transpose()
    }

    /// Every row `sql` selects, read by `read`.
    fn all<T>(
        &mut self,
        sql: &str,
        params: conn::Params<'_>,
        read: impl FnMut(&postgres::Row) -> StoreResult<T>,
    ) -> StoreResult<Vec<T>> {
        self.conn.query(sql, params)?.iter().map(read).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_name_that_is_not_plain_is_refused_before_connecting() {
        // Nothing listens on port 9: a name that passed would fail to connect.
        let server = "postgres://u:secret@127.0.0.1:9/postgres";
        for name in ["", "T1", "1t", "t-1", "t; DROP DATABASE postgres"] {
            let e = create_database(server, name).unwrap_err().to_string();
            assert!(e.contains("not a plain database name"), "{name:?}: {e}");
        }
        let e = create_database(server, "t_1").unwrap_err().to_string();
        assert!(!e.contains("secret"), "{e}");
    }
}
