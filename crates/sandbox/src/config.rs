//! Sandbox configuration: identities of the emulated business number, secrets,
//! delays and the limits Meta applies (kept in one place, because Meta changes them).

use std::net::SocketAddr;
use std::time::Duration;

/// Which built-in scenario drives simulated customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    /// Keeps the demo alive: customers writing in ja/de/fr/en, calls, a permission grant.
    Demo,
}

/// Delays between the status webhooks of one outbound message (sent → delivered → read).
#[derive(Debug, Clone)]
pub struct StatusDelays {
    /// From acceptance to the `sent` (or `failed`) status.
    pub sent: Duration,
    /// From `sent` to `delivered`.
    pub delivered: Duration,
    /// From `delivered` to `read`.
    pub read: Duration,
    /// Whether customers read what the business sends (emits `read`).
    pub auto_read: bool,
}

/// Meta's limits, as the sandbox enforces them.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Pair rate limit (131056): burst size per business number → user pair.
    pub pair_burst: u32,
    /// Pair rate limit: one more message allowed per this interval (Meta: 6 s).
    pub pair_interval: Duration,
    /// Per-number throughput in messages per second (130429). Meta's default: 80.
    pub throughput_mps: u32,
    /// Customer-service window length (24 h).
    pub window: Duration,
    /// Call-permission requests per 24 h (138009).
    pub permission_requests_24h: u32,
    /// Call-permission requests per 7 days (138009).
    pub permission_requests_7d: u32,
    /// Lifetime of a temporary call permission (7 days).
    pub temporary_permission: Duration,
    /// Connected business-initiated calls per 24 h (138012).
    pub connected_calls_24h: u32,
    /// Unanswered business calls in a row that revoke the permission.
    pub unanswered_revoke: u32,
    /// `GET /call_permissions` reads per second (613).
    pub permission_reads_per_sec: u32,
}

/// Retry policy of the webhook dispatcher: exponential backoff.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    pub initial: Duration,
    pub max: Duration,
    /// Attempts in total, the first one included.
    pub max_attempts: u32,
    /// Timeout of one POST to the webhook URL.
    pub request_timeout: Duration,
}

/// How webhooks are delivered: normally, twice each, and/or out of order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DeliveryMode {
    #[serde(default)]
    pub duplicate: bool,
    #[serde(default)]
    pub out_of_order: bool,
}

/// `Debug` redacts `app_secret` and `access_token` (see the impl below), so a
/// `{:?}` of the config, the [`Sandbox`](crate::Sandbox) or a handle never leaks them.
#[derive(Clone)]
pub struct Config {
    /// Address to listen on (`127.0.0.1:0` for an ephemeral port).
    pub listen: SocketAddr,
    /// Base URL others reach the sandbox at (media download URLs); defaults to `http://{bound address}`.
    pub public_url: Option<String>,
    /// Where webhooks go; `None` holds them (retried) until set via the control API.
    pub webhook_url: Option<String>,
    /// Key of `X-Hub-Signature-256`.
    pub app_secret: String,
    /// The Bearer token Graph calls must carry (else 190).
    pub access_token: String,
    pub phone_number_id: String,
    /// The business number as shown in webhooks' `metadata.display_phone_number` (digits).
    pub display_number: String,
    pub waba_id: String,
    /// Graph version used in webhooks (≤ v23 adds the `conversation` object to statuses).
    pub api_version: String,
    pub status_delays: StatusDelays,
    pub limits: Limits,
    pub retry: RetryPolicy,
    pub delivery: DeliveryMode,
    /// How long an unanswered user-initiated call rings before Meta terminates it.
    pub ring_timeout: Duration,
    /// `callback_permission_status: ENABLED`: a customer's call grants temporary permission.
    pub callback_permission: bool,
    /// How long a demo persona takes to react (answer a call, reply to a permission request).
    pub persona_delay: Duration,
    /// Serialise webhooks like Meta (`\uXXXX` for non-ASCII, `\/`).
    pub meta_escaping: bool,
    /// Start with the clock frozen: only `/_sandbox/clock/advance` moves it (tests that
    /// must not depend on the machine's speed). Default: running, wall time plus the offset.
    pub frozen_clock: bool,
    pub scenario: Option<Scenario>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let redacted = |s: &str| if s.is_empty() { "" } else { "<redacted>" };
        f.debug_struct("Config")
            .field("listen", &self.listen)
            .field("public_url", &self.public_url)
            .field("webhook_url", &self.webhook_url)
            .field("app_secret", &redacted(&self.app_secret))
            .field("access_token", &redacted(&self.access_token))
            .field("phone_number_id", &self.phone_number_id)
            .field("display_number", &self.display_number)
            .field("waba_id", &self.waba_id)
            .field("api_version", &self.api_version)
            .field("status_delays", &self.status_delays)
            .field("limits", &self.limits)
            .field("retry", &self.retry)
            .field("delivery", &self.delivery)
            .field("ring_timeout", &self.ring_timeout)
            .field("callback_permission", &self.callback_permission)
            .field("persona_delay", &self.persona_delay)
            .field("meta_escaping", &self.meta_escaping)
            .field("frozen_clock", &self.frozen_clock)
            .field("scenario", &self.scenario)
            .finish()
    }
}

