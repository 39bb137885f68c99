//! The hub's shared state: storage, the live feed, the clock, the rules'
//! limits, configuration, the Cloud API sender and metrics. No global lock:
//! storage serializes its own writes; everything else is immutable or atomic.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use switchboard_domain::clock::Clock;
use switchboard_domain::limits::Limits;

use crate::config::Config;
use crate::feed::Feed;
use crate::metrics::Metrics;
use crate::sender::Sender;
use crate::storage::Storage;

pub type AppState = Arc<Hub>;

/// Uploads streaming through the hub at once; more wait for a turn without
/// their body being read (a waiting upload costs a connection, not memory).
pub const UPLOADS_AT_ONCE: usize = 4;

/// How often an instance that does not lead the background jobs checks
/// whether it leads now (the leader stopped).
pub const LEAD_POLL: std::time::Duration = std::time::Duration::from_secs(1);

pub struct Hub {
    pub store: Arc<dyn Storage>,
    pub feed: Feed,
    pub clock: Arc<dyn Clock>,
    pub limits: Limits,
    pub config: Config,
    pub sender: Sender,
    pub metrics: Metrics,
    /// Uploads streaming through the hub at once ([`UPLOADS_AT_ONCE`]); more
    /// wait their turn.
    pub uploads: tokio::sync::Semaphore,
    /// Set once the hub stops: open streams end (clients resume with
    /// `Last-Event-ID` elsewhere or after the restart).
    stopping: tokio::sync::watch::Sender<bool>,
}

impl std::fmt::Debug for Hub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hub").field("config", &self.config).finish()
    }
}

impl Hub {
    /// The clock's instant at the precision the record keeps (milliseconds),
    /// so what the feed carries equals what the API reads back later.
    pub fn now(&self) -> DateTime<Utc> {
        use chrono::SubsecRound;
        self.clock.now().trunc_subsecs(3)
    }

    /// Tells long-lived work (SSE streams) that the hub is stopping.
    pub fn begin_shutdown(&self) {
        self.stopping.send_replace(true);
    }

    /// Resolves once [`Hub::begin_shutdown`] was called (at once if it was).
    pub fn stopping(&self) -> impl std::future::Future<Output = ()> + Send + 'static {
        let mut rx = self.stopping.subscribe();
        async move {
            let _ = rx.wait_for(|s| *s).await;
        }
    }

    /// Opens the storage named by `config.db_url` (with `config.secret_key`
    /// for the channel access tokens) and wires the feed to it.
    pub fn open(config: Config, clock: Arc<dyn Clock>) -> anyhow::Result<AppState> {
        let feed = Feed::new(config.feed_capacity);
        // Channel access tokens are sealed with the operator's key, if any.
        let secrets = crate::secrets::Secrets::new(config.secret_key.as_ref());
        let store: Arc<dyn crate::storage::Storage> = if crate::storage::postgres::PgStorage::is_url(
            &config.db_url,
        ) {
            Arc::new(
                crate::storage::postgres::PgStorage::open(
                    &config.db_url,
                    feed.listener(),
                    clock.clone(),
                    secrets,
                )
                .map_err(|e| anyhow::anyhow!("opening the database: {e}"))?,
            )
        } else {
            if let Some((scheme, _)) = config.db_url.split_once("://")
                && scheme != "sqlite"
            {
                anyhow::bail!(
                    "SWITCHBOARD_DB: unsupported database {scheme}:// (sqlite://path or postgres://user:password@host/db)"
                );
            }
            let path = crate::storage::sqlite::SqliteStorage::path_from_url(&config.db_url);
            Arc::new(
                crate::storage::sqlite::SqliteStorage::open_with_secrets(
                    &path,
                    feed.listener(),
                    clock.clone(),
                    secrets,
                )
                .map_err(|e| anyhow::anyhow!("opening {}: {e}", path.display()))?,
            )
        };
        let sender = Sender::new(&config)?;
        Ok(Arc::new(Hub {
            store,
            feed,
            clock,
            limits: config.limits.clone(),
            config,
            sender,
            metrics: Metrics::default(),
            uploads: tokio::sync::Semaphore::new(UPLOADS_AT_ONCE),
            stopping: tokio::sync::watch::channel(false).0,
        }))
    }
}
