//! Sending for an agent: the composer rules decide (deliver, record as
//! failed with `window_closed` without calling Meta, or refuse); the message
//! is recorded before the Graph call, with `client_id` idempotency; Meta's
//! answer (wamid or error) is recorded after.

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use switchboard_cloudapi::OutboundContent;
use switchboard_domain::composer::{
    self, ChannelCapabilities, ConversationFacts, Originator, RefusalReason, SendAttempt,
    SendOutcome,
};
use switchboard_domain::redaction::redact_for_channel;
use switchboard_domain::templates::TemplateStatus;
use switchboard_protocol::{
    ChangeKind, Direction, ErrorCode, EventKind, Failure, Media, Message, MessageKind,
    MessageStatus,
};

use crate::auth::Caller;
use crate::error::{ApiErr, ApiResult};
use crate::ops;
use crate::state::AppState;
use crate::storage::{ChannelRow, ConversationRow, StoreError, Tx};
use crate::views;

/// What to send, already translated for Meta and for the record.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub content: OutboundContent,
    pub kind: MessageKind,
    pub rule_kind: composer::MessageKind,
    pub text: Option<String>,
    pub media: Option<Media>,
    pub template_status: Option<TemplateStatus>,
}

pub fn refusal(reason: RefusalReason) -> ApiErr {
    match reason {
        RefusalReason::WindowClosed => ApiErr::new(
            ErrorCode::WindowClosed,
            "the customer-service window is closed: only approved templates can be sent",
        ),
        RefusalReason::ChannelDisabled => {
            ApiErr::new(ErrorCode::ChannelDisabled, "the channel is disabled")
        }
        RefusalReason::TemplateNotApproved | RefusalReason::NoApprovedTemplate => {
            ApiErr::invalid("the template is not approved")
        }
        RefusalReason::TemplateByAutomation => {
            ApiErr::forbidden("templates are sent by agents, not automations")
        }
        RefusalReason::SenderCannotChat => ApiErr::invalid("this number cannot send messages"),
        RefusalReason::SenderCannotCall => ApiErr::invalid("this number cannot take calls"),
    }
}

pub fn capabilities(ch: &ChannelRow) -> ChannelCapabilities {
    ChannelCapabilities {
        enabled: ch.channel.enabled,
        supports_chat: true,
        supports_calls: true,
    }
}

/// Extra bookkeeping run in the send's transaction once the message is
/// recorded (e.g. counting a call-permission request).
pub type Hook =
    Box<dyn FnOnce(&mut dyn Tx, &mut ConversationRow, &Message) -> Result<(), StoreError> + Send>;

enum Recorded {
    Existing(Message),
    Final(Message),
    Deliver(Message, ChannelRow, String),
}

