//! Simulated customers: what a person on WhatsApp does (write, forward, reply,
//! call, answer, decline, grant permission), turned into the webhooks Meta would
//! send. Used by the control API and by the demo scenario.

use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use base64::Engine as _;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use switchboard_domain::rfc3339;

use crate::call_end::end_call;
use crate::clock::unix_string;
use crate::payloads;
use crate::state::{
    Call, CallState, Customer, Direction, Grant, InboundMessage, Sandbox, bsuid_for_username, lock,
    normalize_phone, normalize_username, plausible_bsuid,
};

/// A control-API error: `{"error":{"code","message"}}`.
#[derive(Debug, Clone)]
pub struct ControlError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ControlError {
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            code: "bad_request",
            message: message.into(),
        }
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::NOT_FOUND,
            code: "not_found",
            message: message.into(),
        }
    }
    pub fn conflict(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::CONFLICT,
            code: "conflict",
            message: message.into(),
        }
    }
    pub fn internal(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal",
            message: message.into(),
        }
    }
}

/// `timestamp` as unix seconds (number or digits) or RFC 3339; default: now.
fn parse_timestamp(v: &Value, now: DateTime<Utc>) -> Result<DateTime<Utc>, ControlError> {
    let bad = || ControlError::bad_request("timestamp: unix seconds or an RFC 3339 date-time");
    let t = match v {
        Value::Null => return Ok(now),
        Value::Number(n) => n
            .as_i64()
            .and_then(|s| DateTime::from_timestamp(s, 0))
            .ok_or_else(bad)?,
        Value::String(s) => match s.parse::<i64>() {
            Ok(secs) => DateTime::from_timestamp(secs, 0).ok_or_else(bad)?,
            Err(_) => rfc3339::parse(s).ok_or_else(bad)?,
        },
        _ => return Err(bad()),
    };
    // Meta's timestamps are past instants; keep them in a range date arithmetic can't overflow.
    let earliest = DateTime::from_timestamp(946_684_800, 0).unwrap_or(now); // 2000-01-01
    if t < earliest || t > now + chrono::TimeDelta::days(1) {
        return Err(ControlError::bad_request(
            "timestamp must lie between 2000-01-01 and one day after the sandbox's now",
        ));
    }
    Ok(t)
}

/// The customer a control request is about, created on first use; returns its BSUID.
///
/// `from` (a phone number), `username` and `user_id` (a BSUID) identify the customer;
/// at least one is required. A new customer given only `username` (optionally
/// `user_id`, `country_code`) is known by username alone: Meta sends an empty `wa_id`.
/// Naming both a known customer and a phone number they lacked makes the number
/// visible from then on (as when the customer saves the business's number); `username`
/// gives a phone customer a username. Ids that name two different customers are a conflict.
fn sender(sb: &Sandbox, req: &Value) -> Result<String, ControlError> {
    let text = |key: &str| -> Result<Option<&str>, ControlError> {
        match &req[key] {
            Value::Null => Ok(None),
            Value::String(s) if !s.trim().is_empty() => Ok(Some(s.as_str())),
            _ => Err(ControlError::bad_request(format!(
                "`{key}` must be a non-empty string"
            ))),
        }
    };
    let phone = text("from")?
        .map(|f| {
            normalize_phone(f)
                .ok_or_else(|| ControlError::bad_request("`from` is not a valid phone number"))
        })
        .transpose()?;
    let username = text("username")?
        .map(|u| {
            normalize_username(u).ok_or_else(|| {
                ControlError::bad_request("`username`: 3 to 35 characters of a-z, 0-9, `.` and `_`")
            })
        })
        .transpose()?;
    let user_id = text("user_id")?
        .map(|u| {
            plausible_bsuid(u).then(|| u.to_string()).ok_or_else(|| {
                ControlError::bad_request(
                    "`user_id` must look like a BSUID: `US.13491208655302741918`",
                )
            })
        })
        .transpose()?;
    let country = match text("country_code")? {
        None => "US".to_string(),
        Some(c) if c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()) => {
            c.to_ascii_uppercase()
        }
        Some(_) => {
            return Err(ControlError::bad_request(
                "`country_code` must be two letters (ISO 3166 alpha-2)",
            ));
        }
    };
    if phone.is_none() && username.is_none() && user_id.is_none() {
        return Err(ControlError::bad_request(
            "`from` (the customer's number), `username` or `user_id` is required",
        ));
    }
    let mut keys: Vec<String> = Vec::new();
    for found in [
        user_id.as_deref().and_then(|u| sb.customer(u)),
        username.as_deref().and_then(|u| sb.customer_by_username(u)),
        phone.as_deref().and_then(|p| sb.customer(p)),
    ]
    .into_iter()
    .flatten()
    {
        if !keys.contains(&found.user_id) {
            keys.push(found.user_id);
        }
    }
    if keys.len() > 1 {
        return Err(ControlError::conflict(
            "`from`, `username` and `user_id` name different customers",
        ));
    }
    let key = match keys.pop() {
        Some(k) => k,
        None => {
            let c = match (&phone, &user_id) {
                (Some(p), None) => Customer::with_phone(p),
                (Some(p), Some(u)) => Customer {
                    wa_id: p.clone(),
                    ..Customer::with_user_id(u, None)
                },
                (None, Some(u)) => Customer::with_user_id(u, username.as_deref()),
                (None, None) => {
                    let u = username.as_deref().unwrap_or_default();
                    Customer::with_user_id(&bsuid_for_username(u, &country), Some(u))
                }
            };
            let key = c.user_id.clone();
            lock(&sb.customers).insert(key.clone(), c);
            key
        }
    };
    let name = req["name"].as_str();
    sb.with_customer(&key, |c| {
        if let Some(p) = &phone
            && c.wa_id.is_empty()
        {
            c.wa_id = p.clone();
        }
        if username.is_some() {
            c.username = username.clone();
        }
        if let Some(name) = name {
            c.name = name.to_string();
        }
    });
    Ok(key)
}

