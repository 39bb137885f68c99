//! switchboard-demo: a whole Switchboard team on loopback, inside one process —
//! the sandbox standing in for WhatsApp and its customers, and a hub on SQLite
//! (in a folder the caller gives) with a channel, a "Support" queue taking every
//! conversation, an admin and an agent. It serves the desktop app's
//! `switchboard --demo` mode (start a [`Team`] on the app's tokio runtime, then
//! sign in with [`Team::agent_token`]) and the desktop E2E tests (stop and
//! restart the hub on the same address, make customers write and call, hang
//! up calls).
//!
//! Must not depend on tauri, nor on the desktop's local store and sync engine
//! (`switchboard-store`, `switchboard-sync`): it stands on the hub's and the
//! sandbox's side of the wire, and the app reaches it through HTTP like any
//! hub. `tests/boundaries.rs` checks the manifest.
//!
//! ```no_run
//! # async fn demo() -> anyhow::Result<()> {
//! let team = switchboard_demo::start(switchboard_demo::TeamOptions::demo("/tmp/demo")).await?;
//! println!("hub {} — agent token {}", team.hub_url(), team.agent_token());
//! team.shutdown().await;
//! # Ok(())
//! # }
//! ```

mod serving;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, bail};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use switchboard_domain::clock::{Clock, SystemClock};
use switchboard_hub::AppState;
use switchboard_hub::config::Config as HubConfig;
use switchboard_hub::usecase::admin;
use switchboard_protocol::{NewAgent, NewChannel, NewQueue, NewRoute, WaitStrategy};
use switchboard_sandbox::SandboxHandle;
use switchboard_sandbox::scenario::{DemoTiming, run_demo};
use tokio::task::JoinHandle;

use crate::serving::Serving;

/// The hub's database file in [`TeamOptions::dir`].
pub const HUB_DB_FILE: &str = "hub.db";

/// The name of the queue that takes every conversation.
pub const QUEUE_NAME: &str = "Support";

/// How often the hub re-syncs the sandbox's templates (they are synced once
/// before [`start`] returns, and at every [`Team::start_hub`]).
pub const TEMPLATE_SYNC_EVERY: Duration = Duration::from_secs(5 * 60);

/// The longest a request to the sandbox's control API may take.
const CONTROL_TIMEOUT: Duration = Duration::from_secs(30);

/// What team to start.
#[derive(Clone)]
pub struct TeamOptions {
    /// The folder of the hub's SQLite database ([`HUB_DB_FILE`]); created if
    /// missing. A team always starts afresh: a hub database an earlier team
    /// left there is removed first.
    pub dir: PathBuf,
    /// `Some`: the sandbox plays its demo scenario at this pace (customers
    /// writing in ja, de, fr and en, a window about to close, inbound calls, a
    /// customer who grants call permission), with Meta-like delays for
    /// delivery statuses and the customers' reactions. `None`: customers act
    /// only when told to ([`Team::customer_says`], [`Team::place_call`]), and
    /// statuses follow at once.
    pub scenario: Option<DemoTiming>,
    /// The hub's clock ([`SystemClock`] for the demo). The sandbox keeps its
    /// own, running on wall time.
    pub clock: Arc<dyn Clock>,
    /// The name of the agent (the admin is called "Admin").
    pub agent_name: String,
}

impl std::fmt::Debug for TeamOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TeamOptions")
            .field("dir", &self.dir)
            .field("scenario", &self.scenario)
            .field("agent_name", &self.agent_name)
            .finish_non_exhaustive()
    }
}

impl TeamOptions {
    /// The demo: the sandbox's scenario at [`demo_timing`], the system clock,
    /// the agent "Alex".
    pub fn demo(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            scenario: Some(demo_timing()),
            clock: Arc::new(SystemClock),
            agent_name: "Alex".into(),
        }
    }

    /// For tests: no scenario (customers act only when told to), the system
    /// clock, the agent "Ana".
    pub fn quiet(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            scenario: None,
            clock: Arc::new(SystemClock),
            agent_name: "Ana".into(),
        }
    }
}

