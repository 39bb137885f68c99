//! `switchboard-notify-bench`: how long after the hub accepted an inbound
//! call's webhook the agent's desktop shows the call (target: p99 under
//! 50 ms on loopback).
//!
//! On a private D-Bus session bus (the bench runs itself again inside one,
//! see `switchboard_app_bench::session`) a notification server owns
//! `org.freedesktop.Notifications` and notes the instant of every `Notify`.
//! A quiet `switchboard-demo` team (the sandbox and a hub on loopback) and
//! the app's core (`switchboard_app::Core`, signed in as the team's agent,
//! with a shell that posts real notifications with notify-rust as the app's
//! shell does) run in this process. For each call the bench posts Meta's
//! signed `calls` webhook (`connect`, a new customer each time) to the
//! hub's `/webhooks/whatsapp` itself:
//!
//! - t_send: just before the POST;
//! - t0: when the hub's `200` arrives (the webhook is accepted: stored and
//!   in the change feed);
//! - t1: when the notification server received `Notify` for that call (its
//!   summary the incoming-call title, its body the caller's number).
//!
//! The figure is t1 − t0 (the change feed to the app's store, the notifier,
//! notify-rust and D-Bus); t1 − t_send (with the hub's ingest) is printed
//! beside it. Each call is then ended (a `terminate` webhook) and its
//! notice's withdrawal awaited before the next, so calls never overlap.
//!
//! It exits non-zero only on errors: a latency is a property of the
//! machine, and there is no machine-independent ratio to check here.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use serde_json::{Value, json};
use switchboard_app::contract::SignIn;
use switchboard_app::notifications;
use switchboard_app::{
    AppEvent, Commands, Core, CoreOptions, Labels, MemoryVault, NoticeReplies, RenderedNotice,
    Shell,
};
use switchboard_app_bench::session;
use switchboard_demo::{Team, TeamOptions};
use switchboard_domain::clock::{Clock, SystemClock};
use tokio::sync::watch;

/// Calls measured.
const CALLS: usize = 200;
/// Calls before those, not measured (connections, caches).
const WARMUP: usize = 10;
/// The target.
const TARGET: Duration = Duration::from_millis(50);
/// The longest the bench waits for anything.
const WAIT: Duration = Duration::from_secs(15);

fn main() -> ExitCode {
    session::main("switchboard-notify-bench", false, bench)
}

/// The notification server: every `Notify` with the instant it arrived, and
/// the ids withdrawn.
mod server {
    use std::collections::HashMap;
    use std::time::Instant;

    use tokio::sync::watch;
    use zbus::zvariant::OwnedValue;

    /// One `Notify` as the desktop received it.
    #[derive(Debug, Clone)]
    pub struct Received {
        pub at: Instant,
        pub id: u32,
        pub summary: String,
        pub body: String,
    }

    pub struct Server {
        pub seen: watch::Sender<Vec<Received>>,
        pub closed: watch::Sender<Vec<u32>>,
        pub next_id: u32,
    }

    #[zbus::interface(name = "org.freedesktop.Notifications")]
    impl Server {
        #[allow(clippy::too_many_arguments)]
        fn notify(
            &mut self,
            _app_name: String,
            replaces_id: u32,
            _app_icon: String,
            summary: String,
            body: String,
            _actions: Vec<String>,
            _hints: HashMap<String, OwnedValue>,
            _expire_timeout: i32,
        ) -> u32 {
            let at = Instant::now();
            let id = if replaces_id != 0 {
                replaces_id
            } else {
                self.next_id += 1;
                self.next_id
            };
            self.seen.send_modify(|all| {
                all.push(Received {
                    at,
                    id,
                    summary,
                    body,
                });
            });
            id
        }
        fn get_capabilities(&self) -> Vec<String> {
            ["actions", "body", "persistence"]
                .map(String::from)
                .to_vec()
        }
        fn get_server_information(&self) -> (String, String, String, String) {
            (
                "switchboard-bench".into(),
                "switchboard".into(),
                "1".into(),
                "1.2".into(),
            )
        }
        fn close_notification(&self, id: u32) {
            self.closed.send_modify(|all| all.push(id));
        }
    }
}

struct Notifications {
    _conn: zbus::blocking::Connection,
    seen: watch::Receiver<Vec<server::Received>>,
    closed: watch::Receiver<Vec<u32>>,
}

