//! The `switchboard-hub` command line: `serve`, the admin commands
//! (`channels add`, `queues add`, `routes add`, `agents add`,
//! `agents rotate-token`, `agents revoke-token`), `backup` and `openapi`. Flags fall
//! back to the environment (`SWITCHBOARD_DB`, `SWITCHBOARD_LISTEN`,
//! `WHATSAPP_GRAPH_URL`, `WHATSAPP_API_VERSION`, `WHATSAPP_APP_SECRET`,
//! `WHATSAPP_VERIFY_TOKEN`, `SWITCHBOARD_SECRET_KEY_FILE`). The key that
//! encrypts channel access tokens at rest comes from the environment only
//! (`SWITCHBOARD_SECRET_KEY`, or the file `SWITCHBOARD_SECRET_KEY_FILE`
//! names), never from a flag: flags show in the process list. For the same
//! reason `channels add` reads the access token from standard input
//! (`--access-token -`) or a file (`--access-token-file`).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{Args, Parser, Subcommand};
use switchboard_domain::clock::SystemClock;
use switchboard_protocol::{
    CommunicationType, NewAgent, NewChannel, NewQueue, NewRoute, WaitStrategy,
};

use crate::config::Config;
use crate::secrets::{KEY_ENV, KEY_FILE_ENV, SecretKey};
use crate::state::Hub;
use crate::usecase::admin;

#[derive(Debug, Parser)]
#[command(
    name = "switchboard-hub",
    version,
    about = "The Switchboard team server"
)]
pub struct Cli {
    /// The database, `sqlite://path` or `postgres://user:password@host/db`.
    #[arg(
        long,
        env = "SWITCHBOARD_DB",
        default_value = "sqlite://switchboard-hub.db",
        global = true
    )]
    pub db: String,
    /// A file holding the key that encrypts channel access tokens at rest
    /// (32 bytes, as 64 hex characters or base64). Or put the key itself in
    /// SWITCHBOARD_SECRET_KEY. Without a key tokens are stored unencrypted,
    /// and a database holding encrypted ones is refused.
    #[arg(long, env = KEY_FILE_ENV, global = true)]
    pub secret_key_file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve webhooks and the agent API.
    Serve(ServeArgs),
    /// Manage channels (WhatsApp numbers).
    #[command(subcommand)]
    Channels(ChannelsCmd),
    /// Manage queues.
    #[command(subcommand)]
    Queues(QueuesCmd),
    /// Manage routes.
    #[command(subcommand)]
    Routes(RoutesCmd),
    /// Manage agents.
    #[command(subcommand)]
    Agents(AgentsCmd),
    /// Print the agent API's OpenAPI document (JSON), as served at
    /// `/api/v1/openapi.json`; opens no database.
    Openapi,
    /// Copy the database, consistently, while the hub serves (SQLite: one
    /// snapshot, checked, then moved into place; never overwrites a file).
    Backup {
        /// The file to write.
        #[arg(long)]
        to: PathBuf,
    },
    /// Copy a SQLite hub's whole record, change feed included, into an
    /// empty PostgreSQL database (agents' devices keep syncing from where
    /// they were); counts every table on both sides. Stop the hub first:
    /// what it writes after the copy began stays behind.
    Migrate {
        /// The SQLite database, `sqlite://path`.
        #[arg(long)]
        from: String,
        /// The PostgreSQL database, `postgres://user:password@host/db`.
        #[arg(long)]
        to: String,
    },
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[arg(long, env = "SWITCHBOARD_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: String,
    #[arg(
        long,
        env = "WHATSAPP_GRAPH_URL",
        default_value = "https://graph.facebook.com"
    )]
    pub graph_url: String,
    #[arg(long, env = "WHATSAPP_API_VERSION", default_value = "v23.0")]
    pub api_version: String,
    #[arg(long, env = "WHATSAPP_APP_SECRET", hide_env_values = true)]
    pub app_secret: Option<String>,
    #[arg(long, env = "WHATSAPP_VERIFY_TOKEN", hide_env_values = true)]
    pub verify_token: Option<String>,
    /// Template re-sync period in seconds (0: only at start and on demand).
    #[arg(long, default_value_t = 900)]
    pub template_sync_secs: u64,
}

