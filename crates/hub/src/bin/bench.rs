//! `switchboard-hub-bench`: the hub's performance figures (`make bench`).
//!
//! Runs a hub in this process on a temporary SQLite database (its Graph API
//! a stub on loopback that answers every send at once), next to a *bare
//! receiver* on the same stack (axum, the signature check, the serde parse
//! and one SQLite insert per message, WAL: the practical limit of a webhook
//! receiver on this machine), and spawns itself as a separate
//! load-generator process (`--load-gen`) on loopback, which measures:
//!
//! 1. signed single-message webhooks persisted per second and their ack
//!    times, for the hub and for the bare receiver with the same bodies (in
//!    rounds, in turn, so both see the same background load); the ratio
//!    hub / bare (goal ≥ 0.5 on any machine);
//! 2. the delay from a webhook's acknowledgement to its change reaching
//!    each of 100 connected SSE clients (p50 / p99 / max);
//! 3. an agent's send (p50 / p99) on a channel with 20 conversations and on
//!    one with 200,000 (rows bulk-inserted with SQL before the hub serves):
//!    the channel limits' figures must not grow with the channel;
//! 4. the acknowledgement times of other webhooks while one 10,000-item
//!    webhook is being ingested: a big batch must not stall everyone.
//!
//! Pass / fail is judged on ratios (which hold on any machine); the
//! absolute targets of issue 5 (≥ 5,000 webhooks/s, median ack < 5 ms, SSE
//! p99 < 50 ms, on the reference machine) are printed beside them.
//! Build in release: `cargo run --release -p switchboard-hub --bin switchboard-hub-bench`.
//! Sizes: `BENCH_WEBHOOKS`, `BENCH_CONCURRENCY`, `BENCH_SSE_CLIENTS`,
//! `BENCH_PROBES`, `BENCH_SENDS`, `BENCH_CONVERSATIONS`, `BENCH_BATCH`,
//! `BENCH_ROUNDS`, `BENCH_ITEMS_PER_WRITE`.

mod common;

use std::path::Path;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use futures::StreamExt;
use switchboard_domain::clock::SystemClock;
use switchboard_hub::config::Config;

const SECRET: &str = "bench-app-secret";
/// The ingest channel (and the bare receiver's bodies).
const PNID: &str = "990000001";
/// The channel of the 10,000-item webhook.
const PNID_BATCH: &str = "990000011";
/// The send channels: 20 conversations, and `BENCH_CONVERSATIONS`.
const PNID_SMALL: &str = "990000021";
const PNID_LARGE: &str = "990000031";
/// Conversations the sends go to (the first of each send channel).
const SEND_TARGETS: usize = 20;
/// Conversations of the large channel messaged in the last 24 hours.
const RECENTLY_MESSAGED: usize = 1_000;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--load-gen") {
        return load_gen(&args[2], &args[3], &args[4]);
    }
    orchestrate()
}

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn serve(router: axum::Router) -> anyhow::Result<String> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}", listener.local_addr()?);
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    Ok(url)
}

