//! Applies one verified webhook batch inside one transaction: every entry,
//! change, message, status and call. Duplicates (same wamid / wacid) are
//! ignored; statuses never move back; card numbers are redacted before
//! storing unless the channel turned it off; forwarded flags are kept.
//! Input problems never fail the batch: an item that does not parse (or a
//! whole `messages`/`calls` value without its metadata) is kept as a webhook
//! reject for admins, redacted, with a warning that carries no customer text.

use chrono::{DateTime, Utc};
use switchboard_cloudapi::calls::{CallEventKind, CallStatusKind};
use switchboard_cloudapi::inbound::PermissionResponse as WirePermissionResponse;
use switchboard_cloudapi::{
    ChangeValue, DeliveryStatus, InboundMessage, InteractiveReply, MessageContent, MessagesValue,
    UnparsedItem, WebhookEnvelope,
};
use switchboard_domain::call_permission::{
    CallDirection as RuleDirection, CallPermissionEvent, PermissionResponse,
};
use switchboard_domain::limits::Limits;
use switchboard_domain::redaction::{RedactionSettings, redact_for_channel};
use switchboard_protocol::{
    Call, CallState, ChangeKind, CommunicationType, ConversationStatus, Customer, Direction,
    EventKind, Media, Message, MessageKind, MessageStatus,
};

use crate::ops;
use crate::outbound::fail_message;
use crate::storage::{ChannelRow, ConversationRow, NewWebhookReject, StoreResult, Tx, status_rank};
use crate::views;

#[derive(Debug, Default)]
pub struct Outcome {
    pub messages: u64,
    pub statuses: u64,
    pub calls: u64,
    pub duplicates: u64,
    /// Items that did not parse, kept as webhook rejects.
    pub rejects: u64,
    /// Channels whose templates changed on Meta's side (re-sync after the ack).
    pub template_changes: Vec<String>,
}

pub fn ingest(
    tx: &mut dyn Tx,
    env: &WebhookEnvelope,
    now: DateTime<Utc>,
    limits: &Limits,
) -> StoreResult<Outcome> {
    let mut out = Outcome::default();
    for entry in &env.entry {
        for change in &entry.changes {
            match &change.value {
                ChangeValue::Messages(v) => {
                    keep_unparsed(
                        tx,
                        &change.field,
                        &v.metadata.phone_number_id,
                        &v.unparsed,
                        now,
                        &mut out,
                    )?;
                    messages_change(tx, v, now, limits, &mut out)?;
                }
                ChangeValue::Calls(v) => {
                    keep_unparsed(
                        tx,
                        &change.field,
                        &v.metadata.phone_number_id,
                        &v.unparsed,
                        now,
                        &mut out,
                    )?;
                    calls_change(tx, v, now, limits, &mut out)?;
                }
                ChangeValue::TemplateStatus(_) => {
                    for ch in tx.channels()? {
                        if ch.channel.waba_id == entry.id
                            && !out.template_changes.contains(&ch.channel.id)
                        {
                            out.template_changes.push(ch.channel.id.clone());
                        }
                    }
                }
                ChangeValue::Other(value)
                    if change.field == switchboard_cloudapi::webhook::FIELD_MESSAGES
                        || change.field == switchboard_cloudapi::webhook::FIELD_CALLS =>
                {
                    // A value cloudapi could not type at all (metadata
                    // missing, not an object…): it may hold messages.
                    keep_unparsed_value(tx, &change.field, value, now, &mut out)?;
                }
                ChangeValue::Other(_) => {
                    tracing::debug!(field = %change.field, "webhook field not handled");
                }
            }
        }
    }
    Ok(out)
}

/// The redaction setting for text about to be stored for a business number:
/// the channel's switch, on when the number is unknown.
fn redaction_for(tx: &mut dyn Tx, pnid: Option<&str>) -> StoreResult<Option<RedactionSettings>> {
    let channel = match pnid {
        Some(p) => tx.channel_by_phone_number_id(p)?,
        None => None,
    };
    Ok(match channel {
        Some(c) if !c.channel.enabled => None,
        Some(c) => Some(settings_of(&c)),
        None => Some(RedactionSettings::default()),
    })
}

