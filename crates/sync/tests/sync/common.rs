//! The harness of the sync tests: a real hub in process (on a temporary
//! SQLite file, restartable on the same address) with the sandbox as the
//! Graph API and the customers, a TCP proxy that can cut the network or
//! swallow answers, engines on temporary stores, and comparisons of a
//! store with the hub's view as the agent sees it. Every wait is for an
//! event or a condition, bounded by [`WAIT`] only as a failure bound.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use switchboard_domain::clock::{Clock, ManualClock, SystemClock};
use switchboard_hub::AppState;
use switchboard_hub::config::Config;
use switchboard_protocol::{
    Change, ChangesPage, Conversation, ConversationList, Message, MessagePage,
};
use switchboard_sandbox::SandboxHandle;
use switchboard_store::{ConversationFilter, Store};
use switchboard_sync::{Backoff, StoreHandle, SyncConfig, SyncEngine, SyncState, Update};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::sync::{broadcast, oneshot, watch};
use tokio::task::JoinHandle;

pub const APP_SECRET: &str = "test-app-secret";
/// The failure bound of every wait.
pub const WAIT: Duration = Duration::from_secs(60);

pub fn init_tracing() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .with_test_writer()
        .try_init();
}

/// A hub serving on a loopback address.
pub struct Running {
    pub hub: AppState,
    pub addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

impl Running {
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops serving: open streams end, then the server (its address free
    /// again).
    pub async fn stop(mut self) {
        self.hub.begin_shutdown();
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if tokio::time::timeout(Duration::from_secs(5), &mut self.task)
            .await
            .is_err()
        {
            self.task.abort();
            let _ = (&mut self.task).await;
        }
    }
}

/// Starts a hub on `db`, on `addr` (a fixed one after a restart) or a free
/// loopback port.
pub async fn start_hub(
    db: &Path,
    graph_url: &str,
    clock: Arc<dyn Clock>,
    addr: Option<SocketAddr>,
) -> Running {
    start_hub_at(
        &format!("sqlite://{}", db.display()),
        graph_url,
        clock,
        addr,
    )
    .await
}

/// [`start_hub`] on the database `db_url` names (SQLite or PostgreSQL).
pub async fn start_hub_at(
    db_url: &str,
    graph_url: &str,
    clock: Arc<dyn Clock>,
    addr: Option<SocketAddr>,
) -> Running {
    let config = Config {
        db_url: db_url.to_owned(),
        graph_url: graph_url.to_owned(),
        api_version: "v23.0".into(),
        app_secret: Some(APP_SECRET.into()),
        verify_token: Some("verify-me".into()),
        template_sync_every: Duration::ZERO,
        heartbeat: Duration::from_secs(1),
        ..Config::default()
    };
    let hub = switchboard_hub::Hub::open(config, clock).expect("hub opens");
    let socket = TcpSocket::new_v4().unwrap();
    socket.set_reuseaddr(true).unwrap();
    socket
        .bind(addr.unwrap_or_else(|| "127.0.0.1:0".parse().unwrap()))
        .expect("the hub's address is free");
    let listener = socket.listen(1024).unwrap();
    let addr = listener.local_addr().unwrap();
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
        addr,
        stop: Some(stop),
        task,
    }
}

/// A sandbox, a hub on it with a channel, the `support` queue taking every
/// conversation, an admin and the agent Ana in `support`.
pub struct Env {
    pub sandbox: SandboxHandle,
    pub running: Option<Running>,
    pub addr: SocketAddr,
    pub clock: Arc<ManualClock>,
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
    pub http: reqwest::Client,
    pub admin: String,
    pub agent: String,
    pub agent_id: String,
}

impl Env {
    pub async fn new() -> Env {
        init_tracing();
        let mut config = switchboard_sandbox::Config::for_tests(None);
        // Webhooks wait out a hub restart rather than give up.
        config.retry.max_attempts = 200;
        let sandbox = switchboard_sandbox::spawn(config)
            .await
            .expect("sandbox starts");
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("hub.db");
        // Whole milliseconds: the hub stores instants in milliseconds but
        // its feed carries the objects' instants as they were made, so a
        // clock with nanoseconds makes a conversation's `updated_at` differ
        // between the feed and the API by less than a millisecond.
        let now = chrono::Utc::now();
        let now = chrono::DateTime::from_timestamp_millis(now.timestamp_millis()).unwrap();
        let clock = Arc::new(ManualClock::new(now));
        let running = start_hub(&db, &sandbox.base_url, clock.clone(), None).await;
        let http = reqwest::Client::new();
        http.put(format!("{}/_sandbox/webhook-config", sandbox.base_url))
            .json(&json!({ "url": format!("{}/webhooks/whatsapp", running.url()) }))
            .send()
            .await
            .unwrap()
            .error_for_status()
            .unwrap();
        use switchboard_hub::usecase::admin;
        use switchboard_protocol::*;
        let store = running.hub.store.clone();
        let cfg = &sandbox.state.config;
        admin::create_channel(
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
        admin::create_queue(
            &store,
            NewQueue {
                name: "support".into(),
                wait_strategy: Some(WaitStrategy::HoldMusic),
            },
        )
        .await
        .unwrap();
        admin::create_route(
            &store,
            NewRoute {
                position: Some(1),
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
        let admin_tok = admin::create_agent(&store, mk("Root", vec![], true))
            .await
            .unwrap();
        let agent = admin::create_agent(&store, mk("Ana", vec!["support".into()], false))
            .await
            .unwrap();
        Env {
            addr: running.addr,
            sandbox,
            running: Some(running),
            clock,
            dir,
            db,
            http,
            admin: admin_tok.token,
            agent: agent.token,
            agent_id: agent.agent.id,
        }
    }

    pub fn hub_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn hub(&self) -> &AppState {
        &self.running.as_ref().expect("the hub runs").hub
    }

    /// Stops the hub (its address refuses connections until a restart).
    pub async fn stop_hub(&mut self) {
        if let Some(r) = self.running.take() {
            r.stop().await;
        }
    }

    /// Starts the hub again on the same address, on `db` (the same
    /// database, or a backup).
    pub async fn start_hub_on(&mut self, db: &Path) {
        assert!(self.running.is_none(), "stop the hub first");
        self.running = Some(
            start_hub(
                db,
                &self.sandbox.base_url,
                self.clock.clone(),
                Some(self.addr),
            )
            .await,
        );
    }

    /// Starts the hub again on the same address, on the database `db_url`
    /// names (the record moved to PostgreSQL).
    pub async fn start_hub_at(&mut self, db_url: &str) {
        assert!(self.running.is_none(), "stop the hub first");
        self.running = Some(
            start_hub_at(
                db_url,
                &self.sandbox.base_url,
                self.clock.clone(),
                Some(self.addr),
            )
            .await,
        );
    }

    pub async fn restart_hub(&mut self) {
        self.stop_hub().await;
        let db = self.db.clone();
        self.start_hub_on(&db).await;
    }

    /// A customer writes through the sandbox (a signed webhook to the hub
    /// follows).
    pub async fn customer_says(&self, from: &str, text: &str) -> Value {
        let r = self
            .http
            .post(format!("{}/_sandbox/messages", self.sandbox.base_url))
            .json(&json!({ "from": from, "name": "Customer", "text": text }))
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "sandbox: {}", r.status());
        r.json().await.unwrap()
    }

    /// What the business sent to `wa_id` (the sandbox's record), as texts.
    pub async fn sent_to(&self, wa_id: &str) -> Vec<String> {
        let v: Value = self
            .http
            .get(format!(
                "{}/_sandbox/sent?to={wa_id}",
                self.sandbox.base_url
            ))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        v["messages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["body"]["text"]["body"].as_str().unwrap_or("").to_owned())
            .collect()
    }

    /// Webhooks the sandbox gave up delivering (none, or a test's premise
    /// failed).
    pub async fn failed_webhooks(&self) -> usize {
        let v: Value = self
            .http
            .get(format!(
                "{}/_sandbox/webhooks?state=failed",
                self.sandbox.base_url
            ))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        v["webhooks"].as_array().map_or(0, Vec::len)
    }

    /// Posts a webhook to the hub, signed, and expects `200`.
    pub async fn post_webhook(&self, body: &Value) {
        let body = serde_json::to_vec(body).unwrap();
        let sig = switchboard_cloudapi::sign(APP_SECRET.as_bytes(), &body);
        let r = self
            .http
            .post(format!("{}/webhooks/whatsapp", self.hub_url()))
            .header("content-type", "application/json")
            .header("X-Hub-Signature-256", sig)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "webhook");
    }

    /// Customers `first..first + customers` each write `each` messages,
    /// delivered as webhooks of at most 100 messages (one transaction
    /// each at the hub): a quick way to a large feed.
    pub async fn seed(&self, first: u32, customers: u32, each: u32) {
        let cfg = &self.sandbox.state.config;
        let now = self.clock.now().timestamp();
        let mut items = Vec::new();
        for k in 0..each {
            for c in first..first + customers {
                items.push((c, k));
            }
        }
        for chunk in items.chunks(100) {
            let changes: Vec<Value> = chunk
                .iter()
                .map(|(c, k)| {
                    let wa_id = format!("1555{:07}", 7_000_000 + c);
                    json!({"field": "messages", "value": {
                        "messaging_product": "whatsapp",
                        "metadata": {"display_phone_number": cfg.display_number,
                                     "phone_number_id": cfg.phone_number_id},
                        "contacts": [{"profile": {"name": format!("Kunde {c}")}, "wa_id": wa_id}],
                        "messages": [{"from": wa_id, "id": format!("wamid.seed-{c}-{k}"),
                            "timestamp": (now - 3600 + i64::from(*k)).to_string(),
                            "type": "text", "text": {"body": format!("Frage {k} von Kunde {c}")}}],
                    }})
                })
                .collect();
            self.post_webhook(&json!({"object": "whatsapp_business_account",
                "entry": [{"id": cfg.waba_id, "changes": changes}]}))
                .await;
        }
    }

    pub async fn get<T: serde::de::DeserializeOwned>(&self, token: &str, path: &str) -> T {
        let r = self
            .http
            .get(format!("{}/api/v1{path}", self.hub_url()))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        let status = r.status();
        let text = r.text().await.unwrap();
        assert!(status.is_success(), "GET {path}: {status} {text}");
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("GET {path}: {e}: {text}"))
    }

    pub async fn call(
        &self,
        token: &str,
        method: reqwest::Method,
        path: &str,
        body: Value,
    ) -> (u16, Value) {
        let r = self
            .http
            .request(method, format!("{}/api/v1{path}", self.hub_url()))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// Every change the agent may see, in order.
    pub async fn feed(&self, token: &str) -> Vec<Change> {
        self.feed_read(token, false).await
    }

    /// The feed as a new device reads it: each object's last change.
    pub async fn compacted_feed(&self, token: &str) -> Vec<Change> {
        self.feed_read(token, true).await
    }

    async fn feed_read(&self, token: &str, compact: bool) -> Vec<Change> {
        let mut all = Vec::new();
        let mut after = 0;
        loop {
            let page: ChangesPage = self
                .get(
                    token,
                    &format!("/changes?after={after}&limit=5000&compact={compact}"),
                )
                .await;
            all.extend(page.changes);
            after = page.next;
            if !page.more {
                return all;
            }
        }
    }

    /// The hub's view as `token` sees it: every conversation and every
    /// message of each, through the agent API.
    pub async fn view(&self, token: &str) -> View {
        let mut conversations = BTreeMap::new();
        let mut cursor: Option<String> = None;
        loop {
            let path = match &cursor {
                Some(c) => format!("/conversations?limit=1000&cursor={c}"),
                None => "/conversations?limit=1000".to_owned(),
            };
            let list: ConversationList = self.get(token, &path).await;
            for c in list.conversations {
                conversations.insert(c.id.clone(), c);
            }
            match list.next_cursor {
                Some(c) => cursor = Some(c),
                None => break,
            }
        }
        let mut messages = BTreeMap::new();
        for id in conversations.keys() {
            let mut thread: Vec<Message> = Vec::new();
            let mut before: Option<String> = None;
            loop {
                let path = match &before {
                    Some(b) => format!("/conversations/{id}/messages?limit=500&before={b}"),
                    None => format!("/conversations/{id}/messages?limit=500"),
                };
                let page: MessagePage = self.get(token, &path).await;
                let mut older = page.messages;
                older.append(&mut thread);
                thread = older;
                match page.before {
                    Some(b) => before = Some(b),
                    None => break,
                }
            }
            messages.insert(id.clone(), sorted(thread));
        }
        View {
            conversations,
            messages,
        }
    }
}

fn sorted(mut messages: Vec<Message>) -> Vec<Message> {
    messages.sort_by(|a, b| (a.sent_at, &a.id).cmp(&(b.sent_at, &b.id)));
    messages
}

/// Conversations and their threads, by conversation id.
#[derive(Debug, PartialEq)]
pub struct View {
    pub conversations: BTreeMap<String, Conversation>,
    pub messages: BTreeMap<String, Vec<Message>>,
}

impl View {
    pub fn message_count(&self) -> usize {
        self.messages.values().map(Vec::len).sum()
    }

    /// The first difference from `other`, in words.
    pub fn diff(&self, other: &View) -> Option<String> {
        if self.conversations.len() != other.conversations.len() {
            return Some(format!(
                "{} conversations, expected {}",
                self.conversations.len(),
                other.conversations.len()
            ));
        }
        for (id, c) in &other.conversations {
            match self.conversations.get(id) {
                None => return Some(format!("conversation {id} missing")),
                Some(mine) if mine != c => {
                    return Some(format!("conversation {id}:\n{mine:?}\nexpected\n{c:?}"));
                }
                _ => {}
            }
        }
        for (id, thread) in &other.messages {
            let mine = self.messages.get(id).map_or(&[][..], Vec::as_slice);
            if mine.len() != thread.len() {
                return Some(format!(
                    "conversation {id}: {} messages, expected {}",
                    mine.len(),
                    thread.len()
                ));
            }
            for (a, b) in mine.iter().zip(thread) {
                if a != b {
                    return Some(format!("message in {id}:\n{a:?}\nexpected\n{b:?}"));
                }
            }
        }
        None
    }
}

/// The store's view: every conversation and its whole thread (local
/// pending copies included).
pub async fn store_view(store: &StoreHandle) -> View {
    store
        .run(|s: &mut Store| {
            let filter = ConversationFilter {
                limit: 1_000_000,
                ..ConversationFilter::default()
            };
            let mut conversations = BTreeMap::new();
            let mut messages = BTreeMap::new();
            for item in s.conversations(&filter, chrono::Utc::now())? {
                let id = item.conversation.id.clone();
                let thread = s.thread(&id, None, 1_000_000)?.messages;
                messages.insert(id.clone(), sorted(thread));
                conversations.insert(id, item.conversation);
            }
            Ok(View {
                conversations,
                messages,
            })
        })
        .await
        .unwrap()
}

/// A test engine's configuration: short waits (tens of milliseconds).
pub fn config(url: &str, token: &str) -> SyncConfig {
    let mut c = SyncConfig::new(url, token);
    c.backoff = Backoff::new(Duration::from_millis(20), Duration::from_millis(200));
    c.request_timeout = Duration::from_secs(20);
    c.connect_timeout = Duration::from_secs(5);
    c.stream_idle_timeout = Duration::from_secs(20);
    c
}

/// A store file in `dir`, on its own thread.
pub fn open_store(dir: &Path) -> StoreHandle {
    StoreHandle::open(dir.join("desktop.db")).expect("the store opens")
}

pub fn start(config: SyncConfig, store: &StoreHandle) -> SyncEngine {
    SyncEngine::start(config, store.clone(), Arc::new(SystemClock)).expect("the engine starts")
}

/// Everything an engine published, kept for the test to look back on.
pub struct Recorder {
    rx: broadcast::Receiver<Update>,
    pub seen: Vec<Update>,
}

impl Recorder {
    pub fn new(rx: broadcast::Receiver<Update>) -> Recorder {
        Recorder {
            rx,
            seen: Vec::new(),
        }
    }

    /// The next update (recorded), within [`WAIT`].
    pub async fn next(&mut self) -> Update {
        let u = tokio::time::timeout(WAIT, self.rx.recv())
            .await
            .expect("an update in time")
            .expect("the engine publishes (without lagging)");
        self.seen.push(u.clone());
        u
    }

    /// Records the updates already there.
    pub fn drain(&mut self) {
        while let Ok(u) = self.rx.try_recv() {
            self.seen.push(u);
        }
    }

    /// Waits for an update `pred` accepts.
    pub async fn until(&mut self, what: &str, pred: impl Fn(&Update) -> bool) -> Update {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let u = tokio::time::timeout_at(deadline, self.next())
                .await
                .unwrap_or_else(|_| panic!("timed out waiting for {what}"));
            if pred(&u) {
                return u;
            }
        }
    }

    /// Waits until `check` (run now and after every update) holds.
    pub async fn until_true<F, Fut>(&mut self, what: &str, mut check: F)
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            self.drain();
            if check().await {
                return;
            }
            if tokio::time::timeout_at(deadline, self.next())
                .await
                .is_err()
            {
                panic!("timed out waiting for {what}");
            }
        }
    }