fn orchestrate() -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let dir = std::env::temp_dir().join(format!("switchboard-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let result = rt.block_on(async {
        let graph_url = serve(stub_graph()).await?;
        let db = dir.join("hub.db");
        let config = Config {
            db_url: format!("sqlite://{}", db.display()),
            graph_url,
            app_secret: Some(SECRET.into()),
            heartbeat: Duration::from_secs(5),
            // `BENCH_ITEMS_PER_WRITE=1000000` writes a batch whole, as before
            // issue 9.
            webhook_items_per_write: env_or(
                "BENCH_ITEMS_PER_WRITE",
                switchboard_hub::config::WEBHOOK_ITEMS_PER_WRITE,
            ),
            ..Config::default()
        };
        let hub = switchboard_hub::Hub::open(config, Arc::new(SystemClock))?;
        use switchboard_hub::usecase::admin;
        use switchboard_protocol::*;
        let err = |e: switchboard_hub::error::ApiErr| anyhow::anyhow!("{}", e.message);
        let mut channels = Vec::new();
        for pnid in [PNID, PNID_BATCH, PNID_SMALL, PNID_LARGE] {
            let ch = admin::create_channel(
                &hub.store,
                NewChannel {
                    phone_number_id: pnid.into(),
                    display_number: format!("1555{pnid}"),
                    waba_id: "990000002".into(),
                    access_token: "unused".into(),
                },
                hub.now(),
            )
            .await
            .map_err(err)?;
            channels.push(ch.id);
        }
        let (queue, agent) = common::bench_team(&hub.store).await?;
        // The send channels' conversations, straight into the database.
        let large = env_or("BENCH_CONVERSATIONS", 200_000).max(SEND_TARGETS);
        let started = Instant::now();
        let (db2, small_ch, large_ch, q) = (
            db.clone(),
            channels[2].clone(),
            channels[3].clone(),
            queue.id.clone(),
        );
        tokio::task::spawn_blocking(move || {
            populate(&db2, &small_ch, &q, "s20", SEND_TARGETS, SEND_TARGETS)?;
            populate(&db2, &large_ch, &q, "large", large, RECENTLY_MESSAGED)
        })
        .await??;
        println!(
            "setup: {large} conversations bulk-inserted on one channel in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        let bare_url = serve(bare_receiver(&dir.join("bare.db"))?).await?;
        let url = serve(switchboard_hub::app(hub)).await?;
        let status = tokio::process::Command::new(std::env::current_exe()?)
            .arg("--load-gen")
            .arg(&url)
            .arg(&agent.token)
            .arg(&bare_url)
            .env("BENCH_CONVERSATIONS", large.to_string())
            .status()
            .await?;
        anyhow::ensure!(
            status.success(),
            "targets missed (load generator exit {status})"
        );
        Ok(())
    });
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// The Graph API as far as a send needs it: every message accepted at once.
fn stub_graph() -> axum::Router {
    let n = Arc::new(AtomicU64::new(0));
    axum::Router::new().route(
        "/{version}/{pnid}/messages",
        axum::routing::post(move || {
            let i = n.fetch_add(1, Ordering::Relaxed);
            async move {
                axum::Json(serde_json::json!({
                    "messaging_product": "whatsapp",
                    "contacts": [],
                    "messages": [{ "id": format!("wamid.stub.{i}") }],
                }))
            }
        }),
    )
}

/// `n` conversations on `channel_id`, each with a customer message and an
/// answer, inserted with SQL in one transaction. The first
/// [`SEND_TARGETS`] have their window open; the first `recent` were
/// answered an hour ago, the others days ago.
fn populate(
    db: &Path,
    channel_id: &str,
    queue_id: &str,
    prefix: &str,
    n: usize,
    recent: usize,
) -> anyhow::Result<()> {
    use switchboard_protocol::{ConversationStatus, Direction, MessageStatus, Priority};
    let word = |v: serde_json::Value| v.as_str().unwrap_or_default().to_owned();
    let open = word(serde_json::to_value(ConversationStatus::Open)?);
    let normal = word(serde_json::to_value(Priority::Normal)?);
    let (inbound, outbound) = (
        word(serde_json::to_value(Direction::Inbound)?),
        word(serde_json::to_value(Direction::Outbound)?),
    );
    let (received, sent) = (
        word(serde_json::to_value(MessageStatus::Received)?),
        word(serde_json::to_value(MessageStatus::Sent)?),
    );
    let permission =
        serde_json::to_string(&switchboard_domain::call_permission::CallPermission::default())?;
    let mut conn = rusqlite::Connection::open(db)?;
    conn.busy_timeout(Duration::from_secs(60))?;
    let now = chrono::Utc::now().timestamp_millis();
    let (minute, hour, day) = (60_000i64, 3_600_000i64, 86_400_000i64);
    let tx = conn.transaction()?;
    {
        let mut conv = tx.prepare(
            "INSERT INTO conversations (id, channel_id, customer_wa_id, customer_name, queue_id,
                status, priority, tags, last_customer_message_at, call_permission, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '[]', ?8, ?9, ?10, ?10)",
        )?;
        let mut msg = tx.prepare(
            "INSERT INTO messages (id, conversation_id, wamid, direction, kind, body, status, sent_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, 'text', ?5, ?6, ?7, ?7)",
        )?;
        for i in 0..n {
            let id = format!("bench-{prefix}-{i}");
            let wrote = if i < SEND_TARGETS {
                now - minute
            } else {
                now - 2 * day - (i as i64 % 28) * day
            };
            let answered = if i < recent {
                now - hour
            } else {
                wrote + minute
            };
            conv.execute(rusqlite::params![
                id,
                channel_id,
                format!("49{}{i:09}", prefix.len()),
                format!("Customer {i}"),
                queue_id,
                open,
                normal,
                wrote,
                permission,
                wrote.min(answered),
            ])?;
            msg.execute(rusqlite::params![
                format!("{id}-in"),
                id,
                format!("wamid.{id}.in"),
                inbound,
                "Hello?",
                received,
                wrote
            ])?;
            msg.execute(rusqlite::params![
                format!("{id}-out"),
                id,
                format!("wamid.{id}.out"),
                outbound,
                "Hello!",
                sent,
                answered
            ])?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// The practical limit of a webhook receiver on this stack: axum, the
/// signature check over the raw bytes, the serde parse, one SQLite insert
/// per message (WAL, `synchronous = NORMAL`), nothing else.
fn bare_receiver(db: &Path) -> anyhow::Result<axum::Router> {
    let conn = rusqlite::Connection::open(db)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.execute_batch(
        "CREATE TABLE messages (wamid TEXT PRIMARY KEY, customer TEXT NOT NULL,
            body TEXT, sent_at INTEGER NOT NULL)",
    )?;
    let conn = Arc::new(Mutex::new(conn));
    Ok(axum::Router::new().route(
        "/webhooks/whatsapp",
        axum::routing::post(move |headers: HeaderMap, body: Bytes| {
            bare_receive(conn.clone(), headers, body)
        }),
    ))
}

async fn bare_receive(
    conn: Arc<Mutex<rusqlite::Connection>>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let sig = headers
        .get(switchboard_cloudapi::SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok());
    if switchboard_cloudapi::signature::verify_opt(SECRET.as_bytes(), &body, sig).is_err() {
        return StatusCode::UNAUTHORIZED;
    }
    let Ok(env) = switchboard_cloudapi::WebhookEnvelope::from_slice(&body) else {
        return StatusCode::BAD_REQUEST;
    };
    let stored = tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
        let conn = conn.lock().map_err(|_| anyhow::anyhow!("poisoned"))?;
        let mut insert = conn.prepare_cached(
            "INSERT OR IGNORE INTO messages (wamid, customer, body, sent_at) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (_, m) in env.messages() {
            let text = match &m.content {
                switchboard_cloudapi::MessageContent::Text { text } => Some(text.body.as_str()),
                _ => None,
            };
            insert.execute(rusqlite::params![
                m.id,
                m.from,
                text,
                m.timestamp.timestamp_millis()
            ])?;
        }
        Ok(())
    })
    .await;
    match stored {
        Ok(Ok(())) => StatusCode::OK,
        _ => StatusCode::SERVICE_UNAVAILABLE,
    }
}