/// The demo's pace: the nine opening messages two seconds apart, the first
/// inbound call about 20 s after the start, then one every three minutes, a
/// follow-up message every 75 s, and a window that closes five minutes in.
pub fn demo_timing() -> DemoTiming {
    DemoTiming {
        step: Duration::from_secs(2),
        message_every: Duration::from_secs(75),
        // The opening messages take 8 steps (16 s).
        first_call: Duration::from_secs(4),
        call_every: Duration::from_secs(180),
        call_length: Duration::from_secs(60),
        closing_window: Duration::from_secs(5 * 60),
    }
}

/// Starts a team (see [`Team::start`]).
pub async fn start(options: TeamOptions) -> anyhow::Result<Team> {
    Team::start(options).await
}

/// The accounts [`Team::start`] created.
struct Accounts {
    channel_id: String,
    queue_id: String,
    admin_id: String,
    admin_token: String,
    agent_id: String,
    agent_token: String,
}

/// A running team: the sandbox, the hub on a fixed loopback address, and the
/// accounts. Stop it with [`Team::shutdown`]; dropping it stops the hub and the
/// scenario at once and asks the sandbox to stop.
pub struct Team {
    sandbox: Option<SandboxHandle>,
    scenario: Option<JoinHandle<()>>,
    serving: Option<Serving>,
    addr: SocketAddr,
    hub_config: HubConfig,
    clock: Arc<dyn Clock>,
    db: PathBuf,
    http: reqwest::Client,
    accounts: Accounts,
}

impl std::fmt::Debug for Team {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Team")
            .field("hub", &self.hub_url())
            .field("hub_running", &self.serving.is_some())
            .field("sandbox", &self.sandbox.as_ref().map(|s| &s.base_url))
            .field("db", &self.db)
            .field("agent_id", &self.accounts.agent_id)
            .finish_non_exhaustive()
    }
}

impl Team {
    /// Starts the sandbox and a hub on a loopback port the OS picks, points
    /// the sandbox's webhooks at the hub (retried long enough to wait out a
    /// hub restart), creates the channel of the sandbox's number, the
    /// [`QUEUE_NAME`] queue with a catch-all route, an admin and the agent
    /// (in that queue), syncs the templates, and then starts the scenario, if
    /// any. Must run on a tokio runtime (multi-threaded).
    pub async fn start(options: TeamOptions) -> anyhow::Result<Team> {
        let db = prepare_dir(&options).await?;
        let http = reqwest::Client::builder()
            .no_proxy()
            .timeout(CONTROL_TIMEOUT)
            .build()
            .context("building the HTTP client")?;
        let sandbox = switchboard_sandbox::spawn(sandbox_config(options.scenario.is_some()))
            .await
            .context("starting the sandbox")?;
        let hub_config = hub_config(&db, &sandbox);
        let any_port = SocketAddr::from(([127, 0, 0, 1], 0));
        let serving =
            match Serving::start(&hub_config, options.clock.clone(), any_port, false).await {
                Ok(s) => s,
                Err(e) => {
                    sandbox.shutdown().await;
                    return Err(e);
                }
            };
        let accounts = match set_up(&http, &sandbox, &serving, &options.agent_name).await {
            Ok(a) => a,
            Err(e) => {
                serving.stop().await;
                sandbox.shutdown().await;
                return Err(e);
            }
        };
        let scenario = options
            .scenario
            .map(|timing| tokio::spawn(run_demo(sandbox.state.clone(), timing)));
        tracing::info!(hub = %serving.addr, sandbox = %sandbox.base_url, "demo team started");
        Ok(Team {
            addr: serving.addr,
            sandbox: Some(sandbox),
            scenario,
            serving: Some(serving),
            hub_config,
            clock: options.clock,
            db,
            http,
            accounts,
        })
    }

