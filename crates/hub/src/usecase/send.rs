//! Sending for an agent: the composer rules decide (deliver, record as
//! failed with `window_closed` without calling Meta, or refuse); the message
//! is recorded before the Graph call, with `client_id` idempotency; Meta's
//! answer (wamid or error) is recorded after.

use switchboard_domain::composer::{
    self, ChannelCapabilities, ConversationFacts, Originator, RefusalReason, SendAttempt,
    SendOutcome,
};
use switchboard_domain::redaction::redact_for_channel;
use switchboard_protocol::{Direction, ErrorCode, EventKind, Failure, Message, MessageStatus};

use super::delivery::{apply_status, fail_send, record_unconfirmed};
pub use super::outgoing::Outgoing;
use super::{channels, conversations, record};
use crate::access::Caller;
use crate::error::{ApiErr, ApiResult};
use crate::state::AppState;
use crate::storage::{ChannelRow, ConversationRow, StoreError, Tx};
use crate::views;

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

fn capabilities(ch: &ChannelRow) -> ChannelCapabilities {
    ChannelCapabilities {
        enabled: ch.channel.enabled,
        supports_chat: true,
        supports_calls: true,
    }
}

/// The `biz_opaque_callback_data` a send carries: Meta echoes it in the
/// message's statuses, so a send whose answer was lost is still matched.
pub fn callback_of(message_id: &str) -> String {
    format!("{CALLBACK_PREFIX}{message_id}")
}

/// The message a `biz_opaque_callback_data` names, if one of ours.
pub fn message_of_callback(data: &str) -> Option<&str> {
    data.strip_prefix(CALLBACK_PREFIX)
        .filter(|id| !id.is_empty())
}

const CALLBACK_PREFIX: &str = "switchboard:";

/// Extra bookkeeping run in the send's transaction once the message is
/// recorded (e.g. counting a call-permission request); its refusal rolls the
/// message back.
pub type Hook =
    Box<dyn FnOnce(&mut dyn Tx, &mut ConversationRow, &Message) -> ApiResult<()> + Send>;

/// What recording a send left to do.
pub enum Recorded {
    /// A retried `client_id`: the message as recorded the first time.
    Existing(Message),
    /// Recorded and final (refused by the window, recorded as failed).
    Final(Message),
    /// Recorded as pending: to deliver to this channel and customer.
    Deliver(Message, ChannelRow, String),
}

/// Records (and then delivers) an agent's message in a conversation; `true`
/// with it when this call created it (`false`: a retried `client_id`).
pub async fn send(
    hub: &AppState,
    caller: &Caller,
    conversation_id: String,
    client_id: String,
    out: Outgoing,
    extra: Option<Hook>,
) -> ApiResult<(bool, Message)> {
    let now = hub.now();
    let limits = hub.limits.clone();
    let caller2 = caller.clone();
    let out2 = out.clone();
    let recorded = hub
        .store
        .write(move |tx| {
            let conv = conversations::load(tx, &caller2, &conversation_id)?;
            record_outgoing(tx, &caller2, conv, &client_id, &out2, extra, now, &limits)
        })
        .await?;
    deliver(hub, recorded, out).await
}