const MEDIA: &[&str] = &["image", "video", "audio", "document", "sticker"];

fn default_mime(kind: &str) -> &'static str {
    match kind {
        "image" => "image/jpeg",
        "video" => "video/mp4",
        "audio" => "audio/ogg",
        "sticker" => "image/webp",
        _ => "application/pdf",
    }
}

/// A customer sends a message. Body: `{from | username | user_id, name?, timestamp?,
/// type?, <type>: {...}, forwarded?, frequently_forwarded?, reply_to?}`; `text` may be a
/// plain string.
pub fn send_message(sb: &Arc<Sandbox>, req: &Value) -> Result<Value, ControlError> {
    if !req.is_object() {
        return Err(ControlError::bad_request("the body must be a JSON object"));
    }
    let key = sender(sb, req)?;
    let customer = sb.customer_or_new(&key);
    let now = sb.now();
    let timestamp = parse_timestamp(&req["timestamp"], now)?;
    let kind = req["type"].as_str().unwrap_or("text").to_string();
    let content = match (kind.as_str(), &req[kind.as_str()]) {
        ("text", Value::String(s)) => json!({ "body": s }),
        ("text", Value::Object(o)) if o.get("body").is_some_and(Value::is_string) => {
            Value::Object(o.clone())
        }
        ("text", _) => {
            return Err(ControlError::bad_request(
                "text: a string or {\"body\": \"…\"} is required",
            ));
        }
        ("contacts", Value::Array(a)) if !a.is_empty() => Value::Array(a.clone()),
        ("location", Value::Object(o))
            if o.get("latitude").is_some() && o.get("longitude").is_some() =>
        {
            Value::Object(o.clone())
        }
        ("location", _) => {
            return Err(ControlError::bad_request(
                "location: {latitude, longitude, name?, address?}",
            ));
        }
        (k, v) if MEDIA.contains(&k) => inbound_media(sb, k, v, now)?,
        (k, Value::Object(o)) => {
            let _ = k;
            Value::Object(o.clone())
        }
        (k, _) => {
            return Err(ControlError::bad_request(format!(
                "`{k}`: an object with the message content is required"
            )));
        }
    };
    let forwarded = req["forwarded"].as_bool().unwrap_or(false);
    let frequently = req["frequently_forwarded"].as_bool().unwrap_or(false);
    let reply_to = req["reply_to"].as_str();
    let context = match (forwarded, frequently, reply_to) {
        (false, false, None) => None,
        (true, false, None) => Some(json!({ "forwarded": true })),
        (false, true, None) => Some(json!({ "frequently_forwarded": true })),
        (false, false, Some(id)) => Some(json!({ "from": sb.config.display_number, "id": id })),
        _ => {
            return Err(ControlError::bad_request(
                "forwarded, frequently_forwarded and reply_to exclude each other",
            ));
        }
    };
    let id = crate::ids::wamid(customer.address());
    let mut message = json!({
        "from": customer.wa_id, "from_user_id": customer.user_id,
        "id": id, "timestamp": unix_string(timestamp), "type": kind,
    });
    message[kind.as_str()] = content;
    if let Some(ctx) = context {
        message["context"] = ctx;
    }
    if let Some(referral) = req.get("referral").filter(|r| r.is_object()) {
        message["referral"] = referral.clone();
    }
    check_shape(&message)?;
    deliver_inbound(sb, &key, timestamp, &kind, message.clone());
    Ok(json!({
        "id": id, "from": customer.wa_id, "user_id": customer.user_id,
        "timestamp": unix_string(timestamp), "message": message,
    }))
}

