//! `switchboard-hub-pg-bench`: the hub on PostgreSQL beside SQLite, in one
//! run (`make bench` starts a private server: `scripts/with-postgres.sh`,
//! whose URL is in `SWITCHBOARD_TEST_POSTGRES`).
//!
//! 1. Signed single-message webhooks, the same load generator (in this
//!    process, `BENCH_CONCURRENCY` connections) against: one hub on SQLite,
//!    one hub on PostgreSQL, two hubs on one PostgreSQL database (the
//!    deliveries alternating between them): rate and ack p50 / p99.
//! 2. Change-feed delay across instances: a customer message posted to
//!    instance B, until an SSE client connected to instance A receives it
//!    (`BENCH_PROBES` probes, one at a time): p50 / p99 / max (target: p99
//!    < 50 ms on loopback).
//!
//! The test server runs with `fsync=off` (a throwaway cluster), as SQLite
//! runs with `synchronous=NORMAL` in WAL (no sync per commit either): the
//! figures compare the engines, not disks. Fails (exit 1) only when a
//! delivery was not acknowledged or a probe never arrived; the targets are
//! printed PASS / MISS.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use futures::StreamExt;
use switchboard_domain::clock::SystemClock;
use switchboard_hub::config::Config;
use switchboard_hub::storage::postgres::create_scratch_database;

const SECRET: &str = "bench-app-secret";
const PNID: &str = "990000201";

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[(((sorted.len() - 1) as f64) * p).round() as usize]
}

struct Served {
    url: String,
    token: Option<String>,
}

/// A hub on `db_url`, serving on loopback; with `setup`, the channel, a
/// queue, a route and an agent (whose token it returns).
async fn serve(db_url: &str, setup: bool) -> anyhow::Result<Served> {
    let config = Config {
        db_url: db_url.into(),
        graph_url: "http://127.0.0.1:9".into(),
        app_secret: Some(SECRET.into()),
        template_sync_every: Duration::ZERO,
        heartbeat: Duration::from_secs(5),
        ..Config::default()
    };
    let hub = switchboard_hub::Hub::open(config, Arc::new(SystemClock))?;
    let mut token = None;
    if setup {
        use switchboard_hub::usecase::admin;
        use switchboard_protocol::NewChannel;
        let err = |e: switchboard_hub::error::ApiErr| anyhow::anyhow!("{}", e.message);
        admin::create_channel(
            &hub.store,
            NewChannel {
                phone_number_id: PNID.into(),
                display_number: "15550200201".into(),
                waba_id: "990000202".into(),
                access_token: "unused".into(),
            },
            hub.now(),
        )
        .await
        .map_err(err)?;
        let (_, agent) = common::bench_team(&hub.store).await?;
        token = Some(agent.token);
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}", listener.local_addr()?);
    let app = switchboard_hub::app(hub);
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(Served { url, token })
}

/// A signed single-message webhook: message `i` of run `run`.
fn webhook(run: &str, i: usize, text: &str) -> (Vec<u8>, String) {
    let ts = switchboard_domain::clock::Clock::now(&SystemClock).timestamp();
    let from = format!("4919{:08}", i % 5_000);
    let body = serde_json::to_vec(&serde_json::json!({
        "object": "whatsapp_business_account",
        "entry": [{ "id": "waba", "changes": [{ "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": { "display_phone_number": "15550200201", "phone_number_id": PNID },
            "contacts": [{ "profile": { "name": format!("Customer {}", i % 5_000) }, "wa_id": from }],
            "messages": [{ "from": from, "id": format!("wamid.{run}.{i}"),
                "timestamp": ts.to_string(), "type": "text", "text": { "body": text } }],
        }}]}]
    }))
    .unwrap_or_default();
    let sig = switchboard_cloudapi::sign(SECRET.as_bytes(), &body);
    (body, sig)
}

async fn post(http: &reqwest::Client, hub: &str, (body, sig): &(Vec<u8>, String)) -> bool {
    http.post(format!("{hub}/webhooks/whatsapp"))
        .header("content-type", "application/json")
        .header("X-Hub-Signature-256", sig)
        .body(body.clone())
        .send()
        .await
        .is_ok_and(|r| r.status().is_success())
}

/// Every body posted, alternating between `hubs`, from `concurrency`
/// connections: (rate, sorted ack times, failures).
async fn ingest(
    http: &reqwest::Client,
    hubs: &[String],
    bodies: Arc<Vec<(Vec<u8>, String)>>,
    concurrency: usize,
) -> (f64, Vec<Duration>, usize) {
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (http, bodies, next, hubs) =
            (http.clone(), bodies.clone(), next.clone(), hubs.to_vec());
        tasks.push(tokio::spawn(async move {
            let (mut lat, mut failed) = (Vec::new(), 0);
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(body) = bodies.get(i) else { break };
                let t = Instant::now();
                if !post(&http, &hubs[i % hubs.len()], body).await {
                    failed += 1;
                }
                lat.push(t.elapsed());
            }
            (lat, failed)
        }));
    }
    let (mut lat, mut failed) = (Vec::new(), 0);
    for t in tasks {
        if let Ok((l, f)) = t.await {
            lat.extend(l);
            failed += f;
        }
    }
    let rate = bodies.len() as f64 / started.elapsed().as_secs_f64();
    lat.sort();
    (rate, lat, failed)
}