fn signed(body: serde_json::Value) -> (Vec<u8>, String) {
    let body = body.to_string().into_bytes();
    let sig = switchboard_cloudapi::sign(SECRET.as_bytes(), &body);
    (body, sig)
}

fn webhook_for(pnid: &str, i: usize, customer: usize, text: &str) -> (Vec<u8>, String) {
    let ts = chrono::Utc::now().timestamp();
    signed(serde_json::json!({
        "object": "whatsapp_business_account",
        "entry": [{ "id": "990000002", "changes": [{ "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": { "display_phone_number": format!("1555{pnid}"), "phone_number_id": pnid },
            "contacts": [{ "profile": { "name": format!("Customer {customer}") }, "wa_id": format!("4917{customer:08}") }],
            "messages": [{ "from": format!("4917{customer:08}"), "id": format!("wamid.bench.{pnid}.{i}"),
                "timestamp": ts.to_string(), "type": "text", "text": { "body": text } }]
        }}]}]
    }))
}

fn webhook(i: usize, customer: usize, text: &str) -> (Vec<u8>, String) {
    webhook_for(PNID, i, customer, text)
}

/// One webhook with `n` messages from `n` customers (and their contacts).
fn big_webhook(n: usize) -> (Vec<u8>, String) {
    let ts = chrono::Utc::now().timestamp();
    let contacts: Vec<serde_json::Value> = (0..n)
        .map(|c| serde_json::json!({ "profile": { "name": format!("Batch {c}") }, "wa_id": format!("4918{c:08}") }))
        .collect();
    let messages: Vec<serde_json::Value> = (0..n)
        .map(|c| serde_json::json!({ "from": format!("4918{c:08}"), "id": format!("wamid.batch.{c}"),
            "timestamp": ts.to_string(), "type": "text", "text": { "body": format!("batch item {c}") } }))
        .collect();
    signed(serde_json::json!({
        "object": "whatsapp_business_account",
        "entry": [{ "id": "990000002", "changes": [{ "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": { "display_phone_number": format!("1555{PNID_BATCH}"), "phone_number_id": PNID_BATCH },
            "contacts": contacts,
            "messages": messages,
        }}]}]
    }))
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn verdict(ok: bool) -> &'static str {
    if ok { "PASS" } else { "FAIL" }
}

