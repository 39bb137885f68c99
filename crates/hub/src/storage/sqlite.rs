//! SQLite backend: WAL, embedded append-only migrations (each in its own
//! transaction, recorded in `schema_migrations`), one dedicated writer thread
//! that groups queued writes into one transaction (a savepoint each), and a
//! small pool of reader connections.

use std::any::Any;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;
use serde::de::DeserializeOwned;
use switchboard_domain::clock::Clock;
use switchboard_domain::instant;
use switchboard_protocol::{
    Agent, Call, ChangeData, ChangeKind, Channel, EventKind, EventLogEntry, Message, Queue, Route,
    Template, WebhookReject,
};
use tokio::sync::oneshot;

use super::{
    AgentRow, ChangesScan, ChannelRow, ChannelUsageRow, CommitListener, ConversationFilter,
    ConversationRow, FeedRecord, NewWebhookReject, Storage, StoreError, StoreFuture, StoreResult,
    TemplateFilter, Tx, TxFn,
};

/// Embedded migrations, in order. Append only.
const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("migrations/0001_init.sql")),
    (
        "0002_channel_status_since",
        include_str!("migrations/0002_channel_status_since.sql"),
    ),
    (
        "0003_webhook_rejects",
        include_str!("migrations/0003_webhook_rejects.sql"),
    ),
    (
        "0004_messages_unsent",
        include_str!("migrations/0004_messages_unsent.sql"),
    ),
];

/// Most writes grouped into one transaction.
const MAX_BATCH: usize = 512;

type Reply = oneshot::Sender<StoreResult<Box<dyn Any + Send>>>;

pub struct SqliteStorage {
    writer: Mutex<mpsc::Sender<(TxFn, Reply)>>,
    readers: Arc<Mutex<Vec<Connection>>>,
    path: PathBuf,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for SqliteStorage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStorage")
            .field("path", &self.path)
            .finish()
    }
}

fn backend(e: rusqlite::Error) -> StoreError {
    match e {
        // A stored value that does not decode: say so, never default it.
        rusqlite::Error::FromSqlConversionFailure(..) => StoreError::Corrupt(e.to_string()),
        e => StoreError::Backend(e.to_string()),
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        backend(e)
    }
}

fn open(path: &Path) -> StoreResult<Connection> {
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(conn)
}

/// Applies the embedded migrations not yet recorded, each in its own transaction.
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

impl SqliteStorage {
    /// Opens (creating and migrating) the database at `path` and starts the
    /// writer thread. `listener` receives each committed write's changes;
    /// `clock` stamps the bookkeeping instants (when a change was appended, a
    /// migration applied).
    pub fn open(path: &Path, listener: CommitListener, clock: Arc<dyn Clock>) -> StoreResult<Self> {
        let mut conn = open(path)?;
        migrate(&mut conn, clock.now())?;
        let (tx, rx) = mpsc::channel::<(TxFn, Reply)>();
        let writer_clock = clock.clone();
        std::thread::Builder::new()
            .name("hub-sqlite-writer".into())
            .spawn(move || writer_loop(conn, rx, listener, writer_clock))
            .map_err(|e| StoreError::Backend(e.to_string()))?;
        Ok(Self {
            writer: Mutex::new(tx),
            readers: Arc::new(Mutex::new(Vec::new())),
            path: path.to_path_buf(),
            clock,
        })
    }

    /// Parses `sqlite://path` (or a bare path).
    pub fn path_from_url(url: &str) -> PathBuf {
        PathBuf::from(url.strip_prefix("sqlite://").unwrap_or(url))
    }
}

fn writer_loop(
    mut conn: Connection,
    rx: mpsc::Receiver<(TxFn, Reply)>,
    listener: CommitListener,
    clock: Arc<dyn Clock>,
) {
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        run_batch(&mut conn, batch, &listener, clock.now());
    }
}

fn run_batch(
    conn: &mut Connection,
    batch: Vec<(TxFn, Reply)>,
    listener: &CommitListener,
    now: DateTime<Utc>,
) {
    let mut results = Vec::with_capacity(batch.len());
    let mut feed = Vec::new();
    let mut tx = match conn.transaction() {
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
        let outcome = run_one(&mut tx, f, &mut feed, now);
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
    tx: &mut rusqlite::Transaction<'_>,
    f: TxFn,
    feed: &mut Vec<FeedRecord>,
    now: DateTime<Utc>,
) -> StoreResult<Box<dyn Any + Send>> {
    let sp = tx.savepoint()?;
    let mut stx = SqliteTx {
        conn: &sp,
        appended: Vec::new(),
        now,
    };
    // A bug in one use case must not take the writer thread (and every later
    // write) down with it: its savepoint rolls back and it answers an error.
    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut stx))).map_err(
        |_| {
            tracing::error!("a write panicked; rolled back");
            StoreError::Backend("the write failed unexpectedly".into())
        },
    )??;
    let appended = std::mem::take(&mut stx.appended);
    sp.commit()?;
    feed.extend(appended);
    Ok(out)
}

impl Storage for SqliteStorage {
    fn write_boxed(&self, f: TxFn) -> StoreFuture<'_> {
        let (reply, rx) = oneshot::channel();
        let sent = self
            .writer
            .lock()
            .map_err(|_| StoreError::Backend("writer lock poisoned".into()))
            .and_then(|w| {
                w.send((f, reply))
                    .map_err(|_| StoreError::Backend("writer thread stopped".into()))
            });
        Box::pin(async move {
            sent?;
            rx.await
                .map_err(|_| StoreError::Backend("writer dropped the reply".into()))?
        })
    }

    fn read_boxed(&self, f: TxFn) -> StoreFuture<'_> {
        let readers = self.readers.clone();
        let path = self.path.clone();
        let now = self.clock.now();
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

// ---------------------------------------------------------------------------