impl Config {
    /// Defaults close to Meta's behaviour.
    pub fn new(app_secret: impl Into<String>, access_token: impl Into<String>) -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 8790)),
            public_url: None,
            webhook_url: None,
            app_secret: app_secret.into(),
            access_token: access_token.into(),
            phone_number_id: "106540352242922".into(),
            display_number: "15550783881".into(),
            waba_id: "102290129340398".into(),
            api_version: "v23.0".into(),
            status_delays: StatusDelays {
                sent: Duration::from_millis(300),
                delivered: Duration::from_millis(1200),
                read: Duration::from_secs(3),
                auto_read: true,
            },
            limits: Limits {
                pair_burst: 45,
                pair_interval: Duration::from_secs(6),
                throughput_mps: 80,
                window: Duration::from_secs(24 * 3600),
                permission_requests_24h: 1,
                permission_requests_7d: 2,
                temporary_permission: Duration::from_secs(7 * 24 * 3600),
                connected_calls_24h: 5,
                unanswered_revoke: 4,
                permission_reads_per_sec: 5,
            },
            retry: RetryPolicy {
                initial: Duration::from_secs(1),
                max: Duration::from_secs(300),
                max_attempts: 12,
                request_timeout: Duration::from_secs(10),
            },
            delivery: DeliveryMode::default(),
            ring_timeout: Duration::from_secs(60),
            callback_permission: false,
            persona_delay: Duration::from_secs(4),
            meta_escaping: true,
            frozen_clock: false,
            scenario: None,
        }
    }

    /// Test defaults: ephemeral loopback port, no status delays, fast retries. The clock
    /// runs; set [`Config::frozen_clock`] where a test's outcome depends on time.
    pub fn for_tests(webhook_url: Option<String>) -> Self {
        let mut c = Self::new("test-app-secret", "test-access-token");
        c.listen = SocketAddr::from(([127, 0, 0, 1], 0));
        c.webhook_url = webhook_url;
        c.status_delays = StatusDelays {
            sent: Duration::ZERO,
            delivered: Duration::ZERO,
            read: Duration::ZERO,
            auto_read: true,
        };
        c.persona_delay = Duration::ZERO;
        c.retry = RetryPolicy {
            initial: Duration::from_millis(20),
            max: Duration::from_millis(200),
            max_attempts: 6,
            request_timeout: Duration::from_secs(5),
        };
        c
    }

    /// Whether status webhooks carry the `conversation` object (dropped from v24.0).
    pub fn statuses_have_conversation(&self) -> bool {
        let major = self
            .api_version
            .trim_start_matches('v')
            .split('.')
            .next()
            .and_then(|m| m.parse::<u32>().ok())
            .unwrap_or(23);
        major <= 23
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secrets() {
        let c = Config::new("s3cr3t-app", "t0k3n-access");
        let shown = format!("{c:?} {c:#?}");
        assert!(!shown.contains("s3cr3t-app") && !shown.contains("t0k3n-access"));
        assert!(shown.contains("<redacted>") && shown.contains("106540352242922"));
    }
}