async fn post_signed(http: &reqwest::Client, url: &str, (b, s): &(Vec<u8>, String)) -> bool {
    http.post(url)
        .header("X-Hub-Signature-256", s)
        .body(b.clone())
        .send()
        .await
        .map(|r| r.status().is_success())
        .unwrap_or(false)
}

/// What ingest runs measured.
#[derive(Default)]
struct IngestRun {
    rate: f64,
    elapsed: Duration,
    /// Ack latencies, sorted.
    lat: Vec<Duration>,
    failed: usize,
}

impl IngestRun {
    /// This run and `other` as one.
    fn add(&mut self, other: IngestRun) {
        let n = self.lat.len() + other.lat.len();
        self.elapsed += other.elapsed;
        self.failed += other.failed;
        self.lat.extend(other.lat);
        self.lat.sort();
        self.rate = n as f64 / self.elapsed.as_secs_f64();
    }
}

/// Posts every body to `hook_url` from `concurrency` connections.
async fn ingest_run(
    http: &reqwest::Client,
    hook_url: &str,
    bodies: Arc<Vec<(Vec<u8>, String)>>,
    concurrency: usize,
) -> anyhow::Result<IngestRun> {
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (http, bodies, next, hook_url) = (
            http.clone(),
            bodies.clone(),
            next.clone(),
            hook_url.to_owned(),
        );
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            let mut failed = 0usize;
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(body) = bodies.get(i) else { break };
                let t = Instant::now();
                let ok = post_signed(&http, &hook_url, body).await;
                lat.push(t.elapsed());
                if !ok {
                    failed += 1;
                }
            }
            (lat, failed)
        }));
    }
    let mut lat = Vec::new();
    let mut failed = 0;
    for t in tasks {
        let (l, f) = t.await?;
        lat.extend(l);
        failed += f;
    }
    let elapsed = started.elapsed();
    lat.sort();
    Ok(IngestRun {
        rate: bodies.len() as f64 / elapsed.as_secs_f64(),
        elapsed,
        lat,
        failed,
    })
}

async fn metric(http: &reqwest::Client, url: &str, name: &str) -> anyhow::Result<usize> {
    let metrics = http
        .get(format!("{url}/metrics"))
        .send()
        .await?
        .text()
        .await?;
    Ok(metrics
        .lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(' '))
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(0))
}

