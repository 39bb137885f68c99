//! Call-permission requests: refused by the domain's limits (429 with
//! `next_allowed_at`); free-form inside the window, a call-permission
//! template outside it. The request is counted in the send's transaction.

use chrono::{DateTime, Timelike, Utc};
use switchboard_cloudapi::OutboundContent;
use switchboard_cloudapi::send::Interactive;
use switchboard_domain::call_permission::{CallPermissionEvent, CallRefusal};
use switchboard_domain::composer;
use switchboard_domain::limits::Limits;
use switchboard_protocol::{
    CallPermissionRequest, CallPermissionRequestResult, ErrorCode, EventKind, MessageKind,
};

use super::send::{self, Hook, Outgoing};
use super::{channels, conversations, record, templates};
use crate::access::Caller;
use crate::error::{ApiErr, ApiResult};
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
        // Checked again in the send's transaction: two requests at once must
        // not both pass the limits (the refusal rolls the message back).
        conv.call_permission
            .can_request(now, &limits.call_permission)
            .map_err(refusal)?;
        // Meta's timestamps have whole seconds: a reply within the same second
        // as the request must still count as answering it.
        let at = now.with_nanosecond(0).unwrap_or(now);
        conv.call_permission.apply(
            CallPermissionEvent::RequestSent,
            at,
            &limits.call_permission,
        );
        record::log_event(
            tx,
            conv,
            EventKind::CallPermissionRequested,
            "Call permission requested",
            Some(&msg.id),
            now,
        )?;
        record::call_permission_changed(tx, conv, now, &limits)?;
        Ok(())
    })
}

/// Asks the customer for permission to call: an interactive request inside
/// the window, the given call-permission template otherwise. A retried
/// `client_id` answers the first result; `true` when this call sent it.
pub async fn request(
    hub: &AppState,
    caller: &Caller,
    conversation_id: String,
    req: CallPermissionRequest,
) -> ApiResult<(bool, CallPermissionRequestResult)> {
    let now = hub.now();
    let client_id = req
        .client_id
        .clone()
        .unwrap_or_else(|| format!("cpr-{}", views::new_id()));
    let (c, cl) = (caller.clone(), client_id.clone());
    let (conv, channel, existing) = hub
        .store
        .read(move |tx| {
            let conv = conversations::load(tx, &c, &conversation_id)?;
            let channel = channels::load(tx, &conv.channel_id)?;
            let existing = tx.message_by_client_id(&conv.id, &cl)?;
            Ok::<_, ApiErr>((conv, channel, existing))
        })
        .await?;
    if existing.is_none() {
        conv.call_permission
            .can_request(now, &hub.limits.call_permission)
            .map_err(refusal)?;
    }
    let window_open = views::window_of(&conv).is_open(now, &hub.limits.window);
    let out = match (&req.template, window_open) {
        (Some(t), _) => {
            let (out, template) = templates::outgoing(hub, &channel.channel.waba_id, t).await?;
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
    let (first, message) =
        send::send(hub, caller, conv.id.clone(), client_id, out, Some(hook)).await?;
    let conv = conversations::read(hub, caller, &conv.id).await?;
    Ok((
        first,
        CallPermissionRequestResult {
            message,
            call_permission: views::call_permission(&conv.call_permission, hub.now(), &hub.limits),
        },
    ))
}