/// Records an agent's message in `conv` inside the caller's transaction: a
/// retried `client_id` answers the first record; the composer rules decide
/// whether it is delivered, recorded as failed, or refused; `extra` runs in
/// the same transaction.
#[allow(clippy::too_many_arguments)]
pub fn record_outgoing(
    tx: &mut dyn Tx,
    caller: &Caller,
    mut conv: ConversationRow,
    client_id: &str,
    out: &Outgoing,
    extra: Option<Hook>,
    now: chrono::DateTime<chrono::Utc>,
    limits: &switchboard_domain::limits::Limits,
) -> ApiResult<Recorded> {
    if let Some(existing) = tx.message_by_client_id(&conv.id, client_id)? {
        return Ok(Recorded::Existing(existing));
    }
    let channel = channels::load(tx, &conv.channel_id)?;
    let facts = ConversationFacts {
        window: views::window_of(&conv),
        approved_templates_available: true,
    };
    let attempt = SendAttempt {
        kind: out.rule_kind,
        originator: Originator::Agent,
        template_status: out.template_status,
    };
    let outcome = composer::check_send(&facts, &capabilities(&channel), &attempt, now, limits);
    // The record keeps card numbers redacted, whoever typed them (the
    // channel's switch); Meta gets what the agent sent.
    let settings = channels::settings_of(&channel);
    let redact = |t: &Option<String>| {
        t.as_deref()
            .map(|t| redact_for_channel(t, &settings).text.into_owned())
    };
    let mut media = out.media.clone();
    if let Some(m) = media.as_mut() {
        m.caption = redact(&m.caption);
    }
    let mut msg = Message {
        id: views::new_id(),
        conversation_id: conv.id.clone(),
        direction: Direction::Outbound,
        kind: out.kind,
        text: redact(&out.text),
        media,
        location: None,
        reply_to: None,
        forwarded: false,
        frequently_forwarded: false,
        status: MessageStatus::Pending,
        failure: None,
        client_id: Some(client_id.to_owned()),
        wamid: None,
        agent_id: Some(caller.agent.id.clone()),
        sent_at: now,
        updated_at: now,
    };
    if matches!(outcome, SendOutcome::Deliver) {
        channels::check_send_limits(tx, &channel, &conv.id, now, limits)?;
    }
    let deliver = match outcome {
        SendOutcome::Refuse { reason } => return Err(refusal(reason)),
        SendOutcome::RecordUndelivered(late) => {
            msg.status = MessageStatus::Failed;
            msg.failure = Some(Failure {
                code: "window_closed".into(),
                reason: late.event.description.clone(),
                graph_code: Some(late.error_code),
                detail: None,
            });
            false
        }
        SendOutcome::Deliver => true,
    };
    tx.insert_message(&msg)?;
    record::message_added(tx, &msg, conv.queue_id.as_deref())?;
    if !deliver {
        let text = msg
            .failure
            .as_ref()
            .map(|f| f.reason.clone())
            .unwrap_or_default();
        record::log_event(
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
    record::conversation_changed(tx, &conv, now, limits)?;
    Ok(if deliver {
        Recorded::Deliver(msg, channel, conv.customer_address().to_owned())
    } else {
        Recorded::Final(msg)
    })
}

/// Delivers what [`record_outgoing`] recorded; `true` when it was new.
pub async fn deliver(
    hub: &AppState,
    recorded: Recorded,
    out: Outgoing,
) -> ApiResult<(bool, Message)> {
    match recorded {
        Recorded::Existing(m) => Ok((false, m)),
        Recorded::Final(m) => Ok((true, m)),
        Recorded::Deliver(msg, channel, to) => {
            // The Graph call and its record run on their own: an agent whose
            // connection drops does not take them down (a retry with the
            // same client_id then answers the recorded result).
            let hub = hub.clone();
            let delivery = tokio::spawn(async move {
                let callback = callback_of(&msg.id);
                let result = hub.sender.send(&channel, &to, out.content, &callback).await;
                record_result(&hub, msg, result).await
            });
            let msg = delivery
                .await
                .map_err(|e| ApiErr::internal(format!("the send stopped: {e}")))??;
            Ok((true, msg))
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
    hub.store
        .write(move |tx| {
            let mut m = tx.message(&msg.id)?.ok_or(StoreError::NotFound)?;
            let conv = conversations::load_row(tx, &m.conversation_id)?;
            m.updated_at = now;
            match result {
                Ok(wamid) => {
                    m.wamid = Some(wamid.clone());
                    if m.status == MessageStatus::Pending {
                        m.status = MessageStatus::Sent;
                    }
                    tx.update_message(&m)?;
                    record::message_status_changed(tx, &m, conv.queue_id.as_deref())?;
                    for raw in tx.take_stashed_statuses(&wamid)? {
                        if let Ok(st) =
                            serde_json::from_str::<switchboard_cloudapi::MessageStatus>(&raw)
                        {
                            apply_status(tx, &conv, m.clone(), &st, now, &limits)?;
                            m = tx.message(&m.id)?.ok_or(StoreError::NotFound)?;
                        }
                    }
                }
                Err(e) => fail_send(tx, &conv, &mut m, &e, now, &limits)?,
            }
            Ok::<_, ApiErr>(m)
        })
        .await
}

/// With several hub instances on one database: the leading one confirms,
/// every minute, the sends an instance that died left pending.
pub fn spawn_interrupted_sends(hub: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(60)).await;
            if !hub.store.leads_background_jobs() {
                continue;
            }
            match confirm_interrupted_sends(&hub).await {
                Ok(0) => {}
                Ok(n) => tracing::warn!(
                    n,
                    "sends left pending by a stopped instance wait for WhatsApp to confirm them"
                ),
                Err(e) => tracing::warn!(error = %e.message, "confirming interrupted sends failed"),
            }
        }
    })
}

/// How long a send may be in flight on another hub instance sharing the
/// database (Graph's timeout and the sender's retries, with room to spare)
/// before it counts as interrupted.
pub const IN_FLIGHT_ELSEWHERE: chrono::TimeDelta = chrono::TimeDelta::minutes(5);

/// At `serve` start, before any send: messages a previous run recorded but
/// never finished sending (it stopped between the record and Meta's answer)
/// become `unconfirmed` with an event-log entry, instead of staying pending
/// forever (a retry with their `client_id` answers the record, never
/// sending) or being guessed as failed: WhatsApp may have them, and its
/// delivery reports (matched by the callback data each send carries) settle
/// them. On a database shared with other hub instances a pending message may
/// be another instance's send in flight: only those older than
/// [`IN_FLIGHT_ELSEWHERE`] count (and the leading instance looks again
/// periodically, for an instance that died mid-send).
pub async fn confirm_interrupted_sends(hub: &AppState) -> ApiResult<usize> {
    let now = hub.now();
    let cutoff = hub
        .store
        .shared_with_other_instances()
        .then(|| now - IN_FLIGHT_ELSEWHERE);
    hub.store
        .write(move |tx| {
            let unsent: Vec<_> = tx
                .unsent_messages()?
                .into_iter()
                .filter(|m| cutoff.is_none_or(|c| m.updated_at < c))
                .collect();
            let n = unsent.len();
            for mut m in unsent {
                let Some(conv) = tx.conversation(&m.conversation_id)? else {
                    continue;
                };
                let note = Failure {
                    code: "outcome_unknown".into(),
                    reason: "The hub stopped while sending it: waiting for WhatsApp to confirm it."
                        .into(),
                    graph_code: None,
                    detail: None,
                };
                record_unconfirmed(tx, &conv, &mut m, note, now)?;
            }
            Ok::<_, ApiErr>(n)
        })
        .await
}
