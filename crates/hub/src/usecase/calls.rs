//! Calls: an agent places, accepts, declines or hangs up (SDP passes through
//! to the Cloud API), and Meta's calls webhooks ring, connect and end them.
//! A call ends in one place ([`end_call`]), whoever ended it: the state,
//! the call-permission bookkeeping, the event log and the thread entry.
//! A call belongs to its conversation's queue, always: who may act on it,
//! who sees its changes and where a new one rings follow the conversation
//! (and move when it moves, see `conversations::patch`).

use chrono::{DateTime, Utc};
use switchboard_cloudapi::CallActionRequest;
use switchboard_cloudapi::calls::{CallEventKind, CallStatusKind};
use switchboard_domain::call_permission::{
    CallDirection as RuleDirection, CallPermissionEvent, PermissionState,
};
use switchboard_domain::limits::Limits;
use switchboard_protocol::{
    Call, CallState, CommunicationType, Direction, ErrorCode, EventKind, Message, MessageKind,
    MessageStatus,
};

use super::{Outcome, channels, conversations, permissions, record};
use crate::access::Caller;
use crate::error::{ApiErr, ApiResult};
use crate::state::AppState;
use crate::storage::{ChannelRow, ConversationRow, StoreError, Tx};
use crate::views;

fn upstream(e: switchboard_cloudapi::ClientError) -> ApiErr {
    ApiErr::new(ErrorCode::Upstream, format!("Cloud API: {e}"))
}

/// The call, if the caller may see its conversation (404 / 403 otherwise).
pub fn load(tx: &mut dyn Tx, caller: &Caller, id: &str) -> ApiResult<Call> {
    let mut call = tx.call(id)?.ok_or_else(|| ApiErr::not_found("call"))?;
    let conv =
        conversations::load(tx, caller, &call.conversation_id).map_err(|e| match e.code {
            ErrorCode::Forbidden => ApiErr::forbidden("this call is outside your queues"),
            _ => e,
        })?;
    call.queue_id = conv.queue_id;
    Ok(call)
}

/// Stores a call's new state in its conversation's queue, with its change.
fn save(tx: &mut dyn Tx, call: &mut Call, conv: &ConversationRow) -> ApiResult<()> {
    call.queue_id = conv.queue_id.clone();
    tx.update_call(call)?;
    record::call_changed(tx, call)?;
    Ok(())
}

/// Only a ringing inbound call can be accepted or declined; its call id.
pub fn ensure_ringing(call: &Call) -> ApiResult<String> {
    if call.direction != Direction::Inbound || call.state != CallState::Ringing {
        return Err(ApiErr::new(ErrorCode::Conflict, "the call is not ringing"));
    }
    wacid_of(call)
}

fn wacid_of(call: &Call) -> ApiResult<String> {
    call.wacid
        .clone()
        .ok_or_else(|| ApiErr::invalid("call without id"))
}

/// How a call ended.
#[derive(Debug, Clone, Copy)]
pub struct CallEnd {
    pub at: DateTime<Utc>,
    /// When it connected, if the customer and an agent talked.
    pub connected_at: Option<DateTime<Utc>>,
    pub duration_seconds: Option<u32>,
    /// Meta's error code of a failed call.
    pub error_code: Option<u32>,
}

