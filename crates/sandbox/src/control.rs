//! The control API under `/_sandbox/`: act as customers, move the virtual clock,
//! inspect what the business sent and what webhooks went out, change the delivery
//! mode, reset. No auth (a local test tool). Errors: `{"error":{"code","message"}}`.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use switchboard_domain::rfc3339;

use crate::config::DeliveryMode;
use crate::customers::{self, ControlError};
use crate::graph::permissions::describe;
use crate::payloads;
use crate::state::{Sandbox, lock};

impl IntoResponse for ControlError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(json!({ "error": { "code": self.code, "message": self.message } })),
        )
            .into_response()
    }
}

/// axum's `Path`, but an unreadable path (e.g. invalid UTF-8 in an id) gets the
/// control API's `bad_request` envelope instead of axum's plain text.
#[derive(Debug, Clone)]
pub struct ControlPath<T>(pub T);

impl<S, T> FromRequestParts<S> for ControlPath<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Send,
{
    type Rejection = ControlError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ControlError> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(t)) => Ok(Self(t)),
            Err(e) => Err(ControlError::bad_request(e.body_text())),
        }
    }
}

/// One `advance` moves at most ten years (date arithmetic stays far from overflow).
const MAX_ADVANCE_SECS: f64 = 10.0 * 366.0 * 86_400.0;

type Reply = Result<Json<Value>, ControlError>;

fn parse(body: &Bytes) -> Result<Value, ControlError> {
    if body.is_empty() {
        return Ok(json!({}));
    }
    serde_json::from_slice(body)
        .map_err(|e| ControlError::bad_request(format!("invalid JSON: {e}")))
}

pub fn routes() -> Router<Arc<Sandbox>> {
    Router::new()
        .route("/_sandbox/messages", post(send_message))
        .route("/_sandbox/calls", post(place_call).get(list_calls))
        .route("/_sandbox/calls/{call_id}/{action}", post(call_action))
        .route("/_sandbox/calls/{call_id}/media", get(call_media))
        .route("/_sandbox/call-permission-replies", post(permission_reply))
        .route("/_sandbox/clock", get(clock).put(set_clock))
        .route("/_sandbox/clock/advance", post(advance))
        .route("/_sandbox/sent", get(sent))
        .route("/_sandbox/received", get(received))
        .route("/_sandbox/webhooks", get(webhooks))
        .route("/_sandbox/customers", get(list_customers))
        .route("/_sandbox/templates/{id}/status", post(template_status))
        .route(
            "/_sandbox/webhook-config",
            get(webhook_config).put(set_webhook_config),
        )
        .route("/_sandbox/reset", post(reset))
}

async fn send_message(State(sb): State<Arc<Sandbox>>, body: Bytes) -> Reply {
    customers::send_message(&sb, &parse(&body)?).map(Json)
}

async fn place_call(State(sb): State<Arc<Sandbox>>, body: Bytes) -> Reply {
    customers::place_call(&sb, &parse(&body)?).map(Json)
}

async fn call_action(
    State(sb): State<Arc<Sandbox>>,
    ControlPath((call_id, action)): ControlPath<(String, String)>,
) -> Reply {
    customers::customer_call_action(&sb, &call_id, &action).map(Json)
}

/// What the customer's side of a call heard and sent (404: no audio leg).
async fn call_media(
    State(sb): State<Arc<Sandbox>>,
    ControlPath(call_id): ControlPath<String>,
) -> Reply {
    sb.call_media
        .report(&call_id)
        .map(|r| Json(json!(r)))
        .ok_or_else(|| ControlError::not_found(format!("call {call_id} has no audio")))
}

async fn list_calls(State(sb): State<Arc<Sandbox>>) -> Json<Value> {
    let mut calls: Vec<_> = lock(&sb.calls).values().cloned().collect();
    calls.sort_by_key(|c| (c.created_at, c.seq));
    Json(json!({ "calls": calls }))
}

async fn permission_reply(State(sb): State<Arc<Sandbox>>, body: Bytes) -> Reply {
    customers::permission_reply(&sb, &parse(&body)?).map(Json)
}