pub fn settings_of(channel: &ChannelRow) -> RedactionSettings {
    RedactionSettings {
        redact_card_numbers: channel.channel.redact_card_numbers,
    }
}

/// Every string of `v` redacted (keys too: they are customer-chosen in places).
fn redact_json(v: &serde_json::Value, settings: &RedactionSettings) -> serde_json::Value {
    use serde_json::Value;
    let r = |s: &str| redact_for_channel(s, settings).text.into_owned();
    match v {
        Value::String(s) => Value::String(r(s)),
        Value::Array(a) => Value::Array(a.iter().map(|x| redact_json(x, settings)).collect()),
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, x)| (r(k), redact_json(x, settings)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Keeps one item that did not parse. The log names the field, list and
/// number only: the parse error may quote customer text.
#[allow(clippy::too_many_arguments)]
fn keep_reject(
    tx: &mut dyn Tx,
    settings: &RedactionSettings,
    pnid: Option<&str>,
    field: &str,
    list: &str,
    error: &str,
    raw: &serde_json::Value,
    now: DateTime<Utc>,
    out: &mut Outcome,
) -> StoreResult<()> {
    let reject = NewWebhookReject {
        received_at: now,
        phone_number_id: pnid.map(str::to_owned),
        field: field.to_owned(),
        list: list.to_owned(),
        error: redact_for_channel(error, settings).text.into_owned(),
        raw: redact_json(raw, settings).to_string(),
    };
    if tx.insert_webhook_reject(&reject)? {
        out.rejects += 1;
        tracing::warn!(
            phone_number_id = pnid.unwrap_or("-"),
            field,
            list,
            "webhook item did not parse: kept as a webhook reject for admins"
        );
    } else {
        out.duplicates += 1;
    }
    Ok(())
}

/// Keeps the items of a typed value that did not parse.
fn keep_unparsed(
    tx: &mut dyn Tx,
    field: &str,
    pnid: &str,
    unparsed: &[UnparsedItem],
    now: DateTime<Utc>,
    out: &mut Outcome,
) -> StoreResult<()> {
    if unparsed.is_empty() {
        return Ok(());
    }
    let Some(settings) = redaction_for(tx, Some(pnid))? else {
        return Ok(()); // a disabled channel: its webhooks are ignored
    };
    for item in unparsed {
        keep_reject(
            tx,
            &settings,
            Some(pnid),
            field,
            &item.list,
            &item.error,
            &item.raw,
            now,
            out,
        )?;
    }
    Ok(())
}

/// Keeps a whole `messages`/`calls` value that did not parse.
fn keep_unparsed_value(
    tx: &mut dyn Tx,
    field: &str,
    value: &serde_json::Value,
    now: DateTime<Utc>,
    out: &mut Outcome,
) -> StoreResult<()> {
    let pnid = value
        .pointer("/metadata/phone_number_id")
        .and_then(|v| v.as_str())
        .filter(|p| !p.is_empty());
    let Some(settings) = redaction_for(tx, pnid)? else {
        return Ok(());
    };
    let error = if field == switchboard_cloudapi::webhook::FIELD_CALLS {
        serde_json::from_value::<switchboard_cloudapi::CallsValue>(value.clone()).err()
    } else {
        serde_json::from_value::<MessagesValue>(value.clone()).err()
    }
    .map_or_else(|| "the value did not parse".to_owned(), |e| e.to_string());
    keep_reject(tx, &settings, pnid, field, "value", &error, value, now, out)
}

/// The channel a change is for. A change for a number no channel has is kept
/// whole as a webhook reject (redacted), so an admin who adds the channel late
/// can see what arrived; a disabled channel's changes are ignored.
fn channel_for(
    tx: &mut dyn Tx,
    field: &str,
    pnid: &str,
    value: &impl serde::Serialize,
    now: DateTime<Utc>,
    out: &mut Outcome,
) -> StoreResult<Option<ChannelRow>> {
    let ch = tx.channel_by_phone_number_id(pnid)?;
    match &ch {
        None => {
            let raw = serde_json::to_value(value).unwrap_or_default();
            keep_reject(
                tx,
                &RedactionSettings::default(),
                Some(pnid),
                field,
                "value",
                "no channel has this phone_number_id",
                &raw,
                now,
                out,
            )?;
        }
        Some(c) if !c.channel.enabled => {
            tracing::info!(channel = %c.channel.id, "webhook for a disabled channel ignored");
            return Ok(None);
        }
        _ => {}
    }
    Ok(ch)
}

fn messages_change(
    tx: &mut dyn Tx,
    v: &MessagesValue,
    now: DateTime<Utc>,
    limits: &Limits,
    out: &mut Outcome,
) -> StoreResult<()> {
    let pnid = &v.metadata.phone_number_id;
    let Some(channel) = channel_for(
        tx,
        switchboard_cloudapi::webhook::FIELD_MESSAGES,
        pnid,
        v,
        now,
        out,
    )?
    else {
        return Ok(());
    };
    for e in &v.errors {
        tracing::warn!(code = e.code.code(), title = ?e.title, "webhook reports an error");
    }
    for m in &v.messages {
        let name = v
            .contact_for(&m.from)
            .map(|c| c.profile.name.clone())
            .filter(|n| !n.is_empty());
        inbound_message(tx, &channel, m, name.as_deref(), now, limits, out)?;
    }
    for st in &v.statuses {
        out.statuses += 1;
        match tx.message_by_wamid(&st.id)? {
            Some(msg) => {
                let Some(conv) = tx.conversation(&msg.conversation_id)? else {
                    continue;
                };
                apply_status(tx, &conv, msg, st, now, limits)?;
            }
            None => {
                // The send may not have recorded its wamid yet.
                let raw = serde_json::to_string(st).unwrap_or_default();
                tx.stash_status(&st.id, &raw)?;
            }
        }
    }
    Ok(())
}

/// Applies a status to an outbound message unless it would move it back.
pub fn apply_status(
    tx: &mut dyn Tx,
    conv: &ConversationRow,
    mut msg: Message,
    st: &switchboard_cloudapi::MessageStatus,
    now: DateTime<Utc>,
    limits: &Limits,
) -> StoreResult<()> {
    let new = match st.status {
        DeliveryStatus::Sent => MessageStatus::Sent,
        DeliveryStatus::Delivered => MessageStatus::Delivered,
        DeliveryStatus::Read | DeliveryStatus::Played => MessageStatus::Read,
        DeliveryStatus::Failed => MessageStatus::Failed,
        _ => return Ok(()),
    };
    if msg.direction != Direction::Outbound || status_rank(new) <= status_rank(msg.status) {
        return Ok(()); // a duplicate, or late and older: never move back
    }
    if new == MessageStatus::Failed {
        let err = st.errors.first();
        let code = err.and_then(|e| u32::try_from(e.code.code()).ok());
        let reason = err
            .and_then(|e| e.title.clone().or_else(|| e.message.clone()))
            .unwrap_or_else(|| "failed".into());
        return fail_message(tx, conv, &mut msg, code, &reason, now, limits);
    }
    msg.status = new;
    msg.updated_at = now;
    tx.update_message(&msg)?;
    ops::emit_message(
        tx,
        ChangeKind::MessageStatus,
        &msg,
        conv.queue_id.as_deref(),
    )
}

/// Redacts card numbers unless the channel turned redaction off.
fn redact(channel: &ChannelRow, text: Option<String>) -> Option<String> {
    let t = text?;
    Some(match redact_for_channel(&t, &settings_of(channel)).text {
        std::borrow::Cow::Borrowed(_) => t,
        std::borrow::Cow::Owned(r) => r,
    })
}

fn content_of(m: &InboundMessage) -> (MessageKind, Option<String>, Option<Media>) {
    let media = |kind, md: &switchboard_cloudapi::inbound::Media| {
        (
            kind,
            md.caption.clone(),
            Some(Media {
                id: Some(md.id.clone()),
                link: None,
                mime_type: md.mime_type.clone(),
                caption: md.caption.clone(),
                filename: md.filename.clone(),
            }),
        )
    };
    match &m.content {
        MessageContent::Text { text } => (MessageKind::Text, Some(text.body.clone()), None),
        MessageContent::Image { image } => media(MessageKind::Image, image),
        MessageContent::Video { video } => media(MessageKind::Video, video),
        MessageContent::Audio { audio } => media(MessageKind::Audio, audio),
        MessageContent::Document { document } => media(MessageKind::Document, document),
        MessageContent::Sticker { sticker } => media(MessageKind::Sticker, sticker),
        MessageContent::Location { location } => (
            MessageKind::Location,
            Some(match (&location.name, &location.address) {
                (Some(n), Some(a)) => format!("{n}, {a}"),
                (Some(n), None) => n.clone(),
                (None, Some(a)) => a.clone(),
                (None, None) => format!("{:.5}, {:.5}", location.latitude, location.longitude),
            }),
            None,
        ),
        MessageContent::Contacts { .. } => (MessageKind::Contacts, None, None),
        MessageContent::Reaction { reaction } => {
            (MessageKind::Reaction, reaction.emoji.clone(), None)
        }
        MessageContent::Button { button } => (MessageKind::Button, Some(button.text.clone()), None),
        MessageContent::Interactive { interactive } => match interactive {
            InteractiveReply::CallPermissionReply {
                call_permission_reply,
            } => (
                MessageKind::CallPermissionReply,
                Some(match call_permission_reply.response {
                    WirePermissionResponse::Accept => "Call permission granted".to_owned(),
                    _ => "Call permission declined".to_owned(),
                }),
                None,
            ),
            InteractiveReply::ButtonReply { button_reply: c }
            | InteractiveReply::ListReply { list_reply: c } => {
                (MessageKind::Interactive, Some(c.title.clone()), None)
            }
            _ => (MessageKind::Interactive, None, None),
        },
        _ => (MessageKind::Unsupported, None, None),
    }
}

fn inbound_message(
    tx: &mut dyn Tx,
    channel: &ChannelRow,
    m: &InboundMessage,
    name: Option<&str>,
    now: DateTime<Utc>,
    limits: &Limits,
    out: &mut Outcome,
) -> StoreResult<()> {
    if m.id.is_empty() || m.from.is_empty() {
        tracing::warn!("inbound message without id or sender skipped");
        return Ok(());
    }
    if tx.message_by_wamid(&m.id)?.is_some() {
        out.duplicates += 1;
        return Ok(());
    }
    let (mut conv, _) = ops::find_or_create_conversation(
        tx,
        &channel.channel.id,
        &m.from,
        name,
        CommunicationType::Message,
        now,
    )?;
    let (kind, text, mut media) = content_of(m);
    let text = redact(channel, text);
    if let Some(md) = media.as_mut() {
        md.caption = redact(channel, md.caption.take());
    }
    let msg = Message {
        id: views::new_id(),
        conversation_id: conv.id.clone(),
        direction: Direction::Inbound,
        kind,
        text,
        media,
        forwarded: m.context.as_ref().is_some_and(|c| c.is_forwarded()),
        frequently_forwarded: m
            .context
            .as_ref()
            .is_some_and(|c| c.is_frequently_forwarded()),
        status: MessageStatus::Received,
        failure: None,
        client_id: None,
        wamid: Some(m.id.clone()),
        agent_id: None,
        sent_at: m.timestamp,
        updated_at: now,
    };
    if !tx.insert_message(&msg)? {
        out.duplicates += 1;
        return Ok(());
    }
    out.messages += 1;
    // The window runs from the customer's send time; never backwards.
    let mut window = views::window_of(&conv);
    window.observe_customer_message(m.timestamp);
    conv.last_customer_message_at = window.last_customer_message_at();
    if matches!(
        conv.status,
        ConversationStatus::Solved | ConversationStatus::Closed
    ) {
        conv.status = ConversationStatus::Open;
    }
    if let MessageContent::Interactive {
        interactive:
            InteractiveReply::CallPermissionReply {
                call_permission_reply: r,
            },
    } = &m.content
    {
        let response = match r.response {
            WirePermissionResponse::Accept => PermissionResponse::Accept,
            _ => PermissionResponse::Reject,
        };
        let mut perm = views::call_permission_of(&conv);
        perm.apply(
            CallPermissionEvent::CustomerReplied {
                response,
                permanent: r.is_permanent.unwrap_or(false),
                expires_at: r.expiration_timestamp,
            },
            m.timestamp,
            &limits.call_permission,
        );
        conv.call_permission = serde_json::to_value(&perm).unwrap_or_default();
        let (kind, text) = match response {
            PermissionResponse::Accept => (
                EventKind::CallPermissionGranted,
                "The customer allowed calls",
            ),
            PermissionResponse::Reject => (
                EventKind::CallPermissionDenied,
                "The customer declined calls",
            ),
        };
        ops::log_event(tx, &conv, kind, text, Some(&msg.id), now)?;
        ops::emit_call_permission(tx, &conv, now, limits)?;
    }
    conv.updated_at = now;
    tx.update_conversation(&conv)?;
    ops::emit_conversation(tx, &conv, now, limits)?;
    ops::emit_message(tx, ChangeKind::Message, &msg, conv.queue_id.as_deref())
}

pub fn calls_change(
    tx: &mut dyn Tx,
    v: &switchboard_cloudapi::CallsValue,
    now: DateTime<Utc>,
    limits: &Limits,
    out: &mut Outcome,
) -> StoreResult<()> {
    let pnid = &v.metadata.phone_number_id;
    let Some(channel) = channel_for(
        tx,
        switchboard_cloudapi::webhook::FIELD_CALLS,
        pnid,
        v,
        now,
        out,
    )?
    else {
        return Ok(());
    };
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
                        tx.update_call(&call)?;
                        crate::feed::emit_scoped(
                            tx,
                            ChangeKind::Call,
                            call.queue_id.as_deref(),
                            &call,
                        )?;
                    } else {
                        out.duplicates += 1;
                    }
                    continue;
                }
                if !inbound {
                    // Our business call, answered before `place` recorded its id.
                    stash_call(tx, v, Some(c), None)?;
                    continue;
                }
                if customer.is_empty() {
                    continue;
                }
                let name = v
                    .contacts
                    .iter()
                    .find(|k| &k.wa_id == customer)
                    .map(|k| k.profile.name.clone())
                    .filter(|n| !n.is_empty());
                let (mut conv, _) = ops::find_or_create_conversation(
                    tx,
                    &channel.channel.id,
                    customer,
                    name.as_deref(),
                    CommunicationType::Call,
                    now,
                )?;
                // A customer call opens the window like a message.
                let mut window = views::window_of(&conv);
                window.observe_customer_call(c.timestamp);
                conv.last_customer_message_at = window.last_customer_message_at();
                // The call's queue: calls route separately from messages.
                let routes = tx.routes()?;
                let queue_id = crate::routing::pick_queue(
                    &routes,
                    &channel.channel.id,
                    CommunicationType::Call,
                )
                .or_else(|| conv.queue_id.clone());
                let call = Call {
                    id: views::new_id(),
                    conversation_id: conv.id.clone(),
                    channel_id: channel.channel.id.clone(),
                    wacid: Some(c.id.clone()),
                    direction: Direction::Inbound,
                    state: CallState::Ringing,
                    queue_id,
                    customer: Customer {
                        wa_id: customer.clone(),
                        name: conv.customer_name.clone(),
                    },
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
                ops::emit_conversation(tx, &conv, now, limits)?;
                crate::feed::emit_scoped(tx, ChangeKind::Call, call.queue_id.as_deref(), &call)?;
                call_message(tx, &conv, &call, "Incoming call", now)?;
            }
            CallEventKind::Terminate => {
                let Some(mut call) = tx.call_by_wacid(&c.id)? else {
                    stash_call(tx, v, Some(c), None)?;
                    continue;
                };
                if call.ended_at.is_some() {
                    out.duplicates += 1;
                    continue;
                }
                let Some(mut conv) = tx.conversation(&call.conversation_id)? else {
                    continue;
                };
                let answered = c.duration.is_some_and(|d| d > 0) || c.start_time.is_some();
                call.ended_at = Some(c.end_time.unwrap_or(c.timestamp));
                call.duration_seconds = c.duration.and_then(|d| u32::try_from(d).ok());
                call.error_code = v
                    .errors
                    .first()
                    .and_then(|e| u32::try_from(e.code.code()).ok());
                call.state = if answered {
                    CallState::Ended
                } else if call.state == CallState::Declined {
                    CallState::Declined
                } else {
                    CallState::Missed
                };
                if answered && call.connected_at.is_none() {
                    call.connected_at = c.start_time.or(Some(call.started_at));
                }
                let mut perm = views::call_permission_of(&conv);
                let mut perm_changed = false;
                if answered {
                    let direction = match call.direction {
                        Direction::Inbound => RuleDirection::Inbound,
                        Direction::Outbound => RuleDirection::Outbound,
                    };
                    perm.apply(
                        CallPermissionEvent::CallConnected { direction },
                        call.connected_at.unwrap_or(c.timestamp),
                        &limits.call_permission,
                    );
                    perm_changed = true;
                } else if call.direction == Direction::Outbound {
                    let before = perm.state(now, &limits.call_permission);
                    perm.apply(
                        CallPermissionEvent::BusinessCallUnanswered,
                        c.timestamp,
                        &limits.call_permission,
                    );
                    perm_changed = true;
                    let after = perm.state(now, &limits.call_permission);
                    if before != after
                        && after == switchboard_domain::call_permission::PermissionState::Revoked
                    {
                        ops::log_event(
                            tx,
                            &conv,
                            EventKind::CallPermissionRevoked,
                            "Call permission revoked after unanswered calls",
                            None,
                            now,
                        )?;
                    }
                }
                tx.update_call(&call)?;
                crate::feed::emit_scoped(tx, ChangeKind::Call, call.queue_id.as_deref(), &call)?;
                let text = match call.state {
                    CallState::Ended => format!(
                        "Call ended ({} s)",
                        call.duration_seconds.unwrap_or_default()
                    ),
                    CallState::Declined => "Call declined".to_owned(),
                    _ => "Missed call".to_owned(),
                };
                let kind = if call.state == CallState::Ended {
                    EventKind::CallEnded
                } else {
                    EventKind::CallMissed
                };
                ops::log_event(tx, &conv, kind, &text, None, now)?;
                call_message(tx, &conv, &call, &text, now)?;
                if perm_changed {
                    conv.call_permission = serde_json::to_value(&perm).unwrap_or_default();
                    conv.updated_at = now;
                    tx.update_conversation(&conv)?;
                    ops::emit_call_permission(tx, &conv, now, limits)?;
                    ops::emit_conversation(tx, &conv, now, limits)?;
                }
            }
            _ => {}
        }
    }
    for st in &v.statuses {
        let Some(mut call) = tx.call_by_wacid(&st.id)? else {
            stash_call(tx, v, None, Some(st))?;
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
        tx.update_call(&call)?;
        crate::feed::emit_scoped(tx, ChangeKind::Call, call.queue_id.as_deref(), &call)?;
    }
    Ok(())
}