/// Ends a call (hang-up, Meta's terminate): its final state, the
/// call-permission bookkeeping (a connected call resets the limits, an
/// unanswered business call counts), the event log and the thread entry.
/// `false` when it had already ended (nothing recorded twice).
pub fn end_call(
    tx: &mut dyn Tx,
    call: &mut Call,
    end: CallEnd,
    now: DateTime<Utc>,
    limits: &Limits,
) -> ApiResult<bool> {
    if call.ended_at.is_some() {
        return Ok(false);
    }
    let mut conv = conversations::load_row(tx, &call.conversation_id)?;
    let answered = end.connected_at.is_some();
    call.ended_at = Some(end.at);
    call.connected_at = call.connected_at.or(end.connected_at);
    call.duration_seconds = end.duration_seconds;
    call.error_code = end.error_code.or(call.error_code);
    call.state = if answered {
        CallState::Ended
    } else if call.state == CallState::Declined {
        CallState::Declined
    } else {
        CallState::Missed
    };
    let perm = &mut conv.call_permission;
    let mut perm_changed = false;
    let mut revoked = false;
    if answered {
        let direction = match call.direction {
            Direction::Inbound => RuleDirection::Inbound,
            Direction::Outbound => RuleDirection::Outbound,
        };
        perm.apply(
            CallPermissionEvent::CallConnected { direction },
            call.connected_at.unwrap_or(end.at),
            &limits.call_permission,
        );
        perm_changed = true;
    } else if call.direction == Direction::Outbound {
        let before = perm.state(now, &limits.call_permission);
        perm.apply(
            CallPermissionEvent::BusinessCallUnanswered,
            end.at,
            &limits.call_permission,
        );
        perm_changed = true;
        let after = perm.state(now, &limits.call_permission);
        revoked = before != after && after == PermissionState::Revoked;
    }
    if revoked {
        record::log_event(
            tx,
            &conv,
            EventKind::CallPermissionRevoked,
            "Call permission revoked after unanswered calls",
            None,
            now,
        )?;
    }
    save(tx, call, &conv)?;
    let (kind, text) = match call.state {
        CallState::Ended => (
            EventKind::CallEnded,
            format!(
                "Call ended ({} s)",
                call.duration_seconds.unwrap_or_default()
            ),
        ),
        CallState::Declined => (EventKind::CallMissed, "Call declined".to_owned()),
        _ => (EventKind::CallMissed, "Missed call".to_owned()),
    };
    record::log_event(tx, &conv, kind, &text, None, now)?;
    call_message(tx, &conv, call, &text, now)?;
    if perm_changed {
        conv.updated_at = now;
        tx.update_conversation(&conv)?;
        record::call_permission_changed(tx, &conv, now, limits)?;
        record::conversation_changed(tx, &conv, now, limits)?;
    }
    Ok(true)
}

/// A call event in the thread.
pub fn call_message(
    tx: &mut dyn Tx,
    conv: &ConversationRow,
    call: &Call,
    text: &str,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let msg = Message {
        id: views::new_id(),
        conversation_id: conv.id.clone(),
        direction: call.direction,
        kind: MessageKind::Call,
        text: Some(text.to_owned()),
        media: None,
        location: None,
        reply_to: None,
        forwarded: false,
        frequently_forwarded: false,
        status: if call.direction == Direction::Inbound {
            MessageStatus::Received
        } else {
            MessageStatus::Sent
        },
        failure: None,
        client_id: None,
        wamid: None,
        agent_id: call.agent_id.clone(),
        sent_at: now,
        updated_at: now,
    };
    tx.insert_message(&msg)?;
    record::message_added(tx, &msg, conv.queue_id.as_deref())?;
    Ok(())
}

/// Places a business-initiated call when the permission allows: Meta's
/// connect action with the agent's SDP offer, then the record.
pub async fn place(
    hub: &AppState,
    caller: &Caller,
    conversation_id: String,
    sdp: String,
) -> ApiResult<Call> {
    let now = hub.now();
    let c = caller.clone();
    let (conv, channel) = hub
        .store
        .read(move |tx| {
            let conv = conversations::load(tx, &c, &conversation_id)?;
            let channel = channels::load(tx, &conv.channel_id)?;
            Ok::<_, ApiErr>((conv, channel))
        })
        .await?;
    conv.call_permission
        .can_call(now, &hub.limits.call_permission)
        .map_err(permissions::refusal)?;
    channels::ensure_enabled(&channel)?;
    let mut connect = CallActionRequest::connect(&conv.customer_wa_id, &sdp);
    if conv.customer_wa_id.is_empty() {
        // A customer known only by business-scoped user id: `recipient`.
        connect.to = None;
        connect.recipient = conv.customer_user_id.clone();
    }
    let resp = hub
        .sender
        .call_action(&channel, &connect)
        .await
        .map_err(upstream)?;
    let call = Call {
        id: views::new_id(),
        conversation_id: conv.id.clone(),
        channel_id: conv.channel_id.clone(),
        wacid: resp.call_id().map(str::to_owned),
        direction: Direction::Outbound,
        state: CallState::Connecting,
        queue_id: conv.queue_id.clone(),
        customer: views::customer(&conv),
        remote_sdp: None,
        agent_id: Some(caller.agent.id.clone()),
        started_at: now,
        connected_at: None,
        ended_at: None,
        duration_seconds: None,
        error_code: None,
    };
    let limits = hub.limits.clone();
    hub.store
        .write(move |tx| {
            tx.insert_call(&call)?;
            record::call_changed(tx, &call)?;
            call_message(tx, &conv, &call, "Outgoing call", now)?;
            if let Some(wacid) = &call.wacid {
                replay_stashed(tx, &channel, wacid, now, &limits)?;
            }
            Ok::<_, ApiErr>(tx.call(&call.id)?.unwrap_or(call))
        })
        .await
}