/// Records (and then delivers) an agent's message in a conversation.
/// `extra` runs in the same transaction after the message is recorded
/// (e.g. the call-permission request bookkeeping).
pub async fn send(
    hub: &AppState,
    caller: &Caller,
    conversation_id: String,
    client_id: String,
    out: Outgoing,
    extra: Option<Hook>,
) -> ApiResult<(StatusCode, Message)> {
    let now = hub.now();
    let limits = hub.limits.clone();
    let caller2 = caller.clone();
    let out2 = out.clone();
    let recorded = hub
        .store
        .write(move |tx| {
            let mut conv = tx
                .conversation(&conversation_id)?
                .ok_or_else(|| ApiErr::not_found("conversation"))?;
            caller2.check(&conv)?;
            if let Some(existing) = tx.message_by_client_id(&conv.id, &client_id)? {
                return Ok(Recorded::Existing(existing));
            }
            let channel = tx
                .channel(&conv.channel_id)?
                .ok_or_else(|| ApiErr::not_found("channel"))?;
            let facts = ConversationFacts {
                window: views::window_of(&conv),
                approved_templates_available: true,
            };
            let attempt = SendAttempt {
                kind: out2.rule_kind,
                originator: Originator::Agent,
                template_status: out2.template_status,
            };
            let outcome =
                composer::check_send(&facts, &capabilities(&channel), &attempt, now, &limits);
            // The record keeps card numbers redacted, whoever typed them
            // (the channel's switch); Meta gets what the agent sent.
            let settings = crate::webhook::ingest::settings_of(&channel);
            let redact = |t: &Option<String>| {
                t.as_deref()
                    .map(|t| redact_for_channel(t, &settings).text.into_owned())
            };
            let mut media = out2.media.clone();
            if let Some(m) = media.as_mut() {
                m.caption = redact(&m.caption);
            }
            let mut msg = Message {
                id: views::new_id(),
                conversation_id: conv.id.clone(),
                direction: Direction::Outbound,
                kind: out2.kind,
                text: redact(&out2.text),
                media,
                forwarded: false,
                frequently_forwarded: false,
                status: MessageStatus::Pending,
                failure: None,
                client_id: Some(client_id.clone()),
                wamid: None,
                agent_id: Some(caller2.agent.id.clone()),
                sent_at: now,
                updated_at: now,
            };
            if matches!(outcome, SendOutcome::Deliver) {
                check_channel_limits(tx, &channel, &conv.id, now, &limits)?;
            }
            let deliver = match outcome {
                SendOutcome::Refuse { reason } => return Err(refusal(reason).into()),
                SendOutcome::RecordUndelivered(late) => {
                    msg.status = MessageStatus::Failed;
                    msg.failure = Some(Failure {
                        code: "window_closed".into(),
                        reason: late.event.description.clone(),
                        graph_code: Some(late.error_code),
                    });
                    false
                }
                SendOutcome::Deliver => true,
            };
            tx.insert_message(&msg)?;
            ops::emit_message(tx, ChangeKind::Message, &msg, conv.queue_id.as_deref())?;
            if !deliver {
                let text = msg
                    .failure
                    .as_ref()
                    .map(|f| f.reason.clone())
                    .unwrap_or_default();
                ops::log_event(
                    tx,
                    &conv,
                    EventKind::DeliveryFailed,
                    &text,
                    Some(&msg.id),
                    now,
                )?;
            }
            if let Some(extra) = extra {
                extra(tx, &mut conv, &msg)?;
            }
            conv.updated_at = now;
            tx.update_conversation(&conv)?;
            ops::emit_conversation(tx, &conv, now, &limits)?;
            Ok(if deliver {
                Recorded::Deliver(msg, channel, conv.customer_wa_id.clone())
            } else {
                Recorded::Final(msg)
            })
        })
        .await?;
    match recorded {
        Recorded::Existing(m) => Ok((StatusCode::OK, m)),
        Recorded::Final(m) => Ok((StatusCode::CREATED, m)),
        Recorded::Deliver(msg, channel, to) => {
            let result = hub.sender.send(&channel, &to, out.content).await;
            let msg = record_result(hub, msg, result).await?;
            Ok((StatusCode::CREATED, msg))
        }
    }
}

/// Records Meta's answer to a send: the wamid (then any statuses that came
/// early), or the failure with an event-log entry.
pub async fn record_result(
    hub: &AppState,
    msg: Message,
    result: Result<String, switchboard_cloudapi::ClientError>,
) -> ApiResult<Message> {
    let now = hub.now();
    let limits = hub.limits.clone();
    if let Err(e) = &result {
        hub.metrics
            .graph_errors
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        tracing::warn!(message_id = %msg.id, error = %e, "send failed");
    }
    let result = result.map_err(|e| (crate::sender::graph_code(&e), e.to_string()));
    Ok(hub
        .store
        .write(move |tx| {
            let mut m = tx.message(&msg.id)?.ok_or(StoreError::NotFound)?;
            let conv = tx
                .conversation(&m.conversation_id)?
                .ok_or(StoreError::NotFound)?;
            m.updated_at = now;
            match result {
                Ok(wamid) => {
                    m.wamid = Some(wamid.clone());
                    if m.status == MessageStatus::Pending {
                        m.status = MessageStatus::Sent;
                    }
                    tx.update_message(&m)?;
                    ops::emit_message(tx, ChangeKind::MessageStatus, &m, conv.queue_id.as_deref())?;
                    for raw in tx.take_stashed_statuses(&wamid)? {
                        if let Ok(st) =
                            serde_json::from_str::<switchboard_cloudapi::MessageStatus>(&raw)
                        {
                            crate::webhook::ingest::apply_status(
                                tx,
                                &conv,
                                m.clone(),
                                &st,
                                now,
                                &limits,
                            )?;
                            m = tx.message(&m.id)?.ok_or(StoreError::NotFound)?;
                        }
                    }
                }
                Err((code, text)) => {
                    fail_message(tx, &conv, &mut m, code, &text, now, &limits)?;
                }
            }
            Ok(m)
        })
        .await?)
}