    /// The hub's base URL, `http://127.0.0.1:PORT` (the same across restarts).
    pub fn hub_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The hub's address (the same across restarts).
    pub fn hub_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The sandbox's base URL (its Graph API and its `/_sandbox/` control API).
    pub fn sandbox_url(&self) -> String {
        self.sandbox
            .as_ref()
            .map(|s| s.base_url.clone())
            .unwrap_or_default()
    }

    /// The sandbox itself (its state, its virtual clock, its configuration).
    pub fn sandbox(&self) -> Option<&SandboxHandle> {
        self.sandbox.as_ref()
    }

    /// The running hub's state; `None` while it is stopped.
    pub fn hub(&self) -> Option<&AppState> {
        self.serving.as_ref().map(|s| &s.hub)
    }

    /// Whether the hub is serving.
    pub fn hub_running(&self) -> bool {
        self.serving.is_some()
    }

    /// The path of the hub's SQLite database.
    pub fn db_path(&self) -> &std::path::Path {
        &self.db
    }

    /// The agent's bearer token (what the app signs in with).
    pub fn agent_token(&self) -> &str {
        &self.accounts.agent_token
    }

    /// The agent's id.
    pub fn agent_id(&self) -> &str {
        &self.accounts.agent_id
    }

    /// The admin's bearer token.
    pub fn admin_token(&self) -> &str {
        &self.accounts.admin_token
    }

    /// The admin's id.
    pub fn admin_id(&self) -> &str {
        &self.accounts.admin_id
    }

    /// The id of the [`QUEUE_NAME`] queue (generated by the hub).
    pub fn queue_id(&self) -> &str {
        &self.accounts.queue_id
    }

    /// The id of the channel (the sandbox's business number).
    pub fn channel_id(&self) -> &str {
        &self.accounts.channel_id
    }

    /// Stops the hub: its open streams end, then the server; from then on
    /// connections to [`Team::hub_url`] are refused. The sandbox keeps the
    /// webhooks it could not deliver and retries them. Does nothing if the
    /// hub is stopped.
    pub async fn stop_hub(&mut self) {
        if let Some(s) = self.serving.take() {
            s.stop().await;
            tracing::info!(hub = %self.addr, "demo hub stopped");
        }
    }

    /// Starts the hub again on the same address and database (its templates
    /// re-synced at once). Does nothing if the hub runs.
    pub async fn start_hub(&mut self) -> anyhow::Result<()> {
        if self.serving.is_some() {
            return Ok(());
        }
        let serving = Serving::start(&self.hub_config, self.clock.clone(), self.addr, true)
            .await
            .with_context(|| format!("restarting the hub on {}", self.addr))?;
        self.serving = Some(serving);
        tracing::info!(hub = %self.addr, "demo hub started again");
        Ok(())
    }

    /// A customer writes a text through the sandbox (`POST
    /// /_sandbox/messages`), which sends the hub a signed webhook. `from_wa_id`
    /// is the customer's phone number (digits, or E.164); `timestamp` is when
    /// they wrote (default: the sandbox's now; at most a day ahead of it).
    /// Returns the message's wamid.
    pub async fn customer_says(
        &self,
        from_wa_id: &str,
        name: &str,
        text: &str,
        timestamp: Option<DateTime<Utc>>,
    ) -> anyhow::Result<String> {
        let mut body = json!({ "from": from_wa_id, "name": name, "text": text });
        if let Some(t) = timestamp {
            body["timestamp"] = json!(t.timestamp());
        }
        let v = self.control("/_sandbox/messages", body).await?;
        id_in(&v, "id").context("the sandbox's answer to a customer message")
    }