/// Loads a call the caller may act on, with its channel.
async fn load_with_channel(
    hub: &AppState,
    caller: &Caller,
    id: String,
) -> ApiResult<(Call, ChannelRow)> {
    let caller = caller.clone();
    hub.store
        .read(move |tx| {
            let call = load(tx, &caller, &id)?;
            let channel = channels::load(tx, &call.channel_id)?;
            Ok::<_, ApiErr>((call, channel))
        })
        .await
}

/// Records a call's new state with its change, or its end through
/// [`end_call`]. `change` applies to the call as stored now, not as loaded
/// before the Cloud API round trip: a terminate webhook that arrived
/// meanwhile wins (an ended call is never reopened, its end never recorded
/// twice).
async fn update<F>(hub: &AppState, call_id: String, change: F) -> ApiResult<Call>
where
    F: FnOnce(&mut Call, DateTime<Utc>) -> Option<CallEnd> + Send + 'static,
{
    let now = hub.now();
    let limits = hub.limits.clone();
    hub.store
        .write(move |tx| {
            let mut call = tx.call(&call_id)?.ok_or(StoreError::NotFound)?;
            if call.ended_at.is_some() {
                return Ok(call);
            }
            let before = call.clone();
            if let Some(end) = change(&mut call, now) {
                end_call(tx, &mut call, end, now, &limits)?;
            } else if call != before {
                let conv = conversations::load_row(tx, &call.conversation_id)?;
                save(tx, &mut call, &conv)?;
            }
            Ok::<_, ApiErr>(call)
        })
        .await
}

/// Answers a ringing call with the agent's SDP: pre-accept (Meta's advice,
/// it cuts setup time), accept, then the record.
pub async fn accept(hub: &AppState, caller: &Caller, id: String, sdp: String) -> ApiResult<Call> {
    let (call, channel) = load_with_channel(hub, caller, id).await?;
    let wacid = ensure_ringing(&call)?;
    hub.sender
        .call_action(&channel, &CallActionRequest::pre_accept(&wacid, &sdp))
        .await
        .map_err(upstream)?;
    hub.sender
        .call_action(&channel, &CallActionRequest::accept(&wacid, &sdp))
        .await
        .map_err(upstream)?;
    let agent_id = caller.agent.id.clone();
    update(hub, call.id, move |call, now| {
        call.state = CallState::Connected;
        call.connected_at.get_or_insert(now);
        call.agent_id = Some(agent_id);
        None
    })
    .await
}

/// Declines a ringing call. Recorded before asking Meta: the terminate
/// webhook that follows the reject (it may arrive before Meta's answer)
/// then ends a declined call, not a missed one.
pub async fn decline(hub: &AppState, caller: &Caller, id: String) -> ApiResult<Call> {
    let (call, channel) = load_with_channel(hub, caller, id).await?;
    let wacid = ensure_ringing(&call)?;
    let agent_id = caller.agent.id.clone();
    let declined = update(hub, call.id.clone(), move |call, _| {
        if call.state == CallState::Ringing {
            call.state = CallState::Declined;
            call.agent_id = Some(agent_id);
        }
        None
    })
    .await?;
    if declined.state != CallState::Declined || declined.ended_at.is_some() {
        return Ok(declined); // it ended, or was answered, meanwhile
    }
    if let Err(e) = hub
        .sender
        .call_action(&channel, &CallActionRequest::reject(&wacid))
        .await
    {
        // Still ringing as far as Meta knows.
        update(hub, call.id, |call, _| {
            if call.state == CallState::Declined {
                call.state = CallState::Ringing;
                call.agent_id = None;
            }
            None
        })
        .await?;
        return Err(upstream(e));
    }
    let id = call.id;
    hub.store
        .read(move |tx| tx.call(&id)?.ok_or_else(|| ApiErr::not_found("call")))
        .await
}

