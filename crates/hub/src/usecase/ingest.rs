//! Ingest: one verified webhook batch applied inside one transaction: every
//! entry, change, message, status and call (calls through [`super::calls`]). Duplicates (same wamid / wacid) are
//! ignored; statuses never move back; card numbers are redacted before
//! storing unless the channel turned it off; forwarded flags are kept.
//! Input problems never fail the batch: an item that does not parse (or a
//! whole `messages`/`calls` value without its metadata, or a message that
//! names neither a number nor a business-scoped user id) is kept as a webhook
//! reject for admins, redacted, with a warning that carries no customer text.
//! A customer is found by number or by business-scoped user id (an empty
//! `from` with a `from_user_id` is a customer known only by username); an
//! item carrying both links them ([`record::find_or_create_conversation`]).

use chrono::{DateTime, Utc};
use switchboard_cloudapi::inbound::PermissionResponse as WirePermissionResponse;
use switchboard_cloudapi::{
    ChangeValue, InboundMessage, InteractiveReply, MessageContent, MessagesValue, UnparsedItem,
    WebhookEnvelope,
};
use switchboard_domain::call_permission::{CallPermissionEvent, PermissionResponse};
use switchboard_domain::limits::Limits;
use switchboard_domain::redaction::{RedactionSettings, redact_for_channel};
use switchboard_protocol::{
    CommunicationType, ConversationStatus, Direction, EventKind, Location, Media, Message,
    MessageKind, MessageStatus,
};

use super::channels::settings_of;
use super::delivery::apply_status;
use super::record::CustomerIds;
use super::{Outcome, calls, record};
use crate::error::ApiResult;
use crate::storage::{ChannelRow, ConversationRow, NewWebhookReject, Tx};
use crate::views;