    /// A customer calls the business (`POST /_sandbox/calls`): a ringing
    /// inbound call, sent to the hub as a `connect` webhook. It rings until the
    /// agent answers or declines, the customer hangs up, or the sandbox's ring
    /// timeout (60 s) passes. Returns the call's id (Meta's, the hub's
    /// `wacid`).
    pub async fn place_call(&self, from_wa_id: &str, name: &str) -> anyhow::Result<String> {
        let v = self
            .control(
                "/_sandbox/calls",
                json!({ "from": from_wa_id, "name": name }),
            )
            .await?;
        id_in(&v, "call_id").context("the sandbox's answer to a customer call")
    }

    /// The customer acts on a call (`POST /_sandbox/calls/{id}/{action}`):
    /// `hangup`, or for a call the business placed `accept`, `reject` or
    /// `ignore`.
    pub async fn customer_call_action(&self, call_id: &str, action: &str) -> anyhow::Result<()> {
        self.control(&format!("/_sandbox/calls/{call_id}/{action}"), json!({}))
            .await?;
        Ok(())
    }

    /// The customer hangs up `call_id` (see [`Team::customer_call_action`]).
    pub async fn hang_up(&self, call_id: &str) -> anyhow::Result<()> {
        self.customer_call_action(call_id, "hangup").await
    }

    /// Stops everything: the scenario, the hub, then the sandbox. When it
    /// returns, both addresses refuse connections.
    pub async fn shutdown(mut self) {
        if let Some(s) = self.scenario.take() {
            s.abort();
            let _ = s.await;
        }
        self.stop_hub().await;
        if let Some(sb) = self.sandbox.take() {
            sb.shutdown().await;
        }
    }

    /// `POST`s `body` to the sandbox's control API at `path`; the answer's
    /// JSON, or an error with the sandbox's reason.
    async fn control(&self, path: &str, body: Value) -> anyhow::Result<Value> {
        let url = format!("{}{path}", self.sandbox_url());
        send(self.http.post(&url).json(&body), "POST", &url).await
    }
}

impl Drop for Team {
    fn drop(&mut self) {
        if let Some(s) = self.scenario.take() {
            s.abort();
        }
        // The hub's `Serving` stops itself when dropped.
        if let Some(sb) = self.sandbox.take()
            && let Ok(rt) = tokio::runtime::Handle::try_current()
        {
            rt.spawn(sb.shutdown());
        }
    }
}

/// Creates `options.dir` and removes what an earlier team left of the hub's
/// database; the database's path.
async fn prepare_dir(options: &TeamOptions) -> anyhow::Result<PathBuf> {
    let dir = &options.dir;
    tokio::fs::create_dir_all(dir)
        .await
        .with_context(|| format!("creating {}", dir.display()))?;
    for name in [
        HUB_DB_FILE.to_owned(),
        format!("{HUB_DB_FILE}-wal"),
        format!("{HUB_DB_FILE}-shm"),
    ] {
        let path = dir.join(name);
        match tokio::fs::remove_file(&path).await {
            Ok(()) => tracing::info!(path = %path.display(), "removed an earlier demo database"),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(e).with_context(|| format!("removing {}", path.display()));
            }
        }
    }
    Ok(dir.join(HUB_DB_FILE))
}

/// The sandbox: on a free loopback port, with fresh secrets, and webhooks
/// retried for half an hour (a hub restart loses none). With a scenario,
/// Meta-like delays; without, statuses at once.
fn sandbox_config(lifelike: bool) -> switchboard_sandbox::Config {
    let secret = || uuid::Uuid::new_v4().simple().to_string();
    let mut c = if lifelike {
        switchboard_sandbox::Config::new(secret(), secret())
    } else {
        switchboard_sandbox::Config::for_tests(None)
    };
    c.app_secret = secret();
    c.access_token = secret();
    c.listen = SocketAddr::from(([127, 0, 0, 1], 0));
    c.webhook_url = None;
    c.scenario = None;
    c.retry = switchboard_sandbox::config::RetryPolicy {
        initial: Duration::from_millis(50),
        max: Duration::from_secs(1),
        max_attempts: 2_000,
        request_timeout: Duration::from_secs(10),
    };
    c
}

