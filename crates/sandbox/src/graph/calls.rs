//! `POST /{version}/{phone_number_id}/calls`: connect / pre_accept / accept /
//! reject / terminate, and the `calls` webhooks both sides of a call produce.
//!
//! A business-initiated call needs the customer's permission (138006), stays
//! within the connected-calls-per-24-h limit (138012) and cannot overlap an
//! ongoing call with the same customer (138003). SDP problems are 100.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use serde_json::Value;

use super::auth::Authorized;
use super::error::{GraphError, GraphPath};
use crate::call_end::end_call;
use crate::payloads;
use crate::state::{Call, CallState, Direction, Grant, Sandbox, lock};
use switchboard_cloudapi::calls::{CallActionResponse, CallDirection, CallRef, Session};

pub async fn action(
    State(sb): State<Arc<Sandbox>>,
    _auth: Authorized,
    GraphPath((_version, id)): GraphPath<(String, String)>,
    body: Bytes,
) -> Result<Json<Value>, GraphError> {
    if id != sb.config.phone_number_id {
        return Err(super::unknown_object(&id));
    }
    let body: Value = serde_json::from_slice(&body)
        .map_err(|e| GraphError::new(100, format!("Invalid JSON in request body: {e}")))?;
    if !body.is_object() {
        return Err(GraphError::new(
            100,
            "The request body must be a JSON object.",
        ));
    }
    if body["messaging_product"].as_str() != Some("whatsapp") {
        return Err(GraphError::new(
            100,
            "The parameter messaging_product is required and must be `whatsapp`.",
        ));
    }
    let action = body["action"]
        .as_str()
        .ok_or_else(|| GraphError::new(131008, "The parameter action is required."))?;
    let biz_opaque = body["biz_opaque_callback_data"]
        .as_str()
        .map(str::to_string);
    if biz_opaque.as_ref().is_some_and(|b| b.chars().count() > 512) {
        return Err(GraphError::new(
            100,
            "Param biz_opaque_callback_data must be at most 512 characters long.",
        ));
    }
    match action {
        "connect" => connect(&sb, &body, biz_opaque),
        "pre_accept" | "accept" | "reject" | "terminate" => {
            let call_id = body["call_id"]
                .as_str()
                .ok_or_else(|| GraphError::new(131008, "The parameter call_id is required."))?;
            let sdp = if action == "pre_accept" || action == "accept" {
                Some(check_sdp(&body, "answer")?)
            } else {
                None
            };
            business_action(&sb, call_id, action, biz_opaque, sdp)?;
            let response = CallActionResponse {
                messaging_product: "whatsapp".into(),
                calls: Vec::new(),
                success: Some(true),
            };
            Ok(Json(serde_json::to_value(response).unwrap_or_default()))
        }
        other => Err(GraphError::new(
            131009,
            format!(
                "Param action is not valid: `{other}` (connect, pre_accept, accept, reject, terminate)"
            ),
        )),
    }
}

/// `session` (or the legacy `connection.webrtc`) with an SDP of the expected type.
fn check_sdp(body: &Value, want: &str) -> Result<String, GraphError> {
    let (sdp_type, sdp) = if body["session"].is_object() {
        (
            body["session"]["sdp_type"].as_str(),
            body["session"]["sdp"].as_str(),
        )
    } else if body["connection"]["webrtc"].is_object() {
        (Some(want), body["connection"]["webrtc"]["sdp"].as_str())
    } else {
        return Err(GraphError::new(
            131008,
            "The parameter session is required.",
        ));
    };
    if sdp_type != Some(want) {
        return Err(GraphError::new(
            100,
            format!("Invalid parameter: session.sdp_type must be `{want}`"),
        ));
    }
    match sdp {
        Some(s) if s.starts_with("v=0") && s.contains("m=audio") => Ok(s.to_string()),
        _ => Err(GraphError::new(
            100,
            "Invalid parameter: session.sdp is not a valid SDP (SDP validation error)",
        )),
    }
}