/// The `type`s Meta documents; a message of one of these must have its documented shape.
const KNOWN_TYPES: &[&str] = &[
    "text",
    "image",
    "video",
    "audio",
    "document",
    "sticker",
    "location",
    "contacts",
    "interactive",
    "button",
    "reaction",
    "order",
    "system",
    "unsupported",
    "revoke",
    "edit",
    "request_welcome",
];

/// A customer message must be one Meta could send: it reads as cloudapi's
/// `InboundMessage` (else the webhook would not be typed), and a documented type has
/// its documented object (`location.latitude` a number, `reaction.emoji` a string, …).
/// Undocumented types (`"type": "poll"`) stay allowed, to test a receiver's handling
/// of types it does not know.
fn check_shape(message: &Value) -> Result<(), ControlError> {
    let typed: switchboard_cloudapi::InboundMessage = serde_json::from_value(message.clone())
        .map_err(|e| ControlError::bad_request(format!("not a message Meta could send: {e}")))?;
    use switchboard_cloudapi::{InteractiveReply, MessageContent};
    let malformed = |what: &str| {
        Err(ControlError::bad_request(format!(
            "`{what}`: the object does not have the shape Meta sends for this type"
        )))
    };
    match &typed.content {
        MessageContent::Unknown { kind, .. } if KNOWN_TYPES.contains(&kind.as_str()) => {
            malformed(kind)
        }
        MessageContent::Interactive {
            interactive: InteractiveReply::Unknown(raw),
        } => match raw["type"].as_str() {
            Some(t @ ("button_reply" | "list_reply" | "nfm_reply" | "call_permission_reply")) => {
                malformed(&format!("interactive.{t}"))
            }
            _ => Ok(()),
        },
        _ => Ok(()),
    }
}

fn inbound_media(
    sb: &Sandbox,
    kind: &str,
    v: &Value,
    now: DateTime<Utc>,
) -> Result<Value, ControlError> {
    let empty = json!({});
    let v = if v.is_null() { &empty } else { v };
    if !v.is_object() {
        return Err(ControlError::bad_request(format!(
            "{kind}: an object {{caption?, mime_type?, filename?, data_base64?}}"
        )));
    }
    let mime = match &v["mime_type"] {
        Value::Null => default_mime(kind).to_string(),
        Value::String(m) if crate::graph::media::plausible_mime(m) => m.clone(),
        _ => {
            return Err(ControlError::bad_request(format!(
                "{kind}.mime_type must be a MIME type such as `{}`",
                default_mime(kind)
            )));
        }
    };
    let bytes = match v["data_base64"].as_str() {
        Some(b) => base64::engine::general_purpose::STANDARD
            .decode(b)
            .map_err(|_| {
                ControlError::bad_request(format!("{kind}.data_base64 is not valid base64"))
            })?,
        None => format!("sandbox {kind} file").into_bytes(),
    };
    let filename = v["filename"].as_str().map(str::to_string);
    let id = crate::graph::media::store(sb, &mime, bytes, filename.clone());
    let sha256 = lock(&sb.media)
        .get(&id)
        .map(|m| m.sha256.clone())
        .unwrap_or_default();
    let mut out = json!({ "id": id, "mime_type": mime, "sha256": sha256, "url": crate::graph::media::download_url(sb, &id, now) });
    if let Some(c) = v["caption"].as_str() {
        out["caption"] = json!(c);
    }
    match kind {
        "document" => out["filename"] = json!(filename.unwrap_or_else(|| "document.pdf".into())),
        "audio" => out["voice"] = json!(v["voice"].as_bool().unwrap_or(false)),
        "sticker" => out["animated"] = json!(v["animated"].as_bool().unwrap_or(false)),
        _ => {}
    }
    Ok(out)
}