/// Time from posting a message to instance `b` until the SSE client on
/// instance `a` sees it, for `probes` messages; sorted, or the probe that
/// never arrived.
async fn feed_delay(
    http: &reqwest::Client,
    a: &str,
    b: &str,
    token: &str,
    probes: usize,
) -> anyhow::Result<Vec<Duration>> {
    let resp = http
        .get(format!("{a}/api/v1/stream"))
        .bearer_auth(token)
        .send()
        .await?;
    anyhow::ensure!(resp.status().is_success(), "stream: {}", resp.status());
    let mut stream = resp.bytes_stream();
    let mut buf = String::new();
    let mut out = Vec::with_capacity(probes);
    for p in 0..probes {
        let marker = format!("feed-probe-{p}-end");
        let body = webhook("probe", p, &marker);
        let t = Instant::now();
        anyhow::ensure!(post(http, b, &body).await, "probe {p} not acknowledged");
        let seen = tokio::time::timeout(Duration::from_secs(10), async {
            loop {
                if buf.contains(&marker) {
                    buf.clear();
                    return true;
                }
                match stream.next().await {
                    Some(Ok(chunk)) => buf.push_str(&String::from_utf8_lossy(&chunk)),
                    _ => return false,
                }
            }
        })
        .await
        .unwrap_or(false);
        anyhow::ensure!(seen, "probe {p} never reached the other instance's stream");
        out.push(t.elapsed());
    }
    out.sort();
    Ok(out)
}

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pg bench: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<()> {
    let n = env_or("BENCH_WEBHOOKS", 10_000);
    let concurrency = env_or("BENCH_CONCURRENCY", 16);
    let probes = env_or("BENCH_PROBES", 200);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let dir = tempfile::tempdir()?;
    let one_pg = create_scratch_database("bench_one")?;
    let two_pg = create_scratch_database("bench_two")?;
    let feed_pg = create_scratch_database("bench_feed")?;
    rt.block_on(async {
        let http = reqwest::Client::new();
        let sqlite = serve(&format!("sqlite://{}", dir.path().join("hub.db").display()), true).await?;
        let pg = serve(&one_pg, true).await?;
        let a = serve(&two_pg, true).await?;
        let b = serve(&two_pg, false).await?;
        println!(
            "signed single-message webhooks: {n} per setup, {concurrency} connections, load generator in this process"
        );
        println!("{:<34} {:>10} {:>10} {:>10}", "", "webhooks/s", "ack p50", "ack p99");
        let mut failures = 0;
        for (name, run, hubs) in [
            ("one hub, SQLite", "sqlite", vec![sqlite.url.clone()]),
            ("one hub, PostgreSQL", "pg1", vec![pg.url.clone()]),
            ("two hubs, one PostgreSQL database", "pg2", vec![a.url.clone(), b.url.clone()]),
        ] {
            let bodies: Arc<Vec<_>> = Arc::new((0..n).map(|i| webhook(run, i, "bench message")).collect());
            let (rate, lat, failed) = ingest(&http, &hubs, bodies, concurrency).await;
            failures += failed;
            println!(
                "{name:<34} {rate:>10.0} {:>8.2} ms {:>7.2} ms{}",
                ms(pct(&lat, 0.5)),
                ms(pct(&lat, 0.99)),
                if failed > 0 { format!("  ({failed} not acknowledged)") } else { String::new() }
            );
        }
        anyhow::ensure!(failures == 0, "{failures} deliveries were not acknowledged");
        // Two fresh instances (the stream starts at the feed's start: no
        // backlog to replay before the probes).
        let (fa, fb) = (serve(&feed_pg, true).await?, serve(&feed_pg, false).await?);
        let token = fa.token.clone().unwrap_or_default();
        let delay = feed_delay(&http, &fa.url, &fb.url, &token, probes).await?;
        let p99 = pct(&delay, 0.99);
        println!(
            "change feed, written on instance B → SSE client on instance A ({probes} probes): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; target p99 < 50 ms: {}",
            ms(pct(&delay, 0.5)),
            ms(p99),
            ms(delay.last().copied().unwrap_or_default()),
            if p99 < Duration::from_millis(50) { "PASS" } else { "MISS" }
        );
        Ok(())
    })
}
