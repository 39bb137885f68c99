//! What the engine needs to know: the hub, the agent's token, how large a
//! page is, how long to wait for the hub and how to back off.

use std::time::Duration;

use crate::backoff::Backoff;

/// The engine's configuration. [`SyncConfig::new`] gives the defaults.
#[derive(Clone)]
pub struct SyncConfig {
    /// The hub's base URL (`https://hub.example`, without `/api/v1`).
    pub hub_url: String,
    /// The agent's bearer token (`sbt_…`). Never logged.
    pub token: String,
    /// Changes per page of `/changes` while catching up, each page applied
    /// in one transaction (the hub clamps it to 1 to 5000).
    pub batch_size: u32,
    /// The waits between reconnects and between send attempts.
    pub backoff: Backoff,
    /// How long a page or a send may take before it counts as lost.
    pub request_timeout: Duration,
    /// How long connecting to the hub may take.
    pub connect_timeout: Duration,
    /// How long the live stream may stay silent (the hub sends a heartbeat
    /// every 15 s) before the connection counts as dead: a network that
    /// vanished without closing it, a machine back from sleep.
    pub stream_idle_timeout: Duration,
}

impl SyncConfig {
    /// The defaults: pages of 2,000 changes, reconnects from 0.5 s doubling
    /// to 30 s (jittered), 30 s per request, 10 s to connect, a stream
    /// silent for 45 s (three heartbeats) is dead.
    pub fn new(hub_url: impl Into<String>, token: impl Into<String>) -> SyncConfig {
        SyncConfig {
            hub_url: hub_url.into(),
            token: token.into(),
            batch_size: 2_000,
            backoff: Backoff::new(Duration::from_millis(500), Duration::from_secs(30)),
            request_timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            stream_idle_timeout: Duration::from_secs(45),
        }
    }
}

impl std::fmt::Debug for SyncConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncConfig")
            .field("hub_url", &self.hub_url)
            .field("token", &"<redacted>")
            .field("batch_size", &self.batch_size)
            .field("backoff", &self.backoff)
            .field("request_timeout", &self.request_timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("stream_idle_timeout", &self.stream_idle_timeout)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_token() {
        let c = SyncConfig::new("https://hub.example", "sbt_s3cr3t");
        let shown = format!("{c:?}");
        assert!(!shown.contains("s3cr3t"), "{shown}");
        assert!(shown.contains("hub.example"), "{shown}");
        assert_eq!(c.batch_size, 2_000);
    }
}