/// Hangs up: Meta's terminate, then the end as [`end_call`] records it.
pub async fn hangup(hub: &AppState, caller: &Caller, id: String) -> ApiResult<Call> {
    let (call, channel) = load_with_channel(hub, caller, id).await?;
    if call.ended_at.is_some() {
        return Ok(call);
    }
    let wacid = wacid_of(&call)?;
    hub.sender
        .call_action(&channel, &CallActionRequest::terminate(&wacid))
        .await
        .map_err(upstream)?;
    update(hub, call.id, |call, now| {
        Some(CallEnd {
            at: now,
            connected_at: call.connected_at,
            duration_seconds: call
                .connected_at
                .map(|c| u32::try_from((now - c).num_seconds().max(0)).unwrap_or(0)),
            error_code: None,
        })
    })
    .await
}

/// Applies a `calls` webhook value for `channel`: new inbound calls ring
/// (in the conversation's queue), business calls get Meta's answer SDP,
/// statuses move calls on, terminates end them. A customer's call from
/// neither a number nor a business-scoped user id names nobody: it is
/// returned, for the caller to keep as a webhook reject.
pub fn apply_webhook(
    tx: &mut dyn Tx,
    channel: &ChannelRow,
    v: &switchboard_cloudapi::CallsValue,
    now: DateTime<Utc>,
    limits: &Limits,
    out: &mut Outcome,
) -> ApiResult<Vec<switchboard_cloudapi::Call>> {
    let mut unnamed = Vec::new();
    for c in &v.calls {
        out.calls += 1;
        let inbound = matches!(
            c.direction,
            Some(switchboard_cloudapi::CallDirection::UserInitiated)
        ) || (c.direction.is_none() && c.from != channel.channel.display_number);
        let customer = if inbound { &c.from } else { &c.to };
        match c.event {
            CallEventKind::Connect => {
                if let Some(mut call) = tx.call_by_wacid(&c.id)? {
                    // A business call we placed: Meta's answer SDP.
                    if call.remote_sdp.is_none() {
                        call.remote_sdp = c.session.as_ref().map(|s| s.sdp.clone());
                        let conv = conversations::load_row(tx, &call.conversation_id)?;
                        save(tx, &mut call, &conv)?;
                    } else {
                        out.duplicates += 1;
                    }
                    continue;
                }
                if !inbound {
                    // Our business call, answered before `place` recorded its id.
                    stash(tx, v, Some(c), None)?;
                    continue;
                }
                // The caller: `from` (empty for a customer known only by
                // username) and the contact's business-scoped user id.
                let contact = record::contact_of(&v.contacts, customer, None);
                let who = record::customer_ids(customer, None, contact);
                if who.is_unknown() {
                    unnamed.push(c.clone());
                    continue;
                }
                let name = contact
                    .map(|k| k.profile.name.clone())
                    .filter(|n| !n.is_empty());
                let (mut conv, _) = record::find_or_create_conversation(
                    tx,
                    &channel.channel.id,
                    &who,
                    name.as_deref(),
                    CommunicationType::Call,
                    now,
                )?;
                // A customer call opens the window like a message.
                let mut window = views::window_of(&conv);
                window.observe_customer_call(c.timestamp);
                conv.last_customer_message_at = window.last_customer_message_at();
                // It rings in the conversation's queue (a conversation a call
                // started was routed as a call).
                let queue_id = conv.queue_id.clone();
                let call = Call {
                    id: views::new_id(),
                    conversation_id: conv.id.clone(),
                    channel_id: channel.channel.id.clone(),
                    wacid: Some(c.id.clone()),
                    direction: Direction::Inbound,
                    state: CallState::Ringing,
                    queue_id,
                    customer: views::customer(&conv),
                    remote_sdp: c.session.as_ref().map(|s| s.sdp.clone()),
                    agent_id: None,
                    started_at: c.timestamp,
                    connected_at: None,
                    ended_at: None,
                    duration_seconds: None,
                    error_code: None,
                };
                if !tx.insert_call(&call)? {
                    out.duplicates += 1;
                    continue;
                }
                conv.updated_at = now;
                tx.update_conversation(&conv)?;
                record::conversation_changed(tx, &conv, now, limits)?;
                record::call_changed(tx, &call)?;
                call_message(tx, &conv, &call, "Incoming call", now)?;
            }
            CallEventKind::Terminate => {
                let Some(mut call) = tx.call_by_wacid(&c.id)? else {
                    stash(tx, v, Some(c), None)?;
                    continue;
                };
                let answered = c.duration.is_some_and(|d| d > 0) || c.start_time.is_some();
                let end = CallEnd {
                    at: c.end_time.unwrap_or(c.timestamp),
                    connected_at: answered.then(|| {
                        call.connected_at
                            .or(c.start_time)
                            .unwrap_or(call.started_at)
                    }),
                    duration_seconds: c.duration.and_then(|d| u32::try_from(d).ok()),
                    error_code: v
                        .errors
                        .first()
                        .and_then(|e| u32::try_from(e.code.code()).ok()),
                };
                if !end_call(tx, &mut call, end, now, limits)? {
                    out.duplicates += 1;
                }
            }
            _ => {}
        }
    }
    for st in &v.statuses {
        let Some(mut call) = tx.call_by_wacid(&st.id)? else {
            stash(tx, v, None, Some(st))?;
            continue;
        };
        let next = match st.status {
            CallStatusKind::Ringing if call.state == CallState::Connecting => CallState::Ringing,
            CallStatusKind::Accepted if call.ended_at.is_none() => CallState::Connected,
            CallStatusKind::Rejected if call.ended_at.is_none() => CallState::Declined,
            _ => continue,
        };
        if next == call.state {
            continue;
        }
        call.state = next;
        if next == CallState::Connected && call.connected_at.is_none() {
            call.connected_at = Some(st.timestamp);
        }
        let conv = conversations::load_row(tx, &call.conversation_id)?;
        save(tx, &mut call, &conv)?;
    }
    Ok(unnamed)
}

