//! `switchboard-memory-bench`: the memory of the running desktop app (all
//! its processes, WebKit's included: the sum of their PSS) with 1,000,000
//! messages in its store, printed beside the same build with an empty store.
//!
//! The bench runs itself again inside a private session (its own Xvfb
//! display and D-Bus session bus, see `switchboard_app_bench::session`).
//! There it starts a quiet `switchboard-demo` team and signs its agent in
//! through the app's core (`switchboard_app::Core` with the OS keyring, as
//! the app has it) in two data folders, so each holds the profile, the
//! account store and the token in the keyring exactly as the app leaves
//! them; then it stops the team, so the hub's port is closed. One store gets
//! 100,000 conversations × 10 messages (Japanese, German, French, English;
//! customers and agents) through `Store::apply_batch`, as the sync applies
//! the hub's feed. For each folder it launches the real app binary
//! (`target/release/switchboard`, next to this one; `SWITCHBOARD_APP_BIN`
//! overrides) with `SWITCHBOARD_DATA_DIR` pointing at it: the app resumes
//! the session from the keyring and, the hub unreachable, shows its store.
//! Once the app's WebKit web process runs, the app has the account store
//! open and the sum of PSS over the app and its descendants is stable
//! within 2% over three samples a second apart (60 s at most), that sum is
//! the figure; then the app is killed.
//!
//! Both figures are printed; the bench exits non-zero only on errors (no
//! target here, and memory depends on the machine's libraries and GPU).

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use chrono::{DateTime, TimeDelta, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;
use switchboard_app::contract::SignIn;
use switchboard_app::{
    AppEvent, Commands, Core, CoreOptions, KeyringVault, NoticeReplies, RenderedNotice, Shell,
};
use switchboard_app_bench::memory::{self, Process, Pss};
use switchboard_app_bench::session::{self, Group};
use switchboard_demo::TeamOptions;
use switchboard_desktop_bench::texts::{self, Lang};
use switchboard_domain::clock::{Clock, SystemClock};
use switchboard_protocol::{Change, ChangeData, Conversation, Message};
use switchboard_store::Store;

const CONVERSATIONS: usize = 100_000;
const MESSAGES_EACH: usize = 10;
/// Changes per `apply_batch` (the sync engine's page).
const BATCH: usize = 2_000;
/// How long the app may take to settle.
const SETTLE_BOUND: Duration = Duration::from_secs(60);
/// Settled: the last samples within this fraction of each other.
const SETTLE_SPREAD: f64 = 0.02;
const SETTLE_SAMPLES: usize = 3;
const WAIT: Duration = Duration::from_secs(30);

fn main() -> ExitCode {
    session::main("switchboard-memory-bench", true, bench)
}

/// The core needs a shell; signing in posts nothing.
struct Quiet;

impl Shell for Quiet {
    fn notify(&self, _notice: &RenderedNotice, _replies: NoticeReplies) -> Result<u32, String> {
        Ok(0)
    }
    fn withdraw(&self, _id: u32) {}
    fn copy_to_clipboard(&self, _text: &str) -> Result<(), String> {
        Ok(())
    }
    fn show_conversation(&self, _conversation_id: &str) {}
    fn show_call_popup(&self, _call_id: &str) {}
    fn close_call_popup(&self, _call_id: &str) {}
    fn emit(&self, _event: AppEvent) {}
    fn set_unread(&self, _total: u32) {}
}

/// The app binary: `SWITCHBOARD_APP_BIN`, else `switchboard` next to this one.
fn app_binary() -> anyhow::Result<PathBuf> {
    let path = match std::env::var_os("SWITCHBOARD_APP_BIN") {
        Some(p) => PathBuf::from(p),
        None => std::env::current_exe()?
            .parent()
            .context("this binary's folder")?
            .join("switchboard"),
    };
    if !path.is_file() {
        bail!(
            "no app binary at {} (build it first: npm --prefix ui run build && cargo build --release -p switchboard)",
            path.display()
        );
    }
    Ok(path)
}

async fn open_core(data_dir: &Path) -> anyhow::Result<Core> {
    Core::open(
        CoreOptions {
            data_dir: data_dir.to_owned(),
            demo: false,
            audio: None,
        },
        Arc::new(Quiet),
        Arc::new(KeyringVault::new()),
        Arc::new(SystemClock),
    )
    .await
    .map_err(|e| anyhow::anyhow!("opening the core in {}: {}", data_dir.display(), e.message))
}

/// Signs the agent in with the app's core in `data_dir`, waits until the
/// hub's feed is in the store, and stops; the account store's path.
async fn sign_in(data_dir: &Path, hub_url: &str, token: &str) -> anyhow::Result<PathBuf> {
    let core = open_core(data_dir).await?;
    core.sign_in(SignIn {
        hub_url: hub_url.to_owned(),
        token: token.to_owned(),
    })
    .await
    .map_err(|e| anyhow::anyhow!("signing in: {}", e.message))?;
    let deadline = Instant::now() + WAIT;
    while !matches!(
        core.sync_state(()).await,
        Ok(switchboard_sync::SyncState::Online { .. })
    ) {
        if Instant::now() > deadline {
            bail!("the sync is not online within {WAIT:?}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    core.shutdown().await;
    drop(core);
    let stores: Vec<PathBuf> = std::fs::read_dir(data_dir.join("accounts"))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "db"))
        .collect();
    match stores.as_slice() {
        [one] => Ok(one.canonicalize()?),
        _ => bail!("expected one account store, found {stores:?}"),
    }
}

/// Signs out of the profile in `data_dir` (its token leaves the keyring).
async fn sign_out(data_dir: &Path) -> anyhow::Result<()> {
    let core = open_core(data_dir).await?;
    core.sign_out(())
        .await
        .map_err(|e| anyhow::anyhow!("signing out: {}", e.message))?;
    core.shutdown().await;
    Ok(())
}

/// The team the synthetic conversations belong to.
struct Team {
    channel_id: String,
    queue_id: String,
    agent_id: String,
}

fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Conversation `c` with its messages, as the hub's feed carries them
/// (built from the wire JSON, like the store's fixtures).
fn conversation(
    team: &Team,
    c: usize,
    start: DateTime<Utc>,
    rng: &mut StdRng,
) -> anyhow::Result<(Conversation, Vec<Message>)> {
    let lang = Lang::of_customer(c);
    let id = format!("bench-c{c:06}");
    let wa_id = format!("{}{:08}", ["8190", "49151", "3361", "1415"][c % 4], c);
    let name = texts::customer_name(lang, c);
    let mut messages = Vec::with_capacity(MESSAGES_EACH);
    let mut last_customer = start;
    let mut at = start;
    for k in 0..MESSAGES_EACH {
        at += TimeDelta::seconds(20 + (rng.gen_range(0..600i64)));
        let inbound = k.is_multiple_of(2);
        if inbound {
            last_customer = at;
        }
        let (text, direction, status, agent) = if inbound {
            (texts::message(lang, rng), "inbound", "received", None)
        } else {
            (
                texts::message(lang, rng),
                "outbound",
                "read",
                Some(team.agent_id.as_str()),
            )
        };
        messages.push(serde_json::from_value(json!({
            "id": format!("bench-m{c:06}-{k}"),
            "conversation_id": id,
            "direction": direction,
            "kind": "text",
            "text": text,
            "media": null,
            "forwarded": false,
            "frequently_forwarded": false,
            "status": status,
            "failure": null,
            "client_id": null,
            "wamid": format!("wamid.bench-{c}-{k}"),
            "agent_id": agent,
            "sent_at": rfc3339(at),
            "updated_at": rfc3339(at),
        }))?);
    }
    let status = match c % 10 {
        0..=6 => "closed",
        7 | 8 => "solved",
        _ => "open",
    };
    let conversation = serde_json::from_value(json!({
        "id": id,
        "channel_id": team.channel_id,
        "customer": {"wa_id": wa_id, "name": name},
        "queue_id": team.queue_id,
        "assignee_id": c.is_multiple_of(3).then_some(team.agent_id.as_str()),
        "status": status,
        "priority": "normal",
        "tags": [],
        "window": {
            "state": "closed",
            "closes_at": rfc3339(last_customer + TimeDelta::hours(24)),
            "last_customer_message_at": rfc3339(last_customer),
        },
        "call_permission": {
            "state": "none", "expires_at": null, "requests_left_24h": 1,
            "requests_left_7d": 2, "next_request_at": null, "calls_left_24h": 5,
            "unanswered_in_a_row": 0,
        },
        "created_at": rfc3339(start),
        "updated_at": rfc3339(at),
    }))?;
    Ok((conversation, messages))
}

/// Puts [`CONVERSATIONS`] × [`MESSAGES_EACH`] messages into the store at
/// `path`, after what the hub's feed brought; their count.
fn fill(path: &Path, team: &Team, now: DateTime<Utc>) -> anyhow::Result<usize> {
    let mut store = Store::open(path)?;
    let mut seq = store.sync_cursor()?;
    let mut rng = StdRng::seed_from_u64(0x5eed);
    // Over the last four months; every window closed days ago.
    let first = now - TimeDelta::days(125);
    let mut batch = Vec::with_capacity(BATCH + MESSAGES_EACH + 1);
    let mut messages_total = 0;
    for c in 0..CONVERSATIONS {
        let start = first + TimeDelta::seconds((c * 100) as i64);
        let (conv, messages) = conversation(team, c, start, &mut rng)?;
        seq += 1;
        batch.push(Change {
            seq,
            change: ChangeData::Conversation(conv),
        });
        for m in messages {
            seq += 1;
            messages_total += 1;
            batch.push(Change {
                seq,
                change: ChangeData::Message(m),
            });
        }
        if batch.len() >= BATCH || c + 1 == CONVERSATIONS {
            store.apply_batch(&batch, seq)?;
            batch.clear();
        }
    }
    Ok(messages_total)
}

/// Bytes of the store at `path` (with its WAL).
fn store_bytes(path: &Path) -> u64 {
    ["", "-wal"]
        .iter()
        .filter_map(|suffix| {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            std::fs::metadata(p).ok().map(|m| m.len())
        })
        .sum()
}

/// The app, settled.
struct Measured {
    pss: Pss,
    after: Duration,
    settled: bool,
    processes: Vec<(String, u64)>,
}

/// Launches the app on `data_dir` and measures it (see the module's doc).
fn measure(app: &Path, data_dir: &Path, account: &Path) -> anyhow::Result<Measured> {
    let log = std::fs::File::create(data_dir.join("app.log"))?;
    let mut group = Group::default();
    let started = Instant::now();
    let child = group.spawn(
        Command::new(app)
            .env("SWITCHBOARD_DATA_DIR", data_dir)
            .env("XDG_DATA_HOME", data_dir.join("xdg/data"))
            .env("XDG_CONFIG_HOME", data_dir.join("xdg/config"))
            .env("XDG_CACHE_HOME", data_dir.join("xdg/cache"))
            .env("LANG", "en_US.UTF-8")
            .env("RUST_LOG", "warn")
            // As the E2E suite runs it under Xvfb (no GPU to composite with).
            .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
            .stdout(Stdio::null())
            .stderr(log),
        "the app",
    )?;
    let pid = child.id();
    let mut samples: Vec<Pss> = Vec::new();
    let mut last: Vec<Process> = Vec::new();
    let mut resumed = false;
    loop {
        std::thread::sleep(Duration::from_secs(1));
        if let Some(status) = child.try_wait()? {
            let log = std::fs::read_to_string(data_dir.join("app.log")).unwrap_or_default();
            bail!("the app exited ({status}): {log}");
        }
        let tree = memory::tree(pid);
        let web = tree.iter().any(|p| p.comm.starts_with("WebKitWebProc"));
        resumed = resumed || tree.iter().any(|p| memory::has_open(p.pid, account));
        let settled = web && resumed && {
            samples.push(memory::total_pss(&tree));
            last = tree;
            samples.len() >= SETTLE_SAMPLES && {
                let recent = &samples[samples.len() - SETTLE_SAMPLES..];
                let (lo, hi) = (
                    recent.iter().map(|p| p.total).min().unwrap_or(0),
                    recent.iter().map(|p| p.total).max().unwrap_or(0),
                );
                (hi - lo) as f64 <= hi as f64 * SETTLE_SPREAD
            }
        };
        let after = started.elapsed();
        if settled || after >= SETTLE_BOUND {
            if !resumed {
                bail!(
                    "the app did not open its account store {} within {SETTLE_BOUND:?}: the session was not resumed",
                    account.display()
                );
            }
            let Some(&pss) = samples.last() else {
                bail!("the app's web process did not start within {SETTLE_BOUND:?}");
            };
            let processes = last
                .iter()
                .map(|p| (p.comm.clone(), memory::pss(p.pid).map_or(0, |m| m.total)))
                .collect();
            drop(group);
            return Ok(Measured {
                pss,
                after,
                settled,
                processes,
            });
        }
    }
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn describe(label: &str, m: &Measured, store: u64) {
    let breakdown: Vec<String> = m
        .processes
        .iter()
        .map(|(name, kib)| format!("{name} {:.1}", mib(*kib)))
        .collect();
    println!(
        "  {label}: {:>7.1} MiB PSS (anonymous {:.1}, file-backed {:.1}, shared memory {:.1}) in {} processes ({}; {} after {:.0} s; store {:.1} MiB)",
        mib(m.pss.total),
        mib(m.pss.anon),
        mib(m.pss.file),
        mib(m.pss.shmem),
        m.processes.len(),
        breakdown.join(", "),
        if m.settled { "settled" } else { "NOT settled" },
        m.after.as_secs_f64(),
        store as f64 / (1024.0 * 1024.0),
    );
}

async fn bench() -> anyhow::Result<()> {
    let app = app_binary()?;
    let work = tempfile::tempdir()?;
    let empty = work.path().join("empty");
    let full = work.path().join("full");
    let team = switchboard_demo::start(TeamOptions::quiet(work.path().join("team")))
        .await
        .context("starting the team")?;
    let (empty_store, full_store) = {
        let hub = team.hub_url();
        let token = team.agent_token().to_owned();
        (
            sign_in(&empty, &hub, &token).await?,
            sign_in(&full, &hub, &token).await?,
        )
    };
    let owner = Team {
        channel_id: team.channel_id().to_owned(),
        queue_id: team.queue_id().to_owned(),
        agent_id: team.agent_id().to_owned(),
    };
    // From here on the hub's port is closed: the app starts offline.
    team.shutdown().await;

    let filling = Instant::now();
    let now = SystemClock.now();
    let store = full_store.clone();
    let messages = tokio::task::spawn_blocking(move || fill(&store, &owner, now)).await??;
    println!(
        "memory: {messages} messages in {CONVERSATIONS} conversations written to the store in {:.0} s",
        filling.elapsed().as_secs_f64()
    );

    let result = (|| -> anyhow::Result<(Measured, Measured)> {
        Ok((
            measure(&app, &empty, &empty_store)?,
            measure(&app, &full, &full_store)?,
        ))
    })();
    for dir in [&empty, &full] {
        if let Err(e) = sign_out(dir).await {
            eprintln!("switchboard-memory-bench: cleaning the keyring up: {e:#}");
        }
    }
    let (empty_m, full_m) = result?;
    println!(
        "memory of the running app ({}), all its processes, PSS in MiB:",
        app.display()
    );
    describe("empty store        ", &empty_m, store_bytes(&empty_store));
    describe("1,000,000 messages ", &full_m, store_bytes(&full_store));
    println!(
        "  difference: {:+.1} MiB",
        mib(full_m.pss.total) - mib(empty_m.pss.total)
    );
    Ok(())
}