/// `sends` sequential text sends by the agent to the first conversations
/// named `bench-{prefix}-*`; their latencies, sorted.
async fn send_run(
    http: &reqwest::Client,
    url: &str,
    token: &str,
    prefix: &str,
    sends: usize,
) -> anyhow::Result<Vec<Duration>> {
    let mut lat = Vec::with_capacity(sends);
    for i in 0..sends {
        let conv = format!("bench-{prefix}-{}", i % SEND_TARGETS);
        let t = Instant::now();
        let r = http
            .post(format!("{url}/api/v1/conversations/{conv}/messages"))
            .bearer_auth(token)
            .json(&serde_json::json!({
                "client_id": format!("bench-{prefix}-{i}"),
                "kind": "text",
                "text": "Thanks, we are on it.",
            }))
            .send()
            .await?;
        let status = r.status();
        anyhow::ensure!(
            status.is_success(),
            "send to {conv}: {status} {}",
            r.text().await.unwrap_or_default()
        );
        lat.push(t.elapsed());
    }
    lat.sort();
    Ok(lat)
}

fn load_gen(url: &str, token: &str, bare_url: &str) -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    rt.block_on(async {
        let total = env_or("BENCH_WEBHOOKS", 20_000);
        let concurrency = env_or("BENCH_CONCURRENCY", 16);
        let clients_n = env_or("BENCH_SSE_CLIENTS", 100);
        let probes = env_or("BENCH_PROBES", 100);
        let sends = env_or("BENCH_SENDS", 200).max(1);
        let large = env_or("BENCH_CONVERSATIONS", 200_000);
        let batch = env_or("BENCH_BATCH", 10_000);
        let http = reqwest::Client::builder().pool_max_idle_per_host(256).build()?;
        let hook_url = format!("{url}/webhooks/whatsapp");
        let bare_hook_url = format!("{bare_url}/webhooks/whatsapp");

        if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
            println!("machine: {} cores, load average {}", std::thread::available_parallelism().map_or(0, |n| n.get()), load.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
        }
        // 1. Ingest: the hub and the bare receiver, with the same bodies.
        let bodies: Arc<Vec<(Vec<u8>, String)>> = Arc::new(
            (0..total)
                .map(|i| webhook(i, i % 1000, &format!("hello {i}")))
                .collect(),
        );
        for i in 0..200 {
            let warm = webhook(total + i, i, "warm-up");
            post_signed(&http, &hook_url, &warm).await;
            post_signed(&http, &bare_hook_url, &warm).await;
        }
        // In rounds, the hub and the bare receiver in turn, so that both see
        // the same background load.
        let rounds = env_or("BENCH_ROUNDS", 4).clamp(1, total.max(1));
        let mut hub_run = IngestRun::default();
        let mut bare_run = IngestRun::default();
        for r in 0..rounds {
            let part: Arc<Vec<(Vec<u8>, String)>> = Arc::new(
                bodies[r * total / rounds..(r + 1) * total / rounds].to_vec(),
            );
            hub_run.add(ingest_run(&http, &hook_url, part.clone(), concurrency).await?);
            bare_run.add(ingest_run(&http, &bare_hook_url, part, concurrency).await?);
        }
        let median = pct(&hub_run.lat, 0.5);
        println!("webhook ingest: {total} signed single-message webhooks, concurrency {concurrency} ({rounds} rounds, in turn with a bare receiver)");
        println!("  persisted+acked: {:.0}/s  ({:.2} s, {} failed)", hub_run.rate, hub_run.elapsed.as_secs_f64(), hub_run.failed);
        println!("  ack latency: median {:.2} ms, p99 {:.2} ms, max {:.2} ms", ms(median), ms(pct(&hub_run.lat, 0.99)), ms(pct(&hub_run.lat, 1.0)));
        let stored = metric(&http, url, "switchboard_messages_in_total").await?;
        println!("  messages stored (hub metrics): {stored}");
        println!("  bare receiver (axum + signature + serde + one SQLite insert, WAL): {:.0}/s  ({:.2} s, {} failed), ack median {:.2} ms, p99 {:.2} ms",
            bare_run.rate, bare_run.elapsed.as_secs_f64(), bare_run.failed, ms(pct(&bare_run.lat, 0.5)), ms(pct(&bare_run.lat, 0.99)));
        let ratio = hub_run.rate / bare_run.rate;
        let ratio_ok = ratio >= 0.5 && hub_run.failed == 0 && bare_run.failed == 0 && stored >= total;
        println!("  hub / bare: {ratio:.2} (goal ≥ 0.50): {}", verdict(ratio_ok));

        // 2. SSE fan-out: clients start at the feed's head.
        let mut head = 0i64;
        loop {
            let page: serde_json::Value = http
                .get(format!("{url}/api/v1/changes?after={head}&limit=5000"))
                .bearer_auth(token)
                .send()
                .await?
                .json()
                .await?;
            head = page["next"].as_i64().unwrap_or(head);
            if page["more"] != true {
                break;
            }
        }
        let seen: Arc<Mutex<Vec<Vec<Option<Instant>>>>> =
            Arc::new(Mutex::new(vec![vec![None; probes]; clients_n]));
        let connected = Arc::new(tokio::sync::Semaphore::new(0));
        let mut streams = Vec::new();
        for c in 0..clients_n {
            let (http, seen, connected, url, token) =
                (http.clone(), seen.clone(), connected.clone(), url.to_owned(), token.to_owned());
            streams.push(tokio::spawn(async move {
                let resp = http
                    .get(format!("{url}/api/v1/stream"))
                    .bearer_auth(&token)
                    .header("Last-Event-ID", head.to_string())
                    .send()
                    .await;
                connected.add_permits(1);
                let Ok(resp) = resp else { return };
                let mut stream = resp.bytes_stream();
                let mut buf = String::new();
                while let Some(Ok(chunk)) = stream.next().await {
                    let now = Instant::now();
                    buf.push_str(&String::from_utf8_lossy(&chunk));
                    while let Some(pos) = buf.find("\"text\":\"probe-") {
                        let rest = &buf[pos + 14..];
                        let n: String = rest.chars().take_while(char::is_ascii_digit).collect();
                        if let Ok(i) = n.parse::<usize>()
                            && let Ok(mut s) = seen.lock()
                            && i < s[c].len()
                        {
                            s[c][i].get_or_insert(now);
                        }
                        buf.drain(..pos + 14);
                    }
                    if buf.len() > 1 << 16 {
                        buf.clear();
                    }
                }
            }));
        }
        let _ = connected.acquire_many(clients_n as u32).await?;
        let mut deltas = Vec::new();
        let mut missing = 0;
        for p in 0..probes {
            let (b, s) = webhook(total + 10_000 + p, 5000, &format!("probe-{p}"));
            http.post(&hook_url).header("X-Hub-Signature-256", s).body(b).send().await?;
            let acked = Instant::now();
            let deadline = acked + Duration::from_secs(2);
            loop {
                let all = seen.lock().map(|s| s.iter().all(|c| c[p].is_some())).unwrap_or(false);
                if all || Instant::now() > deadline {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
            let s = seen.lock().map_err(|_| anyhow::anyhow!("lock"))?;
            for c in s.iter() {
                match c[p] {
                    Some(t) => deltas.push(t.saturating_duration_since(acked)),
                    None => missing += 1,
                }
            }
        }
        // The streams stop here: the rest of the run measures without them.
        for s in streams {
            s.abort();
        }
        deltas.sort();
        let p99 = pct(&deltas, 0.99);
        println!("sse fan-out: {probes} changes to {clients_n} clients ({} deliveries, {missing} missing)", deltas.len());
        println!("  ack → client: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms", ms(pct(&deltas, 0.5)), ms(p99), ms(pct(&deltas, 1.0)));

        let absolute = hub_run.rate >= 5000.0
            && median < Duration::from_millis(5)
            && p99 < Duration::from_millis(50);
        println!("targets (≥5000/s, median ack < 5 ms, SSE p99 < 50 ms; the reference machine's): {}", if absolute { "MET" } else { "MISSED" });

        // 3. Sends: the channel limits' figures at 20 and at `large` conversations.
        for prefix in ["s20", "large"] {
            send_run(&http, url, token, prefix, 5).await?; // warm-up
        }
        let small_lat = send_run(&http, url, token, "s20", sends).await?;
        let large_lat = send_run(&http, url, token, "large", sends).await?;
        println!("sends: {sends} sequential text sends by one agent per channel (Graph stubbed on loopback)");
        println!("  channel with {SEND_TARGETS} conversations: p50 {:.2} ms, p99 {:.2} ms", ms(pct(&small_lat, 0.5)), ms(pct(&small_lat, 0.99)));
        println!("  channel with {large} conversations: p50 {:.2} ms, p99 {:.2} ms", ms(pct(&large_lat, 0.5)), ms(pct(&large_lat, 0.99)));
        let grow = ms(pct(&large_lat, 0.5)) / ms(pct(&small_lat, 0.5)).max(0.001);
        // Equal cost up to noise: at most twice the small channel's, or 2 ms more.
        let sends_ok = pct(&large_lat, 0.5) <= (pct(&small_lat, 0.5) * 2).max(pct(&small_lat, 0.5) + Duration::from_millis(2));
        println!("  p50 {large} / {SEND_TARGETS}: {grow:.2} (goal: the same cost, ≤ 2× or + 2 ms): {}", verdict(sends_ok));

        // 4. One big webhook while other webhooks keep arriving.
        let big = big_webhook(batch);
        let before = metric(&http, url, "switchboard_messages_in_total").await?;
        let started = Instant::now();
        let big_task = {
            let (http, hook_url) = (http.clone(), hook_url.clone());
            tokio::spawn(async move {
                let ok = post_signed(&http, &hook_url, &big).await;
                (ok, started.elapsed())
            })
        };
        // Other webhooks arrive on their own schedule (one every 5 ms, as
        // Meta would deliver them), whether or not earlier ones were acked.
        let mut others = Vec::new();
        let mut tick = tokio::time::interval(Duration::from_millis(5));
        let mut i = 0;
        while !big_task.is_finished() {
            tick.tick().await;
            let (http, hook_url) = (http.clone(), hook_url.clone());
            let body = webhook(total + 20_000 + i, 2000 + i % 1000, "meanwhile");
            i += 1;
            others.push(tokio::spawn(async move {
                let t = Instant::now();
                let ok = post_signed(&http, &hook_url, &body).await;
                (t.elapsed(), ok)
            }));
        }
        let (big_ok, big_time) = big_task.await?;
        let mut other_lat = Vec::new();
        let mut other_failed = 0;
        for t in others {
            let (l, ok) = t.await?;
            other_lat.push(l);
            other_failed += usize::from(!ok);
        }
        other_lat.sort();
        let after = metric(&http, url, "switchboard_messages_in_total").await?;
        let stored_batch = after.saturating_sub(before).saturating_sub(other_lat.len());
        println!("big batch: one {batch}-item webhook: {} in {:.2} s ({stored_batch} messages stored)", if big_ok { "acked" } else { "REFUSED" }, big_time.as_secs_f64());
        println!("  other webhooks meanwhile (one every 5 ms): {} acked ({other_failed} failed), p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            other_lat.len(), ms(pct(&other_lat, 0.5)), ms(pct(&other_lat, 0.99)), ms(pct(&other_lat, 1.0)));
        let batch_ok = big_ok
            && stored_batch == batch
            && other_failed == 0
            && !other_lat.is_empty()
            && pct(&other_lat, 0.99) * 4 <= big_time;
        println!("  others' p99 ≤ a quarter of the batch's time: {}", verdict(batch_ok));

        let ok = ratio_ok
            && missing == 0
            && hub_run.failed == 0
            && sends_ok
            && batch_ok;
        println!("bench: {}", if ok { "PASS" } else { "FAIL" });
        anyhow::ensure!(ok, "targets missed");
        Ok(())
    })
}
