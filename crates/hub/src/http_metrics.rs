//! `/metrics` (Prometheus text) and the middleware that counts requests and
//! times webhook acks into the hub's [`crate::metrics::Metrics`].

use std::sync::atomic::Ordering::Relaxed;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::state::AppState;

pub async fn handler(State(hub): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        hub.metrics.render(),
    )
        .into_response()
}

pub async fn track(State(hub): State<AppState>, req: Request, next: Next) -> Response {
    let webhook =
        req.uri().path() == "/webhooks/whatsapp" && req.method() == axum::http::Method::POST;
    let start = Instant::now();
    let resp = next.run(req).await;
    hub.metrics.http_requests.fetch_add(1, Relaxed);
    if resp.status().is_server_error() {
        hub.metrics.http_5xx.fetch_add(1, Relaxed);
    }
    if webhook {
        hub.metrics.observe_webhook(start.elapsed().as_secs_f64());
    }
    resp
}
