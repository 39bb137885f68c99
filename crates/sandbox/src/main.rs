//! `switchboard-sandbox`: runs the WhatsApp Cloud API emulator.

use std::net::SocketAddr;

use clap::{Parser, ValueEnum};
use switchboard_sandbox::{Config, Scenario};

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ScenarioArg {
    Demo,
}

/// A faithful emulator of Meta's WhatsApp Cloud API (Graph endpoints, signed webhooks, simulated customers).
#[derive(Parser)]
#[command(name = "switchboard-sandbox", version)]
struct Cli {
    /// Address to listen on.
    #[arg(long, env = "SANDBOX_LISTEN", default_value = "127.0.0.1:8790")]
    listen: SocketAddr,
    /// Where to POST webhooks (the hub's `/webhooks/whatsapp`).
    #[arg(long, env = "SANDBOX_WEBHOOK_URL")]
    webhook_url: Option<String>,
    /// App secret: key of X-Hub-Signature-256 (never logged; `--help` hides its env value).
    #[arg(long, env = "SANDBOX_APP_SECRET", hide_env_values = true)]
    app_secret: String,
    /// Access token Graph calls must carry as `Authorization: Bearer` (never logged).
    #[arg(long, env = "SANDBOX_ACCESS_TOKEN", hide_env_values = true)]
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
    /// Start with the clock frozen: only `/_sandbox/clock/advance` moves it.
    #[arg(long)]
    frozen_clock: bool,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let config = config_from(Cli::parse());
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

fn config_from(cli: Cli) -> Config {
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
    config.frozen_clock = cli.frozen_clock;
    config.scenario = cli.scenario.map(|ScenarioArg::Demo| Scenario::Demo);
    config
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    use super::*;

    #[test]
    fn the_documented_flags_parse() {
        Cli::command().debug_assert();
        let cli = Cli::try_parse_from([
            "switchboard-sandbox",
            "--listen",
            "127.0.0.1:9999",
            "--webhook-url",
            "http://127.0.0.1:8080/webhooks/whatsapp",
            "--app-secret",
            "s3cr3t-app",
            "--access-token",
            "t0k3n-access",
            "--scenario",
            "demo",
            "--frozen-clock",
        ])
        .unwrap();
        let c = config_from(cli);
        assert!(c.frozen_clock);
        assert_eq!(c.listen, SocketAddr::from(([127, 0, 0, 1], 9999)));
        assert_eq!(
            c.webhook_url.as_deref(),
            Some("http://127.0.0.1:8080/webhooks/whatsapp")
        );
        assert_eq!(
            (c.app_secret.as_str(), c.access_token.as_str()),
            ("s3cr3t-app", "t0k3n-access")
        );
        assert_eq!(c.scenario, Some(Scenario::Demo));
        // `--scenario` is optional; the secrets are not.
        let c = config_from(
            Cli::try_parse_from([
                "switchboard-sandbox",
                "--app-secret",
                "a",
                "--access-token",
                "b",
            ])
            .unwrap(),
        );
        assert_eq!(c.scenario, None);
        assert_eq!(c.webhook_url, None);
        assert!(!c.frozen_clock, "the clock runs unless asked");
    }

    #[test]
    fn help_never_shows_secret_values_from_the_environment() {
        let help = Cli::command().render_long_help().to_string();
        assert!(help.contains("SANDBOX_APP_SECRET") && help.contains("SANDBOX_ACCESS_TOKEN"));
        for arg in Cli::command().get_arguments() {
            if matches!(arg.get_id().as_str(), "app_secret" | "access_token") {
                assert!(arg.is_hide_env_values_set(), "{}", arg.get_id());
            }
        }
    }
}