    /// Waits until the store equals the hub's view as `token` sees it
    /// (compared again after every update), and returns it.
    pub async fn until_same(&mut self, env: &Env, token: &str, store: &StoreHandle) -> View {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            self.drain();
            let hub = env.view(token).await;
            let mine = store_view(store).await;
            let Some(diff) = mine.diff(&hub) else {
                return hub;
            };
            if tokio::time::timeout_at(deadline, self.next())
                .await
                .is_err()
            {
                panic!("the store never became the hub's view: {diff}");
            }
        }
    }

    /// Waits until the updates recorded have applied up to `seq` (the
    /// store may be there a moment before its update is published).
    pub async fn until_applied(&mut self, seq: i64) {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            self.drain();
            if self.applied().0.last().is_some_and(|s| *s >= seq) {
                return;
            }
            if tokio::time::timeout_at(deadline, self.next())
                .await
                .is_err()
            {
                panic!("timed out waiting for change {seq} to be applied");
            }
        }
    }

    /// The states published, in order.
    pub fn states(&self) -> Vec<SyncState> {
        self.seen
            .iter()
            .filter_map(|u| match u {
                Update::State(s) => Some(s.clone()),
                _ => None,
            })
            .collect()
    }

    /// The seqs applied, in order, and how many changes came again.
    pub fn applied(&self) -> (Vec<i64>, usize) {
        let mut seqs = Vec::new();
        let mut ignored = 0;
        for u in &self.seen {
            if let Update::Changes(a) = u {
                seqs.extend(&a.seqs);
                ignored += a.ignored;
            }
        }
        (seqs, ignored)
    }
}