/// Records an inbound message of customer `key`, refreshes the window, posts the
/// webhook. `message` carries the customer's `from` and `from_user_id`.
fn deliver_inbound(sb: &Sandbox, key: &str, timestamp: DateTime<Utc>, kind: &str, message: Value) {
    let customer = sb.with_customer(key, |c| {
        c.last_inbound_at = Some(c.last_inbound_at.map_or(timestamp, |t| t.max(timestamp)));
        c.clone()
    });
    let id = message["id"].as_str().unwrap_or("").to_string();
    lock(&sb.inbound).push(InboundMessage {
        id: id.clone(),
        from: customer.wa_id.clone(),
        from_user_id: customer.user_id.clone(),
        timestamp,
        kind: kind.to_string(),
        message: message.clone(),
    });
    tracing::info!(%id, from = %customer.address(), %kind, "customer message");
    let env = payloads::inbound_message(&sb.config, &customer, message);
    sb.webhooks.send(format!("messages/{kind}"), &env, sb.now());
}

/// A customer calls the business: a ringing user-initiated call with Meta's offer.
pub fn place_call(sb: &Arc<Sandbox>, req: &Value) -> Result<Value, ControlError> {
    let key = sender(sb, req)?;
    // The customer's voice: a tone the app's side can recognise.
    let voice_hz = match &req["voice_hz"] {
        Value::Null => crate::call_media::DEFAULT_VOICE_HZ,
        v => v
            .as_f64()
            .filter(|hz| (100.0..=4000.0).contains(hz))
            .ok_or_else(|| ControlError::bad_request("voice_hz: a number from 100 to 4000"))?,
    };
    let now = sb.now();
    // A user-initiated call opens the window, answered or not.
    let customer = sb.with_customer(&key, |c| c.clone());
    let call_id = crate::ids::wacid(customer.address());
    {
        let mut calls = lock(&sb.calls);
        if calls
            .values()
            .any(|c| c.user_id == customer.user_id && c.state != CallState::Ended)
        {
            return Err(ControlError::conflict("this customer is already in a call"));
        }
        calls.insert(
            call_id.clone(),
            Call {
                seq: sb.next_call_seq(),
                id: call_id.clone(),
                wa_id: customer.wa_id.clone(),
                user_id: customer.user_id.clone(),
                direction: Direction::UserInitiated,
                state: CallState::Ringing,
                created_at: now,
                connected_at: None,
                ended_at: None,
                outcome: None,
                biz_opaque_callback_data: None,
                answer_sdp: None,
            },
        );
    }
    sb.with_customer(&key, |c| {
        c.last_inbound_at = Some(c.last_inbound_at.map_or(now, |t| t.max(now)));
    });
    let mut event = payloads::call(
        &call_id,
        &customer.wa_id,
        &sb.config.display_number,
        "connect",
        now,
        switchboard_cloudapi::CallDirection::UserInitiated,
    );
    let offer = sb.call_media.offer(&call_id, voice_hz).map_err(|e| {
        lock(&sb.calls).remove(&call_id);
        ControlError::internal(format!("the customer's audio could not start: {e}"))
    })?;
    event.session = Some(switchboard_cloudapi::Session::offer(offer));
    event.deeplink_payload = req["deeplink_payload"].as_str().map(str::to_string);
    event.cta_payload = req["cta_payload"].as_str().map(str::to_string);
    let env = payloads::call_event(&sb.config, &customer, event, Vec::new());
    sb.webhooks.send("calls/connect", &env, now);
    tracing::info!(%call_id, from = %customer.address(), "customer call ringing");
    if sb.config.callback_permission {
        let _ = grant_permission(sb, &key, true, false, Some(call_id.clone()), "automatic");
    }
    ring_timeout(sb, &call_id);
    Ok(json!({ "call_id": call_id, "from": customer.wa_id, "user_id": customer.user_id }))
}