fn connect(
    sb: &Arc<Sandbox>,
    body: &Value,
    biz_opaque: Option<String>,
) -> Result<Json<Value>, GraphError> {
    // `to` (a phone number) wins; without it, `recipient` (a BSUID) names the customer.
    let to = body["to"].as_str().filter(|t| !t.is_empty());
    let recipient = body["recipient"].as_str().filter(|r| !r.is_empty());
    let address = match (to, recipient) {
        (Some(to), _) => crate::state::normalize_phone(to).ok_or_else(|| {
            GraphError::new(131009, "Param to is not valid: not a valid phone number")
        })?,
        (None, Some(r)) if crate::state::plausible_bsuid(r) => r.to_string(),
        (None, Some(_)) => {
            return Err(GraphError::new(
                131009,
                "Param recipient is not valid: not a business-scoped user id",
            ));
        }
        (None, None) => return Err(GraphError::new(131008, "The parameter to is required.")),
    };
    let offer_sdp = check_sdp(body, "offer")?;
    let now = sb.now();
    let limits = &sb.config.limits;
    let customer = sb.with_customer(&address, |c| {
        if c.permission.effective(now) == Grant::NoPermission {
            return Err(GraphError::new(
                138006,
                "No approved call permission from the recipient.",
            ));
        }
        if c.permission
            .calls_within(now, std::time::Duration::from_secs(24 * 3600))
            >= limits.connected_calls_24h as usize
        {
            return Err(GraphError::new(
                138012,
                format!(
                    "Business-initiated calling limit of {} connected calls per 24 hours reached.",
                    limits.connected_calls_24h
                ),
            ));
        }
        Ok(c.clone())
    })?;
    let call_id = crate::ids::wacid(customer.address());
    {
        let mut calls = lock(&sb.calls);
        if calls
            .values()
            .any(|c| c.user_id == customer.user_id && c.state != CallState::Ended)
        {
            return Err(GraphError::new(
                138003,
                "A call with this user is already in progress.",
            ));
        }
        calls.insert(
            call_id.clone(),
            Call {
                seq: sb.next_call_seq(),
                id: call_id.clone(),
                wa_id: customer.wa_id.clone(),
                user_id: customer.user_id.clone(),
                direction: Direction::BusinessInitiated,
                state: CallState::Ringing,
                created_at: now,
                connected_at: None,
                ended_at: None,
                outcome: None,
                biz_opaque_callback_data: biz_opaque.clone(),
                answer_sdp: None,
            },
        );
    }
    tracing::info!(%call_id, to = %customer.address(), "business call placed");
    let mut event = payloads::call(
        &call_id,
        &sb.config.display_number,
        &customer.wa_id,
        "connect",
        now,
        CallDirection::BusinessInitiated,
    );
    // Meta's answer runs the customer's audio; an offer no WebRTC stack can
    // use (a placeholder) still gets a plausible one, and no audio.
    let answer = sb
        .call_media
        .answer(&call_id, &offer_sdp, crate::call_media::DEFAULT_VOICE_HZ)
        .unwrap_or_else(|| payloads::sdp("answer"));
    event.session = Some(Session::answer(answer));
    event.biz_opaque_callback_data = biz_opaque.clone();
    let env = payloads::call_event(&sb.config, &customer, event, Vec::new());
    sb.webhooks.send("calls/connect", &env, now);
    let env = payloads::call_status(
        &sb.config,
        &call_id,
        &customer,
        "RINGING",
        now,
        biz_opaque.as_deref(),
    );
    sb.webhooks.send("calls/status:RINGING", &env, now);
    crate::customers::persona_answer_call(sb, &customer.user_id, &call_id);
    let response = CallActionResponse {
        messaging_product: "whatsapp".into(),
        calls: vec![CallRef { id: call_id }],
        success: None,
    };
    Ok(Json(serde_json::to_value(response).unwrap_or_default()))
}

fn business_action(
    sb: &Arc<Sandbox>,
    call_id: &str,
    action: &str,
    biz_opaque: Option<String>,
    sdp: Option<String>,
) -> Result<(), GraphError> {
    let now = sb.now();
    let call = lock(&sb.calls).get(call_id).cloned();
    let Some(call) = call else {
        return Err(GraphError::new(
            100,
            format!("Invalid parameter: call {call_id} not found"),
        ));
    };
    if call.state == CallState::Ended {
        return Err(GraphError::new(
            100,
            format!("Invalid parameter: call {call_id} has already ended"),
        ));
    }
    let user_initiated = call.direction == Direction::UserInitiated;
    match action {
        "pre_accept" | "accept" | "reject" if !user_initiated => Err(GraphError::new(
            100,
            format!("Invalid parameter: `{action}` applies to user-initiated calls only"),
        )),
        "pre_accept" if call.state == CallState::Ringing => {
            // Pre-accepting lets the media connect before the accept.
            if let Some(answer) = &sdp {
                sb.call_media.complete(call_id, answer);
            }
            set_state(sb, call_id, CallState::PreAccepted, |c| c.answer_sdp = sdp);
            Ok(())
        }
        "pre_accept" => Err(GraphError::new(
            100,
            "Invalid parameter: the call is already pre-accepted or connected",
        )),
        "accept" if call.state == CallState::Connected => Err(GraphError::new(
            100,
            "Invalid parameter: the call is already connected",
        )),
        "accept" if call.answer_sdp.is_some() && call.answer_sdp != sdp => Err(GraphError::new(
            100,
            "Invalid parameter: the accept SDP must equal the pre_accept SDP",
        )),
        "accept" => {
            if let Some(answer) = &sdp {
                sb.call_media.complete(call_id, answer);
            }
            set_state(sb, call_id, CallState::Connected, |c| {
                c.answer_sdp = sdp;
                c.connected_at = Some(now);
                if biz_opaque.is_some() {
                    c.biz_opaque_callback_data = biz_opaque.clone();
                }
            });
            sb.with_customer(&call.user_id, |c| {
                // A connected call resets the permission-request limits.
                c.permission.requests.clear();
            });
            tracing::info!(%call_id, "user call accepted by the business");
            Ok(())
        }
        "reject" => {
            end_call(sb, call_id, "rejected", None);
            Ok(())
        }
        _ => {
            end_call(sb, call_id, "terminated_by_business", None);
            Ok(())
        }
    }
}

fn set_state(sb: &Sandbox, call_id: &str, state: CallState, f: impl FnOnce(&mut Call)) {
    if let Some(c) = lock(&sb.calls).get_mut(call_id) {
        c.state = state;
        f(c);
    }
}