/// Polls `check` until it holds (for what no event announces, e.g. the
/// sandbox delivering webhooks), bounded by [`WAIT`].
pub async fn wait_for<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + WAIT;
    while !check().await {
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits until the state passes `pred`.
pub async fn state_until(
    rx: &mut watch::Receiver<SyncState>,
    what: &str,
    pred: impl FnMut(&SyncState) -> bool,
) -> SyncState {
    tokio::time::timeout(WAIT, rx.wait_for(pred))
        .await
        .unwrap_or_else(|_| panic!("timed out waiting for the state: {what}"))
        .expect("the engine runs")
        .clone()
}

/// A TCP proxy between the engine and the hub: it can cut the network
/// (open connections closed, new ones closed at once) and restore it, and
/// go deaf at the first `POST` (the request goes through; from then on no
/// answer comes back on any connection: the send's, the stream's).
pub struct Proxy {
    pub addr: SocketAddr,
    up: Arc<AtomicBool>,
    swallow: Arc<AtomicBool>,
    /// Connections opened before this generation are stalled.
    stalled_before: Arc<AtomicU64>,
    generation: Arc<AtomicU64>,
    /// How many `POST`s went through whose answers were swallowed.
    pub swallowed: watch::Receiver<usize>,
    conns: Arc<Mutex<Vec<JoinHandle<()>>>>,
    task: JoinHandle<()>,
}

impl Proxy {
    pub async fn start(upstream: SocketAddr) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let up = Arc::new(AtomicBool::new(true));
        let swallow = Arc::new(AtomicBool::new(false));
        // Set at the `POST` that makes the proxy deaf.
        let deaf = Arc::new(AtomicBool::new(false));
        let stalled_before = Arc::new(AtomicU64::new(0));
        let generation = Arc::new(AtomicU64::new(0));
        let (swallowed_tx, swallowed) = watch::channel(0usize);
        let swallowed_tx = Arc::new(swallowed_tx);
        let conns: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::default();
        let task = {
            let (up, swallow, deaf, conns) =
                (up.clone(), swallow.clone(), deaf.clone(), conns.clone());
            let (stalled_before, generation) = (stalled_before.clone(), generation.clone());
            tokio::spawn(async move {
                loop {
                    let Ok((client, _)) = listener.accept().await else {
                        return;
                    };
                    if !up.load(Ordering::SeqCst) {
                        drop(client);
                        continue;
                    }
                    let stall = Stall {
                        generation: generation.fetch_add(1, Ordering::SeqCst) + 1,
                        stalled_before: stalled_before.clone(),
                    };
                    let conn = tokio::spawn(forward(
                        client,
                        upstream,
                        swallow.clone(),
                        deaf.clone(),
                        stall,
                        swallowed_tx.clone(),
                    ));
                    conns.lock().unwrap().push(conn);
                }
            })
        };
        Proxy {
            addr,
            up,
            swallow,
            stalled_before,
            generation,
            swallowed,
            conns,
            task,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The network is cut: every open connection closes, new ones close
    /// at once.
    pub fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        for c in self.conns.lock().unwrap().drain(..) {
            c.abort();
        }
    }

    pub fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }

    /// The open connections go silent (nothing passes either way, nothing
    /// is closed), as after a machine's sleep or a network that vanished
    /// quietly; new connections work.
    pub fn stall(&self) {
        self.stalled_before
            .store(self.generation.load(Ordering::SeqCst) + 1, Ordering::SeqCst);
    }

    /// From the next `POST` on, nothing comes back.
    pub fn deaf_from_next_post(&self) {
        self.swallow.store(true, Ordering::SeqCst);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.task.abort();
        for c in self.conns.lock().unwrap().drain(..) {
            c.abort();
        }
    }
}