/// Unanswered calls stop ringing after `ring_timeout` on the sandbox's clock (Meta:
/// "Not answered"): as time passes, or at once when the clock is advanced past it.
fn ring_timeout(sb: &Arc<Sandbox>, call_id: &str) {
    let Some(deadline) = sb.clock.deadline_after(sb.config.ring_timeout) else {
        return;
    };
    let sb = sb.clone();
    let call_id = call_id.to_string();
    tokio::spawn(async move {
        sb.clock.sleep_until(deadline).await;
        let call = lock(&sb.calls).get(&call_id).cloned();
        if let Some(c) =
            call.filter(|c| matches!(c.state, CallState::Ringing | CallState::PreAccepted))
        {
            match c.direction {
                Direction::UserInitiated => {
                    end_call(&sb, &call_id, "not_answered", None);
                }
                Direction::BusinessInitiated => {
                    let _ = customer_call_action(&sb, &call_id, "ignore");
                }
            }
        }
    });
}

fn call_for(sb: &Sandbox, call_id: &str) -> Result<Call, ControlError> {
    let call = lock(&sb.calls)
        .get(call_id)
        .cloned()
        .ok_or_else(|| ControlError::not_found(format!("no call {call_id}")))?;
    if call.state == CallState::Ended {
        return Err(ControlError::conflict(format!(
            "call {call_id} has already ended"
        )));
    }
    Ok(call)
}

/// The customer answers, declines, ignores or hangs up a call.
pub fn customer_call_action(
    sb: &Arc<Sandbox>,
    call_id: &str,
    action: &str,
) -> Result<Value, ControlError> {
    let call = call_for(sb, call_id)?;
    let now = sb.now();
    let bic = call.direction == Direction::BusinessInitiated;
    let ringing = call.state != CallState::Connected;
    let status = |s: &str| {
        let customer = sb.customer_or_new(&call.user_id);
        let env = payloads::call_status(
            &sb.config,
            call_id,
            &customer,
            s,
            now,
            call.biz_opaque_callback_data.as_deref(),
        );
        sb.webhooks.send(format!("calls/status:{s}"), &env, now);
    };
    match action {
        "answer" if bic && ringing => {
            if let Some(c) = lock(&sb.calls).get_mut(call_id) {
                c.state = CallState::Connected;
                c.connected_at = Some(now);
            }
            sb.with_customer(&call.user_id, |c| {
                c.permission.connected_calls.push(now);
                c.permission.requests.clear();
                c.permission.unanswered_in_a_row = 0;
                // An accepted business call opens the window.
                c.last_inbound_at = Some(c.last_inbound_at.map_or(now, |t| t.max(now)));
            });
            sb.call_media.speak(call_id);
            status("ACCEPTED");
            tracing::info!(%call_id, "customer answered");
        }
        "decline" | "ignore" if bic && ringing => {
            if action == "decline" {
                status("REJECTED");
            }
            let revoke = sb.config.limits.unanswered_revoke;
            sb.with_customer(&call.user_id, |c| {
                c.permission.unanswered_in_a_row += 1;
                if c.permission.unanswered_in_a_row >= revoke {
                    c.permission.grant = Grant::NoPermission;
                    tracing::info!(customer = %c.address(), "call permission revoked after {revoke} unanswered calls");
                }
            });
            end_call(
                sb,
                call_id,
                if action == "decline" {
                    "declined"
                } else {
                    "not_answered"
                },
                None,
            );
        }
        "hangup" => {
            let outcome = if ringing {
                "caller_hung_up"
            } else {
                "completed"
            };
            end_call(sb, call_id, outcome, None);
        }
        "answer" | "decline" | "ignore" if !bic => {
            return Err(ControlError::conflict(
                "the customer placed this call; the business answers it via Graph /calls",
            ));
        }
        "answer" | "decline" | "ignore" => {
            return Err(ControlError::conflict("the call is already connected"));
        }
        other => {
            return Err(ControlError::not_found(format!(
                "unknown call action `{other}`"
            )));
        }
    }
    let call = lock(&sb.calls).get(call_id).cloned();
    Ok(json!({ "call": call }))
}