/// The hub on `db`, with the sandbox as its Graph API.
fn hub_config(db: &std::path::Path, sandbox: &SandboxHandle) -> HubConfig {
    let cfg = &sandbox.state.config;
    HubConfig {
        db_url: format!("sqlite://{}", db.display()),
        graph_url: sandbox.base_url.clone(),
        api_version: cfg.api_version.clone(),
        app_secret: Some(cfg.app_secret.clone()),
        verify_token: Some(uuid::Uuid::new_v4().simple().to_string()),
        template_sync_every: TEMPLATE_SYNC_EVERY,
        ..HubConfig::default()
    }
}

/// Points the sandbox's webhooks at the hub and creates the channel, the
/// queue, its route, the admin and the agent; then syncs the templates.
async fn set_up(
    http: &reqwest::Client,
    sandbox: &SandboxHandle,
    serving: &Serving,
    agent_name: &str,
) -> anyhow::Result<Accounts> {
    let url = format!("{}/_sandbox/webhook-config", sandbox.base_url);
    let hook = format!("http://{}/webhooks/whatsapp", serving.addr);
    send(http.put(&url).json(&json!({ "url": hook })), "PUT", &url).await?;
    let hub = &serving.hub;
    let store = &hub.store;
    let cfg = &sandbox.state.config;
    let channel = admin::create_channel(
        store,
        NewChannel {
            phone_number_id: cfg.phone_number_id.clone(),
            display_number: cfg.display_number.clone(),
            waba_id: cfg.waba_id.clone(),
            access_token: cfg.access_token.clone(),
        },
        hub.now(),
    )
    .await
    .context("creating the channel")?;
    let queue = admin::create_queue(
        store,
        NewQueue {
            name: QUEUE_NAME.into(),
            wait_strategy: Some(WaitStrategy::HoldMusic),
        },
    )
    .await
    .context("creating the queue")?;
    admin::create_route(
        store,
        NewRoute {
            position: Some(1),
            channel_id: None,
            communication_type: None,
            queue_id: queue.id.clone(),
        },
    )
    .await
    .context("creating the route")?;
    let admin_ = admin::create_agent(
        store,
        NewAgent {
            name: "Admin".into(),
            queue_ids: Vec::new(),
            admin: true,
        },
    )
    .await
    .context("creating the admin")?;
    let agent = admin::create_agent(
        store,
        NewAgent {
            name: agent_name.into(),
            queue_ids: vec![queue.id.clone()],
            admin: false,
        },
    )
    .await
    .context("creating the agent")?;
    switchboard_hub::usecase::templates::sync_all(hub)
        .await
        .context("syncing the sandbox's templates")?;
    Ok(Accounts {
        channel_id: channel.id,
        queue_id: queue.id,
        admin_id: admin_.agent.id,
        admin_token: admin_.token,
        agent_id: agent.agent.id,
        agent_token: agent.token,
    })
}

/// Sends a control request; the answer's JSON, or an error with the status
/// and the sandbox's reason.
async fn send(req: reqwest::RequestBuilder, method: &str, url: &str) -> anyhow::Result<Value> {
    let r = req
        .send()
        .await
        .with_context(|| format!("{method} {url}"))?;
    let status = r.status();
    let text = r
        .text()
        .await
        .with_context(|| format!("{method} {url}: reading the answer"))?;
    if !status.is_success() {
        bail!("{method} {url}: {status}: {text}");
    }
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    serde_json::from_str(&text).with_context(|| format!("{method} {url}: the answer is not JSON"))
}

/// The string at `key` of `v`.
fn id_in(v: &Value, key: &str) -> anyhow::Result<String> {
    v[key]
        .as_str()
        .map(str::to_owned)
        .with_context(|| format!("no `{key}` in {v}"))
}