/// Whether a connection is stalled.
#[derive(Clone)]
struct Stall {
    generation: u64,
    stalled_before: Arc<AtomicU64>,
}

impl Stall {
    fn stalled(&self) -> bool {
        self.generation < self.stalled_before.load(Ordering::SeqCst)
    }
}

async fn forward(
    client: TcpStream,
    upstream: SocketAddr,
    swallow: Arc<AtomicBool>,
    deaf: Arc<AtomicBool>,
    stall: Stall,
    swallowed: Arc<watch::Sender<usize>>,
) {
    let Ok(server) = TcpStream::connect(upstream).await else {
        return;
    };
    let (mut cr, mut cw) = client.into_split();
    let (mut sr, mut sw) = server.into_split();
    let up = {
        let deaf = deaf.clone();
        let stall = stall.clone();
        async move {
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                let n = match cr.read(&mut buf).await {
                    Ok(0) | Err(_) => return,
                    Ok(n) => n,
                };
                if stall.stalled() {
                    continue;
                }
                let post = buf[..n].starts_with(b"POST ") && swallow.load(Ordering::SeqCst);
                if post {
                    deaf.store(true, Ordering::SeqCst);
                }
                if sw.write_all(&buf[..n]).await.is_err() {
                    return;
                }
                if post {
                    swallowed.send_modify(|n| *n += 1);
                }
            }
        }
    };
    let down = async move {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = match sr.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => n,
            };
            if deaf.load(Ordering::SeqCst) || stall.stalled() {
                continue;
            }
            if cw.write_all(&buf[..n]).await.is_err() {
                return;
            }
        }
    };
    tokio::select! {
        () = up => {}
        () = down => {}
    }
}

