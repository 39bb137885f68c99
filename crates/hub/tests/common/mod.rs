//! Test harness: an in-process sandbox (Cloud API emulator) and hub, both
//! on loopback over real HTTP, with an admin and agents, and small helpers
//! to wait for conditions (bounded, no fixed sleeps) and read SSE.

#![allow(dead_code)]

pub mod postgres;

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use serde_json::{Value, json};
use switchboard_domain::clock::{Clock, ManualClock};
use switchboard_hub::config::Config;
use switchboard_hub::{AppState, Hub};
use switchboard_sandbox::SandboxHandle;
use tokio::sync::oneshot;

pub const APP_SECRET: &str = "test-app-secret";
pub const WAIT: Duration = Duration::from_secs(10);

pub struct Running {
    pub hub: AppState,
    pub url: String,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
}

impl Running {
    pub async fn stop(mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        self.task.abort();
        let _ = (&mut self.task).await;
    }
}

pub struct TestEnv {
    pub sandbox: SandboxHandle,
    pub running: Running,
    pub clock: Arc<ManualClock>,
    pub dir: tempfile::TempDir,
    pub http: reqwest::Client,
    pub admin: String,
    pub channel_id: String,
    pub sales_queue: String,
    pub support_queue: String,
    /// Agent in `support` (where message routes go).
    pub agent: String,
    /// Agent in `sales` only.
    pub other_agent: String,
}

pub fn init_tracing() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .with_test_writer()
        .try_init();
}

/// The database a test hub stores in for the SQLite file `db`: that file,
/// or, when the tests run on PostgreSQL (`scripts/test.sh` runs them again
/// with SWITCHBOARD_TEST_BACKEND=postgres), the test database standing for it.
pub fn db_url(db: &std::path::Path) -> String {
    if postgres::hubs_on_postgres() {
        postgres::database_for(db)
    } else {
        format!("sqlite://{}", db.display())
    }
}

/// A second storage on the test hub's database, as another process (the
/// CLI, another hub instance) opens it: its writes do not come through the
/// running hub's own writer.
pub fn other_process_storage(
    db: &std::path::Path,
    clock: Arc<dyn Clock>,
) -> Arc<dyn switchboard_hub::storage::Storage> {
    let quiet: switchboard_hub::storage::CommitListener =
        Arc::new(|_: &[switchboard_hub::storage::FeedRecord]| {});
    if postgres::hubs_on_postgres() {
        Arc::new(
            switchboard_hub::storage::postgres::PgStorage::open(
                &postgres::database_for(db),
                quiet,
                clock,
                switchboard_hub::secrets::Secrets::none(),
            )
            .unwrap(),
        )
    } else {
        Arc::new(switchboard_hub::storage::sqlite::SqliteStorage::open(db, quiet, clock).unwrap())
    }
}

pub async fn start_hub(db: &std::path::Path, graph_url: &str, clock: Arc<dyn Clock>) -> Running {
    start_hub_with_key(db, graph_url, clock, None).await
}

/// [`start_hub`] with a key for the channel access tokens at rest.
pub async fn start_hub_with_key(
    db: &std::path::Path,
    graph_url: &str,
    clock: Arc<dyn Clock>,
    secret_key: Option<switchboard_hub::secrets::SecretKey>,
) -> Running {
    start_hub_at(&db_url(db), graph_url, clock, secret_key).await
}

/// A hub serving on loopback, storing in the database `db_url` names.
pub async fn start_hub_at(
    db_url: &str,
    graph_url: &str,
    clock: Arc<dyn Clock>,
    secret_key: Option<switchboard_hub::secrets::SecretKey>,
) -> Running {
    let config = Config {
        secret_key,
        // The same tests run on both backends (`scripts/test.sh` runs them
        // again with SWITCHBOARD_TEST_BACKEND=postgres).
        db_url: db_url.to_owned(),
        graph_url: graph_url.to_owned(),
        api_version: "v23.0".into(),
        app_secret: Some(APP_SECRET.into()),
        verify_token: Some("verify-me".into()),
        template_sync_every: Duration::ZERO,
        heartbeat: Duration::from_secs(1),
        ..Config::default()
    };
    let hub = Hub::open(config, clock).expect("hub opens");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (stop, rx) = oneshot::channel::<()>();
    let app = switchboard_hub::app(hub.clone());
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = rx.await;
            })
            .await;
    });
    Running {
        hub,
        url,
        stop: Some(stop),
        task,
    }
}

impl TestEnv {
    pub async fn new() -> Self {
        Self::with_clock(chrono::Utc::now()).await
    }

