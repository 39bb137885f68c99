//! switchboard-sandbox: a faithful emulator of Meta's WhatsApp Cloud API, so the
//! demo and the tests run the whole flow on one machine with no Meta account.
//!
//! It serves the Graph subset the hub uses (messages, calls, call permissions,
//! templates, media), answers with Meta's error codes, sends signed webhooks
//! (messages, statuses, calls, permission replies, template updates) to a
//! configured URL, and offers a control API under `/_sandbox/` to act as
//! customers and move a virtual clock. In calls it plays Meta's media side
//! (`call_media`): the customer's voice is a tone, what they hear is recorded.
//! See README.md.
//!
//! Must not depend on tauri, the hub, the store, sync or protocol crates, or any
//! database: it stands in for Meta. Its only workspace dependencies are
//! switchboard-cloudapi (the wire types it serves), switchboard-domain (the
//! `Clock` trait its virtual clock implements) and switchboard-media (the far
//! end of a call's WebRTC session); `tests/boundaries.rs` checks this.
//!
//! In-process use (tests): `let sb = switchboard_sandbox::spawn(Config::for_tests(Some(url))).await?;`
//! then point a Graph client at `sb.base_url` and drive customers via `sb.base_url/_sandbox/...`.

pub mod call_end;
pub mod call_media;
pub mod clock;
pub mod config;
pub mod control;
pub mod customers;
pub mod graph;
pub mod ids;
pub mod lock;
pub mod payloads;
pub mod scenario;
pub mod state;
pub mod templates;
pub mod validation;
pub mod webhooks;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::routing::get;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use config::{Config, DeliveryMode, Scenario};
pub use state::Sandbox;

/// The whole HTTP surface: Graph routes, lookaside media and `/_sandbox/` control.
pub fn router(state: Arc<Sandbox>) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .merge(control::routes())
        .merge(graph::routes())
        .fallback(unknown_route)
        .with_state(state)
}

/// An unknown path: under `/_sandbox/` the control API's `not_found`, elsewhere Meta's 100.
async fn unknown_route(uri: axum::http::Uri) -> axum::response::Response {
    use axum::response::IntoResponse as _;
    if uri.path().starts_with("/_sandbox/") {
        customers::ControlError::not_found(format!("no control route {}", uri.path()))
            .into_response()
    } else {
        graph::error::GraphError::new(100, "Unknown path components").into_response()
    }
}

/// A running sandbox (in-process). Dropping it does not stop the server; call `shutdown`.
#[derive(Debug)]
pub struct SandboxHandle {
    /// `http://127.0.0.1:PORT` — the Graph base URL (append `/{version}/...`) and control base.
    pub base_url: String,
    pub addr: SocketAddr,
    pub state: Arc<Sandbox>,
    shutdown: Option<oneshot::Sender<()>>,
    server: JoinHandle<()>,
    scenario: Option<JoinHandle<()>>,
}

impl SandboxHandle {
    /// `{base_url}/{api_version}`, e.g. `http://127.0.0.1:40123/v23.0`.
    pub fn graph_url(&self) -> String {
        format!("{}/{}", self.base_url, self.state.config.api_version)
    }

    /// The sandbox's clock (a `switchboard_domain::Clock`), to share with an in-process hub.
    pub fn clock(&self) -> Arc<clock::VirtualClock> {
        self.state.clock.clone()
    }

    /// Stops the server and the scenario (when it returns, the scenario task is gone).
    pub async fn shutdown(mut self) {
        if let Some(s) = self.scenario.take() {
            s.abort();
            let _ = s.await;
        }
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        let _ = (&mut self.server).await;
    }
}

/// Binds `config.listen` (use port 0 for an ephemeral one) and serves the sandbox
/// on the current tokio runtime.
pub async fn spawn(config: Config) -> std::io::Result<SandboxHandle> {
    let listener = TcpListener::bind(config.listen).await?;
    let addr = listener.local_addr()?;
    let base_url = format!("http://{addr}");
    let public = config
        .public_url
        .clone()
        .unwrap_or_else(|| base_url.clone());
    let scenario = config.scenario;
    let state = Arc::new(Sandbox::new(
        config,
        public.trim_end_matches('/').to_string(),
    ));
    let app = router(state.clone());
    let (tx, rx) = oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        let shutdown = async {
            let _ = rx.await;
        };
        if let Err(e) = axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await
        {
            tracing::error!(error = %e, "sandbox server stopped");
        }
    });
    let scenario = scenario.map(|s| match s {
        Scenario::Demo => tokio::spawn(scenario::run_demo(
            state.clone(),
            scenario::DemoTiming::default(),
        )),
    });
    tracing::info!(%addr, "sandbox listening");
    Ok(SandboxHandle {
        base_url,
        addr,
        state,
        shutdown: Some(tx),
        server,
        scenario,
    })
}