/// Keeps a call webhook item for a call id not recorded yet (a business call
/// whose `place` is still waiting for Meta's answer); replayed by
/// [`replay_stashed_calls`].
fn stash_call(
    tx: &mut dyn Tx,
    v: &switchboard_cloudapi::CallsValue,
    call: Option<&switchboard_cloudapi::Call>,
    status: Option<&switchboard_cloudapi::CallStatus>,
) -> StoreResult<()> {
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
    let raw = serde_json::to_string(&one).unwrap_or_default();
    tx.stash_status(&id, &raw)
}

/// Applies the call webhooks that arrived before the call was recorded.
pub fn replay_stashed_calls(
    tx: &mut dyn Tx,
    wacid: &str,
    now: DateTime<Utc>,
    limits: &Limits,
) -> StoreResult<()> {
    for raw in tx.take_stashed_statuses(wacid)? {
        if let Ok(v) = serde_json::from_str::<switchboard_cloudapi::CallsValue>(&raw) {
            calls_change(tx, &v, now, limits, &mut Outcome::default())?;
        }
    }
    Ok(())
}

/// A call event in the thread.
pub fn call_message(
    tx: &mut dyn Tx,
    conv: &ConversationRow,
    call: &Call,
    text: &str,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let msg = Message {
        id: views::new_id(),
        conversation_id: conv.id.clone(),
        direction: call.direction,
        kind: MessageKind::Call,
        text: Some(text.to_owned()),
        media: None,
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
    ops::emit_message(tx, ChangeKind::Message, &msg, conv.queue_id.as_deref())
}