    /// A hub whose clock stands at `at` (moved only by the test).
    pub async fn with_clock(at: chrono::DateTime<chrono::Utc>) -> Self {
        Self::build(at, None).await
    }

    /// A hub that encrypts channel access tokens at rest with `key`.
    pub async fn with_secret_key(key: switchboard_hub::secrets::SecretKey) -> Self {
        Self::build(chrono::Utc::now(), Some(key)).await
    }

    /// A hub storing in the database `db_url` names (e.g. through a proxy).
    pub async fn on_database(db_url: &str) -> Self {
        Self::build_on(chrono::Utc::now(), None, Some(db_url.to_owned())).await
    }

    async fn build(
        at: chrono::DateTime<chrono::Utc>,
        secret_key: Option<switchboard_hub::secrets::SecretKey>,
    ) -> Self {
        Self::build_on(at, secret_key, None).await
    }

    async fn build_on(
        at: chrono::DateTime<chrono::Utc>,
        secret_key: Option<switchboard_hub::secrets::SecretKey>,
        database: Option<String>,
    ) -> Self {
        init_tracing();
        let sandbox = switchboard_sandbox::spawn(switchboard_sandbox::Config::for_tests(None))
            .await
            .expect("sandbox starts");
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(ManualClock::new(at));
        let database = database.unwrap_or_else(|| db_url(&dir.path().join("hub.db")));
        let running = start_hub_at(&database, &sandbox.base_url, clock.clone(), secret_key).await;
        let http = reqwest::Client::new();
        http.put(format!("{}/_sandbox/webhook-config", sandbox.base_url))
            .json(&json!({ "url": format!("{}/webhooks/whatsapp", running.url) }))
            .send()
            .await
            .unwrap()
            .error_for_status()
            .unwrap();
        let store = running.hub.store.clone();
        use switchboard_hub::usecase::admin;
        use switchboard_protocol::*;
        let cfg = &sandbox.state.config;
        let channel = admin::create_channel(
            &store,
            NewChannel {
                phone_number_id: cfg.phone_number_id.clone(),
                display_number: cfg.display_number.clone(),
                waba_id: cfg.waba_id.clone(),
                access_token: cfg.access_token.clone(),
            },
            running.hub.now(),
        )
        .await
        .unwrap();
        let support = admin::create_queue(
            &store,
            NewQueue {
                name: "support".into(),
                wait_strategy: Some(WaitStrategy::HoldMusic),
            },
        )
        .await
        .unwrap();
        let sales = admin::create_queue(
            &store,
            NewQueue {
                name: "sales".into(),
                wait_strategy: None,
            },
        )
        .await
        .unwrap();
        admin::create_route(
            &store,
            NewRoute {
                position: Some(1),
                channel_id: None,
                communication_type: Some(CommunicationType::Call),
                queue_id: "support".into(),
            },
        )
        .await
        .unwrap();
        admin::create_route(
            &store,
            NewRoute {
                position: Some(2),
                channel_id: None,
                communication_type: None,
                queue_id: "support".into(),
            },
        )
        .await
        .unwrap();
        let mk = |name: &str, queues: Vec<String>, admin_: bool| NewAgent {
            name: name.into(),
            queue_ids: queues,
            admin: admin_,
        };
        let admin_tok: switchboard_protocol::CreatedAgent =
            admin::create_agent(&store, mk("Root", vec![], true))
                .await
                .unwrap();
        let agent: switchboard_protocol::CreatedAgent =
            admin::create_agent(&store, mk("Ana", vec!["support".into()], false))
                .await
                .unwrap();
        let other: switchboard_protocol::CreatedAgent =
            admin::create_agent(&store, mk("Bo", vec!["sales".into()], false))
                .await
                .unwrap();
        TestEnv {
            sandbox,
            running,
            clock,
            dir,
            http,
            admin: admin_tok.token,
            channel_id: channel.id,
            sales_queue: sales.id,
            support_queue: support.id,
            agent: agent.token,
            other_agent: other.token,
        }
    }

    pub fn hub_url(&self) -> &str {
        &self.running.url
    }

    pub fn sb(&self, path: &str) -> String {
        format!("{}{}", self.sandbox.base_url, path)
    }

    pub async fn sb_post(&self, path: &str, body: Value) -> Value {
        let r = self
            .http
            .post(self.sb(path))
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = r.status();
        let v: Value = r.json().await.unwrap_or(Value::Null);
        assert!(status.is_success(), "sandbox {path}: {status} {v}");
        v
    }

