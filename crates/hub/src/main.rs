//! `switchboard-hub`: see `cli.rs` for the commands. Logs go to stderr,
//! as JSON lines when `SWITCHBOARD_LOG_JSON=1` (level via `RUST_LOG`).

use clap::Parser;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let filter =
        tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if std::env::var("SWITCHBOARD_LOG_JSON").is_ok_and(|v| v == "1") {
        builder.json().init();
    } else {
        builder.init();
    }
    switchboard_hub::cli::run(switchboard_hub::cli::Cli::parse()).await
}
