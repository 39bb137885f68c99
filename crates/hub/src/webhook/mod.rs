//! `/webhooks/whatsapp`: Meta's verification handshake (GET) and signed
//! webhooks (POST). The signature is checked over the raw bytes before
//! anything else (401, nothing stored); above 3 MB is 413; malformed JSON
//! is 400 with the reason logged. The batch is persisted (one write, or
//! several of at most `config.webhook_items_per_write` items for a big one:
//! see `usecase::batches`), then acknowledged; template re-syncs run after
//! the answer.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use subtle::ConstantTimeEq;
use switchboard_cloudapi::{SIGNATURE_HEADER, WebhookEnvelope};

use switchboard_domain::limits::WEBHOOK_MAX_BYTES;

use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub struct Handshake {
    #[serde(rename = "hub.mode")]
    mode: Option<String>,
    #[serde(rename = "hub.verify_token")]
    verify_token: Option<String>,
    #[serde(rename = "hub.challenge")]
    challenge: Option<String>,
}

pub async fn verify(State(hub): State<AppState>, Query(q): Query<Handshake>) -> Response {
    let ok = match (&hub.config.verify_token, &q.verify_token) {
        (Some(want), Some(got)) => bool::from(want.as_bytes().ct_eq(got.as_bytes())),
        _ => false,
    };
    if q.mode.as_deref() == Some("subscribe") && ok {
        q.challenge.unwrap_or_default().into_response()
    } else {
        (StatusCode::FORBIDDEN, "verification failed").into_response()
    }
}

pub async fn receive(State(hub): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    use std::sync::atomic::Ordering::Relaxed;
    let m = &hub.metrics;
    if body.len() > WEBHOOK_MAX_BYTES {
        m.webhooks_rejected.fetch_add(1, Relaxed);
        return (StatusCode::PAYLOAD_TOO_LARGE, "payload too large").into_response();
    }
    let Some(secret) = hub.config.app_secret.as_deref() else {
        m.webhooks_rejected.fetch_add(1, Relaxed);
        tracing::warn!("webhook refused: no app secret configured");
        return (StatusCode::UNAUTHORIZED, "signature required").into_response();
    };
    let sig = headers.get(SIGNATURE_HEADER).and_then(|v| v.to_str().ok());
    if switchboard_cloudapi::signature::verify_opt(secret.as_bytes(), &body, sig).is_err() {
        m.webhooks_rejected.fetch_add(1, Relaxed);
        tracing::warn!("webhook refused: bad or missing signature");
        return (StatusCode::UNAUTHORIZED, "bad signature").into_response();
    }
    let envelope = match WebhookEnvelope::from_slice(&body) {
        Ok(e) => e,
        Err(e) => {
            m.webhooks_rejected.fetch_add(1, Relaxed);
            let reason = malformed_reason(&e);
            tracing::warn!(
                %reason,
                line = e.line(),
                column = e.column(),
                bytes = body.len(),
                "webhook refused: malformed JSON"
            );
            return (StatusCode::BAD_REQUEST, "malformed JSON").into_response();
        }
    };
    use crate::usecase::batches;
    match batches::ingest_in_parts(
        &hub.store,
        envelope,
        hub.config.webhook_items_per_write,
        hub.now(),
        &hub.limits,
    )
    .await
    {
        Ok(outcome) => {
            m.webhooks_ok.fetch_add(1, Relaxed);
            m.messages_in.fetch_add(outcome.messages, Relaxed);
            m.duplicates.fetch_add(outcome.duplicates, Relaxed);
            m.webhook_items_rejected.fetch_add(outcome.rejects, Relaxed);
            if !outcome.template_changes.is_empty() {
                let hub = hub.clone();
                tokio::spawn(async move {
                    for channel_id in outcome.template_changes {
                        if let Err(e) =
                            crate::usecase::templates::sync_channel(&hub, &channel_id).await
                        {
                            tracing::warn!(error = %e, "template re-sync after webhook failed");
                        }
                    }
                });
            }
            StatusCode::OK.into_response()
        }
        Err(e) => {
            // Storage trouble: let Meta retry.
            tracing::error!(error = %e, "webhook not persisted");
            (StatusCode::SERVICE_UNAVAILABLE, "try again").into_response()
        }
    }
}

/// Why a signed body was not a webhook, fit for the log: a shape error's
/// text may quote a value (customer text), so only syntax errors are given
/// verbatim.
fn malformed_reason(e: &serde_json::Error) -> String {
    match e.classify() {
        serde_json::error::Category::Data => "the JSON does not have a webhook's shape".to_owned(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_logged_reason_never_quotes_the_payload() {
        let shape = WebhookEnvelope::from_slice(br#"{"entry": "my card 4111 1111 1111 1111"}"#)
            .unwrap_err();
        assert!(shape.to_string().contains("4111"), "serde would quote it");
        assert!(!malformed_reason(&shape).contains("4111"));
        let syntax = WebhookEnvelope::from_slice(b"{not json").unwrap_err();
        assert!(malformed_reason(&syntax).contains("line 1"));
    }
}