    pub async fn sb_get(&self, path: &str) -> Value {
        self.http
            .get(self.sb(path))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// Posts `body` to the hub's webhook endpoint, signed with the app
    /// secret over exactly these bytes; returns the HTTP status.
    pub async fn post_signed_webhook(&self, body: impl Into<Vec<u8>>) -> u16 {
        let body = body.into();
        let sig = switchboard_cloudapi::sign(APP_SECRET.as_bytes(), &body);
        self.http
            .post(format!("{}/webhooks/whatsapp", self.hub_url()))
            .header("content-type", "application/json")
            .header("X-Hub-Signature-256", sig)
            .body(body)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    }

    /// A customer writes; returns the sandbox's answer (with the wamid).
    pub async fn customer_says(&self, from: &str, text: &str) -> Value {
        self.sb_post(
            "/_sandbox/messages",
            json!({ "from": from, "name": "Customer", "text": text }),
        )
        .await
    }

    pub async fn api(
        &self,
        token: &str,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut req = self
            .http
            .request(method, format!("{}/api/v1{}", self.hub_url(), path))
            .bearer_auth(token);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let r = req.send().await.unwrap();
        let status = r.status().as_u16();
        let text = r.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    pub async fn get(&self, token: &str, path: &str) -> (u16, Value) {
        let (status, v) = self.api(token, reqwest::Method::GET, path, None).await;
        if status == 200 && path.starts_with("/changes") {
            // A page of the feed reads as typed changes of known kinds.
            let page: switchboard_protocol::ChangesPage =
                serde_json::from_value(v.clone()).expect("a typed page of changes");
            assert!(page.changes.iter().all(|c| c.change.kind().is_some()));
        }
        (status, v)
    }

    pub async fn post(&self, token: &str, path: &str, body: Value) -> (u16, Value) {
        self.api(token, reqwest::Method::POST, path, Some(body))
            .await
    }

    /// The conversation of a customer, once the hub has it.
    pub async fn conversation_of(&self, wa_id: &str) -> Value {
        wait_for("conversation", || async {
            let (_, v) = self.get(&self.admin, "/conversations").await;
            v["conversations"]
                .as_array()?
                .iter()
                .find(|c| c["customer"]["wa_id"] == wa_id)
                .cloned()
        })
        .await
    }

    pub async fn messages(&self, conv_id: &str) -> Vec<Value> {
        let (s, v) = self
            .get(&self.admin, &format!("/conversations/{conv_id}/messages"))
            .await;
        assert_eq!(s, 200, "{v}");
        v["messages"].as_array().cloned().unwrap_or_default()
    }
}

/// The feed as `token`'s holder pages it from `hub` after `after`, to
/// its end: every change, in order.
pub async fn paged_feed(http: &reqwest::Client, hub: &str, token: &str, after: i64) -> Vec<Value> {
    let mut out = Vec::new();
    let mut cursor = after;
    loop {
        let page: Value = http
            .get(format!("{hub}/api/v1/changes?after={cursor}&limit=5000"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        out.extend(page["changes"].as_array().unwrap().iter().cloned());
        cursor = page["next"].as_i64().unwrap();
        if !page["more"].as_bool().unwrap() {
            return out;
        }
    }
}

/// Polls `check` until it yields a value (bounded by [`WAIT`]).
pub async fn wait_for<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        if let Some(v) = check().await {
            return v;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A minimal SSE reader: `(id, data)` events, comments skipped.
pub struct Sse {
    stream: std::pin::Pin<Box<dyn futures::Stream<Item = reqwest::Result<bytes::Bytes>> + Send>>,
    buf: String,
}

impl Sse {
    pub async fn connect(base: &str, token: &str, last_event_id: Option<i64>) -> Sse {
        let mut req = reqwest::Client::new()
            .get(format!("{base}/api/v1/stream"))
            .bearer_auth(token);
        if let Some(id) = last_event_id {
            req = req.header("Last-Event-ID", id.to_string());
        }
        let resp = req.send().await.unwrap();
        assert_eq!(resp.status(), 200);
        Sse {
            stream: Box::pin(resp.bytes_stream()),
            buf: String::new(),
        }
    }

    /// The next event (bounded by [`WAIT`]).
    pub async fn next(&mut self) -> (i64, Value) {
        tokio::time::timeout(WAIT, self.next_inner())
            .await
            .expect("an SSE event in time")
    }

    async fn next_inner(&mut self) -> (i64, Value) {
        loop {
            if let Some(end) = self.buf.find("\n\n") {
                let block: String = self.buf[..end].to_owned();
                self.buf.drain(..end + 2);
                let mut id = None;
                let mut data = String::new();
                for line in block.lines() {
                    if let Some(v) = line.strip_prefix("id:") {
                        id = v.trim().parse().ok();
                    } else if let Some(v) = line.strip_prefix("data:") {
                        data.push_str(v.trim_start());
                    }
                }
                if let Some(id) = id {
                    // Every event reads as a typed change of a kind this
                    // build knows, with the event id as its seq.
                    let change: switchboard_protocol::Change = serde_json::from_str(&data)
                        .unwrap_or_else(|e| panic!("a typed change: {e}: {data}"));
                    assert_eq!(change.seq, id);
                    assert!(change.change.kind().is_some(), "a known kind: {data}");
                    return (id, serde_json::from_str(&data).unwrap());
                }
                continue;
            }
            let chunk = self.stream.next().await.expect("stream open").unwrap();
            self.buf.push_str(&String::from_utf8_lossy(&chunk));
        }
    }

    /// The events left until the server ends the stream, which it must do
    /// within `within`.
    pub async fn until_end(&mut self, within: Duration) -> Vec<(i64, Value)> {
        tokio::time::timeout(within, async {
            let mut events = Vec::new();
            loop {
                while let Some(end) = self.buf.find("\n\n") {
                    let block: String = self.buf[..end].to_owned();
                    self.buf.drain(..end + 2);
                    let id = block
                        .lines()
                        .find_map(|l| l.strip_prefix("id:"))
                        .and_then(|v| v.trim().parse().ok());
                    let data: String = block
                        .lines()
                        .filter_map(|l| l.strip_prefix("data:"))
                        .map(str::trim_start)
                        .collect();
                    if let Some(id) = id {
                        events.push((id, serde_json::from_str(&data).unwrap()));
                    }
                }
                match self.stream.next().await {
                    Some(Ok(chunk)) => self.buf.push_str(&String::from_utf8_lossy(&chunk)),
                    // Ended (cleanly, or cut mid-chunk): either way, over.
                    Some(Err(_)) | None => return events,
                }
            }
        })
        .await
        .expect("the server ends the stream in time")
    }

    /// Events until one matches `pred` (which is returned).
    pub async fn until(&mut self, pred: impl Fn(&Value) -> bool) -> (i64, Value) {
        loop {
            let (id, v) = self.next().await;
            if pred(&v) {
                return (id, v);
            }
        }
    }
}

/// The real `switchboard-hub serve` binary on a database, killed on drop.
pub struct ServedBinary {
    pub url: String,
    pub child: tokio::process::Child,
}

impl ServedBinary {
    /// Sends SIGTERM, as a service manager stopping the hub would.
    pub fn terminate(&self) {
        let pid = self.child.id().expect("still running");
        let ok = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -TERM {pid}");
    }
}

/// Starts `switchboard-hub serve` on `db` (a free loopback port) and waits
/// until it answers `/healthz`: it has run its start-up work by then.
pub async fn serve_binary(db: &std::path::Path, graph_url: &str) -> ServedBinary {
    serve_binary_with_env(db, graph_url, &[]).await
}

/// [`serve_binary`] with more environment (e.g. the secret key).
pub async fn serve_binary_with_env(
    db: &std::path::Path,
    graph_url: &str,
    env: &[(&str, &str)],
) -> ServedBinary {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = tokio::process::Command::new(env!("CARGO_BIN_EXE_switchboard-hub"))
        .args(["serve", "--template-sync-secs", "0"])
        .env("SWITCHBOARD_DB", db_url(db))
        .env("SWITCHBOARD_LISTEN", format!("127.0.0.1:{port}"))
        .env("WHATSAPP_GRAPH_URL", graph_url)
        .env("WHATSAPP_APP_SECRET", APP_SECRET)
        .env("RUST_LOG", "warn")
        .envs(env.iter().copied())
        .kill_on_drop(true)
        .spawn()
        .expect("the hub binary starts");
    let served = ServedBinary {
        url: format!("http://127.0.0.1:{port}"),
        child,
    };
    let http = reqwest::Client::new();
    let healthz = format!("{}/healthz", served.url);
    wait_for("the hub binary to serve", || {
        let (http, healthz) = (http.clone(), healthz.clone());
        async move {
            http.get(&healthz)
                .send()
                .await
                .is_ok_and(|r| r.status().is_success())
                .then_some(())
        }
    })
    .await;
    served
}
