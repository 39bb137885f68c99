//! The hub serving on a loopback address, with the chores `switchboard-hub
//! serve` runs beside it (interrupted sends confirmed at start, stashed
//! statuses expired, templates re-synced), stoppable and restartable on the
//! same address and database.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use switchboard_domain::clock::Clock;
use switchboard_hub::AppState;
use switchboard_hub::config::Config;
use switchboard_hub::usecase::{delivery, send, templates};
use tokio::net::TcpSocket;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// How long a stopping hub waits for requests in flight before it drops
/// them.
const STOP_GRACE: Duration = Duration::from_secs(5);

/// A hub serving on `addr`. Dropped, it stops at once (no grace).
pub(crate) struct Serving {
    pub(crate) hub: AppState,
    pub(crate) addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    server: JoinHandle<()>,
    chores: Vec<JoinHandle<()>>,
}

impl Serving {
    /// Opens the hub's database and serves on `addr` (port 0: one the OS
    /// picks). `sync_templates_now`: the first template sync runs at once,
    /// else after [`Config::template_sync_every`].
    pub(crate) async fn start(
        config: &Config,
        clock: Arc<dyn Clock>,
        addr: SocketAddr,
        sync_templates_now: bool,
    ) -> anyhow::Result<Serving> {
        let opening = config.clone();
        let hub = tokio::task::spawn_blocking(move || switchboard_hub::Hub::open(opening, clock))
            .await
            .context("opening the hub")?
            .context("opening the hub")?;
        let interrupted = send::confirm_interrupted_sends(&hub)
            .await
            .context("confirming the sends the last stop interrupted")?;
        if interrupted > 0 {
            tracing::info!(
                interrupted,
                "sends interrupted by the last stop await WhatsApp"
            );
        }
        let socket = TcpSocket::new_v4().context("opening the hub's socket")?;
        socket
            .set_reuseaddr(true)
            .context("setting SO_REUSEADDR on the hub's socket")?;
        socket
            .bind(addr)
            .with_context(|| format!("binding the hub to {addr}"))?;
        let listener = socket.listen(1024).context("listening")?;
        let addr = listener.local_addr().context("the hub's address")?;
        let (stop, stopped) = oneshot::channel::<()>();
        let app = switchboard_hub::app(hub.clone());
        let server = tokio::spawn(async move {
            let serve = axum::serve(listener, app).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            if let Err(e) = serve.await {
                tracing::error!(error = %e, "the demo hub stopped serving");
            }
        });
        let chores = vec![
            delivery::spawn_stash_expiry(hub.clone()),
            spawn_template_sync(hub.clone(), sync_templates_now),
        ];
        Ok(Serving {
            hub,
            addr,
            stop: Some(stop),
            server,
            chores,
        })
    }

    /// Stops: the chores, the open streams, then the server (requests in
    /// flight get [`STOP_GRACE`]); its address is free again.
    pub(crate) async fn stop(mut self) {
        for c in &self.chores {
            c.abort();
        }
        self.hub.begin_shutdown();
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if tokio::time::timeout(STOP_GRACE, &mut self.server)
            .await
            .is_err()
        {
            tracing::warn!("the demo hub's requests outlived the grace period; dropped");
            self.server.abort();
            let _ = (&mut self.server).await;
        }
        for c in self.chores.drain(..) {
            let _ = c.await;
        }
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        self.hub.begin_shutdown();
        self.server.abort();
        for c in &self.chores {
            c.abort();
        }
    }
}

/// Syncs the templates every [`Config::template_sync_every`] (first at once
/// if `now`); a failed sync is logged and tried again next time.
fn spawn_template_sync(hub: AppState, now: bool) -> JoinHandle<()> {
    tokio::spawn(async move {
        let every = hub.config.template_sync_every;
        if !now {
            if every.is_zero() {
                return;
            }
            tokio::time::sleep(every).await;
        }
        loop {
            if let Err(e) = templates::sync_all(&hub).await {
                tracing::warn!(error = %e, "demo template sync failed");
            }
            if every.is_zero() {
                return;
            }
            tokio::time::sleep(every).await;
        }
    })
}