#[derive(Debug, Subcommand)]
pub enum ChannelsCmd {
    Add {
        #[arg(long)]
        phone_number_id: String,
        #[arg(long)]
        display_number: String,
        #[arg(long)]
        waba_id: String,
        /// The Graph access token; `-` reads it from standard input. A
        /// value given here shows in the process list and the shell's
        /// history: prefer `-` or --access-token-file.
        #[arg(long, required_unless_present = "access_token_file")]
        access_token: Option<String>,
        /// A file holding the Graph access token.
        #[arg(long, conflicts_with = "access_token")]
        access_token_file: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum QueuesCmd {
    Add {
        #[arg(long)]
        name: String,
        /// `hold_music` or `message`.
        #[arg(long)]
        wait_strategy: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum RoutesCmd {
    Add {
        /// Queue id or name.
        #[arg(long)]
        queue: String,
        #[arg(long)]
        channel: Option<String>,
        /// `message` or `call`; absent: both.
        #[arg(long)]
        communication_type: Option<String>,
        #[arg(long)]
        position: Option<u32>,
    },
}

#[derive(Debug, Subcommand)]
pub enum AgentsCmd {
    Add {
        #[arg(long)]
        name: String,
        /// Queue ids or names, comma-separated.
        #[arg(long, value_delimiter = ',')]
        queues: Vec<String>,
        #[arg(long)]
        admin: bool,
    },
    /// Give an agent a new token (printed once); the old one stops working
    /// at once. Also how a revoked agent gets a token again.
    RotateToken {
        /// The agent's id or name.
        #[arg(long)]
        agent: String,
    },
    /// Revoke an agent's token: it stops working at once and none works
    /// until `rotate-token`.
    RevokeToken {
        /// The agent's id or name.
        #[arg(long)]
        agent: String,
    },
}

/// The access token of `channels add`: from standard input (`-`), a file,
/// or (with a warning) the command line. Surrounding whitespace (the final
/// newline of a file or of `echo`) is not part of it.
fn access_token(value: Option<String>, file: Option<&Path>) -> anyhow::Result<String> {
    let text = match (value.as_deref(), file) {
        (_, Some(path)) => std::fs::read_to_string(path).map_err(|e| {
            anyhow::anyhow!("reading the access token file {}: {e}", path.display())
        })?,
        (Some("-"), None) => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).map_err(|e| {
                anyhow::anyhow!("reading the access token from standard input: {e}")
            })?;
            text
        }
        (Some(v), None) => {
            eprintln!(
                "warning: --access-token with a value shows the token in the process list and the shell's history; use --access-token - (standard input) or --access-token-file"
            );
            v.to_owned()
        }
        (None, None) => {
            anyhow::bail!("give --access-token - (standard input) or --access-token-file")
        }
    };
    let token = text.trim();
    anyhow::ensure!(!token.is_empty(), "the access token is empty");
    Ok(token.to_owned())
}

/// The key for channel access tokens: `SWITCHBOARD_SECRET_KEY` or the file
/// `SWITCHBOARD_SECRET_KEY_FILE` (or `--secret-key-file`) names.
fn secret_key(file: Option<&Path>) -> anyhow::Result<Option<SecretKey>> {
    let value = std::env::var(KEY_ENV).ok();
    SecretKey::from_value_or_file(value.as_deref(), file)
        .map_err(|e| anyhow::anyhow!("{KEY_ENV} / {KEY_FILE_ENV}: {e}"))
}

fn parse_enum<T: serde::de::DeserializeOwned>(s: &str) -> anyhow::Result<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned()))
        .map_err(|_| anyhow::anyhow!("unknown value {s}"))
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    if let Command::Openapi = cli.command {
        println!(
            "{}",
            serde_json::to_string_pretty(&crate::openapi::document())?
        );
        return Ok(());
    }
    if let Command::Backup { to } = &cli.command {
        return backup(&cli.db, to);
    }
    if let Command::Migrate { from, to } = &cli.command {
        return migrate(from, to);
    }
    let mut config = Config {
        db_url: cli.db.clone(),
        secret_key: secret_key(cli.secret_key_file.as_deref())?,
        ..Config::default()
    };
    if let Command::Serve(a) = &cli.command {
        config.graph_url = a.graph_url.clone();
        config.api_version = a.api_version.clone();
        config.app_secret = a.app_secret.clone();
        config.verify_token = a.verify_token.clone();
        config.template_sync_every = std::time::Duration::from_secs(a.template_sync_secs);
    }
    let hub = Hub::open(config, Arc::new(SystemClock))?;
    let err = |e: crate::error::ApiErr| anyhow::anyhow!("{}", e.message);
    match cli.command {
        Command::Serve(a) => {
            let interrupted = crate::usecase::send::confirm_interrupted_sends(&hub)
                .await
                .map_err(err)?;
            if interrupted > 0 {
                tracing::warn!(
                    interrupted,
                    "sends interrupted by the last stop wait for WhatsApp to confirm them"
                );
            }
            crate::usecase::templates::spawn_periodic(hub.clone());
            crate::usecase::delivery::spawn_stash_expiry(hub.clone());
            if hub.store.shared_with_other_instances() {
                crate::usecase::send::spawn_interrupted_sends(hub.clone());
            }
            let listener = tokio::net::TcpListener::bind(&a.listen).await?;
            tracing::info!(listen = %a.listen, "switchboard-hub serving");
            // On Ctrl-C or SIGTERM: stop accepting, end the SSE streams, let
            // requests in flight finish (their writes commit), and exit
            // within SHUTDOWN_GRACE whatever a client does.
            let stopping = hub.clone();
            let serve =
                axum::serve(listener, crate::app(hub.clone())).with_graceful_shutdown(async move {
                    shutdown_signal().await;
                    stopping.begin_shutdown();
                });
            let deadline = {
                let hub = hub.clone();
                async move {
                    hub.stopping().await;
                    tokio::time::sleep(SHUTDOWN_GRACE).await;
                }
            };
            tokio::select! {
                r = serve => r?,
                () = deadline => tracing::warn!("connections still open after the grace period; exiting"),
            }
            tracing::info!("stopped");
        }
        Command::Channels(ChannelsCmd::Add {
            phone_number_id,
            display_number,
            waba_id,
            access_token: token,
            access_token_file,
        }) => {
            let access_token = access_token(token, access_token_file.as_deref())?;
            let c = admin::create_channel(
                &hub.store,
                NewChannel {
                    phone_number_id,
                    display_number,
                    waba_id,
                    access_token,
                },
                hub.now(),
            )
            .await
            .map_err(err)?;
            println!("channel {} ({})", c.id, c.display_number);
        }
        Command::Queues(QueuesCmd::Add {
            name,
            wait_strategy,
        }) => {
            let wait_strategy: Option<WaitStrategy> =
                wait_strategy.as_deref().map(parse_enum).transpose()?;
            let q = admin::create_queue(
                &hub.store,
                NewQueue {
                    name,
                    wait_strategy,
                },
            )
            .await
            .map_err(err)?;
            println!("queue {} ({})", q.id, q.name);
        }
        Command::Routes(RoutesCmd::Add {
            queue,
            channel,
            communication_type,
            position,
        }) => {
            let communication_type: Option<CommunicationType> =
                communication_type.as_deref().map(parse_enum).transpose()?;
            let r = admin::create_route(
                &hub.store,
                NewRoute {
                    position,
                    channel_id: channel,
                    communication_type,
                    queue_id: queue,
                },
            )
            .await
            .map_err(err)?;
            println!("route {} (position {})", r.id, r.position);
        }
        Command::Agents(AgentsCmd::Add {
            name,
            queues,
            admin: is_admin,
        }) => {
            let created = admin::create_agent(
                &hub.store,
                NewAgent {
                    name,
                    queue_ids: queues,
                    admin: is_admin,
                },
            )
            .await
            .map_err(err)?;
            println!("agent {} ({})", created.agent.id, created.agent.name);
            println!("token (shown once): {}", created.token);
        }
        Command::Agents(AgentsCmd::RotateToken { agent }) => {
            let id = admin::agent_id(&hub.store, agent).await.map_err(err)?;
            let created = admin::rotate_agent_token(&hub.store, id)
                .await
                .map_err(err)?;
            println!("agent {} ({})", created.agent.id, created.agent.name);
            println!("token (shown once): {}", created.token);
        }
        Command::Agents(AgentsCmd::RevokeToken { agent }) => {
            let id = admin::agent_id(&hub.store, agent).await.map_err(err)?;
            let a = admin::revoke_agent_token(&hub.store, id)
                .await
                .map_err(err)?;
            println!("agent {} ({}): token revoked", a.id, a.name);
        }
        Command::Openapi | Command::Backup { .. } | Command::Migrate { .. } => {
            unreachable!("done before opening the database")
        }
    }
    Ok(())
}