/// Keeps a call webhook item for a call id not recorded yet (a business call
/// whose `place` is still waiting for Meta's answer); replayed by
/// [`replay_stashed`].
fn stash(
    tx: &mut dyn Tx,
    v: &switchboard_cloudapi::CallsValue,
    call: Option<&switchboard_cloudapi::Call>,
    status: Option<&switchboard_cloudapi::CallStatus>,
) -> ApiResult<()> {
    let Some(id) = call
        .map(|c| c.id.clone())
        .or_else(|| status.map(|s| s.id.clone()))
    else {
        return Ok(());
    };
    if !id.starts_with("wacid.") {
        return Ok(());
    }
    let mut one = v.clone();
    one.calls = call.cloned().into_iter().collect();
    one.statuses = status.cloned().into_iter().collect();
    if call.is_none() {
        one.errors.clear();
    }
    let raw = serde_json::to_string(&one).map_err(|e| ApiErr::internal(e.to_string()))?;
    tx.stash_status(&id, &raw)?;
    Ok(())
}

/// Applies the call webhooks that arrived before the call was recorded.
fn replay_stashed(
    tx: &mut dyn Tx,
    channel: &ChannelRow,
    wacid: &str,
    now: DateTime<Utc>,
    limits: &Limits,
) -> ApiResult<()> {
    for raw in tx.take_stashed_statuses(wacid)? {
        if let Ok(v) = serde_json::from_str::<switchboard_cloudapi::CallsValue>(&raw) {
            apply_webhook(tx, channel, &v, now, limits, &mut Outcome::default())?;
        }
    }
    Ok(())
}