struct SqliteTx<'a> {
    conn: &'a Connection,
    appended: Vec<FeedRecord>,
    /// The storage clock's instant for this transaction's bookkeeping.
    now: DateTime<Utc>,
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
}

/// Unix milliseconds, truncated toward zero.
pub(crate) fn ms(t: DateTime<Utc>) -> i64 {
    let nanos = i128::from(t.timestamp()) * 1_000_000_000 + i128::from(t.timestamp_subsec_nanos());
    (nanos / 1_000_000) as i64
}

/// The instant `v` unix milliseconds name; the epoch when out of range
/// (years -9999 to 9999, see `switchboard_domain::instant`).
pub(crate) fn from_ms(v: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(v)
        .and_then(instant::checked)
        .unwrap_or(DateTime::UNIX_EPOCH)
}

/// A serde enum as its wire string.
pub(crate) fn enum_str<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        other => other.map(|v| v.to_string()).unwrap_or_default(),
    }
}

fn enum_parse<T: DeserializeOwned>(s: &str) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn json_parse<T: DeserializeOwned>(s: &str) -> rusqlite::Result<T> {
    serde_json::from_str(s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

fn opt_ms(t: Option<DateTime<Utc>>) -> Option<i64> {
    t.map(ms)
}

const CHANNEL_COLS: &str = "id, phone_number_id, display_number, waba_id, access_token, status, enabled, redact_cards, max_customers, icon IS NOT NULL, COALESCE(status_since, created_at)";

fn channel_row(r: &Row<'_>) -> rusqlite::Result<ChannelRow> {
    Ok(ChannelRow {
        channel: Channel {
            id: r.get(0)?,
            phone_number_id: r.get(1)?,
            display_number: r.get(2)?,
            waba_id: r.get(3)?,
            status: enum_parse(&r.get::<_, String>(5)?)?,
            enabled: r.get(6)?,
            redact_card_numbers: r.get(7)?,
            max_customers: r.get(8)?,
            has_icon: r.get(9)?,
        },
        access_token: r.get(4)?,
        status_since: from_ms(r.get(10)?),
    })
}

fn queue_row(r: &Row<'_>) -> rusqlite::Result<Queue> {
    let ws: Option<String> = r.get(2)?;
    Ok(Queue {
        id: r.get(0)?,
        name: r.get(1)?,
        wait_strategy: ws.map(|s| enum_parse(&s)).transpose()?,
    })
}

const CONV_COLS: &str = "id, channel_id, customer_wa_id, customer_name, queue_id, assignee_id, status, priority, tags, last_customer_message_at, call_permission, created_at, updated_at";

fn conversation_row(r: &Row<'_>) -> rusqlite::Result<ConversationRow> {
    Ok(ConversationRow {
        id: r.get(0)?,
        channel_id: r.get(1)?,
        customer_wa_id: r.get(2)?,
        customer_name: r.get(3)?,
        queue_id: r.get(4)?,
        assignee_id: r.get(5)?,
        status: enum_parse(&r.get::<_, String>(6)?)?,
        priority: enum_parse(&r.get::<_, String>(7)?)?,
        tags: json_parse(&r.get::<_, String>(8)?)?,
        last_customer_message_at: r.get::<_, Option<i64>>(9)?.map(from_ms),
        call_permission: json_parse(&r.get::<_, String>(10)?)?,
        created_at: from_ms(r.get(11)?),
        updated_at: from_ms(r.get(12)?),
    })
}

const MSG_COLS: &str = "id, conversation_id, wamid, client_id, direction, kind, body, media, forwarded, frequently_forwarded, status, failure, agent_id, sent_at, updated_at";

fn message_row(r: &Row<'_>) -> rusqlite::Result<Message> {
    let media: Option<String> = r.get(7)?;
    let failure: Option<String> = r.get(11)?;
    Ok(Message {
        id: r.get(0)?,
        conversation_id: r.get(1)?,
        wamid: r.get(2)?,
        client_id: r.get(3)?,
        direction: enum_parse(&r.get::<_, String>(4)?)?,
        kind: enum_parse(&r.get::<_, String>(5)?)?,
        text: r.get(6)?,
        media: media.map(|m| json_parse(&m)).transpose()?,
        forwarded: r.get(8)?,
        frequently_forwarded: r.get(9)?,
        status: enum_parse(&r.get::<_, String>(10)?)?,
        failure: failure.map(|m| json_parse(&m)).transpose()?,
        agent_id: r.get(12)?,
        sent_at: from_ms(r.get(13)?),
        updated_at: from_ms(r.get(14)?),
    })
}

const CALL_COLS: &str = "id, conversation_id, channel_id, wacid, direction, state, queue_id, customer_wa_id, customer_name, remote_sdp, agent_id, started_at, connected_at, ended_at, duration_seconds, error_code";

fn call_row(r: &Row<'_>) -> rusqlite::Result<Call> {
    Ok(Call {
        id: r.get(0)?,
        conversation_id: r.get(1)?,
        channel_id: r.get(2)?,
        wacid: r.get(3)?,
        direction: enum_parse(&r.get::<_, String>(4)?)?,
        state: enum_parse(&r.get::<_, String>(5)?)?,
        queue_id: r.get(6)?,
        customer: switchboard_protocol::Customer {
            wa_id: r.get(7)?,
            name: r.get(8)?,
        },
        remote_sdp: r.get(9)?,
        agent_id: r.get(10)?,
        started_at: from_ms(r.get(11)?),
        connected_at: r.get::<_, Option<i64>>(12)?.map(from_ms),
        ended_at: r.get::<_, Option<i64>>(13)?.map(from_ms),
        duration_seconds: r.get(14)?,
        error_code: r.get(15)?,
    })
}

const TEMPLATE_COLS: &str = "id, waba_id, name, language, category, status, header, body, footer, param_count, tags, call_permission_request, raw";

fn template_row(r: &Row<'_>) -> rusqlite::Result<(Template, String)> {
    Ok((
        Template {
            id: r.get(0)?,
            waba_id: r.get(1)?,
            name: r.get(2)?,
            language: r.get(3)?,
            category: enum_parse(&r.get::<_, String>(4)?)?,
            status: enum_parse(&r.get::<_, String>(5)?)?,
            header: r.get(6)?,
            body: r.get(7)?,
            footer: r.get(8)?,
            param_count: r.get(9)?,
            tags: json_parse(&r.get::<_, String>(10)?)?,
            call_permission_request: r.get(11)?,
        },
        r.get(12)?,
    ))
}

fn event_row(r: &Row<'_>) -> rusqlite::Result<EventLogEntry> {
    Ok(EventLogEntry {
        id: r.get(0)?,
        conversation_id: r.get(1)?,
        kind: enum_parse(&r.get::<_, String>(2)?)?,
        message: r.get(3)?,
        message_id: r.get(4)?,
        at: from_ms(r.get(5)?),
    })
}

fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
            || f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY)
}