impl Notifications {
    /// Owns the notifications name on the bus at `address`.
    fn start(address: &str) -> anyhow::Result<Self> {
        let (seen_tx, seen) = watch::channel(Vec::new());
        let (closed_tx, closed) = watch::channel(Vec::new());
        let conn = zbus::blocking::connection::Builder::address(address)?
            .name("org.freedesktop.Notifications")?
            .serve_at(
                "/org/freedesktop/Notifications",
                server::Server {
                    seen: seen_tx,
                    closed: closed_tx,
                    next_id: 0,
                },
            )?
            .build()
            .context("owning org.freedesktop.Notifications on the private bus")?;
        Ok(Self {
            _conn: conn,
            seen,
            closed,
        })
    }

    async fn wait_notify(
        &self,
        what: &str,
        pred: impl Fn(&server::Received) -> bool,
    ) -> anyhow::Result<server::Received> {
        let mut rx = self.seen.clone();
        let all = tokio::time::timeout(WAIT, rx.wait_for(|all| all.iter().any(&pred)))
            .await
            .with_context(|| format!("no notification for {what} within {WAIT:?}"))?
            .context("the notification server stopped")?;
        Ok(all
            .iter()
            .find(|n| pred(n))
            .cloned()
            .expect("matched above"))
    }

    async fn wait_closed(&self, id: u32) -> anyhow::Result<()> {
        let mut rx = self.closed.clone();
        tokio::time::timeout(WAIT, rx.wait_for(|all| all.contains(&id)))
            .await
            .with_context(|| format!("notification {id} not withdrawn within {WAIT:?}"))?
            .context("the notification server stopped")?;
        Ok(())
    }
}

/// The app's shell as far as this bench needs it: notifications as the app
/// posts them, the rest ignored.
struct BenchShell;

impl Shell for BenchShell {
    fn notify(&self, notice: &RenderedNotice, replies: NoticeReplies) -> Result<u32, String> {
        notifications::show(notice, replies)
    }
    fn withdraw(&self, id: u32) {
        notifications::withdraw(id);
    }
    fn copy_to_clipboard(&self, _text: &str) -> Result<(), String> {
        Ok(())
    }
    fn show_conversation(&self, _conversation_id: &str) {}
    fn show_call_popup(&self, _call_id: &str) {}
    fn close_call_popup(&self, _call_id: &str) {}
    fn emit(&self, _event: AppEvent) {}
    fn set_unread(&self, _total: u32) {}
}

/// What Meta's webhooks of this team carry, and where they go.
struct Meta {
    http: reqwest::Client,
    url: String,
    secret: String,
    waba_id: String,
    phone_number_id: String,
    display_number: String,
}

impl Meta {
    fn of(team: &Team) -> anyhow::Result<Self> {
        let cfg = &team
            .sandbox()
            .context("the team has no sandbox")?
            .state
            .config;
        Ok(Self {
            http: reqwest::Client::builder().no_proxy().build()?,
            url: format!("{}/webhooks/whatsapp", team.hub_url()),
            secret: cfg.app_secret.clone(),
            waba_id: cfg.waba_id.clone(),
            phone_number_id: cfg.phone_number_id.clone(),
            display_number: cfg.display_number.clone(),
        })
    }

    /// A `calls` webhook of a user-initiated call's `event` (`connect`,
    /// with Meta's SDP offer, or `terminate`, unanswered).
    fn call(&self, wacid: &str, number: &str, name: &str, event: &str) -> Value {
        let now = SystemClock.now().timestamp().to_string();
        let mut call = json!({
            "id": wacid, "from": number, "to": self.display_number, "event": event,
            "timestamp": now, "direction": "USER_INITIATED",
        });
        if event == "connect" {
            call["session"] = json!({"sdp_type": "offer",
                "sdp": "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 3480 UDP/TLS/RTP/SAVPF 111\r\n"});
        } else {
            call["status"] = json!("FAILED");
        }
        json!({"object": "whatsapp_business_account", "entry": [{"id": self.waba_id, "changes": [
            {"field": "calls", "value": {
                "messaging_product": "whatsapp",
                "metadata": {"display_phone_number": self.display_number,
                             "phone_number_id": self.phone_number_id},
                "contacts": [{"profile": {"name": name}, "wa_id": number}],
                "calls": [call],
            }}
        ]}]})
    }

