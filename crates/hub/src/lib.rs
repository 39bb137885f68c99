//! switchboard-hub: the team server. It receives Meta's signed webhooks,
//! applies the rules of `switchboard-domain`, keeps the record (SQLite by
//! default, behind [`storage::Storage`]), routes conversations to queues,
//! sends through the Cloud API (`switchboard-cloudapi`), and serves agents
//! the agent API (`switchboard-protocol` types) with its change feed.
//!
//! Must not depend on tauri or on the app's local store and sync client
//! (`switchboard-store`, `switchboard-sync`). Rules live in the
//! domain crate; this crate is IO around them. The router is built by
//! [`app`] so tests drive it without a socket.

pub mod access;
pub mod api;
pub mod auth;
pub mod cli;
pub mod config;
pub mod error;
pub mod feed;
pub mod http_metrics;
pub mod metrics;
pub mod openapi;
pub mod routing;
pub mod secrets;
pub mod sender;
pub mod state;
pub mod storage;
pub mod usecase;
pub mod views;
pub mod webhook;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;

pub use state::{AppState, Hub};

use switchboard_domain::limits::WEBHOOK_MAX_BYTES;

/// The whole HTTP surface.
pub fn app(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/metrics", get(http_metrics::handler))
        .route(
            "/webhooks/whatsapp",
            get(webhook::verify).post(webhook::receive),
        )
        .route("/api/v1/openapi.json", get(openapi::handler))
        .nest("/api/v1", api::router())
        .fallback(|| async { error::ApiErr::not_found("route") })
        // The webhook handler reads the body itself and answers 413 above the
        // limit; this is the hard cap for every route.
        .layer(DefaultBodyLimit::max(WEBHOOK_MAX_BYTES + 1))
        // A bug answers 500 {error:{code:"internal"}} rather than dropping
        // the connection.
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| {
                tracing::error!("a request handler panicked");
                axum::response::IntoResponse::into_response(error::ApiErr::internal(
                    "unexpected error",
                ))
            },
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            http_metrics::track,
        ))
        .with_state(state)
}