/// A bootstrap's pages are the feed compacted, the rest exactly the feed:
/// `applied` holds, once and in order, every change of `hub` after
/// `bootstrapped` (the cursor once the store first caught up), and up to
/// it only changes of the hub's, among them the last change of each
/// object as of `bootstrapped` (the difference in words otherwise).
pub fn assert_bootstrapped_then_exactly(applied: &[i64], hub: &[Change], bootstrapped: i64) {
    let seqs: Vec<i64> = hub.iter().map(|c| c.seq).collect();
    let (before, after): (Vec<i64>, Vec<i64>) = applied.iter().partition(|s| **s <= bootstrapped);
    let hub_after: Vec<i64> = seqs.iter().copied().filter(|s| *s > bootstrapped).collect();
    assert_exactly(&after, &hub_after);
    assert!(
        before.windows(2).all(|w| w[0] < w[1]),
        "the bootstrap's changes in order, each once"
    );
    let known: std::collections::BTreeSet<i64> = seqs.iter().copied().collect();
    let foreign: Vec<_> = before.iter().filter(|s| !known.contains(s)).collect();
    assert!(foreign.is_empty(), "not the hub's: {foreign:?}");
    let mut last = std::collections::BTreeMap::new();
    for c in hub.iter().filter(|c| c.seq <= bootstrapped) {
        let key = c
            .change
            .object_key()
            .unwrap_or_else(|| format!("#{}", c.seq));
        last.insert(key, c.seq);
    }
    let got: std::collections::BTreeSet<i64> = before.iter().copied().collect();
    let missing: Vec<_> = last.iter().filter(|(_, s)| !got.contains(s)).collect();
    assert!(
        missing.is_empty(),
        "objects whose last change the bootstrap missed: {missing:?}"
    );
}

/// `applied` is `hub`: the same changes, each once, in order (the
/// difference in words otherwise).
pub fn assert_exactly(applied: &[i64], hub: &[i64]) {
    if applied == hub {
        return;
    }
    let a: std::collections::BTreeSet<i64> = applied.iter().copied().collect();
    let h: std::collections::BTreeSet<i64> = hub.iter().copied().collect();
    let missing: Vec<_> = h.difference(&a).collect();
    let extra: Vec<_> = a.difference(&h).collect();
    let twice = applied.len() - a.len();
    let sorted = applied.windows(2).all(|w| w[0] < w[1]);
    panic!(
        "not exactly the hub's changes: missing {missing:?}, not the hub's {extra:?}, \
         {twice} applied twice, in order: {sorted}"
    );
}
