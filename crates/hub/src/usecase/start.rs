//! Starting an outbound conversation: a template (a call-permission
//! template for a call conversation) to a customer typed as an E.164
//! number, in a queue of the agent's.

use switchboard_domain::call_permission::CallRefusalReason;
use switchboard_protocol::{
    CommunicationType, ConversationStatus, ErrorCode, Priority, StartConversationRequest,
    StartConversationResponse,
};

use super::conversations::read;
use super::{permissions, record, send, templates};
use crate::access::Caller;
use crate::error::{ApiErr, ApiResult};
use crate::state::AppState;
use crate::views;

/// The customer's `wa_id` (E.164 digits) from what the agent typed, by the
/// domain's E.164 rule.
fn wa_id_of(phone: &str) -> ApiResult<String> {
    switchboard_domain::phone::normalize_e164(phone, None)
        .map(|e164| e164.digits().to_owned())
        .map_err(|_| ApiErr::invalid("invalid phone number (E.164, e.g. +4915112345678)"))
}

/// The warning when a call-permission request is already pending.
pub const PENDING_WARNING: &str = "a call-permission request is already pending";

/// Starts an outbound conversation with a template (a call-permission
/// template for a call conversation). A customer who already has one gets a
/// 409 linking to it (with a warning when a permission request is pending);
/// a retried `client_id` answers the first result.
pub async fn start(
    hub: &AppState,
    caller: &Caller,
    req: StartConversationRequest,
) -> ApiResult<(bool, StartConversationResponse, bool)> {
    let now = hub.now();
    let limits = hub.limits.clone();
    let wa_id = wa_id_of(&req.phone)?;
    let mut req = req;
    let c = caller.clone();
    let r = req.clone();
    let (queue_id, channel) = hub
        .store
        .read(move |tx| {
            let queue_id = match &r.queue_id {
                Some(q) => {
                    // By id or name; stored by id (visibility compares ids).
                    let queue = tx
                        .queue(q)?
                        .ok_or_else(|| ApiErr::invalid("unknown queue"))?;
                    c.check_queue(&queue.id)?;
                    Some(queue.id)
                }
                None => None,
            };
            Ok::<_, ApiErr>((queue_id, super::channels::load(tx, &r.channel_id)?))
        })
        .await?;
    req.queue_id = queue_id;
    let (out, template) = templates::outgoing(hub, &channel.channel.waba_id, &req.template).await?;
    let is_call = req.communication_type == CommunicationType::Call;
    if is_call && !template.is_call_permission_request() {
        return Err(ApiErr::invalid(
            "a call conversation starts with a call-permission-request template",
        ));
    }
    let r = req.clone();
    let caller2 = caller.clone();
    let extra = is_call.then(|| permissions::request_sent_hook(hub.limits.clone(), now));
    let out2 = out.clone();
    // One transaction creates the conversation and records the message with
    // its client_id: a concurrent start with the same client_id finds both
    // and answers the first result.
    let (conv_id, created, recorded) = hub
        .store
        .write(move |tx| {
            if let Some(existing) = tx.conversation_by_customer(&r.channel_id, &wa_id)? {
                if let Some(first) = tx.message_by_client_id(&existing.id, &r.client_id)? {
                    caller2.check(&existing)?;
                    return Ok((existing.id, false, send::Recorded::Existing(first)));
                }
                if !caller2.can_see_queue(existing.queue_id.as_deref()) {
                    // Say no more than that: which conversation, where and
                    // in what state is not this agent's to see.
                    return Err(ApiErr::new(
                        ErrorCode::Conflict,
                        "this customer already has a conversation you cannot open: ask an admin",
                    ));
                }
                // Link to it instead of a duplicate; warn when a
                // call-permission request there is still pending.
                let pending = existing
                    .call_permission
                    .can_request(now, &limits.call_permission)
                    .is_err_and(|r| r.reason == CallRefusalReason::RequestPending);
                let mut err = ApiErr::new(
                    ErrorCode::Conflict,
                    "a conversation with this customer already exists",
                )
                .with_conversation(existing.id);
                if pending {
                    err = err.with_warning(PENDING_WARNING);
                }
                return Err(err);
            }
            // By number only: a customer known so far only by business-scoped
            // user id cannot be recognised from a number, and gets a second
            // conversation (their ids are not linked).
            let (mut row, _) = record::find_or_create_conversation(
                tx,
                &r.channel_id,
                &record::CustomerIds::phone(&wa_id),
                r.customer_name.as_deref(),
                r.communication_type,
                now,
            )?;
            if r.queue_id.is_some() {
                row.queue_id = r.queue_id.clone();
            } else if !caller2.can_see_queue(row.queue_id.as_deref()) {
                row.queue_id = caller2.agent.queue_ids.first().cloned();
            }
            row.tags = r.tags.clone();
            row.priority = r.priority.unwrap_or(Priority::Normal);
            row.status = r.status.unwrap_or(ConversationStatus::Open);
            tx.update_conversation(&row)?;
            let id = row.id.clone();
            let recorded =
                send::record_outgoing(tx, &caller2, row, &r.client_id, &out2, extra, now, &limits)?;
            Ok::<_, ApiErr>((id, true, recorded))
        })
        .await?;
    let (first, message) = send::deliver(hub, recorded, out).await?;
    let conv = read(hub, caller, &conv_id).await?;
    Ok((
        created,
        StartConversationResponse {
            conversation: views::conversation(&conv, hub.now(), &hub.limits),
            message,
            // A new conversation has no pending request; an existing one is
            // a 409 carrying the warning.
            warnings: Vec::new(),
        },
        first,
    ))
}