fn clock_doc(sb: &Sandbox) -> Value {
    let now = sb.now();
    json!({
        "now": rfc3339::format(now).unwrap_or_default(),
        "unix": now.timestamp(),
        "offset_seconds": sb.clock.offset().as_secs(),
        "frozen": sb.clock.is_frozen(),
    })
}

async fn clock(State(sb): State<Arc<Sandbox>>) -> Json<Value> {
    Json(clock_doc(&sb))
}

/// Body: `{frozen: bool}`. Frozen, the clock stands still and only `advance` moves it;
/// running, it is wall time plus the offset again.
async fn set_clock(State(sb): State<Arc<Sandbox>>, body: Bytes) -> Reply {
    let req = parse(&body)?;
    match &req["frozen"] {
        Value::Bool(true) => sb.clock.freeze(),
        Value::Bool(false) => sb.clock.resume(),
        _ => return Err(ControlError::bad_request("`frozen` must be a boolean")),
    }
    tracing::info!(frozen = sb.clock.is_frozen(), "virtual clock mode set");
    Ok(Json(clock_doc(&sb)))
}

/// Body: any of `{seconds, minutes, hours, days}` (non-negative numbers).
async fn advance(State(sb): State<Arc<Sandbox>>, body: Bytes) -> Reply {
    let req = parse(&body)?;
    let mut secs = 0.0;
    for (key, factor) in [
        ("seconds", 1.0),
        ("minutes", 60.0),
        ("hours", 3600.0),
        ("days", 86400.0),
    ] {
        match &req[key] {
            Value::Null => {}
            v => match v.as_f64() {
                Some(n) if n >= 0.0 && n.is_finite() => secs += n * factor,
                _ => {
                    return Err(ControlError::bad_request(format!(
                        "`{key}` must be a non-negative number"
                    )));
                }
            },
        }
    }
    if secs <= 0.0 {
        return Err(ControlError::bad_request(
            "give seconds, minutes, hours or days to move the clock forward",
        ));
    }
    if secs > MAX_ADVANCE_SECS {
        return Err(ControlError::bad_request(
            "the clock moves at most 10 years at a time",
        ));
    }
    if secs > sb.clock.headroom().as_secs_f64() {
        return Err(ControlError::bad_request(
            "the clock is already as far ahead as the sandbox allows (a century); reset it",
        ));
    }
    sb.clock.advance(Duration::from_secs_f64(secs));
    tracing::info!(secs, "virtual clock advanced");
    Ok(Json(clock_doc(&sb)))
}

/// A `?to=` / `?from=` filter: a phone number matches the customer's `wa_id`,
/// anything else their BSUID.
fn matches_customer(filter: Option<&String>, wa_id: &str, user_id: &str) -> bool {
    match filter {
        None => true,
        Some(f) => match crate::state::normalize_phone(f) {
            Some(digits) => digits == wa_id,
            None => f == user_id,
        },
    }
}

/// What the business sent, oldest first; `?to=` (a number or a BSUID) filters by recipient.
async fn sent(
    State(sb): State<Arc<Sandbox>>,
    Query(q): Query<HashMap<String, String>>,
) -> Json<Value> {
    let messages: Vec<_> = lock(&sb.outbound)
        .iter()
        .filter(|m| matches_customer(q.get("to"), &m.to, &m.user_id))
        .cloned()
        .collect();
    Json(json!({ "messages": messages }))
}

/// What customers sent, oldest first; `?from=` (a number or a BSUID) filters.
async fn received(
    State(sb): State<Arc<Sandbox>>,
    Query(q): Query<HashMap<String, String>>,
) -> Json<Value> {
    let messages: Vec<_> = lock(&sb.inbound)
        .iter()
        .filter(|m| matches_customer(q.get("from"), &m.from, &m.from_user_id))
        .cloned()
        .collect();
    Json(json!({ "messages": messages }))
}

/// The webhook delivery log; `?state=pending|delivered|failed` filters.
/// `status_flows_running`: accepted messages whose status webhooks are still to be
/// queued (0: every status of every message sent so far is in the log or its queue).
async fn webhooks(
    State(sb): State<Arc<Sandbox>>,
    Query(q): Query<HashMap<String, String>>,
) -> Json<Value> {
    let log: Vec<_> = sb
        .webhooks
        .log()
        .into_iter()
        .filter(|r| q.get("state").is_none_or(|s| r.state == s.as_str()))
        .collect();
    Json(json!({ "deliveries": log, "status_flows_running": sb.status_flows_running() }))
}

