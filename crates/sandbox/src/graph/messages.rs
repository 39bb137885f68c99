//! `POST /{version}/{phone_number_id}/messages`: sends and mark-as-read.
//!
//! Synchronous errors: validation (100 / 131008 / 131009), templates (132001 /
//! 132000 / 132012), throughput (130429), pair rate (131056), call-permission
//! request limits (138009 / 138017). A free-form message outside the customer's
//! window is *accepted* (200 + wamid) and then fails on its status webhook with
//! 131047, as Meta does; so does a message to a number not on WhatsApp (131026:
//! the sandbox treats numbers starting with `999` as such).

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use serde_json::Value;

use super::auth::Authorized;
use super::error::{GraphError, GraphPath};
use super::templates::check_send;
use crate::payloads;
use crate::state::{Grant, OutboundMessage, OutboundStatus, Sandbox, StatusFlowGuard, lock};
use crate::validation::{SendRequest, validate_send};
use switchboard_cloudapi::status::{
    Conversation, ConversationOrigin, DeliveryStatus, MessageStatus, Pricing,
};
use switchboard_cloudapi::{SendMessageResponse, SuccessResponse};

/// Numbers with this prefix are "not on WhatsApp" (status `failed`, 131026).
pub const UNDELIVERABLE_PREFIX: &str = "999";

pub async fn send(
    State(sb): State<Arc<Sandbox>>,
    _auth: Authorized,
    GraphPath((_version, id)): GraphPath<(String, String)>,
    body: Bytes,
) -> Result<Json<Value>, GraphError> {
    if id != sb.config.phone_number_id {
        return Err(super::unknown_object(&id));
    }
    let m = match validate_send(&body)? {
        SendRequest::MarkRead { message_id } => {
            let known = lock(&sb.inbound).iter().any(|m| m.id == message_id);
            if !known {
                return Err(GraphError::new(
                    100,
                    format!("Invalid parameter: message_id {message_id} not found"),
                ));
            }
            let ok = SuccessResponse { success: true };
            return Ok(Json(serde_json::to_value(ok).unwrap_or_default()));
        }
        SendRequest::Message(m) => *m,
    };
    // `to` (phone digits) or `recipient` (BSUID) names the customer.
    let address = m.recipient.clone().unwrap_or_else(|| m.wa_id.clone());
    if let Some(media_id) = &m.media_id
        && !lock(&sb.media).contains_key(media_id)
    {
        return Err(GraphError::new(
            131009,
            format!(
                "Param {}.id is not valid: media {media_id} does not exist",
                m.kind
            ),
        ));
    }
    let template = match &m.template {
        Some((name, language, components)) => {
            Some(check_send(&sb, name, language, components.as_ref())?)
        }
        None => None,
    };
    let now = sb.now();
    let limits = &sb.config.limits;
    let key = match (sb.customer(&address), &m.recipient) {
        (Some(c), _) => c.user_id,
        (None, Some(r)) => r.clone(),
        (None, None) => crate::state::bsuid_for_phone(&m.wa_id),
    };
    {
        let mut limiter = lock(&sb.limiter);
        if !limiter.throughput(limits.throughput_mps, now) {
            return Err(GraphError::new(
                130429,
                format!(
                    "Cloud API message throughput ({} messages per second) has been reached.",
                    limits.throughput_mps
                ),
            ));
        }
        if !limiter.pair(&key, limits.pair_burst, limits.pair_interval, now) {
            return Err(GraphError::new(
                131056,
                "Too many messages sent from the sender phone number to the same recipient phone number in a short period of time.",
            ));
        }
    }
    let is_permission_request = m.call_permission_request
        || template
            .as_ref()
            .is_some_and(|t| t.is_call_permission_request());
    let customer = sb.customer_or_new(&address);
    let window_open = customer.window_open(now, limits.window);
    let failure: Option<(u32, &str)> = if m.free_form() && !window_open {
        Some((
            131047,
            "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
        ))
    } else if customer.wa_id.starts_with(UNDELIVERABLE_PREFIX) {
        Some((
            131026,
            "Message undeliverable: the recipient is not a WhatsApp user.",
        ))
    } else {
        None
    };
    let id = crate::ids::wamid(customer.address());
    if is_permission_request {
        sb.with_customer(&key, |c| {
            let p = &mut c.permission;
            if p.effective(now) == Grant::Permanent {
                return Err(GraphError::new(
                    138017,
                    "The user has already granted permanent call permission.",
                ));
            }
            let day = p.requests_within(now, std::time::Duration::from_secs(24 * 3600));
            let week = p.requests_within(now, std::time::Duration::from_secs(7 * 24 * 3600));
            if day >= limits.permission_requests_24h as usize
                || week >= limits.permission_requests_7d as usize
            {
                return Err(GraphError::new(
                    138009,
                    format!(
                        "Call permission request limit reached: {} per 24 hours and {} per 7 days.",
                        limits.permission_requests_24h, limits.permission_requests_7d
                    ),
                ));
            }
            if failure.is_none() {
                p.requests.push(now);
                p.pending_request = Some(id.clone());
            }
            Ok(())
        })?;
    }
    let raw: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    lock(&sb.outbound).push(OutboundMessage {
        id: id.clone(),
        to: customer.wa_id.clone(),
        user_id: key.clone(),
        recipient: m.recipient.clone(),
        kind: m.kind.clone(),
        template: template
            .as_ref()
            .map(|t| format!("{}/{}", t.name, t.language)),
        free_form: m.free_form(),
        accepted_at: now,
        status: OutboundStatus::Accepted,
        error: None,
        biz_opaque_callback_data: m.biz_opaque_callback_data.clone(),
        body: raw,
    });
    tracing::info!(%id, to = %customer.address(), kind = %m.kind, failure = ?failure.map(|f| f.0), "message accepted");
    let flow = StatusFlow {
        id: id.clone(),
        customer: key.clone(),
        failure: failure.map(|(c, d)| (c, d.to_string())),
        category: template.as_ref().map(|t| t.category.to_ascii_lowercase()),
        only_sent: m.kind == "reaction",
        biz_opaque: m.biz_opaque_callback_data.clone(),
        permission_request: is_permission_request,
    };
    tokio::spawn(flow.run(StatusFlowGuard::new(sb.clone())));
    let mut response = SendMessageResponse::new(m.to_input, m.wa_id, id);
    if m.recipient.is_some() {
        // Sent to a BSUID: Meta answers with the user id and an empty `wa_id`.
        if let Some(c) = response.contacts.first_mut() {
            c.user_id = Some(key);
        }
    }
    Ok(Json(serde_json::to_value(response).unwrap_or_default()))
}

