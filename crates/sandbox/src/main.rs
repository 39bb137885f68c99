//! `switchboard-sandbox`: runs the WhatsApp Cloud API emulator.

use std::net::SocketAddr;

use clap::{Parser, ValueEnum};
use switchboard_sandbox::{Config, Scenario};

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ScenarioArg {
    Demo,
}

/// A faithful emulator of Meta's WhatsApp Cloud API (Graph endpoints, signed webhooks, simulated customers).
#[derive(Debug, Parser)]
#[command(name = "switchboard-sandbox", version)]
struct Cli {
    /// Address to listen on.
    #[arg(long, env = "SANDBOX_LISTEN", default_value = "127.0.0.1:8790")]
    listen: SocketAddr,
    /// Where to POST webhooks (the hub's `/webhooks/whatsapp`).
    #[arg(long, env = "SANDBOX_WEBHOOK_URL")]
    webhook_url: Option<String>,
    /// App secret: key of X-Hub-Signature-256.
    #[arg(long, env = "SANDBOX_APP_SECRET")]
    app_secret: String,
    /// Access token Graph calls must carry as `Authorization: Bearer`.
    #[arg(long, env = "SANDBOX_ACCESS_TOKEN")]
    access_token: String,
    #[arg(long, default_value = "106540352242922")]
    phone_number_id: String,
    /// The business number (digits) shown in webhooks.
    #[arg(long, default_value = "15550783881")]
    display_number: String,
    #[arg(long, default_value = "102290129340398")]
    waba_id: String,
    #[arg(long, default_value = "v23.0")]
    api_version: String,
    /// Base URL others reach the sandbox at (media URLs); default `http://{listen}`.
    #[arg(long)]
    public_url: Option<String>,
    /// Run simulated customers.
    #[arg(long, value_enum)]
    scenario: Option<ScenarioArg>,
    /// A customer's call grants temporary call permission (callback_permission_status ENABLED).
    #[arg(long)]
    callback_permission: bool,
    /// Deliver every webhook twice.
    #[arg(long)]
    duplicate_webhooks: bool,
    /// Swap adjacent webhooks.
    #[arg(long)]
    out_of_order_webhooks: bool,
    /// Milliseconds between sent → delivered → read statuses.
    #[arg(long, default_value_t = 1200)]
    status_delay_ms: u64,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let cli = Cli::parse();
    let mut config = Config::new(cli.app_secret, cli.access_token);
    config.listen = cli.listen;
    config.webhook_url = cli.webhook_url;
    config.phone_number_id = cli.phone_number_id;
    config.display_number = cli.display_number;
    config.waba_id = cli.waba_id;
    config.api_version = cli.api_version;
    config.public_url = cli.public_url;
    config.callback_permission = cli.callback_permission;
    config.delivery.duplicate = cli.duplicate_webhooks;
    config.delivery.out_of_order = cli.out_of_order_webhooks;
    let step = std::time::Duration::from_millis(cli.status_delay_ms);
    config.status_delays.delivered = step;
    config.status_delays.read = step * 2;
    config.scenario = cli.scenario.map(|ScenarioArg::Demo| Scenario::Demo);
    let handle = switchboard_sandbox::spawn(config).await?;
    tracing::info!(
        base_url = %handle.base_url,
        graph = %handle.graph_url(),
        phone_number_id = %handle.state.config.phone_number_id,
        "switchboard-sandbox ready"
    );
    tokio::signal::ctrl_c().await?;
    tracing::info!("shutting down");
    handle.shutdown().await;
    Ok(())
}
