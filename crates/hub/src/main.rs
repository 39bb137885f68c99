//! `switchboard-hub`: see `cli.rs` for the commands.

use clap::Parser;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    switchboard_hub::cli::run(switchboard_hub::cli::Cli::parse()).await
}
