//! Operating configuration (flags or environment, see `cli.rs`). Secrets
//! (`app_secret`, `verify_token`, `secret_key`) are never printed: `Debug`
//! redacts them.

use std::time::Duration;

use switchboard_domain::limits::Limits;

use crate::secrets::SecretKey;

/// Most items of a webhook batch written in one transaction, by default.
pub const WEBHOOK_ITEMS_PER_WRITE: usize = 250;

#[derive(Clone)]
pub struct Config {
    /// `sqlite://path`.
    pub db_url: String,
    /// Graph API base, e.g. `https://graph.facebook.com` or the sandbox.
    pub graph_url: String,
    /// e.g. `v23.0`.
    pub api_version: String,
    /// Key of `X-Hub-Signature-256`; `None` refuses every signed POST.
    pub app_secret: Option<String>,
    pub verify_token: Option<String>,
    /// The key that encrypts channel access tokens at rest (see
    /// [`crate::secrets`]); `None`: they are stored in plain text, and a
    /// database holding encrypted ones does not open.
    pub secret_key: Option<SecretKey>,
    /// How often templates are re-synced (zero: only at start and on demand).
    pub template_sync_every: Duration,
    /// SSE heartbeat period.
    pub heartbeat: Duration,
    /// Live changes buffered for slow SSE clients before they fall back to
    /// catching up from storage.
    pub feed_capacity: usize,
    /// Most items of a webhook batch written in one transaction (a bigger
    /// batch is written in parts, see `usecase::batches`).
    pub webhook_items_per_write: usize,
    pub limits: Limits,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            db_url: "sqlite://switchboard-hub.db".into(),
            graph_url: "https://graph.facebook.com".into(),
            api_version: "v23.0".into(),
            app_secret: None,
            verify_token: None,
            secret_key: None,
            template_sync_every: Duration::from_secs(15 * 60),
            heartbeat: Duration::from_secs(15),
            feed_capacity: 16_384,
            webhook_items_per_write: WEBHOOK_ITEMS_PER_WRITE,
            limits: Limits::default(),
        }
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("db_url", &self.db_url)
            .field("graph_url", &self.graph_url)
            .field("api_version", &self.api_version)
            .field("app_secret", &self.app_secret.as_ref().map(|_| "<set>"))
            .field("verify_token", &self.verify_token.as_ref().map(|_| "<set>"))
            .field("secret_key", &self.secret_key.as_ref().map(|_| "<set>"))
            .field("template_sync_every", &self.template_sync_every)
            .field("heartbeat", &self.heartbeat)
            .field("feed_capacity", &self.feed_capacity)
            .field("webhook_items_per_write", &self.webhook_items_per_write)
            .finish()
    }
}