async fn list_customers(State(sb): State<Arc<Sandbox>>) -> Json<Value> {
    let now = sb.now();
    let window = sb.config.limits.window;
    let mut customers: Vec<_> = lock(&sb.customers).values().cloned().collect();
    customers.sort_by(|a, b| (&a.wa_id, &a.user_id).cmp(&(&b.wa_id, &b.user_id)));
    let list: Vec<Value> = customers
        .iter()
        .map(|c| {
            json!({
                "wa_id": c.wa_id,
                "user_id": c.user_id,
                "username": c.username,
                "name": c.name,
                "last_inbound_at": c.last_inbound_at.and_then(rfc3339::format),
                "window_open": c.window_open(now, window),
                "window_closes_at": c.last_inbound_at.and_then(|t| rfc3339::format(t + window)),
                "call_permission": describe(&sb, &c.permission, now),
                "unanswered_calls_in_a_row": c.permission.unanswered_in_a_row,
                "pending_permission_request": c.permission.pending_request,
            })
        })
        .collect();
    Json(json!({ "customers": list }))
}

/// Changes a template's status and sends `message_template_status_update`.
/// Body: `{event: "APPROVED"|"REJECTED"|"PAUSED"|"DISABLED"|…, reason?}`.
async fn template_status(
    State(sb): State<Arc<Sandbox>>,
    ControlPath(id): ControlPath<String>,
    body: Bytes,
) -> Reply {
    let req = parse(&body)?;
    let event = req["event"]
        .as_str()
        .ok_or_else(|| {
            ControlError::bad_request(
                "`event` is required (APPROVED, REJECTED, PAUSED, DISABLED, …)",
            )
        })?
        .to_ascii_uppercase();
    let reason = req["reason"].as_str().unwrap_or("NONE").to_string();
    let template = {
        let mut templates = sb.templates.write().unwrap_or_else(|e| e.into_inner());
        let t = templates
            .iter_mut()
            .find(|t| t.id == id)
            .ok_or_else(|| ControlError::not_found(format!("no template with id {id}")))?;
        t.status = event.clone();
        t.rejected_reason = (event == "REJECTED").then(|| reason.clone());
        t.clone()
    };
    let now = sb.now();
    let env = payloads::template_status(&sb.config, &template, &event, &reason, now);
    sb.webhooks
        .send(format!("message_template_status_update:{event}"), &env, now);
    Ok(Json(json!({ "template": template })))
}

async fn webhook_config(State(sb): State<Arc<Sandbox>>) -> Json<Value> {
    let mode = sb.webhooks.mode();
    Json(
        json!({ "url": sb.webhooks.url(), "duplicate": mode.duplicate, "out_of_order": mode.out_of_order }),
    )
}

/// Body: `{url?, duplicate?, out_of_order?}`; omitted fields keep their value.
async fn set_webhook_config(State(sb): State<Arc<Sandbox>>, body: Bytes) -> Reply {
    let req = parse(&body)?;
    if let Some(url) = req.get("url") {
        match url {
            Value::Null => sb.webhooks.set_url(None),
            Value::String(u) if u.starts_with("http://") || u.starts_with("https://") => {
                sb.webhooks.set_url(Some(u.clone()))
            }
            _ => {
                return Err(ControlError::bad_request(
                    "`url` must be an http(s) URL or null",
                ));
            }
        }
    }
    let mut mode: DeliveryMode = sb.webhooks.mode();
    for (key, slot) in [
        ("duplicate", &mut mode.duplicate),
        ("out_of_order", &mut mode.out_of_order),
    ] {
        match &req[key] {
            Value::Null => {}
            Value::Bool(b) => *slot = *b,
            _ => {
                return Err(ControlError::bad_request(format!(
                    "`{key}` must be a boolean"
                )));
            }
        }
    }
    sb.webhooks.set_mode(mode);
    Ok(webhook_config(State(sb)).await)
}

async fn reset(State(sb): State<Arc<Sandbox>>) -> Json<Value> {
    sb.reset();
    tracing::info!("sandbox reset");
    Json(json!({ "reset": true }))
}