/// The status webhooks of one accepted message: sent → delivered → read, or failed.
struct StatusFlow {
    id: String,
    /// The recipient's BSUID.
    customer: String,
    failure: Option<(u32, String)>,
    /// Template category (lowercase); `None` for free-form (service).
    category: Option<String>,
    /// Reactions only ever get `sent`.
    only_sent: bool,
    biz_opaque: Option<String>,
    permission_request: bool,
}

impl StatusFlow {
    fn status(&self, sb: &Sandbox, status: DeliveryStatus, with_pricing: bool) -> MessageStatus {
        let now = sb.now();
        let sent = status == DeliveryStatus::Sent;
        let customer = sb.customer_or_new(&self.customer);
        let mut s = MessageStatus::new(self.id.clone(), status, now, customer.wa_id.clone());
        s.recipient_user_id = Some(customer.user_id);
        s.biz_opaque_callback_data = self.biz_opaque.clone();
        if with_pricing {
            let (billable, kind, category) = match &self.category {
                Some(c) => (true, "regular", c.as_str()),
                None => (false, "free_customer_service", "service"),
            };
            if sb.config.statuses_have_conversation() {
                s.conversation = Some(Conversation {
                    id: hex::encode(rand::random::<[u8; 16]>()),
                    expiration_timestamp: sent.then(|| now + chrono::TimeDelta::hours(24)),
                    origin: Some(ConversationOrigin {
                        kind: category.to_string(),
                    }),
                });
            }
            s.pricing = Some(Pricing {
                billable: Some(billable),
                pricing_model: Some("PMP".into()),
                kind: Some(kind.into()),
                category: Some(category.into()),
                extra: serde_json::Map::new(),
            });
        }
        s
    }

    /// Posts the status; `sent`, `delivered` and `read` carry the recipient's `contacts[]`.
    fn emit(&self, sb: &Sandbox, status: MessageStatus) {
        let kind = format!("messages/status:{}", status.status.as_str());
        let customer =
            (status.status != DeliveryStatus::Failed).then(|| sb.customer_or_new(&self.customer));
        sb.webhooks.send(
            kind,
            &payloads::message_status(&sb.config, customer.as_ref(), status),
            sb.now(),
        );
    }

    /// Emits the statuses; `guard` counts this sequence as running until it returns.
    async fn run(self, guard: StatusFlowGuard) {
        let sb = guard.sandbox();
        let delays = sb.config.status_delays.clone();
        tokio::time::sleep(delays.sent).await;
        if let Some((code, details)) = &self.failure {
            let error = GraphError::webhook_error(*code, details);
            let error_json = serde_json::to_value(&error).unwrap_or_default();
            sb.set_outbound_status(&self.id, OutboundStatus::Failed, Some(error_json));
            let mut s = self.status(sb, DeliveryStatus::Failed, false);
            s.errors.push(error);
            self.emit(sb, s);
            return;
        }
        sb.set_outbound_status(&self.id, OutboundStatus::Sent, None);
        self.emit(sb, self.status(sb, DeliveryStatus::Sent, true));
        if self.only_sent {
            return;
        }
        tokio::time::sleep(delays.delivered).await;
        sb.set_outbound_status(&self.id, OutboundStatus::Delivered, None);
        self.emit(sb, self.status(sb, DeliveryStatus::Delivered, true));
        if delays.auto_read {
            tokio::time::sleep(delays.read).await;
            sb.set_outbound_status(&self.id, OutboundStatus::Read, None);
            self.emit(sb, self.status(sb, DeliveryStatus::Read, false));
        }
        if self.permission_request {
            crate::customers::persona_permission_reply(sb, &self.customer, &self.id).await;
        }
    }
}
