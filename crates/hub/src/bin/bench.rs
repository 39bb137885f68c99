//! `switchboard-hub-bench`: the hub's performance figures (`make bench`).
//!
//! Runs a hub in this process on a temporary SQLite database and spawns
//! itself as a separate load-generator process (`--load-gen`) on loopback,
//! which measures:
//!
//! 1. signed single-message webhooks persisted per second, and the median
//!    (and p99) acknowledgement time, at a fixed concurrency;
//! 2. the delay from a webhook's acknowledgement to its change reaching
//!    each of 100 connected SSE clients (p50 / p99 / max).
//!
//! Targets (issue 5): ≥ 5,000 webhooks/s, median ack < 5 ms, SSE p99 < 50 ms.
//! Build in release: `cargo run --release -p switchboard-hub --bin switchboard-hub-bench`.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::StreamExt;
use switchboard_domain::clock::SystemClock;
use switchboard_hub::config::Config;

const SECRET: &str = "bench-app-secret";
const PNID: &str = "990000001";

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--load-gen") {
        return load_gen(&args[2], &args[3]);
    }
    orchestrate()
}

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn orchestrate() -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let dir = std::env::temp_dir().join(format!("switchboard-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let result = rt.block_on(async {
        let config = Config {
            db_url: format!("sqlite://{}", dir.join("hub.db").display()),
            graph_url: "http://127.0.0.1:9".into(),
            app_secret: Some(SECRET.into()),
            heartbeat: Duration::from_secs(5),
            ..Config::default()
        };
        let hub = switchboard_hub::Hub::open(config, Arc::new(SystemClock))?;
        use switchboard_hub::usecase::admin;
        use switchboard_protocol::*;
        let err = |e: switchboard_hub::error::ApiErr| anyhow::anyhow!("{}", e.message);
        admin::create_channel(
            &hub.store,
            NewChannel {
                phone_number_id: PNID.into(),
                display_number: "15550009999".into(),
                waba_id: "990000002".into(),
                access_token: "unused".into(),
            },
            hub.now(),
        )
        .await
        .map_err(err)?;
        admin::create_queue(
            &hub.store,
            NewQueue {
                name: "bench".into(),
                wait_strategy: None,
            },
        )
        .await
        .map_err(err)?;
        admin::create_route(
            &hub.store,
            NewRoute {
                position: None,
                channel_id: None,
                communication_type: None,
                queue_id: "bench".into(),
            },
        )
        .await
        .map_err(err)?;
        let agent = admin::create_agent(
            &hub.store,
            NewAgent {
                name: "bench".into(),
                queue_ids: vec!["bench".into()],
                admin: false,
            },
        )
        .await
        .map_err(err)?;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}", listener.local_addr()?);
        tokio::spawn(async move {
            let _ = axum::serve(listener, switchboard_hub::app(hub)).await;
        });
        let status = tokio::process::Command::new(std::env::current_exe()?)
            .arg("--load-gen")
            .arg(&url)
            .arg(&agent.token)
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

fn webhook(i: usize, customer: usize, text: &str) -> (Vec<u8>, String) {
    let ts = chrono::Utc::now().timestamp();
    let body = serde_json::json!({
        "object": "whatsapp_business_account",
        "entry": [{ "id": "990000002", "changes": [{ "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": { "display_phone_number": "15550009999", "phone_number_id": PNID },
            "contacts": [{ "profile": { "name": format!("Customer {customer}") }, "wa_id": format!("4917{customer:08}") }],
            "messages": [{ "from": format!("4917{customer:08}"), "id": format!("wamid.bench.{i}"),
                "timestamp": ts.to_string(), "type": "text", "text": { "body": text } }]
        }}]}]
    })
    .to_string()
    .into_bytes();
    let sig = switchboard_cloudapi::sign(SECRET.as_bytes(), &body);
    (body, sig)
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

fn load_gen(url: &str, token: &str) -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    rt.block_on(async {
        let total = env_or("BENCH_WEBHOOKS", 20_000);
        let concurrency = env_or("BENCH_CONCURRENCY", 16);
        let clients_n = env_or("BENCH_SSE_CLIENTS", 100);
        let probes = env_or("BENCH_PROBES", 100);
        let http = reqwest::Client::builder().pool_max_idle_per_host(256).build()?;
        let hook_url = format!("{url}/webhooks/whatsapp");

        if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
            println!("machine: {} cores, load average {}", std::thread::available_parallelism().map_or(0, |n| n.get()), load.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
        }
        // 1. Ingest.
        let bodies: Vec<(Vec<u8>, String)> = (0..total)
            .map(|i| webhook(i, i % 1000, &format!("hello {i}")))
            .collect();
        let bodies = Arc::new(bodies);
        for i in 0..200 {
            let (b, s) = webhook(total + i, i, "warm-up");
            http.post(&hook_url).header("X-Hub-Signature-256", s).body(b).send().await?;
        }
        let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let started = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..concurrency {
            let (http, bodies, next, hook_url) = (http.clone(), bodies.clone(), next.clone(), hook_url.clone());
            tasks.push(tokio::spawn(async move {
                let mut lat = Vec::new();
                let mut failed = 0usize;
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some((b, s)) = bodies.get(i) else { break };
                    let t = Instant::now();
                    let ok = http
                        .post(&hook_url)
                        .header("X-Hub-Signature-256", s)
                        .body(b.clone())
                        .send()
                        .await
                        .map(|r| r.status().is_success())
                        .unwrap_or(false);
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
        let rate = total as f64 / elapsed.as_secs_f64();
        let median = pct(&lat, 0.5);
        println!("webhook ingest: {total} signed single-message webhooks, concurrency {concurrency}");
        println!("  persisted+acked: {rate:.0}/s  ({:.2} s, {failed} failed)", elapsed.as_secs_f64());
        println!("  ack latency: median {:.2} ms, p99 {:.2} ms, max {:.2} ms", ms(median), ms(pct(&lat, 0.99)), ms(pct(&lat, 1.0)));
        let metrics = http.get(format!("{url}/metrics")).send().await?.text().await?;
        let stored = metrics
            .lines()
            .find_map(|l| l.strip_prefix("switchboard_messages_in_total "))
            .and_then(|v| v.trim().parse::<usize>().ok())
            .unwrap_or(0);
        println!("  messages stored (hub metrics): {stored}");

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
        for c in 0..clients_n {
            let (http, seen, connected, url, token) =
                (http.clone(), seen.clone(), connected.clone(), url.to_owned(), token.to_owned());
            tokio::spawn(async move {
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
            });
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
        deltas.sort();
        let p99 = pct(&deltas, 0.99);
        println!("sse fan-out: {probes} changes to {clients_n} clients ({} deliveries, {missing} missing)", deltas.len());
        println!("  ack → client: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms", ms(pct(&deltas, 0.5)), ms(p99), ms(pct(&deltas, 1.0)));

        let ok = rate >= 5000.0
            && median < Duration::from_millis(5)
            && p99 < Duration::from_millis(50)
            && missing == 0
            && failed == 0
            && stored >= total;
        println!("targets (≥5000/s, median ack < 5 ms, SSE p99 < 50 ms): {}", if ok { "MET" } else { "MISSED" });
        anyhow::ensure!(ok, "targets missed");
        Ok(())
    })
}