    /// Posts a webhook signed with the app secret, as Meta does; the
    /// instant the hub's `200` arrived.
    async fn post(&self, body: &Value) -> anyhow::Result<Instant> {
        let body = serde_json::to_vec(body)?;
        let signature = switchboard_cloudapi::sign(self.secret.as_bytes(), &body);
        let r = self
            .http
            .post(&self.url)
            .header("content-type", "application/json")
            .header("X-Hub-Signature-256", signature)
            .body(body)
            .send()
            .await
            .context("posting the webhook")?;
        let accepted = Instant::now();
        let status = r.status();
        if status != reqwest::StatusCode::OK {
            bail!("the hub answered the webhook {status}: {}", r.text().await?);
        }
        Ok(accepted)
    }
}

/// `b − a` in milliseconds, negative when `b` came first.
fn millis_between(a: Instant, b: Instant) -> f64 {
    match b.checked_duration_since(a) {
        Some(d) => d.as_secs_f64() * 1e3,
        None => -(a.duration_since(b).as_secs_f64() * 1e3),
    }
}

/// The nearest-rank percentile `p` (0..=100) of sorted `values`.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn summary(label: &str, mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let p99 = percentile(&values, 99.0);
    println!(
        "  {label}: p50 {:.2} ms  p95 {:.2} ms  p99 {p99:.2} ms  max {:.2} ms  (min {:.2} ms)",
        percentile(&values, 50.0),
        percentile(&values, 95.0),
        values[values.len() - 1],
        values[0],
    );
    p99
}

async fn wait_online(core: &Core) -> anyhow::Result<()> {
    let deadline = Instant::now() + WAIT;
    loop {
        if let Ok(switchboard_sync::SyncState::Online { .. }) = core.sync_state(()).await {
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!("the app's sync is not online within {WAIT:?}");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn bench() -> anyhow::Result<()> {
    let notices = Notifications::start(&session::bus_address()?)?;
    let dir = tempfile::tempdir()?;
    let team = switchboard_demo::start(TeamOptions::quiet(dir.path().join("team")))
        .await
        .context("starting the team")?;
    let core = Core::open(
        CoreOptions {
            data_dir: dir.path().join("app"),
            demo: false,
            audio: None,
        },
        Arc::new(BenchShell),
        Arc::new(MemoryVault::default()),
        Arc::new(SystemClock),
    )
    .await
    .map_err(|e| anyhow::anyhow!("opening the core: {}", e.message))?;
    core.sign_in(SignIn {
        hub_url: team.hub_url(),
        token: team.agent_token().to_owned(),
    })
    .await
    .map_err(|e| anyhow::anyhow!("signing in: {}", e.message))?;
    wait_online(&core).await?;
    let meta = Meta::of(&team)?;
    let title = Labels::for_locale("en").get("call-incoming-title", None);

    let mut from_accept = Vec::with_capacity(CALLS);
    let mut from_send = Vec::with_capacity(CALLS);
    for i in 0..WARMUP + CALLS {
        let number = format!("1555{:07}", 4_000_000 + i);
        let name = format!("Bench Caller {i:04}");
        let wacid = format!("wacid.bench-{i}");
        let connect = meta.call(&wacid, &number, &name, "connect");
        let sent = Instant::now();
        let accepted = meta.post(&connect).await?;
        let e164 = format!("+{number}");
        let shown = notices
            .wait_notify(&format!("call {i}"), |n| {
                n.summary == title && n.body.contains(&e164)
            })
            .await?;
        if i >= WARMUP {
            from_accept.push(millis_between(accepted, shown.at));
            from_send.push(millis_between(sent, shown.at));
        }
        meta.post(&meta.call(&wacid, &number, &name, "terminate"))
            .await?;
        notices.wait_closed(shown.id).await?;
    }

    println!(
        "call webhook → D-Bus Notify: {CALLS} inbound calls (after {WARMUP} not measured), each a new customer, one at a time"
    );
    let early = from_accept.iter().filter(|&&ms| ms < 0.0).count();
    let p99 = summary("from the hub's 200 (accepted)", from_accept);
    summary("from before the POST        ", from_send);
    if early > 0 {
        println!(
            "  ({early} notifications arrived before the hub's 200 reached the bench: counted negative)"
        );
    }
    let verdict = if p99 < TARGET.as_secs_f64() * 1e3 {
        "PASS"
    } else {
        "MISS"
    };
    println!(
        "  target p99 < {} ms after the hub accepted the webhook: {verdict}",
        TARGET.as_millis()
    );

    core.shutdown().await;
    team.shutdown().await;
    Ok(())
}