/// The customer replies to a call-permission request (or, with `request_id`, to a missed call).
pub fn permission_reply(sb: &Arc<Sandbox>, req: &Value) -> Result<Value, ControlError> {
    let key = sender(sb, req)?;
    let accept = match req["response"].as_str() {
        Some("accept") => true,
        Some("reject") => false,
        _ => {
            return Err(ControlError::bad_request(
                "`response` must be `accept` or `reject`",
            ));
        }
    };
    let permanent = req["permanent"].as_bool().unwrap_or(false);
    let request_id = match req["request_id"].as_str() {
        Some(id) => Some(id.to_string()),
        None => sb.customer(&key).and_then(|c| c.permission.pending_request),
    };
    if request_id.is_none() {
        return Err(ControlError::conflict(
            "no call-permission request to reply to (give request_id)",
        ));
    }
    grant_permission(sb, &key, accept, permanent, request_id, "user_action")
}

/// `key`: the customer (phone digits or BSUID).
fn grant_permission(
    sb: &Sandbox,
    key: &str,
    accept: bool,
    permanent: bool,
    request_id: Option<String>,
    source: &str,
) -> Result<Value, ControlError> {
    let now = sb.now();
    let expires_at = now + sb.config.limits.temporary_permission;
    let customer = sb.with_customer(key, |c| {
        c.permission.grant = match (accept, permanent) {
            (false, _) => Grant::NoPermission,
            (true, true) => Grant::Permanent,
            (true, false) => Grant::Temporary { expires_at },
        };
        c.permission.pending_request = None;
        c.permission.unanswered_in_a_row = 0;
        if source == "user_action" {
            c.last_inbound_at = Some(c.last_inbound_at.map_or(now, |t| t.max(now)));
        }
        c.clone()
    });
    let mut reply = json!({
        "response": if accept { "accept" } else { "reject" },
        "is_permanent": accept && permanent,
        "response_source": source,
    });
    if accept && !permanent {
        reply["expiration_timestamp"] = json!(expires_at.timestamp());
    }
    let id = crate::ids::wamid(customer.address());
    let mut message = json!({
        "from": customer.wa_id, "from_user_id": customer.user_id,
        "id": id, "timestamp": unix_string(now), "type": "interactive",
        "interactive": { "type": "call_permission_reply", "call_permission_reply": reply },
    });
    if let Some(r) = request_id {
        message["context"] = json!({ "from": sb.config.display_number, "id": r });
    }
    deliver_inbound(sb, key, now, "interactive", message.clone());
    Ok(json!({ "id": id, "message": message }))
}

/// Demo personas: reply to a permission request on their own (`key`: phone digits or BSUID).
pub async fn persona_permission_reply(sb: &Arc<Sandbox>, key: &str, request_id: &str) {
    let Some((accept, permanent)) = sb.customer(key).and_then(|c| c.persona.permission_reply)
    else {
        return;
    };
    tokio::time::sleep(sb.config.persona_delay).await;
    let still_pending = sb
        .customer(key)
        .and_then(|c| c.permission.pending_request)
        .as_deref()
        == Some(request_id);
    if still_pending {
        let _ = grant_permission(
            sb,
            key,
            accept,
            permanent,
            Some(request_id.to_string()),
            "user_action",
        );
    }
}

/// Demo personas: answer business calls, hang up after a while (`key`: phone digits or BSUID).
pub fn persona_answer_call(sb: &Arc<Sandbox>, key: &str, call_id: &str) {
    ring_timeout(sb, call_id);
    let Some(hold) = sb
        .customer(key)
        .and_then(|c| c.persona.answers_calls_for_secs)
    else {
        return;
    };
    let sb = sb.clone();
    let call_id = call_id.to_string();
    tokio::spawn(async move {
        tokio::time::sleep(sb.config.persona_delay).await;
        if customer_call_action(&sb, &call_id, "answer").is_ok() {
            tokio::time::sleep(Duration::from_secs(hold)).await;
            let _ = customer_call_action(&sb, &call_id, "hangup");
        }
    });
}