pub fn ingest(
    tx: &mut dyn Tx,
    env: &WebhookEnvelope,
    now: DateTime<Utc>,
    limits: &Limits,
) -> ApiResult<Outcome> {
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
                    if let Some(channel) = channel_for(
                        tx,
                        switchboard_cloudapi::webhook::FIELD_CALLS,
                        &v.metadata.phone_number_id,
                        v,
                        now,
                        &mut out,
                    )? {
                        let unnamed = calls::apply_webhook(tx, &channel, v, now, limits, &mut out)?;
                        for call in unnamed {
                            // A call from nobody to file it under: kept for
                            // admins, never dropped.
                            let mut one = (**v).clone();
                            one.calls = vec![call];
                            one.statuses.clear();
                            keep_reject(
                                tx,
                                &settings_of(&channel),
                                Some(&v.metadata.phone_number_id),
                                &change.field,
                                "calls",
                                "a call from neither a number nor a user id",
                                &serde_json::to_value(&one).unwrap_or_default(),
                                now,
                                &mut out,
                            )?;
                        }
                    }
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
fn redaction_for(tx: &mut dyn Tx, pnid: Option<&str>) -> ApiResult<RedactionSettings> {
    let channel = match pnid {
        Some(p) => tx.channel_by_phone_number_id(p)?,
        None => None,
    };
    Ok(channel.map_or_else(RedactionSettings::default, |c| settings_of(&c)))
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

/// Keeps one item that did not parse (or that names nobody). The log names
/// the field, list and number only: the parse error may quote customer text.
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
) -> ApiResult<()> {
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
) -> ApiResult<()> {
    if unparsed.is_empty() {
        return Ok(());
    }
    let settings = redaction_for(tx, Some(pnid))?;
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
) -> ApiResult<()> {
    let pnid = value
        .pointer("/metadata/phone_number_id")
        .and_then(|v| v.as_str())
        .filter(|p| !p.is_empty());
    let settings = redaction_for(tx, pnid)?;
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
/// can see what arrived. A disabled channel's changes are stored like any
/// other: disabling stops sending, never what customers write.
fn channel_for(
    tx: &mut dyn Tx,
    field: &str,
    pnid: &str,
    value: &impl serde::Serialize,
    now: DateTime<Utc>,
    out: &mut Outcome,
) -> ApiResult<Option<ChannelRow>> {
    let ch = tx.channel_by_phone_number_id(pnid)?;
    if ch.is_none() {
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
    Ok(ch)
}

fn messages_change(
    tx: &mut dyn Tx,
    v: &MessagesValue,
    now: DateTime<Utc>,
    limits: &Limits,
    out: &mut Outcome,
) -> ApiResult<()> {
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
        let contact = record::contact_of(&v.contacts, &m.from, m.from_user_id.as_deref());
        let who = record::customer_ids(&m.from, m.from_user_id.as_deref(), contact);
        if m.id.is_empty() || who.is_unknown() {
            // Nobody to file it under (or no id to dedupe it by): kept for
            // admins, never dropped.
            let raw = serde_json::to_value(m).unwrap_or_default();
            keep_reject(
                tx,
                &settings_of(&channel),
                Some(pnid),
                switchboard_cloudapi::webhook::FIELD_MESSAGES,
                "messages",
                "a message without an id, or with neither `from` nor `from_user_id`",
                &raw,
                now,
                out,
            )?;
            continue;
        }
        let name = contact
            .map(|c| c.profile.name.clone())
            .filter(|n| !n.is_empty());
        inbound_message(tx, &channel, m, &who, name.as_deref(), now, limits, out)?;
    }
    for st in &v.statuses {
        out.statuses += 1;
        let known = match tx.message_by_wamid(&st.id)? {
            Some(msg) => Some(msg),
            None => adopt_wamid(tx, st, now)?,
        };
        match known {
            Some(msg) => {
                let Some(mut conv) = tx.conversation(&msg.conversation_id)? else {
                    continue;
                };
                link_recipient(tx, &mut conv, v, st, now, limits)?;
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

/// A status names its recipient by number and business-scoped user id
/// (`recipient_id`, `recipient_user_id`, and `contacts[]` on sent, delivered
/// and read): the conversation learns the id it lacked, when no other
/// conversation of the channel has it, so a customer first reached by
/// number is found by user id later (and the other way round).
fn link_recipient(
    tx: &mut dyn Tx,
    conv: &mut ConversationRow,
    v: &MessagesValue,
    st: &switchboard_cloudapi::MessageStatus,
    now: DateTime<Utc>,
    limits: &Limits,
) -> ApiResult<()> {
    let user_id = st.recipient_user_id.as_deref().filter(|u| !u.is_empty());
    let wa_id = st.recipient_id.as_str();
    // Only a status about this conversation's customer: one id must match.
    let same = (!wa_id.is_empty() && wa_id == conv.customer_wa_id)
        || (user_id.is_some() && user_id == conv.customer_user_id.as_deref());
    if !same {
        return Ok(());
    }
    let contact = record::contact_of(&v.contacts, wa_id, user_id);
    let who = record::customer_ids(wa_id, user_id, contact);
    let before = (
        conv.customer_wa_id.clone(),
        conv.customer_user_id.clone(),
        conv.customer_username.clone(),
    );
    if conv.customer_wa_id.is_empty()
        && !who.wa_id.is_empty()
        && tx
            .conversation_by_customer(&conv.channel_id, &who.wa_id)?
            .is_none()
    {
        conv.customer_wa_id = who.wa_id.clone();
    }
    if conv.customer_user_id.is_none()
        && let Some(u) = &who.user_id
        && tx.conversation_by_user_id(&conv.channel_id, u)?.is_none()
    {
        conv.customer_user_id = Some(u.clone());
    }
    if who.username.is_some() && conv.customer_user_id == who.user_id {
        conv.customer_username = who.username.clone();
    }
    let after = (
        conv.customer_wa_id.clone(),
        conv.customer_user_id.clone(),
        conv.customer_username.clone(),
    );
    if after != before {
        conv.updated_at = now;
        tx.update_conversation(conv)?;
        record::conversation_changed(tx, conv, now, limits)?;
    }
    Ok(())
}

/// A status for a wamid the hub never recorded, about a message whose send
/// had no answer (a timeout, a stop between the POST and Meta's answer):
/// Meta echoes the send's `biz_opaque_callback_data`, which names our
/// message; the message takes the wamid, and the status applies.
fn adopt_wamid(
    tx: &mut dyn Tx,
    st: &switchboard_cloudapi::MessageStatus,
    now: DateTime<Utc>,
) -> ApiResult<Option<Message>> {
    let Some(id) = st
        .biz_opaque_callback_data
        .as_deref()
        .and_then(super::send::message_of_callback)
    else {
        return Ok(None);
    };
    let Some(mut msg) = tx.message(id)? else {
        return Ok(None);
    };
    if msg.wamid.is_some() || msg.direction != Direction::Outbound {
        return Ok(None);
    }
    msg.wamid = Some(st.id.clone());
    msg.updated_at = now;
    tx.update_message(&msg)?;
    Ok(Some(msg))
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

/// The place shared, and the message quoted or reacted to (its wamid).
fn context_of(m: &InboundMessage) -> (Option<Location>, Option<String>) {
    match &m.content {
        MessageContent::Location { location } => (
            Some(Location {
                latitude: location.latitude,
                longitude: location.longitude,
                name: location.name.clone(),
                address: location.address.clone(),
            }),
            m.context.as_ref().and_then(|c| c.id.clone()),
        ),
        MessageContent::Reaction { reaction } => (None, Some(reaction.message_id.clone())),
        _ => (None, m.context.as_ref().and_then(|c| c.id.clone())),
    }
}

#[allow(clippy::too_many_arguments)]
fn inbound_message(
    tx: &mut dyn Tx,
    channel: &ChannelRow,
    m: &InboundMessage,
    who: &CustomerIds,
    name: Option<&str>,
    now: DateTime<Utc>,
    limits: &Limits,
    out: &mut Outcome,
) -> ApiResult<()> {
    if tx.message_by_wamid(&m.id)?.is_some() {
        out.duplicates += 1;
        return Ok(());
    }
    let (mut conv, _) = record::find_or_create_conversation(
        tx,
        &channel.channel.id,
        who,
        name,
        CommunicationType::Message,
        now,
    )?;
    let (kind, text, mut media) = content_of(m);
    let (location, reply_to) = context_of(m);
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
        location,
        reply_to,
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
        conv.call_permission.apply(
            CallPermissionEvent::CustomerReplied {
                response,
                permanent: r.is_permanent.unwrap_or(false),
                expires_at: r.expiration_timestamp,
            },
            m.timestamp,
            &limits.call_permission,
        );
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
        record::log_event(tx, &conv, kind, text, Some(&msg.id), now)?;
        record::call_permission_changed(tx, &conv, now, limits)?;
    }
    conv.updated_at = now;
    tx.update_conversation(&conv)?;
    record::conversation_changed(tx, &conv, now, limits)?;
    record::message_added(tx, &msg, conv.queue_id.as_deref())?;
    Ok(())
}