/// At `serve` start, before any send: messages a previous run recorded but
/// never finished sending (it stopped between the record and Meta's answer)
/// are marked failed with an event-log entry, instead of staying pending
/// forever (a retry with their `client_id` answers the record, never
/// sending). Whether Meta got them is unknown; the agent may send again.
pub async fn fail_interrupted_sends(hub: &AppState) -> ApiResult<usize> {
    let now = hub.now();
    let limits = hub.limits.clone();
    Ok(hub
        .store
        .write(move |tx| {
            let unsent = tx.unsent_messages()?;
            let n = unsent.len();
            for mut m in unsent {
                let Some(conv) = tx.conversation(&m.conversation_id)? else {
                    continue;
                };
                fail_message(
                    tx,
                    &conv,
                    &mut m,
                    None,
                    "the hub stopped while sending it (it may not have reached the customer)",
                    now,
                    &limits,
                )?;
            }
            Ok(n)
        })
        .await?)
}

/// Marks a message failed (131047/470 as `window_closed`) and logs it.
pub fn fail_message(
    tx: &mut dyn Tx,
    conv: &ConversationRow,
    m: &mut Message,
    code: Option<u32>,
    reason: &str,
    now: DateTime<Utc>,
    limits: &switchboard_domain::limits::Limits,
) -> Result<(), StoreError> {
    let window = code
        .and_then(composer::FailureReason::from_meta_error_code)
        .is_some();
    let (code_s, text) = if window {
        let late =
            composer::late_reply_outcome(views::window_of(conv).closes_at(&limits.window), now);
        ("window_closed", late.event.description)
    } else {
        ("graph_error", format!("Not delivered: {reason}"))
    };
    m.status = MessageStatus::Failed;
    m.failure = Some(Failure {
        code: code_s.into(),
        reason: text.clone(),
        graph_code: code,
    });
    m.updated_at = now;
    tx.update_message(m)?;
    ops::emit_message(tx, ChangeKind::MessageStatus, m, conv.queue_id.as_deref())?;
    ops::log_event(tx, conv, EventKind::DeliveryFailed, &text, Some(&m.id), now)?;
    Ok(())
}

/// The channel's status and trial / verified limits (the domain's rule),
/// counted from the record. A refusal is `limit_reached` with the reason.
pub fn check_channel_limits(
    tx: &mut dyn Tx,
    channel: &ChannelRow,
    conversation_id: &str,
    now: DateTime<Utc>,
    limits: &switchboard_domain::limits::Limits,
) -> Result<(), StoreError> {
    use switchboard_domain::channel as rules;
    use switchboard_protocol::ChannelStatus as Wire;
    let c = &channel.channel;
    let status = match c.status {
        Wire::UnverifiedTrial => rules::ChannelStatus::UnverifiedTrial {
            trial_started_at: channel.status_since,
        },
        Wire::Failed => rules::ChannelStatus::Failed,
        Wire::Connected => rules::ChannelStatus::Connected,
        Wire::Rejected => rules::ChannelStatus::Rejected {
            last_submission_at: channel.status_since,
        },
    };
    let rule_channel = rules::Channel {
        id: switchboard_domain::routing::ChannelId::from(c.id.as_str()),
        department: rules::DepartmentId::from(c.id.as_str()),
        status,
        enabled: c.enabled,
        redaction: crate::webhook::ingest::settings_of(channel),
    };
    let mut channel_limits = limits.channel.clone();
    if let Some(max) = c.max_customers {
        channel_limits.verified_max_customers_per_day = max;
    }
    let u = tx.channel_usage(&c.id, conversation_id, now - chrono::TimeDelta::hours(24))?;
    let kind = if u.this_customer_wrote {
        rules::SendKind::Reply
    } else {
        rules::SendKind::BusinessInitiated
    };
    let counted = match c.status {
        Wire::Connected => u.this_customer_counted_recently,
        _ => u.this_customer_counted,
    };
    let usage = rules::ChannelUsage {
        numbers_messaged: u.numbers_messaged,
        customers_replied: u.customers_replied,
        customers_last_24h: u.customers_last_24h,
    };
    let send = rules::ChannelSend {
        kind,
        recipient_already_counted: counted,
    };
    rules::check_send_allowed(&rule_channel, &usage, &send, now, &channel_limits).map_err(|r| {
        let code = if r.reason == rules::ChannelRefusalReason::ChannelDisabled {
            ErrorCode::ChannelDisabled
        } else {
            ErrorCode::LimitReached
        };
        StoreError::from(
            ApiErr::new(code, r.message(&channel_limits)).with_next_allowed_at(r.until),
        )
    })
}