/// How long a stopping hub waits for requests in flight.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(5);

/// Ctrl-C or SIGTERM.
/// `backup --to FILE`: the copy and what it holds, printed.
fn backup(db_url: &str, to: &Path) -> anyhow::Result<()> {
    let Some(path) = db_url.strip_prefix("sqlite://") else {
        anyhow::bail!(
            "backup copies a SQLite hub (sqlite://path); for {}: use the database's own tools (see the README)",
            crate::storage::postgres::shown_url(db_url)
        );
    };
    let started = std::time::Instant::now();
    let r = crate::storage::sqlite::backup(Path::new(path), to)
        .map_err(|e| anyhow::anyhow!("backup failed: {e}"))?;
    println!(
        "backed up {path} to {} in {:.1} s: {} bytes, {} conversations, {} messages, {} calls, \
         {} templates, change feed up to {} (schema {})",
        r.path.display(),
        started.elapsed().as_secs_f64(),
        r.bytes,
        r.conversations,
        r.messages,
        r.calls,
        r.templates,
        r.last_seq,
        r.schema
    );
    Ok(())
}

/// `migrate --from sqlite://… --to postgres://…`: the copy, then what it
/// holds, printed.
fn migrate(from: &str, to: &str) -> anyhow::Result<()> {
    let Some(path) = from.strip_prefix("sqlite://") else {
        anyhow::bail!("--from names the SQLite hub to copy: sqlite://path");
    };
    if !crate::storage::postgres::PgStorage::is_url(to) {
        anyhow::bail!(
            "--to names the PostgreSQL database to fill: postgres://user:password@host/db"
        );
    }
    if !Path::new(path).is_file() {
        anyhow::bail!("{path}: no such database");
    }
    let started = std::time::Instant::now();
    let (from_path, to_url) = (PathBuf::from(path), to.to_string());
    // The synchronous PostgreSQL client runs its own runtime: not on a task.
    let done = std::thread::spawn(move || {
        let now = switchboard_domain::clock::Clock::now(&SystemClock);
        crate::storage::postgres::import_sqlite(&from_path, &to_url, now)
    })
    .join()
    .map_err(|_| anyhow::anyhow!("the copy stopped unexpectedly"))?
    .map_err(|e| anyhow::anyhow!("migrate: {e}"))?;
    let counts: Vec<String> = done
        .tables
        .iter()
        .map(|(t, n)| format!("{t} {n}"))
        .collect();
    println!(
        "copied {path} to {} in {:.1} s: {}; change feed up to {} (counts checked on both sides)",
        crate::storage::postgres::shown_url(to),
        started.elapsed().as_secs_f64(),
        counts.join(", "),
        done.last_seq
    );
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}
