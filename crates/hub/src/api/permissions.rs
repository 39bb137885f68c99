//! Call-permission requests: refused by the domain's limits (429 with
//! `next_allowed_at`); free-form inside the window, a call-permission
//! template outside it.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Timelike, Utc};
use switchboard_cloudapi::OutboundContent;
use switchboard_cloudapi::send::Interactive;
use switchboard_domain::call_permission::{CallPermissionEvent, CallRefusal};
use switchboard_domain::composer;
use switchboard_domain::limits::Limits;
use switchboard_protocol::{
    CallPermissionRequest, CallPermissionRequestResult, ErrorCode, EventKind, MessageKind,
};

use crate::auth::Caller;
use crate::error::ApiPath;
use crate::error::{ApiErr, ApiResult};
use crate::ops;
use crate::outbound::{Hook, Outgoing};
use crate::state::AppState;
use crate::views;

pub fn refusal(r: CallRefusal) -> ApiErr {
    let reason = serde_json::to_value(r.reason)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    ApiErr::new(
        ErrorCode::LimitReached,
        format!("not allowed now: {reason}"),
    )
    .with_next_allowed_at(r.next_allowed_at)
}

/// Bookkeeping of a sent request, in the send's transaction.
pub fn request_sent_hook(limits: Limits, now: DateTime<Utc>) -> Hook {
    Box::new(move |tx, conv, msg| {
        let mut perm = views::call_permission_of(conv);
        // Checked again in the send's transaction: two requests at once must
        // not both pass the limits (the refusal rolls the message back).
        perm.can_request(now, &limits.call_permission)
            .map_err(refusal)?;
        // Meta's timestamps have whole seconds: a reply within the same second
        // as the request must still count as answering it.
        let at = now.with_nanosecond(0).unwrap_or(now);
        perm.apply(
            CallPermissionEvent::RequestSent,
            at,
            &limits.call_permission,
        );
        conv.call_permission = serde_json::to_value(&perm).unwrap_or_default();
        ops::log_event(
            tx,
            conv,
            EventKind::CallPermissionRequested,
            "Call permission requested",
            Some(&msg.id),
            now,
        )?;
        ops::emit_call_permission(tx, conv, now, &limits)?;
        Ok(())
    })
}

pub async fn request(
    State(hub): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    body: Option<Json<CallPermissionRequest>>,
) -> ApiResult<(StatusCode, Json<CallPermissionRequestResult>)> {
    let req = body.map(|Json(b)| b).unwrap_or_default();
    let now = hub.now();
    let conv = crate::api::conversations::load(&hub, &caller, &id).await?;
    let client_id = req
        .client_id
        .clone()
        .unwrap_or_else(|| format!("cpr-{}", views::new_id()));
    // A retried client_id answers the first result.
    let (cid, cl) = (conv.id.clone(), client_id.clone());
    let existing = hub
        .store
        .read(move |tx| tx.message_by_client_id(&cid, &cl))
        .await?;
    if existing.is_none() {
        views::call_permission_of(&conv)
            .can_request(now, &hub.limits.call_permission)
            .map_err(refusal)?;
    }
    let window_open = views::window_of(&conv).is_open(now, &hub.limits.window);
    let out = match (&req.template, window_open) {
        (Some(t), _) => {
            let channel_id = conv.channel_id.clone();
            let channel = hub
                .store
                .read(move |tx| tx.channel(&channel_id))
                .await?
                .ok_or_else(|| ApiErr::not_found("channel"))?;
            let (out, template) =
                crate::api::templates::outgoing(&hub, &channel.channel.waba_id, t).await?;
            if !template.is_call_permission_request() {
                return Err(ApiErr::invalid(
                    "the template has no call-permission request",
                ));
            }
            out
        }
        (None, true) => {
            let text = req
                .body_text
                .clone()
                .unwrap_or_else(|| "May we call you on WhatsApp?".to_owned());
            Outgoing {
                content: OutboundContent::Interactive {
                    interactive: Interactive::call_permission_request(text.clone()),
                },
                kind: MessageKind::CallPermissionRequest,
                rule_kind: composer::MessageKind::Text,
                text: Some(text),
                media: None,
                template_status: None,
            }
        }
        (None, false) => {
            return Err(ApiErr::new(
                ErrorCode::WindowClosed,
                "outside the window a call-permission template is needed",
            ));
        }
    };
    let hook = request_sent_hook(hub.limits.clone(), now);
    let (status, message) =
        crate::outbound::send(&hub, &caller, conv.id.clone(), client_id, out, Some(hook)).await?;
    let conv = crate::api::conversations::load(&hub, &caller, &conv.id).await?;
    Ok((
        status,
        Json(CallPermissionRequestResult {
            message,
            call_permission: views::call_permission(
                &views::call_permission_of(&conv),
                hub.now(),
                &hub.limits,
            ),
        }),
    ))
}