impl SqliteTx<'_> {
    fn agent_queues(&self, agent_id: &str) -> StoreResult<Vec<String>> {
        let mut st = self.conn.prepare_cached(
            "SELECT queue_id FROM agent_queues WHERE agent_id = ?1 ORDER BY queue_id",
        )?;
        let rows = st.query_map([agent_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn agent_where(&self, clause: &str, arg: &str) -> StoreResult<Option<Agent>> {
        let sql = format!("SELECT id, name, role FROM agents WHERE {clause} = ?1");
        let found = self
            .conn
            .prepare_cached(&sql)?
            .query_row([arg], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    enum_parse(&r.get::<_, String>(2)?)?,
                ))
            })
            .optional()?;
        match found {
            None => Ok(None),
            Some((id, name, role)) => {
                let queue_ids = self.agent_queues(&id)?;
                Ok(Some(Agent {
                    id,
                    name,
                    role,
                    queue_ids,
                }))
            }
        }
    }
}

impl Tx for SqliteTx<'_> {
    fn insert_channel(&mut self, row: &ChannelRow) -> StoreResult<()> {
        let c = &row.channel;
        self.conn
            .execute(
                "INSERT INTO channels (id, phone_number_id, display_number, waba_id, access_token, status, enabled, redact_cards, max_customers, created_at, status_since)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                params![
                    c.id,
                    c.phone_number_id,
                    c.display_number,
                    c.waba_id,
                    row.access_token,
                    enum_str(&c.status),
                    c.enabled,
                    c.redact_card_numbers,
                    c.max_customers,
                    ms(self.now)
                ],
            )
            .map_err(|e| {
                if is_unique_violation(&e) {
                    StoreError::Conflict("a channel with that phone number id exists".into())
                } else {
                    backend(e)
                }
            })?;
        Ok(())
    }

    fn update_channel(&mut self, c: &Channel, at: DateTime<Utc>) -> StoreResult<()> {
        self.conn.execute(
            "UPDATE channels SET status_since = CASE WHEN status = ?2 THEN status_since ELSE ?6 END,
                status = ?2, enabled = ?3, redact_cards = ?4, max_customers = ?5 WHERE id = ?1",
            params![
                c.id,
                enum_str(&c.status),
                c.enabled,
                c.redact_card_numbers,
                c.max_customers,
                ms(at)
            ],
        )?;
        Ok(())
    }

    fn channel_usage(
        &mut self,
        channel_id: &str,
        conversation_id: &str,
        since: DateTime<Utc>,
    ) -> StoreResult<ChannelUsageRow> {
        // Per conversation of the channel: does it have (non-failed) business
        // messages, any since `since`, and did the customer ever write?
        let mut st = self.conn.prepare_cached(
            "SELECT c.id,
                    EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'inbound'),
                    EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'outbound'
                            AND m.status != 'failed' AND m.kind != 'call'),
                    EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'outbound'
                            AND m.status != 'failed' AND m.kind != 'call' AND m.sent_at > ?2)
             FROM conversations c WHERE c.channel_id = ?1",
        )?;
        let rows = st.query_map(params![channel_id, ms(since)], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, bool>(1)?,
                r.get::<_, bool>(2)?,
                r.get::<_, bool>(3)?,
            ))
        })?;
        let mut u = ChannelUsageRow::default();
        for row in rows {
            let (id, inbound, outbound, recent) = row?;
            if outbound && !inbound {
                u.numbers_messaged += 1;
            }
            if outbound && inbound {
                u.customers_replied += 1;
            }
            if recent {
                u.customers_last_24h += 1;
            }
            if id == conversation_id {
                u.this_customer_wrote = inbound;
                u.this_customer_counted = outbound;
                u.this_customer_counted_recently = recent;
            }
        }
        Ok(u)
    }

    fn set_channel_icon(&mut self, id: &str, icon: &[u8]) -> StoreResult<()> {
        self.conn.execute(
            "UPDATE channels SET icon = ?2 WHERE id = ?1",
            params![id, icon],
        )?;
        Ok(())
    }

    fn channel(&mut self, id: &str) -> StoreResult<Option<ChannelRow>> {
        let sql = format!("SELECT {CHANNEL_COLS} FROM channels WHERE id = ?1");
        self.one(&sql, [id], channel_row)
    }

    fn channel_by_phone_number_id(&mut self, pnid: &str) -> StoreResult<Option<ChannelRow>> {
        let sql = format!("SELECT {CHANNEL_COLS} FROM channels WHERE phone_number_id = ?1");
        self.one(&sql, [pnid], channel_row)
    }

    fn channels(&mut self) -> StoreResult<Vec<ChannelRow>> {
        let sql = format!("SELECT {CHANNEL_COLS} FROM channels ORDER BY created_at, id");
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([], channel_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn insert_queue(&mut self, q: &Queue) -> StoreResult<()> {
        self.conn
            .execute(
                "INSERT INTO queues (id, name, wait_strategy) VALUES (?1, ?2, ?3)",
                params![q.id, q.name, q.wait_strategy.map(|w| enum_str(&w))],
            )
            .map_err(|e| {
                if is_unique_violation(&e) {
                    StoreError::Conflict(format!("queue {} exists", q.name))
                } else {
                    backend(e)
                }
            })?;
        Ok(())
    }

    fn update_queue(&mut self, q: &Queue) -> StoreResult<()> {
        self.conn.execute(
            "UPDATE queues SET name = ?2, wait_strategy = ?3 WHERE id = ?1",
            params![q.id, q.name, q.wait_strategy.map(|w| enum_str(&w))],
        )?;
        Ok(())
    }

    fn queue(&mut self, id_or_name: &str) -> StoreResult<Option<Queue>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, name, wait_strategy FROM queues WHERE id = ?1 OR name = ?1",
            )?
            .query_row([id_or_name], queue_row)
            .optional()?)
    }

    fn queues(&mut self) -> StoreResult<Vec<Queue>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id, name, wait_strategy FROM queues ORDER BY name")?;
        let rows = st.query_map([], queue_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn insert_route(&mut self, r: &Route) -> StoreResult<()> {
        self.conn.execute(
            "INSERT INTO routes (id, position, channel_id, communication_type, queue_id) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                r.id,
                r.position,
                r.channel_id,
                r.communication_type.map(super::comm_type_str),
                r.queue_id
            ],
        )?;
        Ok(())
    }

    fn delete_route(&mut self, id: &str) -> StoreResult<()> {
        match self
            .conn
            .execute("DELETE FROM routes WHERE id = ?1", [id])?
        {
            0 => Err(StoreError::NotFound),
            _ => Ok(()),
        }
    }

    fn routes(&mut self) -> StoreResult<Vec<Route>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, position, channel_id, communication_type, queue_id FROM routes ORDER BY position, rowid",
        )?;
        let rows = st.query_map([], |r| {
            let ct: Option<String> = r.get(3)?;
            Ok(Route {
                id: r.get(0)?,
                position: r.get(1)?,
                channel_id: r.get(2)?,
                communication_type: ct.map(|s| enum_parse(&s)).transpose()?,
                queue_id: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn insert_agent(&mut self, row: &AgentRow) -> StoreResult<()> {
        let a = &row.agent;
        self.conn.execute(
            "INSERT INTO agents (id, name, role, token_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                a.id,
                a.name,
                enum_str(&a.role),
                row.token_hash,
                ms(self.now)
            ],
        )?;
        for q in &a.queue_ids {
            self.conn.execute(
                "INSERT INTO agent_queues (agent_id, queue_id) VALUES (?1, ?2)",
                params![a.id, q],
            )?;
        }
        Ok(())
    }

    fn update_agent(&mut self, a: &Agent) -> StoreResult<()> {
        let n = self.conn.execute(
            "UPDATE agents SET name = ?2, role = ?3 WHERE id = ?1",
            params![a.id, a.name, enum_str(&a.role)],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        self.conn
            .execute("DELETE FROM agent_queues WHERE agent_id = ?1", [&a.id])?;
        for q in &a.queue_ids {
            self.conn.execute(
                "INSERT INTO agent_queues (agent_id, queue_id) VALUES (?1, ?2)",
                params![a.id, q],
            )?;
        }
        Ok(())
    }

    fn agent_by_token_hash(&mut self, hash: &str) -> StoreResult<Option<Agent>> {
        self.agent_where("token_hash", hash)
    }

    fn agent(&mut self, id: &str) -> StoreResult<Option<Agent>> {
        self.agent_where("id", id)
    }

    fn agents(&mut self) -> StoreResult<Vec<Agent>> {
        let ids: Vec<String> = {
            let mut st = self
                .conn
                .prepare_cached("SELECT id FROM agents ORDER BY name")?;
            let rows = st.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut out = Vec::new();
        for id in ids {
            if let Some(a) = self.agent(&id)? {
                out.push(a);
            }
        }
        Ok(out)
    }

    fn conversation(&mut self, id: &str) -> StoreResult<Option<ConversationRow>> {
        let sql = format!("SELECT {CONV_COLS} FROM conversations WHERE id = ?1");
        self.one(&sql, [id], conversation_row)
    }

    fn conversation_by_customer(
        &mut self,
        channel_id: &str,
        wa_id: &str,
    ) -> StoreResult<Option<ConversationRow>> {
        let sql = format!(
            "SELECT {CONV_COLS} FROM conversations WHERE channel_id = ?1 AND customer_wa_id = ?2"
        );
        self.one(&sql, [channel_id, wa_id], conversation_row)
    }

    fn insert_conversation(&mut self, c: &ConversationRow) -> StoreResult<()> {
        self.conn.prepare_cached(
            "INSERT INTO conversations (id, channel_id, customer_wa_id, customer_name, queue_id, assignee_id, status, priority, tags, last_customer_message_at, call_permission, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?.execute(params![
            c.id,
            c.channel_id,
            c.customer_wa_id,
            c.customer_name,
            c.queue_id,
            c.assignee_id,
            enum_str(&c.status),
            enum_str(&c.priority),
            json(&c.tags),
            opt_ms(c.last_customer_message_at),
            json(&c.call_permission),
            ms(c.created_at),
            ms(c.updated_at)
        ])?;
        Ok(())
    }

    fn update_conversation(&mut self, c: &ConversationRow) -> StoreResult<()> {
        self.conn.prepare_cached(
            "UPDATE conversations SET customer_name = ?2, queue_id = ?3, assignee_id = ?4, status = ?5, priority = ?6, tags = ?7,
                last_customer_message_at = ?8, call_permission = ?9, updated_at = ?10 WHERE id = ?1",
        )?.execute(params![
            c.id,
            c.customer_name,
            c.queue_id,
            c.assignee_id,
            enum_str(&c.status),
            enum_str(&c.priority),
            json(&c.tags),
            opt_ms(c.last_customer_message_at),
            json(&c.call_permission),
            ms(c.updated_at)
        ])?;
        Ok(())
    }

    fn conversations(&mut self, f: &ConversationFilter) -> StoreResult<Vec<ConversationRow>> {
        let mut sql = format!("SELECT {CONV_COLS} FROM conversations WHERE 1 = 1");
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(queues) = &f.queues {
            let marks: Vec<String> = queues
                .iter()
                .map(|q| {
                    args.push(q.clone().into());
                    format!("?{}", args.len())
                })
                .collect();
            if marks.is_empty() {
                return Ok(Vec::new());
            }
            sql.push_str(&format!(" AND queue_id IN ({})", marks.join(", ")));
        }
        if let Some(q) = &f.queue_id {
            args.push(q.clone().into());
            sql.push_str(&format!(" AND queue_id = ?{}", args.len()));
        }
        if let Some(s) = &f.status {
            args.push(enum_str(s).into());
            sql.push_str(&format!(" AND status = ?{}", args.len()));
        }
        if let Some((open, since)) = f.window {
            args.push(ms(since).into());
            if open {
                sql.push_str(&format!(" AND last_customer_message_at > ?{}", args.len()));
            } else {
                sql.push_str(&format!(
                    " AND (last_customer_message_at IS NULL OR last_customer_message_at <= ?{})",
                    args.len()
                ));
            }
        }
        if let Some((at, id)) = &f.after {
            args.push(ms(*at).into());
            let a = args.len();
            args.push(id.clone().into());
            let b = args.len();
            sql.push_str(&format!(
                " AND (updated_at < ?{a} OR (updated_at = ?{a} AND id > ?{b}))"
            ));
        }
        sql.push_str(&format!(
            " ORDER BY updated_at DESC, id LIMIT {}",
            f.limit.clamp(1, 1001)
        ));
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args), conversation_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn insert_message(&mut self, m: &Message) -> StoreResult<bool> {
        let res = self.conn.prepare_cached(
            "INSERT INTO messages (id, conversation_id, wamid, client_id, direction, kind, body, media, forwarded, frequently_forwarded, status, failure, agent_id, sent_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )?.execute(params![
            m.id,
            m.conversation_id,
            m.wamid,
            m.client_id,
            enum_str(&m.direction),
            enum_str(&m.kind),
            m.text,
            m.media.as_ref().map(json),
            m.forwarded,
            m.frequently_forwarded,
            enum_str(&m.status),
            m.failure.as_ref().map(json),
            m.agent_id,
            ms(m.sent_at),
            ms(m.updated_at)
        ]);
        match res {
            Ok(_) => Ok(true),
            Err(e) if is_unique_violation(&e) => Ok(false),
            Err(e) => Err(backend(e)),
        }
    }

    fn update_message(&mut self, m: &Message) -> StoreResult<()> {
        self.conn
            .prepare_cached(
                "UPDATE messages SET wamid = ?2, status = ?3, failure = ?4, updated_at = ?5, body = ?6 WHERE id = ?1",
            )?
            .execute(params![
                m.id,
                m.wamid,
                enum_str(&m.status),
                m.failure.as_ref().map(json),
                ms(m.updated_at),
                m.text
            ])?;
        Ok(())
    }

    fn message(&mut self, id: &str) -> StoreResult<Option<Message>> {
        let sql = format!("SELECT {MSG_COLS} FROM messages WHERE id = ?1");
        self.one(&sql, [id], message_row)
    }

    fn message_by_wamid(&mut self, wamid: &str) -> StoreResult<Option<Message>> {
        let sql = format!("SELECT {MSG_COLS} FROM messages WHERE wamid = ?1");
        self.one(&sql, [wamid], message_row)
    }

    fn message_by_client_id(
        &mut self,
        conversation_id: &str,
        client_id: &str,
    ) -> StoreResult<Option<Message>> {
        let sql = format!(
            "SELECT {MSG_COLS} FROM messages WHERE conversation_id = ?1 AND client_id = ?2"
        );
        self.one(&sql, [conversation_id, client_id], message_row)
    }

    fn messages(
        &mut self,
        conversation_id: &str,
        before: Option<&str>,
        limit: u32,
    ) -> StoreResult<Vec<Message>> {
        let limit = limit.clamp(1, 500);
        let mut out: Vec<Message> = match before {
            Some(before) => {
                let sql = format!(
                    "SELECT {MSG_COLS} FROM messages m WHERE conversation_id = ?1 AND (sent_at, rowid) <
                       (SELECT sent_at, rowid FROM messages WHERE id = ?2)
                     ORDER BY sent_at DESC, rowid DESC LIMIT ?3"
                );
                let mut st = self.conn.prepare_cached(&sql)?;
                let rows = st.query_map(params![conversation_id, before, limit], message_row)?;
                rows.collect::<rusqlite::Result<_>>()?
            }
            None => {
                let sql = format!(
                    "SELECT {MSG_COLS} FROM messages WHERE conversation_id = ?1
                     ORDER BY sent_at DESC, rowid DESC LIMIT ?2"
                );
                let mut st = self.conn.prepare_cached(&sql)?;
                let rows = st.query_map(params![conversation_id, limit], message_row)?;
                rows.collect::<rusqlite::Result<_>>()?
            }
        };
        out.reverse();
        Ok(out)
    }

    fn unsent_messages(&mut self) -> StoreResult<Vec<Message>> {
        let sql = format!(
            "SELECT {MSG_COLS} FROM messages
             WHERE wamid IS NULL AND status = 'pending' AND direction = 'outbound'
             ORDER BY sent_at, rowid"
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map([], message_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn stash_status(&mut self, wamid: &str, status_json: &str) -> StoreResult<()> {
        self.conn
            .prepare_cached("INSERT INTO early_statuses (wamid, status, at) VALUES (?1, ?2, ?3)")?
            .execute(params![wamid, status_json, ms(self.now)])?;
        Ok(())
    }

    fn take_stashed_statuses(&mut self, wamid: &str) -> StoreResult<Vec<String>> {
        let out: Vec<String> = {
            let mut st = self
                .conn
                .prepare_cached("SELECT status FROM early_statuses WHERE wamid = ?1 ORDER BY id")?;
            let rows = st.query_map([wamid], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        if !out.is_empty() {
            self.conn
                .prepare_cached("DELETE FROM early_statuses WHERE wamid = ?1")?
                .execute([wamid])?;
        }
        Ok(out)
    }

    fn insert_webhook_reject(&mut self, r: &NewWebhookReject) -> StoreResult<bool> {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for part in [&r.field, &r.list, &r.raw] {
            h.update(part.as_bytes());
            h.update([0u8]);
        }
        let n = self
            .conn
            .prepare_cached(
                "INSERT OR IGNORE INTO webhook_rejects
                   (received_at, phone_number_id, field, list, error, raw, raw_sha256)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                ms(r.received_at),
                r.phone_number_id,
                r.field,
                r.list,
                r.error,
                r.raw,
                hex::encode(h.finalize()),
            ])?;
        Ok(n == 1)
    }

    fn webhook_rejects(
        &mut self,
        before: Option<i64>,
        limit: u32,
    ) -> StoreResult<Vec<WebhookReject>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, received_at, phone_number_id, field, list, error, raw
             FROM webhook_rejects WHERE id < ?1 ORDER BY id DESC LIMIT ?2",
        )?;
        let rows = st.query_map(
            params![before.unwrap_or(i64::MAX), limit.clamp(1, 500)],
            |r| {
                let raw: String = r.get(6)?;
                Ok(WebhookReject {
                    id: r.get(0)?,
                    received_at: from_ms(r.get(1)?),
                    phone_number_id: r.get(2)?,
                    field: r.get(3)?,
                    list: r.get(4)?,
                    error: r.get(5)?,
                    raw: serde_json::from_str(&raw).unwrap_or(serde_json::Value::String(raw)),
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn insert_call(&mut self, c: &Call) -> StoreResult<bool> {
        let res = self.conn.execute(
            &format!(
                "INSERT INTO calls ({CALL_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
            ),
            params![
                c.id,
                c.conversation_id,
                c.channel_id,
                c.wacid,
                enum_str(&c.direction),
                enum_str(&c.state),
                c.queue_id,
                c.customer.wa_id,
                c.customer.name,
                c.remote_sdp,
                c.agent_id,
                ms(c.started_at),
                opt_ms(c.connected_at),
                opt_ms(c.ended_at),
                c.duration_seconds,
                c.error_code
            ],
        );
        match res {
            Ok(_) => Ok(true),
            Err(e) if is_unique_violation(&e) => Ok(false),
            Err(e) => Err(backend(e)),
        }
    }

    fn update_call(&mut self, c: &Call) -> StoreResult<()> {
        self.conn.execute(
            "UPDATE calls SET wacid = ?2, state = ?3, queue_id = ?4, remote_sdp = ?5, agent_id = ?6, connected_at = ?7,
                ended_at = ?8, duration_seconds = ?9, error_code = ?10 WHERE id = ?1",
            params![
                c.id,
                c.wacid,
                enum_str(&c.state),
                c.queue_id,
                c.remote_sdp,
                c.agent_id,
                opt_ms(c.connected_at),
                opt_ms(c.ended_at),
                c.duration_seconds,
                c.error_code
            ],
        )?;
        Ok(())
    }

    fn call(&mut self, id: &str) -> StoreResult<Option<Call>> {
        let sql = format!("SELECT {CALL_COLS} FROM calls WHERE id = ?1");
        self.one(&sql, [id], call_row)
    }

    fn call_by_wacid(&mut self, wacid: &str) -> StoreResult<Option<Call>> {
        let sql = format!("SELECT {CALL_COLS} FROM calls WHERE wacid = ?1");
        self.one(&sql, [wacid], call_row)
    }

    fn insert_event(
        &mut self,
        conversation_id: &str,
        kind: EventKind,
        message: &str,
        message_id: Option<&str>,
        at: DateTime<Utc>,
    ) -> StoreResult<EventLogEntry> {
        self.conn
            .prepare_cached(
                "INSERT INTO event_log (conversation_id, kind, message, message_id, at) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                conversation_id,
                enum_str(&kind),
                message,
                message_id,
                ms(at)
            ])?;
        Ok(EventLogEntry {
            id: self.conn.last_insert_rowid(),
            conversation_id: conversation_id.to_string(),
            kind,
            message: message.to_string(),
            message_id: message_id.map(str::to_string),
            at: from_ms(ms(at)),
        })
    }

    fn events(&mut self, conversation_id: &str) -> StoreResult<Vec<EventLogEntry>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, conversation_id, kind, message, message_id, at FROM event_log WHERE conversation_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([conversation_id], event_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn upsert_template(&mut self, t: &Template, raw: &str) -> StoreResult<bool> {
        if let Some((existing, existing_raw)) = self.template(&t.waba_id, &t.name, &t.language)? {
            if existing == *t && existing_raw == raw {
                return Ok(false);
            }
            self.conn.execute(
                "DELETE FROM templates WHERE waba_id = ?1 AND name = ?2 AND language = ?3",
                params![t.waba_id, t.name, t.language],
            )?;
        }
        self.conn.execute(
            &format!(
                "INSERT INTO templates ({TEMPLATE_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
            ),
            params![
                t.id,
                t.waba_id,
                t.name,
                t.language,
                enum_str(&t.category),
                enum_str(&t.status),
                t.header,
                t.body,
                t.footer,
                t.param_count,
                json(&t.tags),
                t.call_permission_request,
                raw
            ],
        )?;
        Ok(true)
    }

    fn templates(&mut self, f: &TemplateFilter) -> StoreResult<Vec<(Template, String)>> {
        let mut sql = format!("SELECT {TEMPLATE_COLS} FROM templates WHERE 1 = 1");
        let mut args: Vec<String> = Vec::new();
        if f.approved_only {
            sql.push_str(" AND status = 'approved'");
        }
        if let Some(l) = &f.language {
            args.push(l.clone());
            sql.push_str(&format!(" AND language = ?{}", args.len()));
        }
        if let Some(c) = &f.category {
            args.push(c.to_lowercase());
            sql.push_str(&format!(" AND category = ?{}", args.len()));
        }
        sql.push_str(" ORDER BY name, language");
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args), template_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn template(
        &mut self,
        waba_id: &str,
        name: &str,
        language: &str,
    ) -> StoreResult<Option<(Template, String)>> {
        let sql = format!(
            "SELECT {TEMPLATE_COLS} FROM templates WHERE waba_id = ?1 AND name = ?2 AND language = ?3"
        );
        self.one(&sql, [waba_id, name, language], template_row)
    }

    fn append_change(&mut self, scope: Option<&str>, change: &ChangeData) -> StoreResult<i64> {
        let kind = change.kind().ok_or_else(|| {
            StoreError::Backend(format!("a change of unknown kind {}", change.kind_str()))
        })?;
        let data = change
            .data_json()
            .map_err(|e| StoreError::Backend(e.to_string()))?;
        self.conn
            .prepare_cached(
                "INSERT INTO changes (kind, queue_id, data, at) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![kind.as_str(), scope, data, ms(self.now)])?;
        let seq = self.conn.last_insert_rowid();
        self.appended.push(FeedRecord {
            seq,
            kind,
            queue_id: scope.map(str::to_string),
            data,
        });
        Ok(seq)
    }

    fn last_seq(&mut self) -> StoreResult<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT COALESCE(MAX(seq), 0) FROM changes")?
            .query_row([], |r| r.get(0))?)
    }

    fn changes_scan(
        &mut self,
        after: i64,
        limit: u32,
        visible: &dyn Fn(&FeedRecord) -> bool,
    ) -> StoreResult<ChangesScan> {
        let limit = limit.clamp(1, 10_000);
        let mut st = self.conn.prepare_cached(
            "SELECT seq, kind, queue_id, data FROM changes WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        )?;
        // Read past changes the reader may not see until `limit` visible ones.
        let mut out = Vec::new();
        let mut cursor = after;
        loop {
            let rows: Vec<FeedRecord> = st
                .query_map(params![cursor, limit], |r| {
                    let kind: String = r.get(1)?;
                    Ok(FeedRecord {
                        seq: r.get(0)?,
                        // A kind this build does not write is a corrupt row,
                        // never read as another kind.
                        kind: ChangeKind::parse(&kind).ok_or_else(|| {
                            rusqlite::Error::FromSqlConversionFailure(
                                1,
                                rusqlite::types::Type::Text,
                                format!("unknown change kind {kind}").into(),
                            )
                        })?,
                        queue_id: r.get(2)?,
                        data: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let fetched = rows.len();
            for rec in rows {
                cursor = rec.seq;
                if visible(&rec) {
                    out.push(rec);
                    if out.len() as u32 >= limit {
                        return Ok(ChangesScan {
                            records: out,
                            scanned_to: cursor,
                        });
                    }
                }
            }
            if (fetched as u32) < limit {
                return Ok(ChangesScan {
                    records: out,
                    scanned_to: cursor,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex as StdMutex;

    use super::*;
    use crate::storage::Storage;

    fn open_store(dir: &Path) -> (Arc<dyn Storage>, Arc<StdMutex<Vec<i64>>>) {
        let seen = Arc::new(StdMutex::new(Vec::new()));
        let s2 = seen.clone();
        let listener: CommitListener = Arc::new(move |recs: &[FeedRecord]| {
            s2.lock().unwrap().extend(recs.iter().map(|r| r.seq));
        });
        let clock = Arc::new(switchboard_domain::clock::ManualClock::new(
            DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
        ));
        let store = SqliteStorage::open(&dir.join("t.db"), listener, clock).unwrap();
        (Arc::new(store), seen)
    }

    fn queue(name: &str) -> Queue {
        Queue {
            id: name.into(),
            name: name.into(),
            wait_strategy: None,
        }
    }

    #[test]
    fn instants_are_stored_as_unix_milliseconds() {
        let t = DateTime::from_timestamp(1_700_000_000, 123_999_999).unwrap();
        assert_eq!(ms(t), 1_700_000_000_123);
        assert_eq!(
            from_ms(ms(t)),
            DateTime::from_timestamp(1_700_000_000, 123_000_000).unwrap()
        );
        // truncated toward zero before 1970 too
        let before = DateTime::from_timestamp(-2, 999_500_000).unwrap();
        assert_eq!(ms(before), -1_000);
        assert_eq!(from_ms(-1_001).timestamp_millis(), -1_001);
        // out of range (a bad cursor, a corrupt row) reads as the epoch
        for v in [
            i64::MAX,
            i64::MIN,
            253_402_300_800_000,
            -377_705_116_800_001,
        ] {
            assert_eq!(from_ms(v), DateTime::UNIX_EPOCH, "{v}");
        }
        assert_eq!(
            from_ms(253_402_300_799_999).timestamp_millis(),
            253_402_300_799_999
        );
        assert_eq!(from_ms(-377_705_116_800_000), instant::MIN);
    }

    #[tokio::test]
    async fn migrations_apply_once_and_reopen() {
        let dir = tempfile::tempdir().unwrap();
        drop(open_store(dir.path()));
        let (store, _) = open_store(dir.path());
        assert!(store.read(|tx| tx.queues()).await.unwrap().is_empty());
        let conn = Connection::open(dir.path().join("t.db")).unwrap();
        let applied: i64 = conn
            .query_row("SELECT COUNT(*) FROM schema_migrations", [], |r| r.get(0))
            .unwrap();
        assert_eq!(applied, MIGRATIONS.len() as i64);
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    #[tokio::test]
    async fn a_failed_write_rolls_back_only_itself_and_feed_order_holds() {
        let dir = tempfile::tempdir().unwrap();
        let (store, seen) = open_store(dir.path());
        let mut handles = Vec::new();
        for i in 0..50 {
            let store = store.clone();
            handles.push(tokio::spawn(async move {
                store
                    .write(move |tx| {
                        let q = queue(&format!("q{i}"));
                        tx.insert_queue(&q)?;
                        tx.append_change(Some(&q.id), &ChangeData::Queue(q.clone()))?;
                        if i % 5 == 0 {
                            return Err(StoreError::Conflict("refused".into()));
                        }
                        StoreResult::Ok(())
                    })
                    .await
            }));
        }
        let mut ok = 0;
        for h in handles {
            if h.await.unwrap().is_ok() {
                ok += 1;
            }
        }
        assert_eq!(ok, 40);
        let queues = store.read(|tx| tx.queues()).await.unwrap();
        assert_eq!(queues.len(), 40, "the refused writes left nothing behind");
        let seqs = seen.lock().unwrap().clone();
        assert_eq!(seqs.len(), 40);
        assert!(seqs.windows(2).all(|w| w[0] < w[1]), "published in order");
        let page = store
            .read(|tx| tx.changes_scan(0, 1000, &|_| true))
            .await
            .unwrap()
            .records;
        assert_eq!(page.iter().map(|r| r.seq).collect::<Vec<_>>(), seqs);
    }

    #[tokio::test]
    async fn a_panicking_write_does_not_stop_the_writer() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = open_store(dir.path());
        let r: StoreResult<()> = store
            .write(|tx| {
                tx.insert_queue(&queue("half"))?;
                panic!("bug in a use case");
            })
            .await;
        assert!(r.is_err());
        store
            .write(|tx| tx.insert_queue(&queue("ok")))
            .await
            .unwrap();
        let names: Vec<String> = store
            .read(|tx| tx.queues())
            .await
            .unwrap()
            .into_iter()
            .map(|q| q.name)
            .collect();
        assert_eq!(names, vec!["ok".to_owned()]);
    }

    #[tokio::test]
    async fn change_scan_filters_by_queue_and_reports_how_far_it_read() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = open_store(dir.path());
        store
            .write(|tx| {
                for i in 0..10 {
                    let q = if i % 2 == 0 { "a" } else { "b" };
                    tx.append_change(Some(q), &ChangeData::Queue(queue(&format!("q{i}"))))?;
                }
                tx.append_change(None, &ChangeData::Queue(queue("all")))?;
                tx.append_change(Some("b"), &ChangeData::Queue(queue("last")))?;
                StoreResult::Ok(())
            })
            .await
            .unwrap();
        let only_a = |r: &FeedRecord| r.queue_id.as_deref().is_none_or(|q| q == "a");
        let scan = store
            .read(move |tx| tx.changes_scan(0, 3, &only_a))
            .await
            .unwrap();
        assert_eq!(scan.records.len(), 3);
        assert!(
            scan.records
                .iter()
                .all(|r| r.queue_id.as_deref() == Some("a"))
        );
        let scan = store
            .read(move |tx| tx.changes_scan(9, 100, &only_a))
            .await
            .unwrap();
        assert_eq!(scan.records.len(), 1, "the queue-less template change");
        assert_eq!(scan.scanned_to, 12, "read past queue b's last change");
    }

    #[tokio::test]
    async fn messages_are_unique_by_wamid() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = open_store(dir.path());
        let inserted = store
            .write(|tx| {
                tx.insert_channel(&ChannelRow {
                    channel: Channel {
                        id: "ch".into(),
                        phone_number_id: "1".into(),
                        display_number: "1".into(),
                        waba_id: "w".into(),
                        status: switchboard_protocol::ChannelStatus::Connected,
                        enabled: true,
                        redact_card_numbers: true,
                        has_icon: false,
                        max_customers: None,
                    },
                    access_token: "secret".into(),
                    status_since: DateTime::UNIX_EPOCH,
                })?;
                let now = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
                let conv = ConversationRow {
                    id: "c1".into(),
                    channel_id: "ch".into(),
                    customer_wa_id: "4915100000000".into(),
                    customer_name: None,
                    queue_id: None,
                    assignee_id: None,
                    status: switchboard_protocol::ConversationStatus::Open,
                    priority: switchboard_protocol::Priority::Normal,
                    tags: Vec::new(),
                    last_customer_message_at: None,
                    call_permission: Default::default(),
                    created_at: now,
                    updated_at: now,
                };
                tx.insert_conversation(&conv)?;
                let msg = Message {
                    id: "m1".into(),
                    conversation_id: conv.id.clone(),
                    direction: switchboard_protocol::Direction::Inbound,
                    kind: switchboard_protocol::MessageKind::Text,
                    text: Some("hi".into()),
                    media: None,
                    forwarded: true,
                    frequently_forwarded: false,
                    status: switchboard_protocol::MessageStatus::Received,
                    failure: None,
                    client_id: None,
                    wamid: Some("wamid.1".into()),
                    agent_id: None,
                    sent_at: now,
                    updated_at: now,
                };
                let first = tx.insert_message(&msg)?;
                let again = tx.insert_message(&Message {
                    id: "m2".into(),
                    ..msg.clone()
                })?;
                let back = tx.message_by_wamid("wamid.1")?.unwrap();
                assert!(back.forwarded);
                StoreResult::Ok((first, again))
            })
            .await
            .unwrap();
        assert_eq!(inserted, (true, false));
    }
}
